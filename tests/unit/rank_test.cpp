#include "text_width.hpp"

#include <papers/loader.hpp>
#include <papers/query.hpp>
#include <papers/rank.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

namespace papers {
namespace {

TEST_CASE("bm25_idf: rarer terms weigh more, never negative") {
  CHECK(bm25_idf(10, 1) > bm25_idf(10, 5));
  CHECK(bm25_idf(10, 10) > 0);
  CHECK(bm25_idf(10, 1) == doctest::Approx(std::log(1 + 9.5 / 1.5)));
  CHECK(bm25_idf(0, 0) == doctest::Approx(std::log(2.0)));
}

TEST_CASE("bm25_score: title weighs three times, length normalises") {
  const Bm25Params params;
  CorpusStats stats;
  stats.documents = 4;
  stats.total_length = {40, 400, 8};
  stats.df = {2};
  const FieldLengths average = {10, 100, 2};
  const FieldCounts in_title = {1, 0, 0};
  const FieldCounts in_summary = {0, 1, 0};
  const double title = bm25_score(params, stats, {&in_title, 1}, average);
  const double summary = bm25_score(params, stats, {&in_summary, 1}, average);
  // At average length: idf * w / (k1 + w) with w = 3 and w = 1.
  const double idf = bm25_idf(4, 2);
  CHECK(title == doctest::Approx(idf * 3 / 4.2));
  CHECK(summary == doctest::Approx(idf * 1 / 2.2));
  // A longer summary with the same count scores less.
  const FieldLengths long_summary = {10, 300, 2};
  CHECK(bm25_score(params, stats, {&in_summary, 1}, long_summary) < summary);
  // Counts saturate: ten mentions are not ten times one.
  const FieldCounts ten = {0, 10, 0};
  CHECK(bm25_score(params, stats, {&ten, 1}, average) < 3 * summary);
  // An empty field in every paper: no division by zero.
  CorpusStats empty = stats;
  empty.total_length = {40, 0, 0};
  CHECK(std::isfinite(bm25_score(params, empty, {&in_title, 1}, average)));
  // No match, no score.
  const FieldCounts none = {0, 0, 0};
  CHECK(bm25_score(params, stats, {&none, 1}, average) == 0);
}

TEST_CASE("round_score: three decimals") {
  CHECK(round_score(1.23456) == doctest::Approx(1.235));
  CHECK(round_score(0.0004) == 0);
}

TEST_CASE("cut_around: about N columns around the match, whole clusters") {
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  SUBCASE("short text is whole") {
    marks = {{0, 3}};
    CHECK(cut_around("abc def", {0, 3}, 20, marks) == "abc def");
    CHECK(marks.size() == 1);
  }
  SUBCASE("a match late in long text: cut at both ends, at a word") {
    std::string text;
    for (int i = 0; i < 40; ++i) {
      text += "word" + std::to_string(i) + " ";
    }
    const auto at = text.find("word30");
    marks = {{at, at + 6}};
    const std::string cut = cut_around(text, {at, at + 6}, 40, marks);
    CHECK(cut.starts_with("…"));
    CHECK(cut.ends_with("…"));
    CHECK(display_width(cut) <= 40);
    REQUIRE(marks.size() == 1);
    CHECK(cut.substr(marks[0].first, 6) == "word30");
    // Starts at a word, not inside one.
    CHECK(cut.substr(std::string_view("…").size(), 4) == "word");
  }
  SUBCASE("Korean: two columns a syllable, never half a cluster") {
    std::string text;
    for (int i = 0; i < 100; ++i) {
      text += "가";
    }
    text += "확산";
    for (int i = 0; i < 100; ++i) {
      text += "나";
    }
    const auto at = text.find("확산");
    marks = {{at, at + 6}};
    const std::string cut = cut_around(text, {at, at + 6}, 41, marks);
    CHECK(display_width(cut) <= 41);
    CHECK(cut.find("확산") != std::string::npos);
    REQUIRE(marks.size() == 1);
    CHECK(cut.substr(marks[0].first, 6) == "확산");
  }
  SUBCASE("combining marks stay with their letter") {
    std::string text(100, 'a');
    text += "e\xCC\x81";  // e + U+0301
    text += std::string(100, 'b');
    marks = {{100, 103}};
    const std::string cut = cut_around(text, {100, 103}, 30, marks);
    CHECK(cut.find("e\xCC\x81") != std::string::npos);
  }
  SUBCASE("a match at the end takes the room to the left") {
    std::string text(200, 'x');
    text += " end";
    const std::size_t at = text.size() - 3;
    marks = {{at, at + 3}};
    const std::string cut = cut_around(text, {at, at + 3}, 50, marks);
    CHECK(cut.ends_with("end"));
    CHECK(display_width(cut) == 50);
  }
}

Paper paper_with(std::string_view title, std::string_view summary) {
  Paper p;
  p.title = title;
  p.summary = summary;
  return p;
}

TEST_CASE("make_snippet: the best bullet, else the title, else an author") {
  std::vector<Matcher> terms;
  terms.push_back(Matcher::literal("확산"));
  SUBCASE("the bullet with the term, not the first bullet") {
    const Paper p = paper_with(
        "Title",
        "- 첫 번째 요점입니다.\n- 이 논문은 **확산** 모델을 다룹니다.\n");
    const Hit hit = make_snippet(p, terms, RankIn{});
    CHECK(hit.snippet == "이 논문은 확산 모델을 다룹니다.");
    CHECK(hit.bullet == 1U);
    REQUIRE(hit.marks.size() == 1);
    CHECK(hit.snippet.substr(hit.marks[0].first, 6) == "확산");
  }
  SUBCASE("more distinct terms win over more matches") {
    terms.push_back(Matcher::literal("model"));
    const Paper p = paper_with("T", "- 확산 확산 확산.\n- 확산 model.\n");
    const Hit hit = make_snippet(p, terms, RankIn{});
    CHECK(hit.snippet == "확산 model.");
  }
  SUBCASE("only the title matched") {
    const Paper p = paper_with("확산 Models", "");
    const Hit hit = make_snippet(p, terms, RankIn{});
    CHECK(hit.snippet == "확산 Models");
    CHECK_FALSE(hit.bullet.has_value());
  }
  SUBCASE("--in authors: the matching author") {
    std::vector<Matcher> name;
    name.push_back(Matcher::literal("kegl"));
    Paper p = paper_with("T", "- x\n");
    p.authors = {"Quoc V. Le", "Balázs Kégl"};
    const Hit hit = make_snippet(p, name, RankIn{false, false, true});
    CHECK(hit.snippet == "Balázs Kégl");
  }
  SUBCASE("a regex match is marked where it is") {
    std::vector<Matcher> re;
    auto m = Matcher::regex("LLa(MA|VA)");
    REQUIRE(m.has_value());
    re.push_back(std::move(*m));
    const Paper p = paper_with("T", "- 우리는 LLaVA를 씁니다.\n");
    const Hit hit = make_snippet(p, re, RankIn{});
    REQUIRE(hit.marks.size() == 1);
    CHECK(hit.snippet.substr(hit.marks[0].first, 5) == "LLaVA");
  }
}

// Three days; the term is in every paper once, but only the newest paper
// has it in its title: it must rank first. An empty-summary paper ranks by
// its title.
constexpr std::string_view kRanked = R"(## Daily Papers (2024-03-01)

### [Old Work](https://arxiv.org/abs/2403.00001)
Vote: 50
Authors: A One
- 이 논문은 mamba 구조를 잠깐 언급합니다. 나머지는 다른 주제입니다.

## Daily Papers (2024-03-02)

### [Middle Work](https://arxiv.org/abs/2403.00002)
Vote: 40
Authors: B Two
- 여기서도 mamba 를 비교 대상으로 씁니다.

### [Mamba Without Summary](https://arxiv.org/abs/2403.00004)
Vote: 1
Authors: D Four

## Daily Papers (2024-03-03)

### [Mamba Scaling](https://arxiv.org/abs/2403.00003)
Vote: 2
Authors: C Three
- 새 mamba 변형을 제안합니다.
)";

TEST_CASE("run_search: relevance first, ties by votes, date, input") {
  LoadResult load;
  load_buffer("r.md", kRanked, load);
  QueryOptions options;
  options.terms = {"mamba"};
  options.default_sort = SortKey::kRelevance;
  auto query = compile_query(options);
  REQUIRE(query.has_value());
  const auto result = run_search(load.table, *query);
  REQUIRE(result.rows.size() == 4);
  REQUIRE(result.hits.size() == 4);
  CHECK(result.rows[0]->id == "2403.00003");  // title and summary, newest
  CHECK(result.rows[1]->id == "2403.00004");  // title only, empty summary
  for (std::size_t i = 1; i < result.hits.size(); ++i) {
    CHECK(*result.hits[i - 1].score >= *result.hits[i].score);
  }
  CHECK(result.hits[1].snippet == "Mamba Without Summary");
  // Scores are stable: the same query gives the same numbers.
  const auto again = run_search(load.table, *query);
  for (std::size_t i = 0; i < again.hits.size(); ++i) {
    CHECK(again.hits[i].score == result.hits[i].score);
  }
  // --sort votes still works, with scores kept.
  options.sort = "votes";
  auto by_votes = compile_query(options);
  REQUIRE(by_votes.has_value());
  const auto voted = run_search(load.table, *by_votes);
  CHECK(voted.rows[0]->id == "2403.00001");
  CHECK(voted.hits[0].score.has_value());
}

TEST_CASE("run_search: document frequencies come from the dates") {
  LoadResult load;
  load_buffer("r.md", kRanked, load);
  QueryOptions options;
  options.terms = {"mamba"};
  options.default_sort = SortKey::kRelevance;
  options.date = "2024-03-03";
  auto query = compile_query(options);
  REQUIRE(query.has_value());
  const auto one_day = run_search(load.table, *query);
  options.date.clear();
  options.ids = {"2403.00003"};
  auto all_days = compile_query(options);
  REQUIRE(all_days.has_value());
  const auto filtered = run_search(load.table, *all_days);
  REQUIRE(one_day.rows.size() == 1);
  REQUIRE(filtered.rows.size() == 1);
  // Same paper, different statistics: one paper in the dates vs four.
  CHECK(*one_day.hits[0].score != *filtered.hits[0].score);
}

TEST_CASE("compile_query: terms without letters, --sort relevance") {
  QueryOptions options;
  options.terms = {"  "};
  auto q = compile_query(options);
  REQUIRE_FALSE(q.has_value());
  CHECK(q.error().message == "TERM '  ' has no letter or digit to look for");
  options.terms = {"--"};
  CHECK_FALSE(compile_query(options).has_value());
  options.terms = {"C++"};
  CHECK(compile_query(options).has_value());
  options.terms.clear();
  options.sort = "relevance";
  q = compile_query(options);
  REQUIRE_FALSE(q.has_value());
  CHECK(q.error().message == "--sort relevance needs a search TERM");
}

}  // namespace
}  // namespace papers
