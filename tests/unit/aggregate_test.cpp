// The aggregations of the insight commands: periods (ISO weeks across year
// ends), authors and their spellings, co-authors, papers per period with
// and without gaps, and the summary. Inputs are digests written here, so
// every expected number follows from the text above it.
#include <papers/aggregate.hpp>
#include <papers/loader.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <vector>

namespace papers {
namespace {

Date date(std::string_view text) {
  auto parsed = Date::parse(text);
  REQUIRE_MESSAGE(parsed.has_value(), text);
  return *parsed;
}

// Two January days in ISO week 2024-W02, a February day (2401.00001 again,
// with more votes and another spelling of one author), no March, an April
// day; one paper without a vote line.
constexpr std::string_view kDigest = R"(## Daily Papers (2024-01-08)

### [Graph Diffusion](https://arxiv.org/abs/2401.00001)
Vote: 20
Authors: Renée Dubois, Kenji Sato, Mira Patel

### [Sparse Attention](https://arxiv.org/abs/2401.00002)
Vote: 5
Authors: Kenji Sato, Omar Haddad

### [Tokenizers](https://arxiv.org/abs/2401.00003)
Authors: Lena Fischer

## Daily Papers (2024-01-10)

### [Diffusion Policies](https://arxiv.org/abs/2401.00004)
Vote: 12
Authors: Renee Dubois, Mira Patel

### [Small Models](https://arxiv.org/abs/2401.00005)
Vote: 12
Authors: Omar Haddad, Lena Fischer

## Daily Papers (2024-02-05)

### [Graph Diffusion v2](https://arxiv.org/abs/2401.00001v2)
Vote: 30
Authors: RENÉE DUBOIS, Kenji Sato, Mira Patel

### [Retrieval](https://arxiv.org/abs/2402.00007)
Vote: 3
Authors: Kenji Sato, Mira Patel, Lena Fischer

## Daily Papers (2024-04-01)

### [No Noise](https://arxiv.org/abs/2404.00008)
Vote: 7
Authors: Ana Silva, Bo Chen
)";

struct Fixture {
  LoadResult load;
  std::vector<const Paper*> rows;

  explicit Fixture(std::string_view text) {
    load_buffer("digest.md", text, load);
    REQUIRE(load.diagnostics.empty());
    for (const auto& paper : load.table.papers()) {
      rows.push_back(&paper);
    }
  }

  const Paper* paper(std::string_view title) const {
    for (const Paper* p : rows) {
      if (p->title == title) {
        return p;
      }
    }
    FAIL("no paper titled " << title);
    return nullptr;
  }
};

std::vector<std::string> names(const std::vector<AuthorRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) {
    out.push_back(row.name);
  }
  return out;
}

std::vector<std::string> labels(const std::vector<PeriodRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) {
    out.push_back(row.label);
  }
  return out;
}

std::vector<std::size_t> counts(const std::vector<PeriodRow>& rows) {
  std::vector<std::size_t> out;
  for (const auto& row : rows) {
    out.push_back(row.papers);
  }
  return out;
}

}  // namespace

TEST_CASE("period names") {
  CHECK(parse_period("day") == Period::kDay);
  CHECK(parse_period("week") == Period::kWeek);
  CHECK(parse_period("month") == Period::kMonth);
  CHECK(parse_period("year") == Period::kYear);
  CHECK_FALSE(parse_period("quarter").has_value());
  CHECK_FALSE(parse_period("Week").has_value());
  CHECK(period_names().size() == 4);
}

