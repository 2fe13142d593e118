#include <papers/loader.hpp>
#include <papers/query.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace papers {
namespace {

// Two days in January, one in February, none in March, one in April; a
// paper featured twice; unknown votes both ways; one person spelled
// several ways, and a different person with a similar name.
constexpr std::string_view kJanuary = R"(## Daily Papers (2024-01-15)

### [Sparse Routing](https://arxiv.org/abs/2401.00001)
Vote: 12
Authors: Quoc V. Le, Zejun MA, Trung Quoc Luong
- 이 논문은 **mixture of experts** routing 기법을 제안합니다.

### [Résumé Parsing](https://arxiv.org/abs/2401.00002)
Vote: -
Authors: Balázs Kégl, José García
- Café 데이터셋에서 평가했습니다.

### [ancient Benchmarks](https://arxiv.org/abs/2401.00003)
Authors: Quoc Le, Matthias Nießner
- 오래된 벤치마크.

## Daily Papers (2024-01-16)

### [Vision Scaling](https://arxiv.org/abs/2401.00004)
Vote: 30
Authors: Zejun Ma, Balazs Kegl
- **What's New**: **1조 파라미터**까지 확장합니다.

### [Tiny Models](https://arxiv.org/abs/2401.00005)
Vote: 12
Authors: QUOC V. LE
- 작은 모델.
)";

constexpr std::string_view kLater = R"(## Daily Papers (2024-02-05)

### [Sparse Routing v2](https://arxiv.org/abs/2401.00001v2)
Vote: 40
Authors: Quoc V. Le, Zejun Ma
- 개정판.

### [Indoor NeRF](https://arxiv.org/abs/2402.00006)
Vote: 12
Authors: Matthias Niessner, Jose Garcia
- Straße 장면.

## Daily Papers (2024-04-02)

### [Quantum Annealing](https://arxiv.org/abs/2404.00007)
Vote: 3
Authors: Trung Quoc Luong
- 양자 어닐링.

### [No Votes Here](https://arxiv.org/abs/2404.00008)
Vote: -
Authors: Zejun Ma
- 투표 없음.
)";

LoadResult archive() {
  LoadResult load;
  load_buffer("a.md", kJanuary, load);
  load_buffer("b.md", kLater, load);
  REQUIRE(load.diagnostics.empty());
  REQUIRE(load.table.size() == 9);
  return load;
}

// "id@MM-DD" for each row, so that repeated ids are told apart.
std::vector<std::string> rows(const PaperTable& table,
                              const QueryOptions& options) {
  auto query = compile_query(options);
  REQUIRE_MESSAGE(query.has_value(), query.error().message);
  std::vector<std::string> out;
  for (const Paper* paper : run_query(table, *query)) {
    std::string row(paper->id.value_or("?"));
    if (paper->date) {
      row += "@" + paper->date->to_string().substr(5);
    }
    out.push_back(row);
  }
  return out;
}

using Rows = std::vector<std::string>;

std::string error_of(const QueryOptions& options) {
  auto query = compile_query(options);
  return query.has_value() ? "" : query.error().message;
}

QueryOptions top() {
  QueryOptions options;
  options.default_sort = SortKey::kVotes;
  options.default_limit = 10;
  return options;
}

TEST_CASE("top: the reference digest's five most-voted papers") {
  std::ifstream in(PAPERS_TESTDATA_DIR "/2024-02-07.md", std::ios::binary);
  REQUIRE(in);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  LoadResult load;
  load_buffer("2024-02-07.md", bytes, load);
  QueryOptions options = top();
  options.date = "2024-02-07";
  options.limit = 5;
  CHECK(rows(load.table, options)
        == Rows{"2402.03620@02-07",
                "2402.04248@02-07",
                "2402.04229@02-07",
                "2402.04252@02-07",
                "2402.04177@02-07"});
  options.limit.reset();
  CHECK(rows(load.table, options).size() == 10);  // the preset limit
}

