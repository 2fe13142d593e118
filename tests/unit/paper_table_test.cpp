// The paper table: input order and exact duplicates.
#include <papers/paper_table.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <optional>
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

namespace papers {
namespace {

Paper voted(std::optional<std::string_view> id,
            std::string_view date,
            std::string_view title,
            std::optional<std::int64_t> votes) {
  Paper paper = make(id, date, title);
  paper.votes = votes;
  return paper;
}

// top's order: votes descending, unknown last (ties: input order).
KeepBest most_votes(std::size_t count) {
  KeepBest bound;
  bound.count = count;
  bound.before = [](const Paper& a, const Paper& b) {
    if (a.votes.has_value() != b.votes.has_value()) {
      return a.votes.has_value();
    }
    return a.votes && *a.votes > *b.votes;
  };
  return bound;
}

std::vector<std::string> titles(const PaperTable& table) {
  std::vector<std::string> out;
  for (const Paper& paper : table.papers()) {
    out.emplace_back(paper.title);
  }
  return out;
}

using Titles = std::vector<std::string>;

}  // namespace

TEST_CASE("with_own_text: the same values, none of the input's bytes") {
  auto input = std::make_shared<std::string>(
      "2402.00001 Title https://x Ann Bo - bullet\nfile.md label value");
  const std::string_view text(*input);
  const PaperField field{text.substr(51, 5), text.substr(57, 5)};
  Paper paper;
  paper.id = text.substr(0, 10);
  paper.title = text.substr(11, 5);
  paper.url = text.substr(17, 9);
  paper.authors = {text.substr(27, 3), text.substr(31, 2)};
  paper.summary = text.substr(34, 9);
  paper.fields = std::span<const PaperField>(&field, 1);
  paper.source = PaperSource{text.substr(43, 7), 3};
  paper.votes = 4;
  paper.bytes = input;
  const Paper copy = with_own_text(paper);
  CHECK(copy == paper);
  CHECK(copy.source == paper.source);
  CHECK(copy.fields.size() == 1);
  CHECK(copy.fields[0] == field);
  // Nothing of the copy points into the input, nor keeps it alive.
  CHECK(input.use_count() == 2);  // `input` and `paper.bytes`
  const auto outside = [&](std::string_view view) {
    return view.data() < text.data()
           || view.data() >= text.data() + text.size();
  };
  CHECK(outside(*copy.id));
  CHECK(outside(copy.title));
  CHECK(outside(*copy.url));
  CHECK(outside(copy.authors[1]));
  CHECK(outside(copy.summary));
  CHECK(outside(copy.fields[0].value));
  CHECK(outside(copy.source.file));
  CHECK(copy.fields.data() != &field);
  CHECK_FALSE(copy.thumbnail.has_value());
}

TEST_CASE("KeepBest: the best N of what is not a repeat, in input order") {
  PaperTable table;
  SUBCASE("ties go to the record added first; unknown votes last") {
    table.keep_best(most_votes(2));
    table.add_block({voted("2402.00001", "2024-02-07", "a", 5),
                     voted("2402.00002", "2024-02-07", "b", std::nullopt),
                     voted("2402.00003", "2024-02-07", "c", 7)});
    table.add_block({voted("2402.00004", "2024-02-08", "d", 7),
                     voted("2402.00005", "2024-02-08", "e", 7),
                     voted(std::nullopt, "2024-02-08", "f", 9)});
    table.settle();
    CHECK(titles(table) == Titles{"c", "f"});
    CHECK(table.pruned() == 4);
    CHECK(table.duplicates() == 0);
  }
  SUBCASE("N larger than the records: all of them, in input order") {
    table.keep_best(most_votes(10));
    table.add_block({voted("2402.00001", "2024-02-07", "a", 1),
                     voted("2402.00002", "2024-02-07", "b", 3)});
    table.add_block({voted("2402.00003", "2024-02-08", "c", 2),
                     voted("2402.00001", "2024-02-07", "a again", 9)});
    table.settle();
    CHECK(titles(table) == Titles{"a", "b", "c"});
    CHECK(table.pruned() == 0);
    CHECK(table.duplicates() == 1);
  }
  SUBCASE("a repeat never takes a place, even when it would be best") {
    // The first copy of 2402.00001 (5 votes) is what counts; it is not
    // among the best, and its later copy (100 votes) is a repeat: a bound
    // applied before the repeats are known would keep the copy, then drop
    // it as a repeat, and lose "y".
    table.keep_best(most_votes(1));
    table.add_block({voted("2402.00001", "2024-03-01", "x", 5)});
    table.add_block({voted("2402.00001", "2024-03-01", "x again", 100),
                     voted("2402.00002", "2024-03-01", "y", 50),
                     voted("2402.00002", "2024-03-01", "y again", 80)});
    table.settle();
    CHECK(titles(table) == Titles{"y"});
    CHECK(table.duplicates() == 2);
    CHECK(table.pruned() == 1);
  }
  SUBCASE("the key of a record a filter dropped makes a repeat too") {
    table.keep_best(most_votes(3));
    std::vector<DroppedRecord> dropped = {
        DroppedRecord{std::string("2402.00001"), Date::parse("2024-03-01"), 0}};
    table.add_block({voted("2402.00001", "2024-03-01", "x again", 100),
                     voted("2402.00002", "2024-03-09", "y", 1)},
                    dropped);
    table.settle();
    CHECK(titles(table) == Titles{"y"});
    CHECK(table.duplicates() == 1);
    // The newest date counts every record, kept or not.
    CHECK(table.newest_date() == Date::parse("2024-03-09"));
  }
  SUBCASE("groups: the best N of each") {
    KeepBest bound = most_votes(1);
    bound.group = [](const Paper& paper) {
      return paper.date ? paper.date->days_since_epoch() : 0;
    };
    table.keep_best(bound);
    table.add_block({voted("2402.00001", "2024-03-01", "a", 5),
                     voted("2402.00002", "2024-03-02", "b", 1),
                     voted("2402.00003", "2024-03-01", "c", 6),
                     voted("2402.00004", "2024-03-02", "d", 1)});
    table.settle();
    CHECK(titles(table) == Titles{"b", "c"});
  }
  SUBCASE("no bound: every record, in the blocks they came in") {
    table.keep_best(KeepBest{});
    table.add_block({voted("2402.00001", "2024-03-01", "a", 5),
                     voted("2402.00002", "2024-03-02", "b", 1)});
    table.settle();
    CHECK(titles(table) == Titles{"a", "b"});
    CHECK(table.pruned() == 0);
  }
}

}  // namespace papers
