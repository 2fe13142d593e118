// The calendar people think in: periods (days, ISO 8601 weeks, months,
// years) with their names and arithmetic, and the date forms that the
// date filters accept (`2024-02-07`, `2024-02`, `2024`, `2024-W06`,
// `today`, `yesterday`, `7d`, `2w`). Every form names a period; the
// relative ones are counted back from an anchor day that the caller
// supplies (the newest digest date of the inputs, or --now), so a form is
// parsed once, before any input is read, and anchored after the load.
#pragma once

#include <papers/paper.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace papers {

/// How dates are grouped.
enum class Period {
  kDay,
  kWeek,  ///< ISO 8601 week: Monday to Sunday, numbered in its ISO year
  kMonth,
  kYear,
};

/// The names --by and --per accept (day, week, month, year), in Period
/// order.
std::span<const std::string_view> period_names();

/// The Period called `name`; nullopt for any other name.
std::optional<Period> parse_period(std::string_view name);

/// The first day of the period of `by` that holds `date`: the day itself,
/// the Monday of its ISO week, the first of its month or of its year.
Date period_start(const Date& date, Period by);

/// The last day of the period of `by` that holds `date`.
Date period_end(const Date& date, Period by);

/// The first day of the period after the one that starts on `start`;
/// nullopt past 9999-12-31.
std::optional<Date> next_period_start(const Date& start, Period by);

/// The name of the period of `by` that holds `date`: `2024-01-15`,
/// `2024-W03` (ISO week-numbering year and week: 2021-01-03 is in
/// `2020-W53`, 2024-12-30 in `2025-W01`), `2024-01` or `2024`.
std::string period_label(const Date& date, Period by);

/// The Monday of ISO week `week` of ISO year `year`; nullopt when that year
/// has no such week (week 53 exists only in years whose 1 January or
/// 31 December is a Thursday) or the day is outside years 1..9999.
std::optional<Date> iso_week_monday(int year, int week);

/// How many periods of `by` there are from the one holding `first` to the
/// one holding `last`, both counted (0 when last is before first).
std::uint64_t period_count(const Date& first, const Date& last, Period by);

/// An inclusive range of dates; an absent end is open.
struct DateRange {
  std::optional<Date> from;
  std::optional<Date> to;

  bool contains(const Date& date) const;
  /// A range that holds no date.
  static DateRange nothing();
};

/// A date form as written: a fixed period, or a period of days counted
/// back from an anchor day (`today` is the anchor, `yesterday` the day
/// before, `7d` the seven days ending on the anchor, `2w` fourteen).
struct DateForm {
  std::optional<DateRange> fixed;  ///< set for the calendar forms
  std::int64_t first_back = 0;     ///< relative: first day, days back
  std::int64_t last_back = 0;      ///< relative: last day, days back

  bool relative() const { return !fixed.has_value(); }

  /// The period this form names. A relative form without an anchor (no
  /// input has a date) names no day at all.
  DateRange resolve(std::optional<Date> anchor) const;
};

/// Parses one of the accepted forms (date_form_help() lists them);
/// nullopt for anything else.
std::optional<DateForm> parse_date_form(std::string_view text);

/// The accepted forms, for error messages: "YYYY-MM-DD, YYYY-MM, ...".
std::string_view date_form_help();

}  // namespace papers