TEST_CASE("top: votes, then newer date, then input order; unknown last") {
  const auto load = archive();
  CHECK(rows(load.table, top())
        == Rows{"2401.00001@02-05",
                "2401.00004@01-16",
                "2402.00006@02-05",  // 12 votes: newest first
                "2401.00005@01-16",
                "2401.00001@01-15",
                "2404.00007@04-02",
                "2404.00008@04-02",  // unknown votes: newest first
                "2401.00002@01-15",  // then input order
                "2401.00003@01-15"});
  QueryOptions reversed = top();
  reversed.reverse = true;
  CHECK(rows(load.table, reversed)
        == Rows{"2404.00007@04-02",
                "2402.00006@02-05",  // ties keep their order
                "2401.00005@01-16",
                "2401.00001@01-15",
                "2401.00004@01-16",
                "2401.00001@02-05",
                "2404.00008@04-02",  // unknown stays last
                "2401.00002@01-15",
                "2401.00003@01-15"});
}

TEST_CASE("top --per-day: the best N of each day, days in order") {
  const auto load = archive();
  QueryOptions options = top();
  options.per_day = 1;
  CHECK(rows(load.table, options)
        == Rows{"2401.00001@01-15",
                "2401.00004@01-16",
                "2401.00001@02-05",
                "2404.00007@04-02"});
  options.per_day = 2;
  options.limit = 3;
  CHECK(rows(load.table, options)
        == Rows{"2401.00001@01-15", "2401.00002@01-15", "2401.00004@01-16"});
  options.per_day = 0;
  CHECK(error_of(options) == "--per-day: must be 1 or more, got 0");
}

TEST_CASE("top --per: the best N of each week, month or year") {
  const auto load = archive();
  QueryOptions options = top();
  options.per = "week";
  options.per_count = 2;
  // 2024-W03 (01-15, 01-16): the 12-vote tie goes to the newer date.
  CHECK(rows(load.table, options)
        == Rows{"2401.00004@01-16",
                "2401.00005@01-16",
                "2401.00001@02-05",
                "2402.00006@02-05",
                "2404.00007@04-02",
                "2404.00008@04-02"});
  options.per = "month";
  options.per_count = 1;
  CHECK(rows(load.table, options)
        == Rows{"2401.00004@01-16", "2401.00001@02-05", "2404.00007@04-02"});
  options.per = "year";
  CHECK(rows(load.table, options) == Rows{"2401.00001@02-05"});
  SUBCASE("--sort orders each period; periods stay oldest first") {
    options.per = "week";
    options.per_count = 3;
    options.sort = "id";
    options.reverse = true;
    CHECK(rows(load.table, options)
          == Rows{"2401.00005@01-16",
                  "2401.00004@01-16",
                  "2401.00001@01-15",
                  "2402.00006@02-05",
                  "2401.00001@02-05",
                  "2404.00008@04-02",
                  "2404.00007@04-02"});
  }
  SUBCASE("-n caps the rows in all") {
    options.per = "week";
    options.limit = 2;
    CHECK(rows(load.table, options)
          == Rows{"2401.00004@01-16", "2401.00001@02-05"});
  }
  SUBCASE("bad values") {
    options.per = "quarter";
    CHECK(error_of(options)
          == "--per: 'quarter' is not one of day, week, month, year");
    options.per = "week";
    options.per_count = 0;
    CHECK(error_of(options) == "--per: must be 1 or more, got 0");
    options.per_count = 1;
    options.per_day = 1;
    CHECK(error_of(options) == "--per cannot be combined with --per-day");
  }
}

