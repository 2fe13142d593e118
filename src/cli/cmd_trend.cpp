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
  bool share = false;
  bool each = false;
};

int run_trend(const TrendOptions& options) {
  // The TERMs select what is counted; the filters alone select the total
  // of each period, of which the matches are a share.
  auto matching = compile_or_report(options.query);
  if (!matching) {
    return kExitError;
  }
  QueryOptions span_options = options.query;
  span_options.terms.clear();
  const auto span = compile_or_report(span_options);
  if (!span) {
    return kExitError;
  }
  // --each: one query, and one series, per TERM.
  std::vector<std::pair<std::string, Query>> series;
  if (options.each) {
    for (const auto& term : options.query.terms) {
      QueryOptions one = options.query;
      one.terms = {term};
      auto query = compile_or_report(one);
      if (!query) {
        return kExitError;
      }
      series.emplace_back(term, std::move(*query));
    }
  } else {
    series.emplace_back(std::string(), std::move(*matching));
  }
  const Period by = parse_period(options.by).value_or(Period::kMonth);
  const LoadResult& load = load_and_report(options.common);
  const auto all = run_query(load.table, *span);
  const auto days = digest_dates(load.table, *span);
  std::vector<TrendRow> rows;
  std::size_t matched_papers = 0;
  for (const auto& [term, query] : series) {
    const auto matched = run_query(load.table, query);
    matched_papers += matched.size();
    auto part = trend_series(all, matched, days, by, term);
    if (!part) {
      return usage_error(part.error());
    }
    rows.insert(rows.end(),
                std::make_move_iterator(part->begin()),
                std::make_move_iterator(part->end()));
  }
  const TrendStyle style{options.share, options.each};
  const bool printed = print_insight(
      options.output,
      [&](OutputFormat format, const FormatOptions& how, OutputSink& to) {
        return format_trend(format, rows, by, style, how, to);
      });
  if (!printed) {
    return kExitError;
  }
  if (all.empty()) {
    explain_no_match(load.table, options.query);
  }
  return exit_status(matched_papers, load);
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
  cmd.add_flag("--share",
               options->share,
               "Draw the share of the period's papers that matched, not "
               "the count");
  cmd.add_flag("--each",
               options->each,
               "One series per TERM, to compare them (each TERM counted "
               "alone)");
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, true);
  cmd.footer(command_footer(
      R"(How many papers matched the TERMs in each month (or day, ISO week or year),
out of how many, as a bar chart. A paper matches as for the search command:
its title or summary contains every TERM (--any: one of them), ignoring
case; --in and --regex work as there. Every appearance counts, on its own
date. With --each, every TERM is a series of its own, so that `papers trend
mamba transformer --each` compares them instead of counting papers with
both: the table has a row per period and a column per TERM, headed by the
TERM, with its count (--share: its share) and a bar, all bars on one scale;
narrow widths shorten the bars, drop DAYS, TOTAL, then the bars, then cut
the TERMs in the header; when even that is too wide (many TERMs), each TERM
is a block of rows of its own with a TERM column.

Each row says how many digest days the period has (DAYS), how many papers
passed the filters other than the TERMs (TOTAL), how many of them matched
(PAPERS) and what share that is (SHARE); --share draws the bars of the share
instead of the count, since a month of 550 papers is not a month of 44.
The series runs from the first to the last digest date of the inputs (within
--date, --since and --until), and every period in between has a row. A
period without any digest is a gap, not a zero: it has no counts and says
"no digest". The first and last periods are marked "partial" when the data
starts after the first's first day or ends before the last's last day.
Narrow widths drop DAYS, then TOTAL, then SHARE (with --share, PAPERS). At
most 10000 periods are laid out: beyond that the command fails (exit 2) and
says to use a coarser --by or a date range. Weeks are ISO 8601 weeks (Monday
to Sunday), named YYYY-Www.

Bars are Unicode block characters, an eighth of a column precise, scaled so
that the largest value fills the width (--width, else the terminal's, else
80) beside the other columns; with --ascii, or when the locale is not
UTF-8, they are drawn with '#'. json, jsonl, csv and tsv print the rows
without bars, with digests, total, papers, share (a fraction, null when total
is 0) and partial (true or false); a gap has total, papers and share null.
The exit status is 1 when no paper matched (the rows are still printed).

Examples:
  papers trend mamba --data ~/digests
  papers trend mamba transformer --each --share --since 2024
  papers trend "state space" --by week --since 12w
  papers trend --any diffusion 확산 --by month --width 60 --ascii
  papers trend agent --format csv > agent.csv)"));
  return [options] { return run_trend(*options); };
}

}  // namespace papers::cli
