#include "commands.hpp"

#include <memory>

namespace papers::cli {

std::function<int()> setup_search(CLI::App& cmd) {
  auto options = std::make_shared<ListingOptions>();
  auto& query = options->query;
  query.default_sort = SortKey::kRelevance;
  cmd.add_option("TERM", query.terms, "Text to look for (a phrase if quoted)")
      ->required();
  add_match_options(cmd, query, "Match papers with any TERM, not every one");
  cmd.add_flag("--expand",
               query.expand,
               "A TERM also matches its translations mined from the inputs "
               "(see papers glossary TERM)");
  add_common_options(cmd, options->common);
  add_filter_options(cmd, options->query);
  add_output_options(cmd, options->output);
  add_count_option(cmd, options->count);
  cmd.footer(command_footer(
      R"(Papers whose title or summary contains every TERM, best match first: a BM25F
score over title (weighted 3) and summary, ties by votes, then newer date
(see SEARCH RANKING in papers(1)). Each row shows where it matched: a MATCH
column in tables (matches in bold red with colour), `score` and `snippet` in
json, jsonl, csv and tsv. Matching ignores case (full Unicode case folding)
but not accents, and looks at the summary as a reader sees it, so **bold**
markup never splits a phrase. In Korean, spaces between Hangul syllables are
optional: "강화 학습" finds 강화학습 and 강화학습 finds "강화 학습" (--exact:
as written). Authors (--in authors) are matched like the author command's
names: accents, dots and extra spaces ignored. Each quoted TERM is one
phrase; a TERM of only spaces or punctuation is an error; use -- before a
TERM that starts with '-'.

Summaries name their terms in both languages, 확산 모델(diffusion model):
from those the search learns English-Korean pairs (papers glossary shows
them). When a TERM's translation would find more papers, one line on stderr
says so; --expand matches the TERM or its translations (not with --regex).

Examples:
  papers search mamba
  papers search "강화 학습" -n 5 --format jsonl
  papers search -S LLM --sort votes
  papers search "in-context learning" transformer --since 2024-02
  papers search --any diffusion 확산 --in title
  papers search diffusion --expand -n 20
  papers search --regex '\bLLa(MA|VA)\b' --format jsonl)"));
  return [options] { return run_listing(*options, View::kSearch, false); };
}

}  // namespace papers::cli