TEST_CASE("list: input order, with every filter") {
  const auto load = archive();
  QueryOptions options;
  CHECK(rows(load.table, options).size() == 9);

  SUBCASE("one day") {
    options.date = "2024-01-16";
    CHECK(rows(load.table, options)
          == Rows{"2401.00004@01-16", "2401.00005@01-16"});
  }
  SUBCASE("a whole month") {
    options.date = "2024-02";
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@02-05", "2402.00006@02-05"});
  }
  SUBCASE("a whole year, an ISO week") {
    options.date = "2024";
    CHECK(rows(load.table, options).size() == 9);
    options.date = "2023";
    CHECK(rows(load.table, options).empty());
    options.date = "2024-W03";  // Monday 2024-01-15 to Sunday 2024-01-21
    CHECK(rows(load.table, options).size() == 5);
    options.date = "2024-W06";  // 2024-02-05 to 2024-02-11
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@02-05", "2402.00006@02-05"});
    options.date.clear();
    options.since = "2024-W06";
    options.until = "2024-W14";  // 2024-04-01 to 2024-04-07
    CHECK(rows(load.table, options).size() == 4);
  }
  SUBCASE("relative forms count back from the newest date of the inputs") {
    // The newest date is 2024-04-02, whatever the clock says.
    options.date = "today";
    CHECK(rows(load.table, options)
          == Rows{"2404.00007@04-02", "2404.00008@04-02"});
    options.date = "yesterday";
    CHECK(rows(load.table, options).empty());
    options.date.clear();
    options.since = "57d";  // 2024-02-06 .. 2024-04-02
    CHECK(rows(load.table, options).size() == 2);
    options.since = "58d";  // from 2024-02-05
    CHECK(rows(load.table, options).size() == 4);
    options.since = "9w";  // 63 days: from 2024-01-31
    CHECK(rows(load.table, options).size() == 4);
    options.since = "100000w";  // before the calendar: from its first day
    CHECK(rows(load.table, options).size() == 9);
    options.since.clear();
    options.until = "yesterday";
    CHECK(rows(load.table, options).size() == 7);
  }
  SUBCASE("--now sets the day relative forms count back from") {
    options.now = "2024-01-16";
    options.date = "yesterday";
    CHECK(rows(load.table, options).size() == 3);
    options.date = "2d";
    CHECK(rows(load.table, options).size() == 5);
    options.now = "2030-01-01";
    options.date = "today";
    CHECK(rows(load.table, options).empty());
  }
  SUBCASE("relative forms match nothing when no input has a date") {
    LoadResult undated;
    load_buffer("u.md", "### [A](https://arxiv.org/abs/2401.00001)\n", undated);
    REQUIRE(undated.table.size() == 1);
    options.date = "today";
    CHECK(rows(undated.table, options).empty());
  }
  SUBCASE("a month without papers") {
    options.date = "2024-03";
    CHECK(rows(load.table, options).empty());
  }
  SUBCASE("an inclusive range") {
    options.since = "2024-01-16";
    options.until = "2024-02-05";
    CHECK(rows(load.table, options)
          == Rows{"2401.00004@01-16",
                  "2401.00005@01-16",
                  "2401.00001@02-05",
                  "2402.00006@02-05"});
  }
  SUBCASE("a range of months") {
    options.since = "2024-02";
    options.until = "2024-04";
    CHECK(rows(load.table, options).size() == 4);
    options.since = "2024-03";
    options.until = "2024-03";
    CHECK(rows(load.table, options).empty());
  }
  SUBCASE("open ranges") {
    options.since = "2024-02-06";
    CHECK(rows(load.table, options)
          == Rows{"2404.00007@04-02", "2404.00008@04-02"});
    options.since.clear();
    options.until = "2024-01-15";
    CHECK(rows(load.table, options).size() == 3);
  }
  SUBCASE("min votes: unknown counts as none") {
    options.min_votes = 12;
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15",
                  "2401.00004@01-16",
                  "2401.00005@01-16",
                  "2401.00001@02-05",
                  "2402.00006@02-05"});
    options.min_votes = 0;
    CHECK(rows(load.table, options).size() == 9);
  }
  SUBCASE("ids in any spelling") {
    options.ids = {"https://arxiv.org/pdf/2401.00001v2.pdf",
                   "arXiv:2404.00007"};
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15", "2401.00001@02-05", "2404.00007@04-02"});
  }
  SUBCASE("keywords: all of them, case-insensitive") {
    options.keywords = {"ROUTING"};
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15", "2401.00001@02-05"});
    options.keywords.push_back("experts");
    CHECK(rows(load.table, options) == Rows{"2401.00001@01-15"});
  }
  SUBCASE("filters combine with AND") {
    options.authors = {"Zejun Ma"};
    options.since = "2024-01-16";
    options.min_votes = 31;
    CHECK(rows(load.table, options) == Rows{"2401.00001@02-05"});
  }
  SUBCASE("limit") {
    options.limit = 2;
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15", "2401.00002@01-15"});
    options.limit = 0;
    CHECK(rows(load.table, options).size() == 9);
  }
  SUBCASE("reverse input order") {
    options.reverse = true;
    options.limit = 2;
    CHECK(rows(load.table, options)
          == Rows{"2404.00008@04-02", "2404.00007@04-02"});
  }
}

