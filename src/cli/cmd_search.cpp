#include "commands.hpp"

#include <memory>

namespace papers::cli {

std::function<int()> setup_search(CLI::App& cmd) {
  auto options = std::make_shared<ListingOptions>();
  auto& query = options->query;
  query.default_sort = SortKey::kInput;
  cmd.add_option("TERM", query.terms, "Text to look for (a phrase if quoted)")
      ->required();
  add_match_options(cmd, query, "Match papers with any TERM, not every one");
  add_common_options(cmd, options->common);
  add_filter_options(cmd, options->query);
  add_output_options(cmd, options->output);
  cmd.footer(command_footer(
      R"(Papers whose title or summary contains every TERM, in input order. Matching
ignores case (full Unicode case folding) but not accents, and looks at the
summary as a reader sees it, so **bold** markup never splits a phrase; Korean
text works as any other. Authors (--in authors) are matched like the author
command's names: accents, dots and extra spaces ignored. Each quoted TERM is
one phrase; use -- before a TERM that starts with '-'.

Examples:
  papers search mamba
  papers search "in-context learning" transformer --since 2024-02
  papers search --any diffusion 확산 --in title
  papers search --regex '\bLLa(MA|VA)\b' --format jsonl)"));
  return [options] { return run_listing(*options, View::kTop, false); };
}

}  // namespace papers::cli
