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
  std::string sort = "date";
  bool reverse = false;
};

PeriodOrder period_order(std::string_view name) {
  if (name == "papers") {
    return PeriodOrder::kPapers;
  }
  return name == "votes" ? PeriodOrder::kVotes : PeriodOrder::kDate;
}

int run_dates(const DatesOptions& options) {
  // -n limits the periods, not the papers they count.
  std::size_t limit = 0;
  auto query = compile_rows_query(options.query, limit);
  if (!query) {
    return kExitError;
  }
  const Period by = parse_period(options.by).value_or(Period::kDay);
  const LoadResult& load = load_and_report(options.common);
  const auto papers = run_query(load.table, *query);
  auto rows = group_by_period(papers, by);
  sort_periods(rows, period_order(options.sort), options.reverse);
  if (limit > 0 && rows.size() > limit) {
    rows.resize(limit);
  }
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
  cmd.add_option("--sort",
                 options->sort,
                 "Order by date (oldest first), papers or votes (most "
                 "first; ties oldest first)")
      ->type_name("date|papers|votes")
      ->check(CLI::IsMember({"date", "papers", "votes"}))
      ->group("Order");
  cmd.add_flag("--reverse",
               options->reverse,
               "Reverse the order (periods without a known vote stay last)")
      ->group("Order");
  add_row_limit(cmd, options->query, "periods");
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, true);
  cmd.footer(command_footer(
      R"(One row per digest date that has papers passing the filters, oldest first:
the number of papers (also drawn as a bar), their total votes, and the top
paper (most votes, then newer, then input order) with its id and votes; a
period in which every vote is unknown has no top paper ("no votes", and
votes null in JSON). With --by week, month or year, one row per ISO week,
month or year that has papers. --sort papers or votes ranks the periods
(the busiest weeks: --by week --sort papers -n 5). The table fits --width:
the top paper's title is cut first, its id never; then the bar, TOP VOTES
and VOTES are left out. Every appearance of a
paper counts, on its own date; papers without a date are left out. For a
series that shows empty weeks and months too, see papers trend.

Bars are Unicode block characters, an eighth of a column precise, scaled so
that the busiest row fills a quarter of the width (--width, else the
terminal's, else 80); with --ascii, or when the locale is not UTF-8, they are
drawn with '#'.

Examples:
  papers dates --data ~/digests
  papers dates --by week --since 2024-01
  papers dates --by month --sort votes -n 3
  papers dates --by month --keyword diffusion --ascii
  papers dates --format csv > dates.csv)"));
  return [options] { return run_dates(*options); };
}

}  // namespace papers::cli
