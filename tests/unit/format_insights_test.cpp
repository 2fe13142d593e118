// The insight writers: bar rendering (eighth blocks, ASCII, rounding,
// scaling), tables fitted to a width with a bar column, the labelled list
// of stats, and the fixed keys of json, jsonl, csv and tsv.
#include "bar_chart.hpp"
#include "text_width.hpp"

#include <papers/aggregate.hpp>
#include <papers/format.hpp>
#include <papers/loader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace papers {
namespace {

class StringSink final : public OutputSink {
 public:
  bool write(std::string_view text) override {
    text_ += text;
    return true;
  }

  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += piece;
  }
  return out;
}

const std::string kFull = "\u2588";

TrendRow trend_row(std::string_view day,
                   std::size_t digests,
                   std::size_t total,
                   std::size_t papers) {
  const auto date = Date::parse(day);
  REQUIRE(date.has_value());
  TrendRow row;
  row.start = period_start(*date, Period::kMonth);
  row.end = period_end(*date, Period::kMonth);
  row.label = period_label(*date, Period::kMonth);
  row.digests = digests;
  row.total = total;
  row.papers = papers;
  return row;
}

std::string trend(OutputFormat format,
                  const std::vector<TrendRow>& rows,
                  FormatOptions options = {},
                  TrendStyle style = {}) {
  StringSink sink;
  CHECK(format_trend(format, rows, Period::kMonth, style, options, sink));
  return sink.text();
}

// Papers and authors for the writers: a comma, a quote, a tab and an
// escape character in the places a writer must take care of.
constexpr std::string_view kDigest = R"(## Daily Papers (2024-01-08)

### [Commas, "Quotes"	and Tabs](https://arxiv.org/abs/2401.00001)
Vote: 20
Authors: Renée Dubois, Kenji Sato

### [Second](https://arxiv.org/abs/2401.00002)
Vote: 5
Authors: Renee Dubois, Omar Haddad
)";

struct Fixture {
  LoadResult load;
  std::vector<const Paper*> rows;

  Fixture() {
    load_buffer("digest.md", kDigest, load);
    for (const auto& paper : load.table.papers()) {
      rows.push_back(&paper);
    }
  }
};

std::string authors(OutputFormat format,
                    const std::vector<AuthorRow>& rows,
                    FormatOptions options = {}) {
  StringSink sink;
  CHECK(format_authors(format, rows, options, sink));
  return sink.text();
}

}  // namespace

TEST_CASE("render_bar: eighth blocks, scaled to the width") {
  SUBCASE("the largest value fills the width") {
    CHECK(render_bar(10, 10, 5, false) == repeat(kFull, 5));
    CHECK(render_bar(10, 10, 5, true) == "#####");
  }
  SUBCASE("each eighth has its block, U+258F to U+2589") {
    CHECK(render_bar(1, 8, 1, false) == "\u258F");
    CHECK(render_bar(2, 8, 1, false) == "\u258E");
    CHECK(render_bar(3, 8, 1, false) == "\u258D");
    CHECK(render_bar(4, 8, 1, false) == "\u258C");
    CHECK(render_bar(5, 8, 1, false) == "\u258B");
    CHECK(render_bar(6, 8, 1, false) == "\u258A");
    CHECK(render_bar(7, 8, 1, false) == "\u2589");
    CHECK(render_bar(8, 8, 1, false) == kFull);
    CHECK(render_bar(12, 16, 2, false) == kFull + "\u258C");
  }
  SUBCASE("rounded to the nearest eighth, or column in ASCII") {
    // 2/3 of 23 columns is 15.33: 15 columns and 3/8 (15.375).
    CHECK(render_bar(2, 3, 23, false) == repeat(kFull, 15) + "\u258D");
    CHECK(render_bar(2, 3, 23, true) == std::string(15, '#'));
    // 1/3 of 23 is 7.67: 7 and 5/8, or 8 columns.
    CHECK(render_bar(1, 3, 23, false) == repeat(kFull, 7) + "\u258B");
    CHECK(render_bar(1, 3, 23, true) == std::string(8, '#'));
  }
  SUBCASE("a small value is never drawn as zero") {
    CHECK(render_bar(1, 1000, 10, false) == "\u258F");
    CHECK(render_bar(1, 1000, 10, true) == "#");
  }
  SUBCASE("nothing to draw") {
    CHECK(render_bar(0, 10, 10, false).empty());
    CHECK(render_bar(0, 10, 10, true).empty());
    CHECK(render_bar(5, 0, 10, false).empty());
    CHECK(render_bar(5, 10, 0, false).empty());
  }
  SUBCASE("values above the maximum and huge counts") {
    CHECK(render_bar(20, 10, 4, true) == "####");
    const std::uint64_t huge = std::uint64_t{1} << 62;
    CHECK(render_bar(huge, huge, 3, false) == repeat(kFull, 3));
    CHECK(render_bar(huge / 2, huge, 2, true) == "#");
  }
  SUBCASE("a bar takes the columns its eighths start") {
    // 24 eighths in 3 columns: value v is v eighths.
    for (std::uint64_t v = 0; v <= 24; ++v) {
      CAPTURE(v);
      CHECK(display_width(render_bar(v, 24, 3, false)) == (v + 7) / 8);
    }
  }
}

