#include "commands.hpp"

#include <papers/aggregate.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct DatesOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;
  std::string by = "day";
};

int run_dates(const DatesOptions& options) {
  const auto query = compile_or_report(options.query);
  if (!query) {
    return kExitError;
  }
  const Period by = parse_period(options.by).value_or(Period::kDay);
  const LoadResult& load = load_and_report(options.common);
  const auto papers = run_query(load.table, *query);
  const auto rows = group_by_period(papers, by);
  const bool printed = print_insight(
      options.output,
      [&](OutputFormat format, const FormatOptions& how, OutputSink& to) {
        return format_dates(format, rows, by, how, to);
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

std::function<int()> setup_dates(CLI::App& cmd) {
  auto options = std::make_shared<DatesOptions>();
  add_period_option(cmd, options->by);
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, true);
  cmd.footer(command_footer(
      R"(One row per digest date that has papers passing the filters, oldest first:
the number of papers (also drawn as a bar), their total votes, and the top
paper (most votes, then input order) with its votes. With --by week or --by
month, one row per ISO week or month that has papers. Every appearance of a
paper counts, on its own date; papers without a date are left out. For a
series that shows empty weeks and months too, see papers trend.

Bars are Unicode block characters, an eighth of a column precise, scaled so
that the busiest row fills a quarter of the width (--width, else the
terminal's, else 80); with --ascii, or when the locale is not UTF-8, they are
drawn with '#'.

Examples:
  papers dates --data ~/digests
  papers dates --by week --since 2024-01
  papers dates --by month --keyword diffusion --ascii
  papers dates --format csv > dates.csv)"));
  return [options] { return run_dates(*options); };
}

}  // namespace papers::cli