TEST_CASE("periods: days, months and ISO weeks") {
  SUBCASE("a day is itself") {
    CHECK(period_start(date("2024-02-29"), Period::kDay) == date("2024-02-29"));
    CHECK(period_end(date("2024-02-29"), Period::kDay) == date("2024-02-29"));
    CHECK(period_label(date("2024-02-29"), Period::kDay) == "2024-02-29");
  }
  SUBCASE("months end on their last day, leap years included") {
    CHECK(period_start(date("2024-02-17"), Period::kMonth)
          == date("2024-02-01"));
    CHECK(period_end(date("2024-02-17"), Period::kMonth) == date("2024-02-29"));
    CHECK(period_end(date("2023-02-17"), Period::kMonth) == date("2023-02-28"));
    CHECK(period_end(date("2024-04-30"), Period::kMonth) == date("2024-04-30"));
    CHECK(period_end(date("2024-12-01"), Period::kMonth) == date("2024-12-31"));
    CHECK(period_label(date("2024-02-17"), Period::kMonth) == "2024-02");
  }
  SUBCASE("weeks run Monday to Sunday") {
    // 2024-01-01 was a Monday.
    CHECK(period_start(date("2024-01-01"), Period::kWeek)
          == date("2024-01-01"));
    CHECK(period_start(date("2024-01-07"), Period::kWeek)
          == date("2024-01-01"));
    CHECK(period_start(date("2024-01-08"), Period::kWeek)
          == date("2024-01-08"));
    CHECK(period_end(date("2024-01-03"), Period::kWeek) == date("2024-01-07"));
    CHECK(period_label(date("2024-01-07"), Period::kWeek) == "2024-W01");
    CHECK(period_label(date("2024-01-08"), Period::kWeek) == "2024-W02");
    CHECK(period_label(date("2024-04-01"), Period::kWeek) == "2024-W14");
    // Before 1970 too (the epoch was a Thursday).
    CHECK(period_start(date("1969-12-31"), Period::kWeek)
          == date("1969-12-29"));
  }
  SUBCASE("ISO weeks belong to the year of their Thursday") {
    // 2021-01-03 is a Sunday of the week that began 2020-12-28.
    CHECK(period_label(date("2021-01-03"), Period::kWeek) == "2020-W53");
    CHECK(period_start(date("2021-01-03"), Period::kWeek)
          == date("2020-12-28"));
    CHECK(period_label(date("2021-01-04"), Period::kWeek) == "2021-W01");
    // 2024-12-30 is a Monday whose Thursday is 2025-01-02.
    CHECK(period_label(date("2024-12-30"), Period::kWeek) == "2025-W01");
    CHECK(period_label(date("2024-12-29"), Period::kWeek) == "2024-W52");
    // 2026-01-01 is a Thursday: its week is the new year's first.
    CHECK(period_label(date("2026-01-01"), Period::kWeek) == "2026-W01");
    CHECK(period_label(date("2025-12-29"), Period::kWeek) == "2026-W01");
    // 2027-01-01 is a Friday: still the old year's last week.
    CHECK(period_label(date("2027-01-01"), Period::kWeek) == "2026-W53");
  }
}

TEST_CASE("best_first: votes, then newer, unknown last") {
  Paper a;
  Paper b;
  a.votes = 5;
  b.votes = 7;
  CHECK(best_first(b, a));
  CHECK_FALSE(best_first(a, b));
  b.votes.reset();
  CHECK(best_first(a, b));
  CHECK_FALSE(best_first(b, a));
  b.votes = 5;
  a.date = date("2024-01-01");
  b.date = date("2024-02-01");
  CHECK(best_first(b, a));
  b.date.reset();
  CHECK(best_first(a, b));
  b.date = a.date;
  CHECK_FALSE(best_first(a, b));  // equal: neither is first
  CHECK_FALSE(best_first(b, a));
}