TEST_CASE("sort keys and their tie-breaks") {
  const auto load = archive();
  QueryOptions options;
  SUBCASE("date: oldest first, then votes, then input order") {
    options.sort = "date";
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15",
                  "2401.00002@01-15",
                  "2401.00003@01-15",
                  "2401.00004@01-16",
                  "2401.00005@01-16",
                  "2401.00001@02-05",
                  "2402.00006@02-05",
                  "2404.00007@04-02",
                  "2404.00008@04-02"});
    options.reverse = true;
    options.limit = 3;
    CHECK(rows(load.table, options)
          == Rows{"2404.00007@04-02", "2404.00008@04-02", "2401.00001@02-05"});
  }
  SUBCASE("title: case-folded, then date") {
    options.sort = "title";
    CHECK(rows(load.table, options)
          == Rows{"2401.00003@01-15",  // "ancient" sorts as "Ancient"
                  "2402.00006@02-05",
                  "2404.00008@04-02",
                  "2404.00007@04-02",
                  "2401.00002@01-15",
                  "2401.00001@01-15",
                  "2401.00001@02-05",
                  "2401.00005@01-16",
                  "2401.00004@01-16"});
  }
  SUBCASE("id: then date") {
    options.sort = "id";
    options.limit = 3;
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15", "2401.00001@02-05", "2401.00002@01-15"});
    options.reverse = true;
    CHECK(rows(load.table, options)
          == Rows{"2404.00008@04-02", "2404.00007@04-02", "2402.00006@02-05"});
  }
  SUBCASE("votes overrides the preset") {
    options.sort = "votes";
    options.limit = 1;
    CHECK(rows(load.table, options) == Rows{"2401.00001@02-05"});
  }
}

TEST_CASE("unique keeps the appearance with the most votes") {
  const auto load = archive();
  QueryOptions options;
  options.unique = true;
  const auto out = rows(load.table, options);
  CHECK(out.size() == 8);
  CHECK(std::count(out.begin(), out.end(), "2401.00001@02-05") == 1);
  CHECK(std::count(out.begin(), out.end(), "2401.00001@01-15") == 0);
}

