#include "commands.hpp"

#include <papers/related.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct RelatedOptions {
  ListingOptions listing;
  std::string id;
};

int run_related(const RelatedOptions& options) {
  const auto id = normalize_arxiv_id(options.id);
  if (!id) {
    return usage_error(
        Error{"related: '" + options.id + "' is not an arXiv id"});
  }
  // The filters choose the candidates; the paper itself is found in all
  // the inputs, whatever they say.
  std::size_t limit = 0;
  const auto query = compile_rows_query(options.listing.query, limit);
  QueryOptions by_id;
  by_id.ids.push_back(*id);
  by_id.default_sort = SortKey::kVotes;
  const auto target_query = compile_or_report(by_id);
  if (!query || !target_query) {
    return kExitError;
  }
  const LoadResult& load = load_and_report(options.listing.common);
  const auto targets = run_query(load.table, *target_query);
  if (targets.empty()) {
    if (!options.listing.common.quiet) {
      eprint("papers: {}: no such paper\n", *id);
    }
    return exit_status(0, load);
  }
  const auto candidates = run_query(load.table, *query);
  auto related = rank_related(*targets.front(), candidates);
  if (limit > 0 && related.size() > limit) {
    related.resize(limit);
  }
  if (options.listing.common.quiet) {
    return related.empty() ? exit_status(0, load) : kExitMatch;
  }
  if (options.listing.count) {
    if (!write_stdout(fmt::format("{}\n", related.size()))) {
      return kExitError;
    }
    return exit_status(related.size(), load);
  }
  std::vector<const Paper*> rows;
  std::vector<Hit> hits;
  for (auto& row : related) {
    rows.push_back(row.paper);
    Hit hit;
    hit.score = row.score;
    hit.snippet = std::move(row.shared);
    hits.push_back(std::move(hit));
  }
  if (!print_papers(
          rows, options.listing.output, View::kSearch, std::nullopt, hits)) {
    return kExitError;
  }
  if (rows.empty() && !options.listing.common.quiet) {
    eprint("papers: related: no paper shares a term with {}\n", *id);
  }
  return exit_status(rows.size(), load);
}

}  // namespace

std::function<int()> setup_related(CLI::App& cmd) {
  auto options = std::make_shared<RelatedOptions>();
  options->listing.query.default_limit = 10;
  cmd.add_option("ID",
                 options->id,
                 "arXiv id of a paper of the inputs, in any spelling")
      ->required();
  add_common_options(cmd, options->listing.common);
  add_filters(cmd, options->listing.query);
  add_row_limit(cmd, options->listing.query, "papers");
  add_output_options(cmd, options->listing.output);
  add_count_option(cmd, options->listing.count);
  cmd.footer(command_footer(
      R"(The papers most like paper ID, best first (see RELATED in papers(1)): the
cosine of TF-IDF vectors over the words of title (counted twice) and
summary, English words lowercased without stop words, Korean words
case-folded and split into pairs of syllables too, plus 0.1 for each
shared author (at most 3). One row per arXiv id, never ID itself; ties by
votes, then newer date. The filters choose the candidates, not ID. Each
row shows the shared terms that weigh most: a MATCH column in tables,
`score` and `snippet` in json, jsonl, csv and tsv. An ID not in the inputs
is exit 1 with "no such paper".

Examples:
  papers related 2402.03620
  papers related 2402.03620 --since 2024-01 -n 5 --format jsonl)"));
  return [options] { return run_related(*options); };
}

}  // namespace papers::cli