TEST_CASE("rank_authors: people, papers, votes, spellings") {
  const Fixture f(kDigest);
  const auto rows = rank_authors(f.rows);

  // Kenji Sato: 2401.00001 (best appearance 30), 00002 (5), 02.00007 (3) =
  // 3 papers, 38. Mira Patel: 00001 (30), 00004 (12), 00007 (3) = 3, 45.
  // Renée Dubois, three spellings: 00001 (30), 00004 (12) = 2, 42. Lena
  // Fischer: 00003 (unknown), 00005 (12), 00007 (3) = 3, 15. Omar Haddad:
  // 00002 (5), 00005 (12) = 2, 17. Ana Silva and Bo Chen: 1, 7 each.
  CHECK(names(rows)
        == std::vector<std::string>{"Mira Patel",
                                    "Kenji Sato",
                                    "Lena Fischer",
                                    "Renée Dubois",
                                    "Omar Haddad",
                                    "Ana Silva",
                                    "Bo Chen"});
  REQUIRE(rows.size() == 7);
  CHECK(rows[0].papers.size() == 3);
  CHECK(rows[0].votes == 45);
  CHECK(rows[1].votes == 38);
  CHECK(rows[2].votes == 15);

  SUBCASE("a paper featured twice counts once, at its best appearance") {
    const AuthorRow& kenji = rows[1];
    REQUIRE(kenji.papers.size() == 3);
    CHECK(kenji.papers[0] == f.paper("Graph Diffusion v2"));
    CHECK(kenji.papers[1] == f.paper("Sparse Attention"));
    CHECK(kenji.papers[2] == f.paper("Retrieval"));
    CHECK(kenji.best == f.paper("Graph Diffusion v2"));
  }
  SUBCASE("spellings: one row, under the most frequent, all listed") {
    const AuthorRow& renee = rows[3];
    CHECK(renee.name == "Renée Dubois");
    // Each spelling once: the first seen wins the tie.
    CHECK(renee.variants
          == std::vector<std::string>{
              "Renée Dubois", "Renee Dubois", "RENÉE DUBOIS"});
    CHECK(renee.papers.size() == 2);
    CHECK(renee.votes == 42);
  }
  SUBCASE("the best paper: most votes, unknown never first") {
    const AuthorRow& lena = rows[2];
    CHECK(lena.best == f.paper("Small Models"));
    const AuthorRow& omar = rows[4];
    CHECK(omar.best == f.paper("Small Models"));
  }
  SUBCASE("equal papers and votes: by name") {
    CHECK(rows[5].name == "Ana Silva");
    CHECK(rows[6].name == "Bo Chen");
  }
}

TEST_CASE("rank_authors: the most frequent spelling wins") {
  const Fixture f(R"(## Daily Papers (2024-01-08)

### [One](https://arxiv.org/abs/2401.00001)
Vote: 1
Authors: Zejun MA

### [Two](https://arxiv.org/abs/2401.00002)
Vote: 1
Authors: Zejun Ma

### [Three](https://arxiv.org/abs/2401.00003)
Vote: 1
Authors: Zejun Ma, ZEJUN MA
)");
  const auto rows = rank_authors(f.rows);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].name == "Zejun Ma");
  CHECK(rows[0].variants
        == std::vector<std::string>{"Zejun Ma", "Zejun MA", "ZEJUN MA"});
  // Two spellings on one paper are one author of it.
  CHECK(rows[0].papers.size() == 3);
  CHECK(rows[0].votes == 3);
}

TEST_CASE("rank_authors: --loose merges middle initials") {
  const Fixture f(R"(## Daily Papers (2024-01-08)

### [One](https://arxiv.org/abs/2401.00001)
Vote: 4
Authors: Quoc V. Le

### [Two](https://arxiv.org/abs/2401.00002)
Vote: 2
Authors: Quoc Le, Ada Byron
)");
  CHECK(names(rank_authors(f.rows))
        == std::vector<std::string>{"Quoc V. Le", "Ada Byron", "Quoc Le"});
  const auto loose = rank_authors(f.rows, true);
  REQUIRE(loose.size() == 2);
  CHECK(loose[0].name == "Quoc V. Le");
  CHECK(loose[0].variants == std::vector<std::string>{"Quoc V. Le", "Quoc Le"});
  CHECK(loose[0].papers.size() == 2);
  CHECK(loose[0].votes == 6);
}

