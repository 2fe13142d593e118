#include "commands.hpp"

#include <memory>

namespace papers::cli {

std::function<int()> setup_list(CLI::App& cmd) {
  auto options = std::make_shared<ListingOptions>();
  options->query.default_sort = SortKey::kInput;
  add_common_options(cmd, options->common);
  add_filter_options(cmd, options->query);
  add_output_options(cmd, options->output);
  add_count_option(cmd, options->count);
  cmd.footer(command_footer(
      R"(Every paper of the inputs that passes the filters, in input order: files in
sorted path order, papers in document order. Exact repeats (same id and date)
are listed once; a paper featured on two dates is listed twice (see --unique).

Examples:
  papers list --data ~/digests
  papers list --since 2024-01 --until 2024-02 --min-votes 10
  papers list --keyword diffusion --keyword video --sort votes
  papers list --data 2024-02-07.md --format jsonl | jq -r .id)"));
  return [options] { return run_listing(*options, View::kList, false); };
}

}  // namespace papers::cli
