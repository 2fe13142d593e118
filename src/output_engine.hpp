// The one output engine every writer shares, whatever it writes (papers,
// insight rows, diagnostics): the buffered Output the writers append to,
// the table layout (display-width columns, numbers right-aligned, free text
// shrunk to the width and cut with "…", an optional bar column, colour),
// the JSON value writer with the array / JSON Lines framing, and the CSV /
// TSV cell writer with its header row. The record kinds only say what their
// columns are and what each cell holds.
#pragma once

#include <papers/format.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// Collects a writer's text and passes it to the sink in pieces, so that
/// nothing holds the whole output and a gone reader stops the writer early.
class Output {
 public:
  explicit Output(OutputSink& sink) : sink_(sink) {}

  /// Where the writer appends.
  std::string& text() { return buffer_; }

  /// False once the sink refused a piece: stop writing.
  bool ok() const { return ok_; }

  /// A record is complete: passes the text on now, or once 64 KiB gathered.
  void end_record(bool now = false);

  /// Passes on the rest; returns ok().
  bool finish();

 private:
  void flush();

  OutputSink& sink_;
  std::string buffer_;
  bool ok_ = true;
};

/// The colour escapes of the table and card (SGR): bold headers, votes.
inline constexpr std::string_view kStyleHeader = "\x1b[1m";
inline constexpr std::string_view kStyleVotes = "\x1b[32m";
inline constexpr std::string_view kStyleReset = "\x1b[0m";

// --- the table layout --------------------------------------------------------

/// How a table column is laid out.
enum class ColumnKind {
  kText,    ///< left-aligned, kept whole
  kFree,    ///< left-aligned free text, cut with "…" to fit the width
  kNumber,  ///< right-aligned, kept whole
  kBar,     ///< a bar chart of the rows' bar values, scaled to the largest
};

struct TableColumn {
  std::string_view header;
  ColumnKind kind = ColumnKind::kText;
  /// kFree: the columns of order 0 are cut to their minimum before 1.
  int shrink_order = 0;
  /// When colouring: the style of the column's cells (not of "-" or "").
  std::string_view style = {};
};

/// Cuts cell (row, column), whose sanitised text is `text`, to at most
/// `width` display columns; without one the engine cuts the text with
/// truncate_to_width().
using CellCutter = std::function<std::string(std::size_t row,
                                             std::size_t column,
                                             std::string_view text,
                                             std::size_t width)>;

/// Colours cell (row, column) as shown (sanitised and cut): returns the
/// text with SGR escapes added and nothing else changed, so its display
/// width stays that of `text`. Only called when colouring.
using CellPainter = std::function<std::string(
    std::size_t row, std::size_t column, std::string_view text)>;

/// An aligned table: add the rows, then write() it once. Cells are
/// sanitised for a terminal and kept whole, with their width, until the
/// column widths are known.
class TableLayout {
 public:
  explicit TableLayout(std::vector<TableColumn> columns);

  std::size_t columns() const { return columns_.size(); }

  /// Appends a row's cells (one per column, "" in a bar column) and its
  /// value for the bar column, if there is one. A bar cell with text is
  /// written as that text instead of a bar ("no digest").
  void add_row(std::vector<std::string> cells, std::uint64_t bar = 0);

  /// Appends one cell of the row being built (call end_row() after the
  /// last one): the same as add_row() without a vector per row.
  void add_cell(std::string text);
  void end_row(std::uint64_t bar = 0);

  /// Leaves a blank line before the next row (between groups of rows).
  void add_break();

  /// Writes the header and the rows. Without rows it writes nothing (no
  /// header, like ls and grep). `trim` drops the spaces a line ends with.
  void write(const FormatOptions& options,
             Output& out,
             bool trim,
             const CellCutter& cut = nullptr,
             const CellPainter& paint = nullptr);

 private:
  struct Column {
    TableColumn spec;
    std::size_t width = 0;
    std::size_t min_width = 0;
  };