TEST_CASE("rank_authors: no rows, no authors, huge votes") {
  CHECK(rank_authors({}).empty());
  Paper nameless;
  nameless.title = "No authors";
  const std::vector<const Paper*> one = {&nameless};
  CHECK(rank_authors(one).empty());

  Paper a;
  a.id = "2401.00001";
  a.votes = std::numeric_limits<std::int64_t>::max();
  a.authors = {"Ada Byron"};
  Paper b = a;
  b.id = "2401.00002";
  const std::vector<const Paper*> two = {&a, &b};
  const auto rows = rank_authors(two);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].votes == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("rank_coauthors: who shares most papers with NAME") {
  const Fixture f(kDigest);
  SUBCASE("Kenji Sato") {
    const auto rows = rank_coauthors(f.rows, "kenji sato");
    // Mira Patel: 2401.00001 and 2402.00007 (33 votes); then one paper
    // each: Renée Dubois (00001, 30), Omar Haddad (00002, 5), Lena Fischer
    // (00007, 3).
    CHECK(names(rows)
          == std::vector<std::string>{
              "Mira Patel", "Renée Dubois", "Omar Haddad", "Lena Fischer"});
    REQUIRE(rows.size() == 4);
    REQUIRE(rows[0].papers.size() == 2);
    CHECK(rows[0].papers[0]->id == "2401.00001");
    CHECK(rows[0].papers[1]->id == "2402.00007");
    CHECK(rows[0].votes == 33);
    // Only the spelling on Kenji's papers.
    CHECK(rows[1].variants
          == std::vector<std::string>{"Renée Dubois", "RENÉE DUBOIS"});
  }
  SUBCASE("any spelling of NAME") {
    const auto rows = rank_coauthors(f.rows, "Renee Dubois");
    CHECK(names(rows) == std::vector<std::string>{"Mira Patel", "Kenji Sato"});
    REQUIRE(rows.size() == 2);
    // 2401.00001 then 2401.00004: the order of first appearance.
    REQUIRE(rows[0].papers.size() == 2);
    CHECK(rows[0].papers[0]->id == "2401.00001");
    CHECK(rows[0].papers[1]->id == "2401.00004");
  }
  SUBCASE("nobody, no co-authors, not a name") {
    CHECK(rank_coauthors(f.rows, "Nobody Here").empty());
    CHECK(rank_coauthors(f.rows, "...").empty());
    const Fixture solo(R"(## Daily Papers (2024-01-08)

### [Alone](https://arxiv.org/abs/2401.00001)
Vote: 1
Authors: Ada Byron
)");
    CHECK(rank_coauthors(solo.rows, "Ada Byron").empty());
  }
}

TEST_CASE("group_by_period: papers, votes and the top paper") {
  const Fixture f(kDigest);
  SUBCASE("by day") {
    const auto rows = group_by_period(f.rows, Period::kDay);
    CHECK(labels(rows)
          == std::vector<std::string>{
              "2024-01-08", "2024-01-10", "2024-02-05", "2024-04-01"});
    CHECK(counts(rows) == std::vector<std::size_t>{3, 2, 2, 1});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].votes == 25);  // 20 + 5, one unknown
    CHECK(rows[0].top == f.paper("Graph Diffusion"));
    // 12 and 12: the first in input order.
    CHECK(rows[1].top == f.paper("Diffusion Policies"));
    CHECK(rows[2].votes == 33);
  }
  SUBCASE("by week") {
    const auto rows = group_by_period(f.rows, Period::kWeek);
    CHECK(labels(rows)
          == std::vector<std::string>{"2024-W02", "2024-W06", "2024-W14"});
    CHECK(counts(rows) == std::vector<std::size_t>{5, 2, 1});
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].start == date("2024-01-08"));
    CHECK(rows[0].end == date("2024-01-14"));
    CHECK(rows[0].votes == 49);
  }
  SUBCASE("by month: an empty month is left out") {
    const auto rows = group_by_period(f.rows, Period::kMonth);
    CHECK(labels(rows)
          == std::vector<std::string>{"2024-01", "2024-02", "2024-04"});
    CHECK(counts(rows) == std::vector<std::size_t>{5, 2, 1});
  }
  SUBCASE("papers without a date are left out") {
    Paper undated;
    undated.title = "Undated";
    const std::vector<const Paper*> rows = {&undated};
    CHECK(group_by_period(rows, Period::kDay).empty());
  }
}