TEST_CASE("author: one key for every spelling") {
  const auto load = archive();
  QueryOptions options;
  for (const char* name : {"quoc v le", "QUOC V. LE", "Quoc V. Le"}) {
    CAPTURE(name);
    options.authors = {name};
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15", "2401.00005@01-16", "2401.00001@02-05"});
  }
  options.authors = {"Jose Garcia"};
  CHECK(rows(load.table, options)
        == Rows{"2401.00002@01-15", "2402.00006@02-05"});
  options.authors = {"matthias niessner"};
  CHECK(rows(load.table, options)
        == Rows{"2401.00003@01-15", "2402.00006@02-05"});
  options.authors = {"Balazs Kegl"};
  CHECK(rows(load.table, options)
        == Rows{"2401.00002@01-15", "2401.00004@01-16"});
  options.authors = {"ZEJUN MA"};
  CHECK(rows(load.table, options).size() == 4);
  SUBCASE("the whole name must match") {
    options.authors = {"Quoc Le"};
    CHECK(rows(load.table, options) == Rows{"2401.00003@01-15"});
    options.authors = {"Quoc"};
    CHECK(rows(load.table, options).empty());
    options.loose = true;
    options.authors = {"Quoc Le"};
    const auto loose = rows(load.table, options);
    CHECK(loose
          == Rows{"2401.00001@01-15",
                  "2401.00003@01-15",
                  "2401.00005@01-16",
                  "2401.00001@02-05"});
    CHECK(std::find(loose.begin(), loose.end(), "2404.00007@04-02")
          == loose.end());  // Trung Quoc Luong is someone else
  }
  SUBCASE("several authors: papers by all of them") {
    options.authors = {"Zejun Ma", "Balázs Kégl"};
    CHECK(rows(load.table, options) == Rows{"2401.00004@01-16"});
  }
  SUBCASE("an empty name is a usage error") {
    options.authors = {" . "};
    CHECK(error_of(options) == "--author: ' . ' is not a name");
  }
}

TEST_CASE("has_author, nearest_authors and loose_hint") {
  const auto load = archive();
  CHECK(has_author(load.table, "quoc v. le", false));
  CHECK_FALSE(has_author(load.table, "Quoc", false));
  CHECK(has_author(load.table, "Ed Le", false) == false);

  SUBCASE("did you mean: initials, whole words, then near spellings") {
    CHECK(nearest_authors(load.table, "Quoc Lee")
          == std::vector<std::string>{"Quoc Le", "Quoc V. Le"});
    CHECK(nearest_authors(load.table, "Jose")
          == std::vector<std::string>{"José García"});
    CHECK(nearest_authors(load.table, "Zejun Mao")
          == std::vector<std::string>{"Zejun MA"});
    CHECK(nearest_authors(load.table, "Quoc", 2).size() == 2);
    CHECK(nearest_authors(load.table, "Quoc").size() == 3);
    CHECK(nearest_authors(load.table, "Nobody At All").empty());
  }
  SUBCASE("loose hint: what --loose would add") {
    QueryOptions options;
    options.authors = {"Quoc V. Le"};
    options.limit = 1;  // the hint counts beyond the limit
    auto hint = loose_hint(load.table, options);
    REQUIRE(hint.has_value());
    CHECK(hint->extra_rows == 1);
    CHECK(hint->spellings == std::vector<std::string>{"Quoc Le"});
    options.authors = {"Quoc Le"};
    hint = loose_hint(load.table, options);
    REQUIRE(hint.has_value());
    CHECK(hint->extra_rows == 3);
    CHECK(hint->spellings
          == std::vector<std::string>{"Quoc V. Le", "QUOC V. LE"});
    options.loose = true;
    hint = loose_hint(load.table, options);
    REQUIRE(hint.has_value());
    CHECK(hint->extra_rows == 0);
    options.loose = false;
    options.authors = {"Zejun Ma"};
    hint = loose_hint(load.table, options);
    REQUIRE(hint.has_value());
    CHECK(hint->extra_rows == 0);
  }
}