  struct Cell {
    std::string text;
    std::size_t width = 0;
  };

  void fit(std::size_t width, int order);

  std::vector<Column> columns_;
  std::vector<Cell> cells_;  // row-major
  std::vector<std::uint64_t> bars_;
  std::vector<std::size_t> breaks_;  // rows with a blank line before them
};

// --- JSON values
// ---------------------------------------------------------------

/// `"key": `.
void append_json_key(std::string_view key, std::string& out);

/// An integer.
void append_json_int(std::int64_t value, std::string& out);

/// The string, or null.
void append_json_optional(const std::optional<std::string_view>& value,
                          std::string& out);

/// The integer, or null.
void append_json_optional(const std::optional<std::int64_t>& value,
                          std::string& out);

/// An array of strings.
void append_json_strings(std::span<const std::string_view> values,
                         std::string& out);

/// Any Value (format.hpp).
void append_json_value(const Value& value, std::string& out);

/// One object of `keys` and their values.
void append_json_object(std::span<const std::string_view> keys,
                        std::span<const Value> values,
                        std::string& out);

/// `count` records as one JSON array (`lines` false) or a record a line,
/// each appended by `append(i, text)`.
template <class AppendRecord>
void write_json_records(std::size_t count,
                        bool lines,
                        Output& out,
                        AppendRecord&& append) {
  if (lines) {
    for (std::size_t i = 0; i < count && out.ok(); ++i) {
      append(i, out.text());
      out.text() += '\n';
      out.end_record(
          /*now=*/true);  // each line goes out as soon as it is ready
    }
    return;
  }
  if (count == 0) {
    out.text() += "[]\n";
    return;
  }
  out.text() += "[\n";
  for (std::size_t i = 0; i < count && out.ok(); ++i) {
    append(i, out.text());
    out.text() += i + 1 < count ? ",\n" : "\n";
    out.end_record();
  }
  out.text() += "]\n";
}

// --- CSV and TSV cells
// -----------------------------------------------------------

/// The text of a Value in a flat cell: numbers as JSON writes them, null
/// empty, lists joined with "; ".
std::string flat_text(const Value& value);

/// One RFC 4180 cell: quoted when it holds `,`, `"`, CR or LF, quotes
/// doubled.
void append_csv_cell(std::string_view value, std::string& out);

/// One TSV cell: tab, newline, CR and backslash escaped as \t \n \r \\.
void append_tsv_cell(std::string_view value, std::string& out);

/// One cell of a CSV (`csv`) or TSV table as the writers emit it: invalid
/// UTF-8 repaired, `--csv-safe` applied, sanitised on a terminal, and an
/// empty cell of a one-column table written `""` (a blank line would read
/// as no row at all).
void append_delimited_cell(std::string_view value,
                           bool csv,
                           bool only_column,
                           const FormatOptions& options,
                           std::string& out);

/// A header row of `keys` (unless FormatOptions::header is false),
/// written even without rows (scripts see the columns), then `count` rows whose
/// cells come from `cell(row, column)`.
template <class CellText>
void write_delimited_records(std::span<const std::string_view> keys,
                             std::size_t count,
                             bool csv,
                             const FormatOptions& options,
                             Output& out,
                             CellText&& cell) {
  const char separator = csv ? ',' : '\t';
  const bool only = keys.size() == 1;
  for (std::size_t c = 0; c < keys.size() && options.header; ++c) {
    if (c > 0) {
      out.text() += separator;
    }
    append_delimited_cell(keys[c], csv, only, options, out.text());
  }
  if (options.header) {
    out.text() += '\n';
  }
  for (std::size_t i = 0; i < count && out.ok(); ++i) {
    for (std::size_t c = 0; c < keys.size(); ++c) {
      if (c > 0) {
        out.text() += separator;
      }
      append_delimited_cell(cell(i, c), csv, only, options, out.text());
    }
    out.text() += '\n';
    out.end_record();
  }
}

}  // namespace papers