TEST_CASE("format_trend: counts, totals, shares and gaps") {
  // January: 2 digest days, 3 of 5 papers; February: 2 of 8; March: no
  // digest at all (a gap); April: 1 of 4, and the data ends mid-month.
  std::vector<TrendRow> rows = {
      trend_row("2024-01-10", 2, 5, 3),
      trend_row("2024-02-10", 3, 8, 2),
      trend_row("2024-03-10", 0, 0, 0),
      trend_row("2024-04-10", 1, 4, 1),
  };
  rows.back().partial = true;
  FormatOptions options;
  SUBCASE("every column when the width allows") {
    options.width = 80;
    const auto lines = lines_of(trend(OutputFormat::kTable, rows, options));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].starts_with("MONTH    DAYS  TOTAL  PAPERS  SHARE"));
    CHECK(lines[0].ends_with("NOTE"));
    CHECK(
        lines[1].starts_with("2024-01     2      5       3  60.0%  " + kFull));
    CHECK(
        lines[2].starts_with("2024-02     3      8       2  25.0%  " + kFull));
    CHECK(lines[3] == "2024-03     0      -       -      -  no digest");
    CHECK(lines[4].starts_with("2024-04     1      4       1  25.0%  "));
    CHECK(lines[4].ends_with("  partial"));
    for (const auto& line : lines) {
      CHECK(display_width(line) <= 80);
    }
    // Bars of the count: 3 fills the bar column, 1 is a third of it.
    const std::size_t bar = display_width(lines[1]) - 37 - 9;
    CHECK(lines[1].find(repeat(kFull, bar)) != std::string::npos);
  }
  SUBCASE("narrow widths drop DAYS, then TOTAL, then SHARE") {
    for (const std::size_t width :
         {std::size_t{40}, std::size_t{45}, std::size_t{60}}) {
      CAPTURE(width);
      options.width = width;
      const auto lines = lines_of(trend(OutputFormat::kTable, rows, options));
      for (const auto& line : lines) {
        CHECK(display_width(line) <= width);
      }
      CHECK(lines[3].find("no digest") != std::string::npos);
      CHECK(lines[4].ends_with("partial"));
    }
    options.width = 40;
    // 7 + 2 + 6 + 2 + bar + 2 + 7: the bar takes the 14 columns left.
    CHECK(lines_of(trend(OutputFormat::kTable, rows, options))[0]
          == "MONTH    PAPERS" + std::string(18, ' ') + "NOTE");
  }
  SUBCASE("--share: bars of the share, the share kept first") {
    options.width = 40;
    const auto lines = lines_of(
        trend(OutputFormat::kTable, rows, options, TrendStyle{true, false}));
    CHECK(lines[0] == "MONTH    SHARE" + std::string(19, ' ') + "NOTE");
    CHECK(lines[1] == "2024-01  60.0%  " + repeat(kFull, 15));
    // 25% on a scale where 60% fills 15 columns: 6 and a quarter.
    CHECK(lines[2] == "2024-02  25.0%  " + repeat(kFull, 6) + "\u258E");
  }
  SUBCASE("ASCII") {
    options.width = 40;
    options.ascii = true;
    const auto lines = lines_of(trend(OutputFormat::kTable, rows, options));
    CHECK(lines[1] == "2024-01       3  " + std::string(14, '#'));
  }
  SUBCASE("--each: a column per TERM, bars on one scale") {
    // mamba: 3 of 5, 2 of 8, a gap, 1 of 4; transformer: 3, 6, -, 1.
    std::vector<TrendRow> each = {
        rows[0], rows[1], rows[2], rows[3], rows[0], rows[1], rows[2], rows[3]};
    for (std::size_t i = 0; i < each.size(); ++i) {
      each[i].term = i < 4 ? "mamba" : "transformer";
    }
    each[5].papers = 6;
    options.width = 60;
    options.ascii = true;
    auto lines = lines_of(
        trend(OutputFormat::kTable, each, options, TrendStyle{false, true}));
    REQUIRE(lines.size() == 5);
    // 7 + 6 + 7 + 11 (NOTE) = 31 fixed; each TERM takes 2 + 1 + 1 and a
    // bar: (60 - 31 - 8) / 2 = 10 columns for the largest count, 6; a
    // column is as wide as its widest cell or header.
    CHECK(lines[0] == "MONTH    DAYS  TOTAL  mamba    transformer   NOTE");
    CHECK(lines[1] == "2024-01     2      5  3 #####  3 #####");
    CHECK(lines[2] == "2024-02     3      8  2 ###    6 ##########");
    CHECK(lines[3] == "2024-03     0      -  -        -             no digest");
    CHECK(lines[4] == "2024-04     1      4  1 ##     1 ##          partial");
    for (const auto& line : lines) {
      CHECK(display_width(line) <= 60);
    }
    // --share: the shares side by side, and their bars.
    lines = lines_of(
        trend(OutputFormat::kTable, each, options, TrendStyle{true, true}));
    // (60 - 31 - 2 * 8) / 2: bars of 6 columns for the largest share.
    CHECK(lines[2] == "2024-02     3      8  25.0% ##     75.0% ######");
    // Narrow: DAYS and TOTAL go before the bars; the columns stay.
    options.width = 40;
    lines = lines_of(
        trend(OutputFormat::kTable, each, options, TrendStyle{false, true}));
    CHECK(lines[0] == "MONTH    mamba  transformer  NOTE");
    CHECK(lines[2] == "2024-02  2 ##   6 #####");
    // Then the bars, then the TERMs in the header are cut.
    options.width = 30;
    lines = lines_of(
        trend(OutputFormat::kTable, each, options, TrendStyle{false, true}));
    CHECK(lines[0] == "MONTH    mam\u2026  tra\u2026  NOTE");
    CHECK(lines[2] == "2024-02  2     6");
    // Too many TERMs for a column each: one block of rows per TERM.
    std::vector<TrendRow> many;
    for (const char* term : {"alpha", "beta", "gamma", "delta", "epsilon"}) {
      for (std::size_t i = 0; i < 4; ++i) {
        many.push_back(rows[i]);
        many.back().term = term;
      }
    }
    options.width = 40;
    lines = lines_of(
        trend(OutputFormat::kTable, many, options, TrendStyle{false, true}));
    REQUIRE(lines.size() == 25);
    CHECK(lines[0].starts_with("MONTH    TERM"));
    CHECK(lines[5].empty());
    for (const auto& line : lines) {
      CHECK(display_width(line) <= 40);
    }
    const auto jsonl = lines_of(
        trend(OutputFormat::kJsonl, each, {}, TrendStyle{false, true}));
    CHECK(
        jsonl[5]
        == R"({"period": "2024-02", "start": "2024-02-01", "end": "2024-02-29", "term": "transformer", "digests": 3, "total": 8, "papers": 6, "share": 0.75, "partial": false})");
  }
  SUBCASE("rows, not bars, in the other formats; a gap is null") {
    CHECK(trend(OutputFormat::kCsv, rows)
          == "period,start,end,digests,total,papers,share,partial\n"
             "2024-01,2024-01-01,2024-01-31,2,5,3,0.6,false\n"
             "2024-02,2024-02-01,2024-02-29,3,8,2,0.25,false\n"
             "2024-03,2024-03-01,2024-03-31,0,,,,false\n"
             "2024-04,2024-04-01,2024-04-30,1,4,1,0.25,true\n");
    const auto jsonl = lines_of(trend(OutputFormat::kJsonl, rows));
    REQUIRE(jsonl.size() == 4);
    CHECK(
        jsonl[2]
        == R"({"period": "2024-03", "start": "2024-03-01", "end": "2024-03-31", "digests": 0, "total": null, "papers": null, "share": null, "partial": false})");
    CHECK(trend(OutputFormat::kJson, {}) == "[]\n");
    CHECK(trend(OutputFormat::kTable, {}).empty());
  }
  SUBCASE("a total of 0 has no share") {
    const std::vector<TrendRow> none = {trend_row("2024-01-10", 2, 0, 0)};
    CHECK_FALSE(none[0].share());
    CHECK(lines_of(trend(OutputFormat::kJsonl, none))[0].find(
              R"("total": 0, "papers": 0, "share": null)")
          != std::string::npos);
  }
}

