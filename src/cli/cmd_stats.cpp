#include "commands.hpp"

#include <papers/aggregate.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct StatsOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;
};

int run_stats(const StatsOptions& options) {
  const auto query = compile_or_report(options.query);
  if (!query) {
    return kExitError;
  }
  const LoadResult& load = load_and_report(options.common);
  const auto papers = run_query(load.table, *query);
  Summary summary = summarize(papers);
  summary.files = load.inputs.size();
  summary.warnings = load.diagnostics.size();
  const bool printed = print_insight(
      options.output,
      [&summary](
          OutputFormat format, const FormatOptions& how, OutputSink& to) {
        return format_summary(format, summary, how, to);
      });
  if (!printed) {
    return kExitError;
  }
  if (papers.empty()) {
    explain_no_match(load.table, options.query);
  }
  return exit_status(papers.size(), load);
}

}  // namespace

std::function<int()> setup_stats(CLI::App& cmd) {
  auto options = std::make_shared<StatsOptions>();
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, false);
  cmd.footer(command_footer(
      R"(A summary of the inputs and of the papers that pass the filters: files read,
first and last date and the number of dates, papers (appearances: a paper
featured on two dates counts twice), distinct arXiv ids, ids featured more
than once, papers with unknown votes, distinct authors (spellings of one
person count once), the median and the maximum of the known votes, and the
warnings while reading. Files and warnings are about the inputs, whatever
the filters. As a table it is a labelled list; json and jsonl print one
object, csv and tsv a header row and one row. The exit status is 1 when no
paper passes the filters (the summary is still printed).

Examples:
  papers stats --data ~/digests
  papers stats --since 2024-01 --until 2024-03
  papers stats --format json | jq .median_votes)"));
  return [options] { return run_stats(*options); };
}

}  // namespace papers::cli