TEST_CASE("series_by_period: every period, zeros included") {
  const Fixture f(kDigest);
  std::vector<const Paper*> diffusion;
  for (const Paper* p : f.rows) {
    if (p->title.find("Diffusion") != std::string::npos) {
      diffusion.push_back(p);
    }
  }
  SUBCASE("by month: March is there, with zero") {
    const auto rows = series_by_period(f.rows, diffusion, Period::kMonth);
    CHECK(labels(rows)
          == std::vector<std::string>{
              "2024-01", "2024-02", "2024-03", "2024-04"});
    CHECK(counts(rows) == std::vector<std::size_t>{2, 1, 0, 0});
    REQUIRE(rows.size() == 4);
    CHECK(rows[2].start == date("2024-03-01"));
    CHECK(rows[2].end == date("2024-03-31"));
    CHECK(rows[2].top == nullptr);
  }
  SUBCASE("by week: W02 to W14") {
    const auto rows = series_by_period(f.rows, diffusion, Period::kWeek);
    REQUIRE(rows.size() == 13);
    CHECK(rows.front().label == "2024-W02");
    CHECK(rows.back().label == "2024-W14");
    CHECK(rows[4].label == "2024-W06");
    CHECK(rows[4].papers == 1);
    CHECK(rows[1].papers == 0);
  }
  SUBCASE("by day: every calendar day") {
    const auto rows = series_by_period(f.rows, diffusion, Period::kDay);
    CHECK(rows.size() == 85);  // 2024-01-08 .. 2024-04-01
    CHECK(rows[0].papers == 1);
    CHECK(rows[1].papers == 0);
    CHECK(rows[2].papers == 1);
  }
  SUBCASE("nothing to span") {
    CHECK(series_by_period({}, {}, Period::kMonth).empty());
  }
  SUBCASE("nothing matched: all zeros") {
    const auto rows = series_by_period(f.rows, {}, Period::kMonth);
    CHECK(counts(rows) == std::vector<std::size_t>{0, 0, 0, 0});
  }
}

TEST_CASE("summarize") {
  const Fixture f(kDigest);
  const Summary s = summarize(f.rows);
  CHECK(s.files == 0);  // the caller's business
  CHECK(s.warnings == 0);
  CHECK(s.papers == 8);
  CHECK(s.dates == 4);
  CHECK(s.first_date == date("2024-01-08"));
  CHECK(s.last_date == date("2024-04-01"));
  CHECK(s.distinct_ids == 7);
  CHECK(s.featured_more_than_once == 1);
  CHECK(s.unknown_votes == 1);
  // Renée Dubois (three spellings), Kenji Sato, Mira Patel, Omar Haddad,
  // Lena Fischer, Ana Silva, Bo Chen.
  CHECK(s.distinct_authors == 7);
  // 3 5 7 12 12 20 30: the middle one.
  CHECK(s.median_votes == doctest::Approx(12.0));
  CHECK(s.max_votes == 30);

  SUBCASE("an even count: the mean of the middle two") {
    std::vector<const Paper*> rows(f.rows.begin(), f.rows.end() - 1);
    // 3 5 12 12 20 30
    CHECK(summarize(rows).median_votes == doctest::Approx(12.0));
    rows.erase(rows.begin() + 3);  // one of the 12s: 3 5 12 20 30
    rows.erase(rows.begin());      // the 20: 3 5 12 30
    CHECK(summarize(rows).median_votes == doctest::Approx(8.5));
  }
  SUBCASE("nothing") {
    const Summary none = summarize({});
    CHECK(none.papers == 0);
    CHECK_FALSE(none.first_date.has_value());
    CHECK_FALSE(none.median_votes.has_value());
    CHECK_FALSE(none.max_votes.has_value());
  }
}

}  // namespace papers