TEST_CASE("format_authors: every format") {
  const Fixture f;
  const auto rows = rank_authors(f.rows);
  REQUIRE(rows.size() == 3);
  SUBCASE("table") {
    CHECK(authors(OutputFormat::kTable, rows)
          == "#  NAME          PAPERS  VOTES  BEST PAPER\n"
             "1  Renée Dubois       2     25  2401.00001 Commas, \"Quotes\" "
             "and Tabs\n"
             "2  Kenji Sato         1     20  2401.00001 Commas, \"Quotes\" "
             "and Tabs\n"
             "3  Omar Haddad        1      5  2401.00002 Second\n");
  }
  SUBCASE("table fitted to a width: the best paper is cut first") {
    FormatOptions options;
    options.width = 45;
    auto lines = lines_of(authors(OutputFormat::kTable, rows, options));
    REQUIRE(lines.size() == 4);
    CHECK(lines[1] == "1  Renée Dubois       2     25  2401.00001 C…");
    for (const auto& line : lines) {
      CHECK(display_width(line) <= 45);
    }
    // Then names, once the best paper is down to its header's width.
    options.width = 40;
    lines = lines_of(authors(OutputFormat::kTable, rows, options));
    REQUIRE(lines.size() == 4);
    CHECK(lines[1] == "1  Renée Dub…       2     25  2401.0000…");
    options.truncate = false;
    CHECK(lines_of(authors(OutputFormat::kTable, rows, options))[1].size()
          > 40);
  }
  SUBCASE("json: fixed keys, every spelling") {
    const auto lines = lines_of(authors(OutputFormat::kJson, rows));
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "[");
    CHECK(
        lines[1]
        == R"({"rank": 1, "name": "Renée Dubois", "variants": ["Renée Dubois", "Renee Dubois"], "papers": 2, "votes": 25, "best_id": "2401.00001", "best_title": "Commas, \"Quotes\"\tand Tabs", "best_votes": 20},)");
    CHECK(lines[4] == "]");
  }
  SUBCASE("csv and tsv: quoted and escaped, lists joined") {
    const auto csv = lines_of(authors(OutputFormat::kCsv, rows));
    REQUIRE(csv.size() == 4);
    CHECK(csv[0] == "rank,name,variants,papers,votes,best_id,best_title,"
                    "best_votes");
    CHECK(csv[1]
          == "1,Renée Dubois,Renée Dubois; Renee Dubois,2,25,2401.00001,"
             "\"Commas, \"\"Quotes\"\"\tand Tabs\",20");
    const auto tsv = lines_of(authors(OutputFormat::kTsv, rows));
    REQUIRE(tsv.size() == 4);
    CHECK(tsv[1]
          == "1\tRenée Dubois\tRenée Dubois; Renee Dubois\t2\t25\t"
             "2401.00001\tCommas, \"Quotes\"\\tand Tabs\t20");
  }
  SUBCASE("nothing: no table, an empty array, a header") {
    CHECK(authors(OutputFormat::kTable, {}).empty());
    CHECK(authors(OutputFormat::kJson, {}) == "[]\n");
    CHECK(authors(OutputFormat::kJsonl, {}).empty());
    CHECK(authors(OutputFormat::kCsv, {})
          == "rank,name,variants,papers,votes,best_id,best_title,"
             "best_votes\n");
  }
}