TEST_CASE("search: terms in title or summary plain text") {
  const auto load = archive();
  QueryOptions options;
  SUBCASE("every term, case-insensitive") {
    options.terms = {"sparse", "EXPERTS"};
    CHECK(rows(load.table, options) == Rows{"2401.00001@01-15"});
  }
  SUBCASE("bold markup does not break a phrase") {
    options.terms = {"experts routing"};
    CHECK(rows(load.table, options) == Rows{"2401.00001@01-15"});
    options.terms = {"파라미터까지"};
    CHECK(rows(load.table, options) == Rows{"2401.00004@01-16"});
    options.terms = {"**"};  // nothing to look for: a usage error
    CHECK_FALSE(compile_query(options).has_value());
  }
  SUBCASE("accented and Korean terms") {
    options.terms = {"CAFÉ"};
    CHECK(rows(load.table, options) == Rows{"2401.00002@01-15"});
    options.terms = {"résumé"};
    CHECK(rows(load.table, options) == Rows{"2401.00002@01-15"});
    options.terms = {"resume"};
    CHECK(rows(load.table, options).empty());
    options.terms = {"STRASSE"};
    CHECK(rows(load.table, options) == Rows{"2402.00006@02-05"});
    options.terms = {"개정판"};
    CHECK(rows(load.table, options) == Rows{"2401.00001@02-05"});
  }
  SUBCASE("labels are not searched") {
    options.terms = {"What's New"};
    CHECK(rows(load.table, options).empty());
  }
  SUBCASE("any term") {
    options.terms = {"annealing", "tiny"};
    CHECK(rows(load.table, options).empty());
    options.any = true;
    CHECK(rows(load.table, options)
          == Rows{"2401.00005@01-16", "2404.00007@04-02"});
  }
  SUBCASE("fields") {
    options.terms = {"routing"};
    options.in = "title";
    CHECK(rows(load.table, options)
          == Rows{"2401.00001@01-15", "2401.00001@02-05"});
    options.in = "summary";
    CHECK(rows(load.table, options) == Rows{"2401.00001@01-15"});
    options.terms = {"kegl"};
    CHECK(rows(load.table, options).empty());
    options.in = "authors";
    CHECK(rows(load.table, options)
          == Rows{"2401.00002@01-15", "2401.00004@01-16"});
    options.terms = {"kegl", "parsing"};
    CHECK(rows(load.table, options).empty());
    options.in = "all";
    CHECK(rows(load.table, options) == Rows{"2401.00002@01-15"});
    options.in = "body";
    CHECK(error_of(options)
          == "--in: 'body' is not one of title, summary, authors, all");
  }
  SUBCASE("regex") {
    options.regex = true;
    options.terms = {"^sparse routing$"};
    CHECK(rows(load.table, options) == Rows{"2401.00001@01-15"});
    options.terms = {"^개정"};
    CHECK(rows(load.table, options) == Rows{"2401.00001@02-05"});
    options.terms = {"Kégl$"};
    options.in = "authors";
    CHECK(rows(load.table, options) == Rows{"2401.00002@01-15"});
    options.terms = {"(unclosed"};
    CHECK(error_of(options)
          == "--regex: invalid regex '(unclosed': missing ): (unclosed");
  }
}

TEST_CASE("any_selected (--quiet) agrees with the search listing") {
  const auto load = archive();

  struct Case {
    std::vector<std::string> terms;
    bool any = false;
    bool regex = false;
    std::string in;
    std::string since;
  };

  const std::vector<Case> cases = {
      {{"sparse", "EXPERTS"}, false, false, "", ""},
      {{"experts routing"}, false, false, "", ""},
      {{"파라미터 까지"}, false, false, "", ""},
      {{"1조파라미터"}, false, false, "", ""},
      {{"annealing", "tiny"}, false, false, "", ""},
      {{"annealing", "tiny"}, true, false, "", ""},
      {{"kegl"}, false, false, "authors", ""},
      {{"kegl", "parsing"}, false, false, "all", ""},
      {{"routing"}, false, false, "summary", "2024-02"},
      {{"^개정"}, false, true, "", ""},
      {{"x*"}, false, true, "", ""},
      {{"(?i)NOTHING HERE"}, false, true, "", ""},
      {{"résumé"}, false, false, "", ""},
      {{"resume"}, false, false, "", ""},
  };
  for (const auto& c : cases) {
    QueryOptions options;
    options.default_sort = SortKey::kRelevance;
    options.terms = c.terms;
    options.any = c.any;
    options.regex = c.regex;
    options.in = c.in;
    options.since = c.since;
    auto query = compile_query(options);
    REQUIRE(query.has_value());
    const auto listed = run_search(load.table, *query).rows.size();
    CAPTURE(c.terms.front());
    CHECK(any_selected(load.table, *query) == (listed > 0));
  }
}

