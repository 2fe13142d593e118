#include "commands.hpp"

#include <papers/aggregate.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct AuthorsOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;
  std::string sort = "papers";
};

int run_authors(const AuthorsOptions& options) {
  // -n limits the authors, not the papers they are counted on.
  std::size_t limit = 0;
  auto query = compile_rows_query(options.query, limit);
  if (!query) {
    return kExitError;
  }
  const LoadResult& load = load_and_report(options.common);
  const auto papers = run_query(load.table, *query);
  auto rows = rank_authors(papers, options.query.loose);
  sort_authors(rows, author_order(options.sort));
  if (limit > 0 && rows.size() > limit) {
    rows.resize(limit);
  }
  const bool printed = print_insight(
      options.output,
      [&rows](OutputFormat format, const FormatOptions& how, OutputSink& to) {
        return format_authors(format, rows, how, to);
      });
  if (!printed) {
    return kExitError;
  }
  if (rows.empty()) {
    explain_no_match(load.table, options.query);
  }
  return exit_status(rows.size(), load);
}

}  // namespace

std::function<int()> setup_authors(CLI::App& cmd) {
  auto options = std::make_shared<AuthorsOptions>();
  options->query.default_limit = 10;
  add_row_limit(cmd, options->query, "authors");
  add_author_sort(cmd, options->sort);
  cmd.add_flag("--loose",
               options->query.loose,
               "Also count names that differ only in single-letter middle "
               "initials as one person (and match --author so)");
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, false);
  cmd.footer(command_footer(
      R"(Authors ranked by the number of papers of theirs that pass the filters, then
by the total votes of those papers, then by name. Columns: rank, name, papers,
total votes, and the best paper (most votes, then newest) with its id.

A paper counts once per author however often it was featured, with the votes
of its best-voted appearance; unknown votes count as none. Spellings of one
person (the same name once case, accents, dots and spaces are folded, as for
the author command) are one row, shown under the most frequent spelling;
--format json lists every spelling under "variants".

Examples:
  papers authors --data ~/digests
  papers authors --since 2024-01 --until 2024-03 -n 20
  papers authors --keyword diffusion --format json | jq -r '.[].name'
  papers authors -n 0 --format csv > authors.csv)"));
  return [options] { return run_authors(*options); };
}

}  // namespace papers::cli
