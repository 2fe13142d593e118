// The paper table: input order and exact duplicates.
#include <papers/paper_table.hpp>

#include <doctest/doctest.h>

#include <string>

namespace papers {
namespace {

// Views of string literals: they outlive every record.
Paper make(std::optional<std::string_view> id,
           std::string_view date,
           std::string_view title) {
  Paper paper;
  paper.id = id;
  if (!date.empty()) {
    paper.date = Date::parse(date);
  }
  paper.title = title;
  return paper;
}

}  // namespace

TEST_CASE("PaperTable") {
  PaperTable table;
  CHECK(table.add(make("2402.00001", "2024-02-07", "a")));
  CHECK(table.add(make("2402.00002", "2024-02-07", "b")));
  SUBCASE("same id and date: dropped and counted, the first one kept") {
    CHECK_FALSE(table.add(make("2402.00001", "2024-02-07", "a again")));
    CHECK(table.size() == 2);
    CHECK(table.duplicates() == 1);
    CHECK(table.papers()[0].title == "a");
  }
  SUBCASE("same id on another date: re-featured, kept") {
    CHECK(table.add(make("2402.00001", "2024-02-14", "a, edited title")));
    CHECK(table.size() == 3);
    CHECK(table.duplicates() == 0);
  }
  SUBCASE("records without an id are always kept") {
    CHECK(table.add(make(std::nullopt, "2024-02-07", "x")));
    CHECK(table.add(make(std::nullopt, "2024-02-07", "x")));
    CHECK(table.size() == 4);
  }
  SUBCASE("same id without a date twice: a duplicate") {
    CHECK(table.add(make("2402.00003", "", "u")));
    CHECK_FALSE(table.add(make("2402.00003", "", "u")));
    CHECK(table.add(make("2402.00003", "2024-02-07", "u dated")));
    CHECK(table.size() == 4);
  }
  SUBCASE("input order") {
    CHECK(table.add(make("2402.00000", "2024-02-06", "z")));
    REQUIRE(table.size() == 3);
    CHECK(table.papers()[0].title == "a");
    CHECK(table.papers()[1].title == "b");
    CHECK(table.papers()[2].title == "z");
  }
}

}  // namespace papers
