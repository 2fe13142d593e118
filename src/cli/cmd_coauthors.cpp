#include "commands.hpp"

#include <papers/aggregate.hpp>
#include <papers/text_fold.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <memory>

namespace papers::cli {
namespace {

struct CoauthorsOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;
  std::vector<std::string> name;  ///< the words of NAME
  std::string sort = "papers";
};

int run_coauthors(CoauthorsOptions& options) {
  std::string name;
  for (const auto& word : options.name) {
    name += name.empty() ? "" : " ";
    name += word;
  }
  if (author_key(name).empty()) {
    return usage_error(Error{"coauthors: '" + name + "' is not a name"});
  }
  // The papers of NAME, exactly as `papers author NAME` selects them.
  options.query.authors.insert(options.query.authors.begin(), name);
  std::size_t limit = 0;
  auto query = compile_rows_query(options.query, limit);
  if (!query) {
    return kExitError;
  }
  const LoadResult& load = load_and_report(options.common);
  const auto papers = run_query(load.table, *query);
  auto rows = rank_coauthors(papers, name, options.query.loose);
  sort_authors(rows, author_order(options.sort));
  if (limit > 0 && rows.size() > limit) {
    rows.resize(limit);
  }
  const bool printed = print_insight(
      options.output,
      [&rows](OutputFormat format, const FormatOptions& how, OutputSink& to) {
        return format_coauthors(format, rows, how, to);
      });
  if (!printed) {
    return kExitError;
  }
  if (papers.empty()) {
    explain_no_match(load.table, options.query);
  } else if (rows.empty()) {
    eprint("papers: no co-authors of '{}' in {} paper{}\n",
           name,
           papers.size(),
           papers.size() == 1 ? "" : "s");
  }
  return exit_status(rows.size(), load);
}

}  // namespace

std::function<int()> setup_coauthors(CLI::App& cmd) {
  auto options = std::make_shared<CoauthorsOptions>();
  options->query.default_limit = 10;
  cmd.add_option("NAME",
                 options->name,
                 "The author's name; several words are joined with spaces")
      ->required();
  add_row_limit(cmd, options->query, "co-authors");
  add_author_sort(cmd, options->sort);
  cmd.add_flag("--loose",
               options->query.loose,
               "Also ignore single-letter middle initials, in NAME and in "
               "the co-authors' names");
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, false);
  cmd.footer(command_footer(
      R"(The people who share the most papers with NAME, among the papers that pass the
filters: ranked by shared papers, then their total votes, then name, with the
ids of the shared papers in input order. NAME is matched as by the author
command (case, accents, dots and spaces ignored), and so are the co-authors:
spellings of one person are one row. A paper counts once however often it was
featured.

When NAME is nobody in the data, near names are suggested on standard error
and the exit status is 1, as it is when NAME has no co-authors.

Examples:
  papers coauthors "Quoc V. Le"
  papers coauthors --loose Quoc Le -n 5
  papers coauthors "Zejun Ma" --since 2024-01 --format json | jq -r '.[].ids[]')"));
  return [options] { return run_coauthors(*options); };
}

}  // namespace papers::cli
