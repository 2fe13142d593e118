#include <papers/calendar.hpp>

#include <doctest/doctest.h>

#include <string>

namespace papers {
namespace {

Date day(const char* text) {
  const auto parsed = Date::parse(text);
  REQUIRE_MESSAGE(parsed.has_value(), text);
  return *parsed;
}

// The range a fixed form names, as "FROM..TO".
std::string range_of(const char* text) {
  const auto form = parse_date_form(text);
  if (!form) {
    return "rejected";
  }
  REQUIRE_FALSE(form->relative());
  const DateRange range = form->resolve(std::nullopt);
  return range.from->to_string() + ".." + range.to->to_string();
}

// The range a relative form names when counted back from `anchor`.
std::string relative_to(const char* text, const char* anchor) {
  const auto form = parse_date_form(text);
  if (!form) {
    return "rejected";
  }
  REQUIRE(form->relative());
  const DateRange range = form->resolve(day(anchor));
  return range.from->to_string() + ".." + range.to->to_string();
}

TEST_CASE("calendar forms: days, months, years") {
  CHECK(range_of("2024-02-07") == "2024-02-07..2024-02-07");
  CHECK(range_of("2024-02") == "2024-02-01..2024-02-29");
  CHECK(range_of("2023-02") == "2023-02-01..2023-02-28");
  CHECK(range_of("2024-12") == "2024-12-01..2024-12-31");
  CHECK(range_of("2024") == "2024-01-01..2024-12-31");
  CHECK(range_of("0001") == "0001-01-01..0001-12-31");
  CHECK(range_of("9999") == "9999-01-01..9999-12-31");
  for (const char* bad : {"",
                          "2024-13",
                          "2024-00",
                          "2024-02-30",
                          "2024-2",
                          "+024-01",
                          "2024/01",
                          "0000",
                          "202",
                          "20245",
                          " 2024",
                          "2024-W",
                          "2024-W1",
                          "2024-W00",
                          "2024-W54",
                          "2024-X06",
                          "2024-W06-1"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_date_form(bad));
  }
}

TEST_CASE("ISO weeks: Monday to Sunday, numbered in the ISO year") {
  // 2024-01-01 is a Monday: week 1 starts on it.
  CHECK(range_of("2024-W01") == "2024-01-01..2024-01-07");
  CHECK(range_of("2024-W06") == "2024-02-05..2024-02-11");
  CHECK(range_of("2024-w06") == "2024-02-05..2024-02-11");
  // 2024 has 52 weeks: its last days are in 2025-W01.
  CHECK(range_of("2024-W52") == "2024-12-23..2024-12-29");
  CHECK(range_of("2024-W53") == "rejected");
  CHECK(range_of("2025-W01") == "2024-12-30..2025-01-05");
  // 2020 has 53 weeks (it starts on a Wednesday and is a leap year); its
  // last week ends in 2021.
  CHECK(range_of("2020-W53") == "2020-12-28..2021-01-03");
  CHECK(range_of("2021-W01") == "2021-01-04..2021-01-10");
  // 2015 starts on a Thursday: 53 weeks, and week 1 starts in 2014.
  CHECK(range_of("2015-W01") == "2014-12-29..2015-01-04");
  CHECK(range_of("2015-W53") == "2015-12-28..2016-01-03");
  CHECK(range_of("2019-W53") == "rejected");
  // A week parses back to the name period_label() gives it.
  for (const char* week : {"2024-W01", "2020-W53", "2025-W01", "2026-W53"}) {
    CAPTURE(week);
    const auto form = parse_date_form(week);
    REQUIRE(form);
    CHECK(period_label(*form->fixed->from, Period::kWeek) == week);
    CHECK(period_label(*form->fixed->to, Period::kWeek) == week);
  }
  CHECK(iso_week_monday(2024, 1) == day("2024-01-01"));
  CHECK(iso_week_monday(2020, 53) == day("2020-12-28"));
  CHECK_FALSE(iso_week_monday(2021, 53));
  CHECK_FALSE(iso_week_monday(0, 1));
  CHECK_FALSE(iso_week_monday(10000, 1));
}

TEST_CASE("relative forms count back from the anchor") {
  CHECK(relative_to("today", "2024-03-01") == "2024-03-01..2024-03-01");
  CHECK(relative_to("yesterday", "2024-03-01") == "2024-02-29..2024-02-29");
  CHECK(relative_to("1d", "2024-03-01") == "2024-03-01..2024-03-01");
  CHECK(relative_to("7d", "2024-03-01") == "2024-02-24..2024-03-01");
  CHECK(relative_to("2w", "2024-01-03") == "2023-12-21..2024-01-03");
  CHECK(relative_to("10000000d", "2024-01-03") == "0001-01-01..2024-01-03");
  CHECK(relative_to("yesterday", "0001-01-01") == "0001-01-01..0001-01-01");
  for (const char* bad : {"0d",
                          "0w",
                          "d",
                          "w",
                          "-1d",
                          "7 d",
                          "7D",
                          "1y",
                          "100000000d",
                          "Today"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_date_form(bad));
  }
  // Without an anchor (no dated input) a relative form holds no day.
  const auto today = parse_date_form("today");
  REQUIRE(today);
  CHECK_FALSE(today->resolve(std::nullopt).contains(day("2024-01-01")));
  CHECK_FALSE(DateRange::nothing().contains(day("0001-01-01")));
  CHECK_FALSE(DateRange::nothing().contains(day("9999-12-31")));
}

TEST_CASE("periods: starts, ends, names and counts") {
  CHECK(period_start(day("2024-02-17"), Period::kYear) == day("2024-01-01"));
  CHECK(period_end(day("2024-02-17"), Period::kYear) == day("2024-12-31"));
  CHECK(period_label(day("2024-02-17"), Period::kYear) == "2024");
  CHECK(parse_period("year") == Period::kYear);
  CHECK_FALSE(parse_period("quarter"));
  // The calendar's first week is cut at its first day, its last at its last.
  CHECK(period_start(day("0001-01-03"), Period::kWeek) == day("0001-01-01"));
  CHECK(period_end(day("9999-12-31"), Period::kWeek) == day("9999-12-31"));
  CHECK(next_period_start(day("2024-12-30"), Period::kWeek)
        == day("2025-01-06"));
  CHECK(next_period_start(day("2024-12-01"), Period::kMonth)
        == day("2025-01-01"));
  CHECK(next_period_start(day("2024-01-01"), Period::kYear)
        == day("2025-01-01"));
  CHECK_FALSE(next_period_start(day("9999-12-31"), Period::kDay));
  CHECK_FALSE(next_period_start(day("9999-01-01"), Period::kYear));

  CHECK(period_count(day("2024-01-31"), day("2024-02-01"), Period::kDay) == 2);
  CHECK(period_count(day("2024-01-07"), day("2024-01-08"), Period::kWeek) == 2);
  CHECK(period_count(day("2024-01-01"), day("2024-01-07"), Period::kWeek) == 1);
  CHECK(period_count(day("2023-12-31"), day("2024-01-01"), Period::kMonth)
        == 2);
  CHECK(period_count(day("2023-12-31"), day("2024-01-01"), Period::kYear) == 2);
  CHECK(period_count(day("2024-02-01"), day("2024-01-01"), Period::kDay) == 0);
  CHECK(period_count(day("0001-01-01"), day("9999-12-31"), Period::kDay)
        == 3652059);
  CHECK(period_count(day("0001-01-01"), day("9999-12-31"), Period::kWeek)
        == 521723);
}

}  // namespace
}  // namespace papers