TEST_CASE("compile_query rejects bad values, naming the option") {
  QueryOptions options;
  SUBCASE("dates") {
    options.date = "2024-13-45";
    CHECK(error_of(options)
          == "--date: '2024-13-45' is not a date; use YYYY-MM-DD, YYYY-MM, "
             "YYYY, an ISO week YYYY-Www, today, yesterday, Nd or Nw (the "
             "last N days or weeks, counted back from the newest digest date "
             "or --now)");
    options.date = "2024-02-30";
    CHECK(error_of(options).starts_with("--date: '2024-02-30'"));
    options.date = "2024-2";
    CHECK(error_of(options).starts_with("--date: "));
    options.date.clear();
    options.since = "last week";
    CHECK(error_of(options).starts_with("--since: 'last week'"));
    options.since = "0d";
    CHECK(error_of(options).starts_with("--since: '0d'"));
    options.since = "2024-W54";
    CHECK(error_of(options).starts_with("--since: '2024-W54' is not a date; "));
    // A week 53 of a year of 52 says so; one of 53 is a date.
    options.since = "2021-W53";
    CHECK(error_of(options).starts_with(
        "--since: '2021-W53' is not a date: 2021 has 52 ISO weeks; use "));
    options.since = "2020-W53";
    CHECK(error_of(options) == "");
    options.since.clear();
    options.until = "2024-00";
    CHECK(error_of(options).starts_with("--until: '2024-00'"));
    options.until = "2024-02";
    options.since = "2024-02-10";
    CHECK(error_of(options) == "");
    options.since = "2024-03";
    CHECK(error_of(options) == "--since 2024-03 is after --until 2024-02");
    options.since = "2024-W10";  // Monday 2024-03-04
    CHECK(error_of(options) == "--since 2024-W10 is after --until 2024-02");
    options.since = "7d";  // relative: known only after the load
    CHECK(error_of(options) == "");
    options.date = "2024-02";
    CHECK(error_of(options)
          == "--date cannot be combined with --since or --until");
    options.date.clear();
    options.since.clear();
    options.until.clear();
    options.now = "2024-02";
    CHECK(error_of(options) == "--now: '2024-02' is not a day; use YYYY-MM-DD");
  }
  SUBCASE("numbers") {
    options.limit = -1;
    CHECK(error_of(options) == "--limit: must be 0 or more, got -1");
    options.limit.reset();
    options.min_votes = -5;
    CHECK(error_of(options) == "--min-votes: must be 0 or more, got -5");
  }
  SUBCASE("sort keys and ids") {
    options.sort = "votes ";
    CHECK(error_of(options)
          == "--sort: 'votes ' is not one of votes, date, title, id, "
            "relevance");
    options.sort.clear();
    options.ids = {"2402.03620", "not-an-id"};
    CHECK(error_of(options) == "--id: 'not-an-id' is not an arXiv id");
  }
}

// Sixty days of papers in twelve blocks, with votes that tie often, no
// votes, no date, and repeats across blocks and within one, many of them
// with more votes than their first copy.
std::vector<std::vector<Paper>> bounded_blocks() {
  static std::deque<std::string> text;  // outlives every record
  std::vector<std::vector<Paper>> blocks(12);
  unsigned state = 7;
  auto next = [&state](unsigned n) {
    state = state * 1103515245U + 12345U;
    return (state >> 16) % n;
  };
  for (int i = 0; i < 400; ++i) {
    Paper paper;
    const bool repeat = i > 40 && next(4) == 0;
    const int number =
        repeat ? static_cast<int>(next(static_cast<unsigned>(i))) : i;
    const int day = repeat ? number % 60 : i % 60;
    paper.id = text.emplace_back("2403." + std::to_string(10000 + number));
    if (number % 37 != 5) {
      paper.date = Date::from_days(Date{2024, 3, 1}.days_since_epoch() + day);
    }
    if (next(9) != 0) {
      paper.votes = static_cast<std::int64_t>(next(repeat ? 30 : 12));
    }
    paper.title = text.emplace_back("title " + std::to_string(i));
    blocks[static_cast<std::size_t>(i) * 12 / 400].push_back(paper);
  }
  return blocks;
}

