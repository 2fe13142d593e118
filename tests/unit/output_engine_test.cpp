// The output engine every writer shares: the table layout (alignment by
// display width, shrink orders, trimming, colour, custom cutting), the
// generic records of format_records() in every format, and the paper field
// table (one row per Field, names as --fields takes them).
#include "output_engine.hpp"

#include "paper_fields.hpp"

#include <papers/format.hpp>

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

std::string layout(TableLayout& table,
                   const FormatOptions& options,
                   bool trim,
                   const CellCutter& cut = nullptr) {
  StringSink sink;
  Output out(sink);
  table.write(options, out, trim, cut);
  CHECK(out.finish());
  return sink.text();
}

TEST_CASE("table layout: alignment by display width, numbers right") {
  TableLayout table({{"N", ColumnKind::kNumber}, {"NAME", ColumnKind::kFree}});
  table.add_row({"7", "한국어"});
  table.add_row({"123", "ab"});
  CHECK(layout(table, {}, false) == "  N  NAME\n  7  한국어\n123  ab\n");
}

TEST_CASE("table layout: no rows, no header") {
  TableLayout table({{"A", ColumnKind::kText}});
  CHECK(layout(table, {}, false).empty());
}

TEST_CASE("table layout: free text shrinks in order, cut with an ellipsis") {
  TableLayout table({{"A", ColumnKind::kFree, 1}, {"B", ColumnKind::kFree}});
  table.add_row({"aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"});
  FormatOptions options;
  options.width = 26;
  // B (order 0) is cut to its minimum of 8 before A (order 1) loses any.
  CHECK(layout(table, options, false) == "A                 B\n"
                                         "aaaaaaaaaaaaaaaa  bbbbbbb…\n");
  options.truncate = false;
  TableLayout whole({{"A", ColumnKind::kFree}});
  whole.add_row({"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"});
  CHECK(layout(whole, options, false)
        == "A\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
}

TEST_CASE("table layout: trimming, colour, a custom cutter") {
  TableLayout table({{"X", ColumnKind::kText, 0, "\x1b[32m"},
                     {"LONG HEADER", ColumnKind::kFree}});
  table.add_row({"-", ""});
  table.add_row({"1", "a long cell of text here"});
  FormatOptions options;
  CHECK(layout(table, options, true)
        == "X  LONG HEADER\n-\n1  a long cell of text here\n");
  options.color = true;
  options.width = 20;
  const std::string colored = layout(
      table,
      options,
      true,
      [](std::size_t row, std::size_t column, std::string_view, std::size_t) {
        return "cut " + std::to_string(row) + std::to_string(column);
      });
  // "-" is never styled; the header is bold; the cutter decides the cut.
  CHECK(colored
        == "\x1b[1mX\x1b[0m  \x1b[1mLONG HEADER\x1b[0m\n"
           "-\n"
           "\x1b[32m1\x1b[0m  cut 11\n");
}

TEST_CASE("table layout: control characters never reach the terminal") {
  TableLayout table({{"T", ColumnKind::kFree}});
  table.add_row({"a\x1b[31mb\nc"});
  const std::string text = layout(table, {}, false);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text == "T\na␛[31mb c\n");
}

TEST_CASE("records: line and paragraph separators never split a record") {
  const std::vector<std::string_view> keys = {"title"};
  const std::vector<std::vector<Value>> rows = {
      {std::string("a\u2028b\u2029c\u0085d\r\ne\tf\\g")},
  };
  auto written = [&](OutputFormat format) {
    std::string out;
    format_records(format, keys, rows, FormatOptions{}, out);
    return out;
  };
  CHECK(written(OutputFormat::kTsv)
        == "title\na\\u2028b\\u2029c\\u0085d\\r\\ne\\tf\\\\g\n");
  CHECK(written(OutputFormat::kJsonl)
        == "{\"title\": \"a\\u2028b\\u2029c\\u0085d\\r\\ne\\tf\\\\g\"}\n");
  // csv quotes the cell, as it quotes one with CR or LF.
  CHECK(written(OutputFormat::kCsv)
        == "title\n\"a\u2028b\u2029c\u0085d\r\ne\tf\\g\"\n");
  const std::vector<std::vector<Value>> separator_only = {
      {std::string("x\u2028y")}};
  std::string csv;
  format_records(
      OutputFormat::kCsv, keys, separator_only, FormatOptions{}, csv);
  CHECK(csv == "title\n\"x\u2028y\"\n");
}