TEST_CASE("format_coauthors: shared papers and their ids") {
  const Fixture f;
  const auto rows = rank_coauthors(f.rows, "Renee Dubois");
  StringSink table;
  CHECK(format_coauthors(OutputFormat::kTable, rows, {}, table));
  CHECK(table.text()
        == "#  NAME         PAPERS  VOTES  IDS\n"
           "1  Kenji Sato        1     20  2401.00001\n"
           "2  Omar Haddad       1      5  2401.00002\n");
  StringSink json;
  CHECK(format_coauthors(OutputFormat::kJsonl, rows, {}, json));
  CHECK(
      lines_of(json.text())[0]
      == R"({"rank": 1, "name": "Kenji Sato", "variants": ["Kenji Sato"], "papers": 1, "votes": 20, "ids": ["2401.00001"]})");
}

TEST_CASE("format_dates: a bar column beside the numbers") {
  const Fixture f;
  auto rows = group_by_period(f.rows, Period::kDay);
  REQUIRE(rows.size() == 1);
  rows.push_back(rows.front());
  rows.back().papers = 1;
  rows.back().label = "2024-01-09";
  FormatOptions options;
  options.width = 80;
  options.ascii = true;
  StringSink sink;
  CHECK(format_dates(OutputFormat::kTable, rows, Period::kDay, options, sink));
  const auto lines = lines_of(sink.text());
  REQUIRE(lines.size() == 3);
  // A quarter of 80 columns for the bars.
  CHECK(lines[0]
        == "DATE        PAPERS                        VOTES  TOP VOTES  "
           "TOP ID      TITLE");
  CHECK(lines[1]
        == "2024-01-08       2  ####################     25         20  "
           "2401.00001  Commas,…");
  CHECK(lines[2].substr(0, 40) == "2024-01-09       1  ##########          ");
  for (const auto& line : lines) {
    CHECK(display_width(line) <= 80);
  }
  StringSink json;
  CHECK(format_dates(OutputFormat::kJsonl, rows, Period::kDay, {}, json));
  CHECK(
      lines_of(json.text())[0]
      == R"({"period": "2024-01-08", "start": "2024-01-08", "end": "2024-01-08", "papers": 2, "votes": 25, "top_id": "2401.00001", "top_title": "Commas, \"Quotes\"\tand Tabs", "top_votes": 20})");
}

