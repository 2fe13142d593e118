// The paper table: input order and exact duplicates.
#include <papers/paper_table.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("PaperTable::add_block: an input's records in place, in order") {
  PaperTable table;
  std::vector<Paper> first = {make("2402.00001", "2024-02-07", "a"),
                              make("2402.00002", "2024-02-07", "b")};
  const Paper* where = first.data();
  CHECK(table.add_block(std::move(first)) == 0);
  // Not copied: the table points at the records the vector held.
  CHECK(&table.papers()[0] == where);
  std::vector<Paper> second = {make("2402.00002", "2024-02-07", "b again"),
                               make("2402.00003", "2024-02-07", "c"),
                               make("2402.00003", "2024-02-07", "c again")};
  CHECK(table.add_block(std::move(second)) == 2);
  CHECK(table.duplicates() == 2);
  // Many more blocks: the first ones stay where they were.
  for (int day = 1; day <= 28; ++day) {
    const std::string date =
        "2023-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    std::vector<Paper> block(200, make("2302.00001", "", "same id"));
    for (auto& paper : block) {
      paper.date = Date::parse(date);
    }
    CHECK(table.add_block(std::move(block)) == 199);
  }
  REQUIRE(table.size() == 3 + 28);
  std::vector<std::string> titles;
  for (const Paper& paper : table.papers()) {
    titles.emplace_back(paper.title);
  }
  CHECK(titles[0] == "a");
  CHECK(titles[1] == "b");
  CHECK(titles[2] == "c");
  CHECK(titles[3] == "same id");
  CHECK(&table.papers()[0] == where);
  const auto list = table.papers();
  CHECK(list.end() - list.begin() == 31);
  CHECK(std::vector<Paper>(list.begin(), list.end()).size() == 31);
}

TEST_CASE("PaperTable: records a filter dropped keep their key") {
  PaperTable table;
  std::vector<Paper> first;
  first.push_back(make("2402.00002", "2024-02-07", "kept"));
  const std::vector<DroppedRecord> dropped = {
      {std::string("2402.00001"), Date::parse("2024-02-07"), 0},
      {std::nullopt, Date::parse("2024-02-20"), 1},  // no id: no key
      {std::string("2402.00002"), Date::parse("2024-02-07"), 1},  // a repeat
  };
  CHECK(table.add_block(std::move(first), dropped) == 1);
  CHECK(table.size() == 1);
  // The newest date counts the dropped records.
  CHECK(table.newest_date() == Date::parse("2024-02-20"));
  // A later copy of a dropped record is a repeat, as the record would
  // have made it; another date is not.
  CHECK_FALSE(table.add(make("2402.00001", "2024-02-07", "copy")));
  CHECK(table.add(make("2402.00001", "2024-02-08", "re-featured")));
  CHECK(table.duplicates() == 2);
  REQUIRE(table.size() == 2);
  CHECK(table.papers()[1].title == "re-featured");
  // Kept and dropped records interleave by position.
  std::vector<Paper> second;
  second.push_back(make("2402.00003", "2024-02-09", "before"));
  second.push_back(make("2402.00004", "2024-02-09", "after"));
  const std::vector<DroppedRecord> between = {
      {std::string("2402.00004"), Date::parse("2024-02-09"), 1}};
  CHECK(table.add_block(std::move(second), between) == 1);
  REQUIRE(table.size() == 3);
  CHECK(table.papers()[2].title == "before");
}

}  // namespace papers