TEST_CASE("format_records: one engine for every format") {
  const std::vector<std::string_view> keys = {"file", "line", "tags"};
  const std::vector<std::vector<Value>> rows = {
      {std::string("a,b.md"), Value(std::int64_t{3}), Value()},
      {std::string("c.md"), Value(), std::vector<std::string>{"x", "y\"z"}},
  };
  auto written = [&](OutputFormat format) {
    std::string out;
    format_records(format, keys, rows, FormatOptions{}, out);
    return out;
  };
  CHECK(written(OutputFormat::kJson)
        == "[\n"
           "{\"file\": \"a,b.md\", \"line\": 3, \"tags\": null},\n"
           "{\"file\": \"c.md\", \"line\": null, \"tags\": [\"x\", "
           "\"y\\\"z\"]}\n"
           "]\n");
  CHECK(written(OutputFormat::kJsonl)
        == "{\"file\": \"a,b.md\", \"line\": 3, \"tags\": null}\n"
           "{\"file\": \"c.md\", \"line\": null, \"tags\": [\"x\", "
           "\"y\\\"z\"]}\n");
  CHECK(written(OutputFormat::kCsv)
        == "file,line,tags\n\"a,b.md\",3,\nc.md,,\"x; y\"\"z\"\n");
  CHECK(written(OutputFormat::kTsv)
        == "file\tline\ttags\na,b.md\t3\t\nc.md\t\tx; y\"z\n");
  CHECK(written(OutputFormat::kTable)
        == "FILE    LINE  TAGS\na,b.md  3     -\nc.md    -     x; y\"z\n");
  std::string empty;
  format_records(OutputFormat::kJson, keys, {}, FormatOptions{}, empty);
  CHECK(empty == "[]\n");
}

TEST_CASE("paper fields: one row per Field, in order, named as --fields") {
  const auto specs = field_specs();
  REQUIRE(specs.size() == field_names().size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    CAPTURE(specs[i].name);
    CHECK(static_cast<std::size_t>(specs[i].field) == i);
    CHECK(field_names()[i] == specs[i].name);
    CHECK(&field_spec(specs[i].field) == &specs[i]);
    CHECK((specs[i].json != nullptr));
    CHECK((specs[i].flat != nullptr));
    CHECK((specs[i].cell != nullptr));
    CHECK(!specs[i].header.empty());
  }
}

}  // namespace
}  // namespace papers

TEST_CASE("TSV cells: every line end is escaped, so a record is one line") {
  std::string out;
  papers::append_tsv_cell("a\tb\nc\rd\\e\u2028f\u2029g\u0085h", out);
  CHECK(out == "a\\tb\\nc\\rd\\\\e\\u2028f\\u2029g\\u0085h");
  out.clear();
  // Lookalikes that are not line ends pass: U+2027, U+202A's lead bytes
  // cut short, U+00A0.
  papers::append_tsv_cell("\u2027\u00A0\xE2\x80", out);
  CHECK(out == "\u2027\u00A0\xE2\x80");
}

TEST_CASE("JSON strings escape every format character, and keep marks") {
  std::string out;
  papers::append_json_string(
      "a\u200Eb\u061Cc\u00ADd\uFEFFe\U000E0041f\u200Dg\u0301h\U0001F600", out);
  CHECK(out
        == "\"a\\u200eb\\u061cc\\u00add\\ufeffe\\udb40\\udc41f\u200Dg\u0301h"
           "\U0001F600\"");
  out.clear();
  // The same with an invalid byte, which takes the other path.
  papers::append_json_string("\xFF\u200Bx\U000E007F", out);
  CHECK(out == "\"\uFFFD\\u200bx\\udb40\\udc7f\"");
}