TEST_CASE("keep_best: a bounded table gives the rows of a whole one") {
  std::vector<QueryOptions> queries;
  for (const std::int64_t n : {1, 2, 5, 17, 1000}) {
    QueryOptions q = top();
    q.limit = n;
    queries.push_back(q);
    q.reverse = true;
    queries.push_back(q);
    for (const char* sort : {"date", "id"}) {
      q.sort = sort;
      queries.push_back(q);
      q.reverse = false;
      queries.push_back(q);
    }
    QueryOptions list;
    list.limit = n;
    queries.push_back(list);
  }
  for (const char* per : {"day", "week", "month", "year"}) {
    QueryOptions q = top();
    q.per = per;
    q.per_count = 2;
    queries.push_back(q);
    q.limit = 7;
    q.sort = "date";
    queries.push_back(q);
  }
  QueryOptions dated = top();
  dated.since = "2024-03-10";
  dated.min_votes = 3;
  dated.limit = 4;
  queries.push_back(dated);
  for (const auto& options : queries) {
    auto query = compile_query(options);
    REQUIRE(query.has_value());
    const KeepBest keep = keep_best(*query);
    REQUIRE(keep);
    PaperTable whole;
    PaperTable bounded;
    bounded.keep_best(keep);
    // As the loader does: the query's filter first, then the bound.
    const auto factory = record_filter(*query, FilterScope::kAll);
    const auto filter = factory ? factory() : nullptr;
    for (auto block : bounded_blocks()) {
      std::vector<Paper> passing;
      std::vector<DroppedRecord> dropped;
      for (const Paper& paper : block) {
        if (filter && !filter(paper)) {
          dropped.push_back(DroppedRecord{
              std::string(*paper.id), paper.date, passing.size()});
        } else {
          passing.push_back(paper);
        }
      }
      whole.add_block(std::move(block));
      bounded.add_block(std::move(passing), dropped);
    }
    bounded.settle();
    CHECK(bounded.duplicates() == whole.duplicates());
    CHECK(bounded.size() + bounded.pruned() + bounded.duplicates() <= 400);
    INFO("sort '",
         options.sort,
         "' reverse ",
         options.reverse,
         " limit ",
         options.limit.value_or(-1),
         " per '",
         options.per,
         "'");
    CHECK(bounded.size() <= whole.size());
    CHECK((bounded.size() < whole.size() || keep.count >= whole.size()));
    CHECK(rows(bounded, options) == rows(whole, options));
  }
  CHECK(queries.size() == 44);
}

TEST_CASE("keep_best: no bound where the rows need more than one record") {
  auto bound = [](const QueryOptions& options) {
    auto query = compile_query(options);
    REQUIRE(query.has_value());
    return keep_best(*query).count;
  };
  QueryOptions q = top();
  CHECK(bound(q) == 10);
  q.limit = 0;
  CHECK(bound(q) == 0);  // no limit
  q = top();
  q.unique = true;
  CHECK(bound(q) == 0);
  q = top();
  q.sort = "title";
  CHECK(bound(q) == 0);
  q = top();
  q.since = "7d";
  CHECK(bound(q) == 0);  // anchored on the newest date, known after the load
  q.now = "2024-03-05";
  CHECK(bound(q) == 10);
  q = top();
  q.terms = {"routing"};
  CHECK(bound(q) == 0);
  q = top();
  q.authors = {"Quoc Le"};
  q.loose_hint = true;
  CHECK(bound(q) == 0);
  QueryOptions list;
  list.limit = 3;
  CHECK(bound(list) == 3);
  list.reverse = true;
  CHECK(bound(list) == 0);
}

TEST_CASE("sort and field names") {
  CHECK(sort_key_names().size() == 5);
  CHECK(search_field_names().size() == 4);
}

}  // namespace
}  // namespace papers
