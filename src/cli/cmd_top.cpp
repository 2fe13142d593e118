#include "commands.hpp"

#include <memory>

namespace papers::cli {

std::function<int()> setup_top(CLI::App& cmd) {
  auto options = std::make_shared<ListingOptions>();
  options->query.default_sort = SortKey::kVotes;
  options->query.default_limit = 10;
  add_common_options(cmd, options->common);
  add_filter_options(cmd, options->query);
  cmd.add_option_function<std::int64_t>(
         "--per-day",
         [options](const std::int64_t& n) { options->query.per_day = n; },
         "The top N of each day instead (then no default limit)")
      ->type_name("N")
      ->group("Order");
  add_output_options(cmd, options->output);
  cmd.footer(command_footer(
      R"(The most-voted papers: votes descending, then date descending (newer first),
then input order (file path, then line). Unknown votes (`Vote: -` or no vote
line) sort last. At most 10 rows unless -n says otherwise.

With --per-day N: the N most-voted papers of each day, listed by date (oldest
first) and by votes within a day; no limit unless -n is given.

Examples:
  papers top --date 2024-02-07 -n 5
  papers top --since 2024-01 --until 2024-03 -n 20 --unique
  papers top --per-day 3 --since 2024-02-01 --until 2024-02-07
  papers top --author "Quoc V. Le" --format json)"));
  return [options] { return run_listing(*options, View::kTop, false); };
}

}  // namespace papers::cli
