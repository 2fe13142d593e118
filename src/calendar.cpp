#include <papers/calendar.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace papers {
namespace {

constexpr std::array<std::string_view, 4> kPeriodNames = {
    "day", "week", "month", "year"};

// The days of the dates a Date can hold (years 1..9999).
const std::int64_t kFirstDay = Date{1, 1, 1}.days_since_epoch();
const std::int64_t kLastDay = Date{9999, 12, 31}.days_since_epoch();

// 0 for Monday .. 6 for Sunday; 1970-01-01 was a Thursday.
std::int64_t weekday(std::int64_t days) { return ((days % 7) + 10) % 7; }

int last_day_of_month(int year, int month) {
  int day = 31;
  while (day > 28 && !is_valid_date(year, month, day)) {
    --day;
  }
  return day;
}

// `value` as exactly `digits` decimal digits, zero-padded (years, months).
std::string padded(int value, std::size_t digits) {
  std::string text = std::to_string(value < 0 ? 0 : value);
  if (text.size() < digits) {
    text.insert(0, digits - text.size(), '0');
  }
  return text;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// A number of exactly the digits of `text`; nullopt past `max`.
std::optional<std::int64_t> number(std::string_view text, std::int64_t max) {
  if (!all_digits(text) || text.size() > 18) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  if (value > max) {
    return std::nullopt;
  }
  return value;
}

Date clamped_day(std::int64_t days) {
  return Date::from_days(std::clamp(days, kFirstDay, kLastDay));
}

// The ISO year of the week holding `date`, and the week's number.
std::pair<int, int> iso_week(const Date& date) {
  // The ISO year of a week is the year of its Thursday; week 1 is the
  // week with the year's first Thursday.
  const std::int64_t thursday =
      period_start(date, Period::kWeek).days_since_epoch() + 3;
  const int year = Date::from_days(thursday).year;
  const std::int64_t first = Date{year, 1, 1}.days_since_epoch();
  return {year, static_cast<int>((thursday - first) / 7 + 1)};
}

std::optional<DateForm> fixed_form(const Date& from, const Date& to) {
  DateForm form;
  form.fixed = DateRange{from, to};
  return form;
}

std::optional<DateForm> relative_form(std::int64_t first_back,
                                      std::int64_t last_back) {
  DateForm form;
  form.first_back = first_back;
  form.last_back = last_back;
  return form;
}

}  // namespace

std::span<const std::string_view> period_names() { return kPeriodNames; }

std::optional<Period> parse_period(std::string_view name) {
  const auto* it = std::find(kPeriodNames.begin(), kPeriodNames.end(), name);
  if (it == kPeriodNames.end()) {
    return std::nullopt;
  }
  return static_cast<Period>(it - kPeriodNames.begin());
}

Date period_start(const Date& date, Period by) {
  switch (by) {
  case Period::kDay:
    return date;
  case Period::kWeek: {
    // The Monday before 0001-01-01 is not a Date: the first week of the
    // calendar starts on its first day.
    const std::int64_t days = date.days_since_epoch();
    return clamped_day(days - weekday(days));
  }
  case Period::kMonth:
    return Date{date.year, date.month, 1};
  case Period::kYear:
    return Date{date.year, 1, 1};
  }
  return date;
}

Date period_end(const Date& date, Period by) {
  switch (by) {
  case Period::kDay:
    return date;
  case Period::kWeek: {
    const std::int64_t days = date.days_since_epoch();
    return clamped_day(days - weekday(days) + 6);
  }
  case Period::kMonth:
    return Date{
        date.year, date.month, last_day_of_month(date.year, date.month)};
  case Period::kYear:
    return Date{date.year, 12, 31};
  }
  return date;
}

std::optional<Date> next_period_start(const Date& start, Period by) {
  const Date end = period_end(start, by);
  if (end.days_since_epoch() >= kLastDay) {
    return std::nullopt;
  }
  return Date::from_days(end.days_since_epoch() + 1);
}

std::string period_label(const Date& date, Period by) {
  switch (by) {
  case Period::kDay:
    return date.to_string();
  case Period::kWeek: {
    const auto [year, week] = iso_week(date);
    return padded(year, 4) + "-W" + padded(week, 2);
  }
  case Period::kMonth:
    return padded(date.year, 4) + "-" + padded(date.month, 2);
  case Period::kYear:
    return padded(date.year, 4);
  }
  return {};
}

std::optional<Date> iso_week_monday(int year, int week) {
  if (year < 1 || year > 9999 || week < 1 || week > 53) {
    return std::nullopt;
  }
  // Week 1 holds 4 January.
  const std::int64_t jan4 = Date{year, 1, 4}.days_since_epoch();
  const std::int64_t monday = jan4 - weekday(jan4) + 7 * (week - 1);
  if (monday < kFirstDay || monday > kLastDay) {
    return std::nullopt;
  }
  const Date day = Date::from_days(monday);
  if (iso_week(day) != std::pair{year, week}) {
    return std::nullopt;  // week 53 of a year with 52
  }
  return day;
}

std::uint64_t period_count(const Date& first, const Date& last, Period by) {
  if (last < first) {
    return 0;
  }
  const Date a = period_start(first, by);
  const Date b = period_start(last, by);
  switch (by) {
  case Period::kDay:
    return static_cast<std::uint64_t>(b.days_since_epoch()
                                      - a.days_since_epoch() + 1);
  case Period::kWeek:
    // Week starts are 7 days apart, except the clamped first week.
    return static_cast<std::uint64_t>(
        (b.days_since_epoch() - a.days_since_epoch() + 6) / 7 + 1);
  case Period::kMonth:
    return static_cast<std::uint64_t>((b.year - a.year) * 12
                                      + (b.month - a.month) + 1);
  case Period::kYear:
    return static_cast<std::uint64_t>(b.year - a.year + 1);
  }
  return 0;
}

bool DateRange::contains(const Date& date) const {
  return (!from || *from <= date) && (!to || date <= *to);
}

DateRange DateRange::nothing() {
  return DateRange{Date{9999, 12, 31}, Date{1, 1, 1}};
}

DateRange DateForm::resolve(std::optional<Date> anchor) const {
  if (fixed) {
    return *fixed;
  }
  if (!anchor) {
    return DateRange::nothing();
  }
  const std::int64_t day = anchor->days_since_epoch();
  return DateRange{clamped_day(day - first_back), clamped_day(day - last_back)};
}

std::optional<DateForm> parse_date_form(std::string_view text) {
  if (auto day = Date::parse(text)) {
    return fixed_form(*day, *day);
  }
  if (text == "today") {
    return relative_form(0, 0);
  }
  if (text == "yesterday") {
    return relative_form(1, 1);
  }
  // Nd, Nw: N of 1 or more; a count past the calendar is clamped to its
  // first day when anchored.
  if (text.size() >= 2 && (text.back() == 'd' || text.back() == 'w')) {
    const std::int64_t unit = text.back() == 'd' ? 1 : 7;
    const auto n = number(text.substr(0, text.size() - 1), 10'000'000);
    if (!n || *n < 1) {
      return std::nullopt;
    }
    return relative_form(*n * unit - 1, 0);
  }
  if (text.size() == 4) {  // YYYY
    const auto year = number(text, 9999);
    if (!year || *year < 1) {
      return std::nullopt;
    }
    const int y = static_cast<int>(*year);
    return fixed_form(Date{y, 1, 1}, Date{y, 12, 31});
  }
  if (text.size() < 7 || text[4] != '-') {
    return std::nullopt;
  }
  const auto year = number(text.substr(0, 4), 9999);
  if (!year || *year < 1) {
    return std::nullopt;
  }
  const int y = static_cast<int>(*year);
  if (text.size() == 7) {  // YYYY-MM
    const auto month = number(text.substr(5), 12);
    if (!month || *month < 1) {
      return std::nullopt;
    }
    const int m = static_cast<int>(*month);
    return fixed_form(Date{y, m, 1}, Date{y, m, last_day_of_month(y, m)});
  }
  if (text.size() == 8 && (text[5] == 'W' || text[5] == 'w')) {  // YYYY-Www
    const auto week = number(text.substr(6), 53);
    if (!week) {
      return std::nullopt;
    }
    const auto monday = iso_week_monday(y, static_cast<int>(*week));
    if (!monday) {
      return std::nullopt;
    }
    return fixed_form(*monday, period_end(*monday, Period::kWeek));
  }
  return std::nullopt;
}

std::string_view date_form_help() {
  return "YYYY-MM-DD, YYYY-MM, YYYY, an ISO week YYYY-Www, today, "
         "yesterday, Nd or Nw (the last N days or weeks, counted back from "
         "the newest digest date or --now)";
}

}  // namespace papers