TEST_CASE("format_summary: a labelled list, one object, one row") {
  Summary s;
  s.files = 4;
  s.papers = 10;
  s.dates = 4;
  s.first_date = Date{2024, 1, 8};
  s.last_date = Date{2024, 4, 1};
  s.distinct_ids = 9;
  s.featured_more_than_once = 1;
  s.unknown_votes = 2;
  s.distinct_authors = 8;
  s.median_votes = 10.5;
  s.max_votes = 30;
  auto write = [](OutputFormat format, const Summary& summary) {
    StringSink sink;
    CHECK(format_summary(format, summary, {}, sink));
    return sink.text();
  };
  CHECK(write(OutputFormat::kTable, s)
        == "Files                    4\n"
           "First date               2024-01-08\n"
           "Last date                2024-04-01\n"
           "Dates                    4\n"
           "Papers                   10\n"
           "Distinct ids             9\n"
           "Featured more than once  1\n"
           "Unknown votes            2\n"
           "Distinct authors         8\n"
           "Median votes             10.5\n"
           "Maximum votes            30\n"
           "Warnings                 0\n");
  CHECK(
      write(OutputFormat::kJson, s)
      == R"({"files": 4, "first_date": "2024-01-08", "last_date": "2024-04-01", "dates": 4, "papers": 10, "distinct_ids": 9, "featured_more_than_once": 1, "unknown_votes": 2, "distinct_authors": 8, "median_votes": 10.5, "max_votes": 30, "warnings": 0})"
         "\n");
  CHECK(write(OutputFormat::kCsv, Summary{})
        == "files,first_date,last_date,dates,papers,distinct_ids,"
           "featured_more_than_once,unknown_votes,distinct_authors,"
           "median_votes,max_votes,warnings\n"
           "0,,,0,0,0,0,0,0,,,0\n");
  const auto table = lines_of(write(OutputFormat::kTable, Summary{}));
  REQUIRE(table.size() == 12);
  CHECK(table[1] == "First date               -");
  CHECK(table[9] == "Median votes             -");
}

TEST_CASE("insight tables never write control characters raw") {
  AuthorRow row;
  row.name = "Evil\x1b[31mName";
  row.variants = {row.name};
  Paper paper;
  paper.title = "Bell\x07Title";
  row.papers = {&paper};
  row.best = &paper;
  FormatOptions options;
  const std::string table = authors(OutputFormat::kTable, {row}, options);
  CHECK(table.find('\x1b') == std::string::npos);
  CHECK(table.find('\x07') == std::string::npos);
  options.terminal = true;
  const std::string csv = authors(OutputFormat::kCsv, {row}, options);
  CHECK(csv.find('\x1b') == std::string::npos);
  // JSON escapes instead.
  const std::string json = authors(OutputFormat::kJson, {row});
  CHECK(json.find("\\u001b[31m") != std::string::npos);
}

}  // namespace papers
