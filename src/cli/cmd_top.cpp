#include "commands.hpp"

#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace papers::cli {

std::function<int()> setup_top(CLI::App& cmd) {
  auto options = std::make_shared<ListingOptions>();
  options->query.default_sort = SortKey::kVotes;
  options->query.default_limit = 10;
  add_common_options(cmd, options->common);
  add_filter_options(cmd, options->query);
  cmd.add_option_function<std::vector<std::string>>(
         "--per",
         [options](const std::vector<std::string>& values) {
           // The values are checked by compile_query().
           if (values.size() != 2) {
             throw CLI::ValidationError(
                 "--per", "needs a PERIOD and a number N, as --per week 3");
           }
           auto& query = options->query;
           const std::string period =
               choice_problem(values.at(0), period_names());
           if (!period.empty()) {
             throw CLI::ValidationError("--per", period);
           }
           query.per = values.at(0);
           const std::string problem = integer_problem(
               values.at(1), 1, std::numeric_limits<std::int64_t>::max());
           if (!problem.empty()) {
             throw CLI::ValidationError("--per N", problem);
           }
           query.per_count = parse_integer(values.at(1));
         },
         "The top N of each day, week, month or year instead, period by "
         "period, oldest first (then no default limit)")
      ->type_name("PERIOD N")
      ->expected(2)
      ->group("Order");
  cmd.add_option_function<std::int64_t>(
         "--per-day",
         [options](const std::int64_t& n) { options->query.per_day = n; },
         "The same as --per day N")
      ->type_name("N")
      ->transform(integer_check(1))
      ->group("Order");
  add_output_options(cmd, options->output);
  add_count_option(cmd, options->count);
  cmd.footer(command_footer(
      R"(The most-voted papers: votes descending, then date descending (newer first),
then input order (file path, then line). Unknown votes (`Vote: -` or no vote
line) sort last. At most 10 rows unless -n says otherwise.

With --per PERIOD N (day, week, month or year): the N most-voted papers of
each period, period by period (oldest first), by votes within a period (or
by --sort; --reverse turns that order round); the rank restarts in each
period, the table leaves a blank line between periods and names each row's
period (PERIOD; for days, DATE is the period), and JSON, CSV and TSV rows
start with "period" and "rank". No limit unless -n is given. --per-day N is
--per day N.

Examples:
  papers top --date 2024-02-07 -n 5
  papers top --since 2024-01 --until 2024-03 -n 20 --unique
  papers top --per week 3 --since 2024-01
  papers top --per month 1 --date 2024 --format json
  papers top --author "Quoc V. Le" --format json)"));
  return [options] { return run_listing(*options, View::kTop, false); };
}

}  // namespace papers::cli