namespace papers {
namespace {

TEST_CASE("trend_series: totals, gaps, partial ends and the cap") {
  LoadResult load;
  load_buffer("t.md",
              "## Daily Papers (2024-01-31)\n\n"
              "### [Mamba A](https://arxiv.org/abs/2401.00001)\n"
              "### [Other](https://arxiv.org/abs/2401.00002)\n\n"
              "## Daily Papers (2024-03-01)\n\n"
              "### [Mamba B](https://arxiv.org/abs/2403.00003)\n",
              load);
  REQUIRE(load.table.size() == 3);
  std::vector<const Paper*> all;
  for (const auto& paper : load.table.papers()) {
    all.push_back(&paper);
  }
  const std::vector<const Paper*> matched = {all[0], all[2]};
  const std::vector<Date> days = {Date{2024, 1, 31}, Date{2024, 3, 1}};
  auto rows = trend_series(all, matched, days, Period::kMonth, "mamba");
  REQUIRE(rows);
  REQUIRE(rows->size() == 3);
  const TrendRow& jan = (*rows)[0];
  CHECK(jan.label == "2024-01");
  CHECK(jan.term == "mamba");
  CHECK(jan.digests == 1);
  CHECK(jan.total == 2);
  CHECK(jan.papers == 1);
  CHECK(jan.share() == 0.5);
  CHECK(jan.partial);  // the data starts on the 31st
  const TrendRow& feb = (*rows)[1];
  CHECK(feb.digests == 0);  // a gap, not a zero
  CHECK_FALSE(feb.share());
  CHECK_FALSE(feb.partial);
  CHECK((*rows)[2].partial);  // and ends on the 1st
  // By day: one row a day, never partial.
  rows = trend_series(all, matched, days, Period::kDay);
  REQUIRE(rows);
  CHECK(rows->size() == 31);
  CHECK_FALSE(rows->front().partial);
  CHECK_FALSE(rows->back().partial);
  // Nothing dated: no rows.
  rows = trend_series(all, matched, {}, Period::kDay);
  REQUIRE(rows);
  CHECK(rows->empty());
  // 10000 periods are laid out, 10001 are not.
  const std::vector<Date> far = {
      Date{2000, 1, 1},
      Date::from_days(Date{2000, 1, 1}.days_since_epoch() + 9999)};
  CHECK(trend_series({}, {}, far, Period::kDay).has_value());
  const std::vector<Date> further = {
      Date{2000, 1, 1}, Date::from_days(far[1].days_since_epoch() + 1)};
  const auto error = trend_series({}, {}, further, Period::kDay);
  REQUIRE_FALSE(error);
  CHECK(error.error().message
        == "--by day: 2000-01-01 to 2027-05-19 is 10001 days, more than the "
           "10000 periods a series lays out; use a coarser --by or a "
           "shorter range (--since, --until)");
}

}  // namespace
}  // namespace papers

namespace papers {
namespace {

TEST_CASE("dates: no top paper without a known vote; sort_periods") {
  LoadResult load;
  load_buffer("d.md",
              "## Daily Papers (2024-01-01)\n\n"
              "### [A](https://arxiv.org/abs/2401.00001)\nVote: 5\n\n"
              "### [B](https://arxiv.org/abs/2401.00002)\nVote: 7\n\n"
              "## Daily Papers (2024-01-02)\n\n"
              "### [C](https://arxiv.org/abs/2401.00003)\nVote: -\n\n"
              "## Daily Papers (2024-01-03)\n\n"
              "### [D](https://arxiv.org/abs/2401.00004)\nVote: 20\n",
              load);
  std::vector<const Paper*> all;
  for (const auto& paper : load.table.papers()) {
    all.push_back(&paper);
  }
  REQUIRE(all.size() == 4);
  auto rows = group_by_period(all, Period::kDay);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].voted == 0);
  CHECK(rows[1].top == nullptr);  // every vote unknown: "no votes"
  REQUIRE(rows[0].top != nullptr);
  CHECK(rows[0].top->title == "B");
  auto labels = [&rows] {
    std::string out;
    for (const auto& row : rows) {
      out += row.label.substr(8) + " ";
    }
    return out;
  };
  sort_periods(rows, PeriodOrder::kPapers, false);
  CHECK(labels() == "01 02 03 ");  // 2, then 1 and 1 oldest first
  sort_periods(rows, PeriodOrder::kVotes, false);
  CHECK(labels() == "03 01 02 ");  // unknown last
  sort_periods(rows, PeriodOrder::kVotes, true);
  CHECK(labels() == "01 03 02 ");  // unknown still last
  sort_periods(rows, PeriodOrder::kDate, true);
  CHECK(labels() == "03 02 01 ");
  sort_periods(rows, PeriodOrder::kDate, false);
  CHECK(labels() == "01 02 03 ");

  auto authors = rank_authors(all);
  sort_authors(authors, AuthorOrder::kName);
  // No authors in these papers: nothing to sort, and no crash.
  CHECK(authors.empty());
}

}  // namespace
}  // namespace papers
