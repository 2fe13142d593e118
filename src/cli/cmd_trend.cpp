#include "commands.hpp"

#include <papers/aggregate.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct TrendOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;  ///< the filters and, in `terms`, the TERMs
  std::string by = "month";
};

int run_trend(const TrendOptions& options) {
  // The TERMs select what is counted; the filters alone select the span
  // of the series, so that a period where the TERMs never occur is a zero.
  const auto matching = compile_or_report(options.query);
  if (!matching) {
    return kExitError;
  }
  QueryOptions span_options = options.query;
  span_options.terms.clear();
  const auto span = compile_or_report(span_options);
  if (!span) {
    return kExitError;
  }
  const Period by = parse_period(options.by).value_or(Period::kMonth);
  const LoadResult& load = load_and_report(options.common);
  const auto all = run_query(load.table, *span);
  const auto matched = run_query(load.table, *matching);
  const auto rows = series_by_period(all, matched, by);
  const bool printed = print_insight(
      options.output,
      [&](OutputFormat format, const FormatOptions& how, OutputSink& to) {
        return format_trend(format, rows, by, how, to);
      });
  if (!printed) {
    return kExitError;
  }
  if (all.empty()) {
    explain_no_match(load.table, options.query);
  }
  return exit_status(matched.size(), load);
}

}  // namespace

std::function<int()> setup_trend(CLI::App& cmd) {
  auto options = std::make_shared<TrendOptions>();
  auto& query = options->query;
  cmd.add_option("TERM", query.terms, "Text to look for (a phrase if quoted)")
      ->required();
  options->by = "month";
  add_period_option(cmd, options->by);
  add_match_options(cmd, query, "Count papers with any TERM, not every one");
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, true);
  cmd.footer(command_footer(
      R"(How many papers matched the TERMs in each month (or day, or ISO week), as a
bar chart. A paper matches as for the search command: its title or summary
contains every TERM (--any: one of them), ignoring case; --in and --regex
work as there. Every appearance counts, on its own date.

The series runs from the first to the last date of the papers that pass the
filters (without the TERMs), and every period in between has a row: one
where nothing matched shows 0 and no bar, so gaps are visible. Weeks are ISO
8601 weeks (Monday to Sunday), named YYYY-Www.

Bars are Unicode block characters, an eighth of a column precise, scaled so
that the largest count fills the width (--width, else the terminal's, else
80) beside the period and count columns; with --ascii, or when the locale is
not UTF-8, they are drawn with '#'. json, jsonl, csv and tsv print the rows
without bars. The exit status is 1 when no paper matched (the zero rows are
still printed).

Examples:
  papers trend mamba --data ~/digests
  papers trend "state space" --by week --since 2024-01
  papers trend --any diffusion 확산 --by month --width 60 --ascii
  papers trend agent --format csv > agent.csv)"));
  return [options] { return run_trend(*options); };
}

}  // namespace papers::cli
