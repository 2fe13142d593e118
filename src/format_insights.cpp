// The writers of the insight commands (authors, coauthors, dates, trend,
// stats). Each row type is turned into one of two generic shapes and
// written by the code for that shape: flat records (keys and values) for
// json, jsonl, csv and tsv, and an aligned table (with an optional bar
// column) or a labelled list for people. The table follows the paper
// table's rules: display-width alignment, numbers right-aligned, the widest
// free-text column cut with "…" to fit the width, every cell sanitised.
#include "bar_chart.hpp"
#include "format_writers.hpp"
#include "text_util.hpp"
#include "text_width.hpp"

#include <papers/format.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace papers {
namespace {

constexpr std::string_view kGap = "  ";
// A shrinking text column keeps at least this many columns (or its header).
constexpr std::size_t kMinTextWidth = 8;
// The width charts are scaled to when there is no width (output that is
// not a terminal, without --width).
constexpr std::size_t kDefaultChartWidth = 80;
// A bar column is never narrower than this.
constexpr std::size_t kMinBarWidth = 10;

// --- the flat records of json, jsonl, csv and tsv ---------------------------

using Value = std::variant<std::monostate,  // null
                           std::int64_t,
                           double,
                           std::string,
                           std::vector<std::string>>;

struct Records {
  std::vector<std::string_view> keys;
  std::vector<std::vector<Value>> rows;
};

Value optional_text(const std::optional<std::string_view>& text) {
  return text ? Value(std::string(*text)) : Value();
}

Value optional_number(const std::optional<std::int64_t>& number) {
  return number ? Value(*number) : Value();
}

Value number(std::size_t n) { return Value(static_cast<std::int64_t>(n)); }

void append_json_value(const Value& value, std::string& out) {
  if (std::holds_alternative<std::monostate>(value)) {
    out += "null";
  } else if (const auto* n = std::get_if<std::int64_t>(&value)) {
    fmt::format_to(std::back_inserter(out), "{}", *n);
  } else if (const auto* d = std::get_if<double>(&value)) {
    fmt::format_to(std::back_inserter(out), "{}", *d);
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    append_json_string(*s, out);
  } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    out += '[';
    for (std::size_t i = 0; i < list->size(); ++i) {
      out += i > 0 ? ", " : "";
      append_json_string((*list)[i], out);
    }
    out += ']';
  }
}

void append_json_object(const Records& records,
                        const std::vector<Value>& row,
                        std::string& out) {
  out += '{';
  for (std::size_t k = 0; k < records.keys.size(); ++k) {
    out += k > 0 ? ", \"" : "\"";
    out += records.keys[k];
    out += "\": ";
    append_json_value(row[k], out);
  }
  out += '}';
}

void write_json_array(const Records& records, Output& out) {
  if (records.rows.empty()) {
    out.text() += "[]\n";
    return;
  }
  out.text() += "[\n";
  for (std::size_t i = 0; i < records.rows.size() && out.ok(); ++i) {
    append_json_object(records, records.rows[i], out.text());
    out.text() += i + 1 < records.rows.size() ? ",\n" : "\n";
    out.end_record();
  }
  out.text() += "]\n";
}

void write_json_lines(const Records& records, Output& out) {
  for (std::size_t i = 0; i < records.rows.size() && out.ok(); ++i) {
    append_json_object(records, records.rows[i], out.text());
    out.text() += '\n';
    out.end_record(/*now=*/true);
  }
}

// The text of a value in a flat cell: numbers as JSON writes them, null
// empty, lists joined with "; ".
std::string flat_text(const Value& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) {
    return std::to_string(*n);
  }
  if (const auto* d = std::get_if<double>(&value)) {
    return fmt::format("{}", *d);
  }
  if (const auto* s = std::get_if<std::string>(&value)) {
    return *s;
  }
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::string out;
    for (const auto& item : *list) {
      out += out.empty() ? "" : "; ";
      out += item;
    }
    return out;
  }
  return {};
}

// CSV (RFC 4180) or TSV, with the header row written even without rows.
void write_delimited(const Records& records,
                     bool csv,
                     const FormatOptions& options,
                     Output& out) {
  auto append_cell = [&](std::string_view raw) {
    std::string value;
    append_utf8_repaired(value, raw);
    if (csv && value.empty() && records.keys.size() == 1) {
      out.text() += "\"\"";  // a blank line would read as no row at all
      return;
    }
    std::string cell;
    if (csv) {
      // On a terminal a person reads the cells: no raw control characters.
      append_csv_cell(
          options.terminal ? sanitize_for_terminal(value, false) : value, cell);
    } else {
      append_tsv_cell(value, cell);
      if (options.terminal) {
        cell = sanitize_for_terminal(cell, false);
      }
    }
    out.text() += cell;
  };
  const char separator = csv ? ',' : '\t';
  for (std::size_t k = 0; k < records.keys.size(); ++k) {
    if (k > 0) {
      out.text() += separator;
    }
    append_cell(records.keys[k]);
  }
  out.text() += '\n';
  for (std::size_t i = 0; i < records.rows.size() && out.ok(); ++i) {
    for (std::size_t k = 0; k < records.keys.size(); ++k) {
      if (k > 0) {
        out.text() += separator;
      }
      append_cell(flat_text(records.rows[i][k]));
    }
    out.text() += '\n';
    out.end_record();
  }
}

void write_records(OutputFormat format,
                   const Records& records,
                   const FormatOptions& options,
                   Output& out) {
  switch (format) {
  case OutputFormat::kJson:
    write_json_array(records, out);
    return;
  case OutputFormat::kJsonl:
    write_json_lines(records, out);
    return;
  case OutputFormat::kCsv:
    write_delimited(records, true, options, out);
    return;
  case OutputFormat::kTsv:
    write_delimited(records, false, options, out);
    return;
  case OutputFormat::kTable:
  case OutputFormat::kMarkdown:
    return;  // written by write_aligned()
  }
}

// --- the aligned table, with an optional bar column -------------------------

enum class Kind {
  kText,    // left-aligned, kept whole
  kFree,    // left-aligned free text, cut with "…" to fit the width
  kNumber,  // right-aligned
  kBar,     // the bar chart: bars of `Table::bars`, scaled to the largest
};

struct Column {
  std::string_view header;
  Kind kind = Kind::kText;
  int shrink_order = 0;  // kFree: order 0 is cut to its minimum before 1
  std::size_t width = 0;
  std::size_t min_width = 0;
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> cells;  // raw text; "" in a bar column
  std::vector<std::uint64_t> bars;              // one per row with a bar column
};

std::string cell_or_dash(std::string_view text) {
  return text.empty() ? std::string("-") : std::string(text);
}

std::string number_or_dash(const std::optional<std::int64_t>& n) {
  return n ? std::to_string(*n) : std::string("-");
}

// "ID Title" of a paper, or its title alone when it has no id.
std::string paper_cell(const Paper* paper) {
  if (paper == nullptr) {
    return "-";
  }
  std::string cell;
  if (paper->id) {
    cell.append(*paper->id);
    cell += ' ';
  }
  cell.append(paper->title);
  return cell;
}

// Shrinks the widest free-text column of shrink order `order`, one step at
// a time, until the row fits `width` or every such column is at its minimum.
void fit_columns(std::vector<Column>& columns, std::size_t width, int order) {
  auto total = [&columns] {
    std::size_t sum = kGap.size() * (columns.size() - 1);
    for (const auto& column : columns) {
      sum += column.width;
    }
    return sum;
  };
  for (std::size_t used = total(); used > width; used = total()) {
    Column* widest = nullptr;
    std::size_t runner_up = 0;
    for (auto& column : columns) {
      if (column.kind != Kind::kFree || column.shrink_order != order
          || column.width <= column.min_width) {
        continue;
      }
      if (widest == nullptr || column.width > widest->width) {
        runner_up = widest != nullptr ? widest->width : runner_up;
        widest = &column;
      } else {
        runner_up = std::max(runner_up, column.width);
      }
    }
    if (widest == nullptr) {
      return;  // cannot fit: let the terminal wrap
    }
    const std::size_t excess = used - width;
    std::size_t target =
        std::max({widest->min_width,
                  runner_up,
                  widest->width - std::min(excess, widest->width)});
    if (target >= widest->width) {
      target = widest->width - 1;  // tied with another: take turns
    }
    widest->width = target;
  }
}

// Cuts the free-text columns of order 0 first, then those of order 1.
void fit_columns(std::vector<Column>& columns, std::size_t width) {
  for (const int order : {0, 1}) {
    fit_columns(columns, width, order);
  }
}

void append_cell(std::string& line,
                 std::string_view text,
                 std::size_t text_width,
                 const Column& column,
                 std::string_view style) {
  const std::size_t pad =
      column.width > text_width ? column.width - text_width : 0;
  if (column.kind == Kind::kNumber) {
    line.append(pad, ' ');
  }
  if (!style.empty() && !text.empty()) {
    line += style;
    line += text;
    line += kStyleReset;
  } else {
    line += text;
  }
  if (column.kind != Kind::kNumber) {
    line.append(pad, ' ');
  }
}

// Ends a line without the padding of its last columns.
void end_line(std::string& line, std::string& out) {
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  out += line;
  out += '\n';
  line.clear();
}

void write_aligned(Table& table, const FormatOptions& options, Output& out) {
  if (table.cells.empty()) {
    return;  // no header without rows, like the paper table
  }
  auto& columns = table.columns;
  for (auto& row : table.cells) {
    for (auto& cell : row) {
      cell = sanitize_for_terminal(cell, true);
    }
  }
  bool has_free = false;
  std::size_t others = kGap.size() * (columns.size() - 1);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto& column = columns[c];
    column.width = display_width(column.header);
    if (column.kind == Kind::kBar) {
      continue;
    }
    for (const auto& row : table.cells) {
      column.width = std::max(column.width, display_width(row[c]));
    }
    column.min_width =
        column.kind == Kind::kFree ? std::min(
            column.width, std::max(display_width(column.header), kMinTextWidth))
                                   : column.width;
    has_free = has_free || column.kind == Kind::kFree;
    others += column.kind == Kind::kFree ? column.min_width : column.width;
  }
  // The bar column takes what the others leave of the width, or a quarter
  // of it beside free text, which then gets the rest.
  const std::size_t chart_width =
      options.width > 0 ? options.width : kDefaultChartWidth;
  std::uint64_t max_bar = 0;
  for (const auto value : table.bars) {
    max_bar = std::max(max_bar, value);
  }
  for (auto& column : columns) {
    if (column.kind == Kind::kBar) {
      const std::size_t rest = chart_width > others ? chart_width - others : 0;
      column.width = std::max(kMinBarWidth, has_free ? chart_width / 4 : rest);
      column.min_width = column.width;
    }
  }
  if (options.width > 0 && options.truncate) {
    fit_columns(columns, options.width);
  }

  std::string& text = out.text();
  std::string line;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    append_cell(line,
                columns[c].header,
                display_width(columns[c].header),
                columns[c],
                options.color ? kStyleHeader : "");
    line += c + 1 < columns.size() ? kGap : "";
  }
  end_line(line, text);
  out.end_record();
  for (std::size_t r = 0; r < table.cells.size() && out.ok(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto& column = columns[c];
      std::string cell =
          column.kind == Kind::kBar
              ? render_bar(table.bars[r], max_bar, column.width, options.ascii)
              : std::move(table.cells[r][c]);
      std::size_t width = display_width(cell);
      if (width > column.width) {
        cell = truncate_to_width(cell, column.width);
        width = display_width(cell);
      }
      append_cell(line, cell, width, column, {});
      line += c + 1 < columns.size() ? kGap : "";
    }
    end_line(line, text);
    out.end_record();
  }
}

// --- one writer per row type --------------------------------------------

std::string_view period_header(Period by) {
  switch (by) {
  case Period::kDay:
    return "DATE";
  case Period::kWeek:
    return "WEEK";
  case Period::kMonth:
    return "MONTH";
  case Period::kYear:
    return "YEAR";
  }
  return {};
}

bool finish(Output& out) { return out.finish(); }

bool is_table(OutputFormat format) {
  return format == OutputFormat::kTable || format == OutputFormat::kMarkdown;
}

Records author_records(std::span<const AuthorRow> rows, bool coauthors) {
  Records records;
  records.keys = {"rank", "name", "variants", "papers", "votes"};
  if (coauthors) {
    records.keys.push_back("ids");
  } else {
    records.keys.insert(records.keys.end(),
                        {"best_id", "best_title", "best_votes"});
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AuthorRow& row = rows[i];
    std::vector<Value> values = {number(i + 1),
                                 row.name,
                                 row.variants,
                                 number(row.papers.size()),
                                 row.votes};
    if (coauthors) {
      std::vector<std::string> ids;
      for (const Paper* paper : row.papers) {
        if (paper->id) {
          ids.emplace_back(*paper->id);
        }
      }
      values.emplace_back(std::move(ids));
    } else if (row.best != nullptr) {
      values.push_back(optional_text(row.best->id));
      values.emplace_back(std::string(row.best->title));
      values.push_back(optional_number(row.best->votes));
    } else {
      values.insert(values.end(), 3, Value());
    }
    records.rows.push_back(std::move(values));
  }
  return records;
}

Table author_table(std::span<const AuthorRow> rows, bool coauthors) {
  Table table;
  table.columns = {{"#", Kind::kNumber},
                   {"NAME", Kind::kFree, 1},
                   {"PAPERS", Kind::kNumber},
                   {"VOTES", Kind::kNumber},
                   {coauthors ? "IDS" : "BEST PAPER", Kind::kFree}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const AuthorRow& row = rows[i];
    std::string last;
    if (coauthors) {
      for (const Paper* paper : row.papers) {
        if (paper->id) {
          last += last.empty() ? "" : ", ";
          last += *paper->id;
        }
      }
      last = cell_or_dash(last);
    } else {
      last = paper_cell(row.best);
    }
    table.cells.push_back({std::to_string(i + 1),
                           row.name,
                           std::to_string(row.papers.size()),
                           std::to_string(row.votes),
                           std::move(last)});
  }
  return table;
}

bool write_authors(OutputFormat format,
                   std::span<const AuthorRow> rows,
                   bool coauthors,
                   const FormatOptions& options,
                   OutputSink& sink) {
  Output out(sink);
  if (is_table(format)) {
    Table table = author_table(rows, coauthors);
    write_aligned(table, options, out);
  } else {
    write_records(format, author_records(rows, coauthors), options, out);
  }
  return finish(out);
}

// period, start, end, papers: the keys every period row starts with.
std::vector<Value> period_values(const PeriodRow& row) {
  return {row.label,
          row.start.to_string(),
          row.end.to_string(),
          number(row.papers)};
}

}  // namespace

bool format_authors(OutputFormat format,
                    std::span<const AuthorRow> rows,
                    const FormatOptions& options,
                    OutputSink& sink) {
  return write_authors(format, rows, false, options, sink);
}

bool format_coauthors(OutputFormat format,
                      std::span<const AuthorRow> rows,
                      const FormatOptions& options,
                      OutputSink& sink) {
  return write_authors(format, rows, true, options, sink);
}

bool format_dates(OutputFormat format,
                  std::span<const PeriodRow> rows,
                  Period by,
                  const FormatOptions& options,
                  OutputSink& sink) {
  Output out(sink);
  if (is_table(format)) {
    Table table;
    table.columns = {{period_header(by), Kind::kText},
                     {"PAPERS", Kind::kNumber},
                     {"", Kind::kBar},
                     {"VOTES", Kind::kNumber},
                     {"TOP VOTES", Kind::kNumber},
                     {"TOP PAPER", Kind::kFree}};
    for (const PeriodRow& row : rows) {
      table.cells.push_back(
          {row.label,
           std::to_string(row.papers),
           "",
           std::to_string(row.votes),
           row.top != nullptr ? number_or_dash(row.top->votes) : "-",
           paper_cell(row.top)});
      table.bars.push_back(row.papers);
    }
    write_aligned(table, options, out);
  } else {
    Records records;
    records.keys = {"period",
                    "start",
                    "end",
                    "papers",
                    "votes",
                    "top_id",
                    "top_title",
                    "top_votes"};
    for (const PeriodRow& row : rows) {
      auto values = period_values(row);
      values.emplace_back(row.votes);
      if (row.top != nullptr) {
        values.push_back(optional_text(row.top->id));
        values.emplace_back(std::string(row.top->title));
        values.push_back(optional_number(row.top->votes));
      } else {
        values.insert(values.end(), 3, Value());
      }
      records.rows.push_back(std::move(values));
    }
    write_records(format, records, options, out);
  }
  return finish(out);
}

bool format_trend(OutputFormat format,
                  std::span<const PeriodRow> rows,
                  Period by,
                  const FormatOptions& options,
                  OutputSink& sink) {
  Output out(sink);
  if (is_table(format)) {
    Table table;
    table.columns = {{period_header(by), Kind::kText},
                     {"PAPERS", Kind::kNumber},
                     {"", Kind::kBar}};
    for (const PeriodRow& row : rows) {
      table.cells.push_back({row.label, std::to_string(row.papers), ""});
      table.bars.push_back(row.papers);
    }
    write_aligned(table, options, out);
  } else {
    Records records;
    records.keys = {"period", "start", "end", "papers"};
    for (const PeriodRow& row : rows) {
      records.rows.push_back(period_values(row));
    }
    write_records(format, records, options, out);
  }
  return finish(out);
}

bool format_summary(OutputFormat format,
                    const Summary& summary,
                    const FormatOptions& options,
                    OutputSink& sink) {
  auto date = [](const std::optional<Date>& d) {
    return d ? Value(d->to_string()) : Value();
  };

  struct Entry {
    std::string_view key;
    std::string_view label;
    Value value;
  };

  const std::vector<Entry> entries = {
      {"files", "Files", number(summary.files)},
      {"first_date", "First date", date(summary.first_date)},
      {"last_date", "Last date", date(summary.last_date)},
      {"dates", "Dates", number(summary.dates)},
      {"papers", "Papers", number(summary.papers)},
      {"distinct_ids", "Distinct ids", number(summary.distinct_ids)},
      {"featured_more_than_once",
       "Featured more than once",
       number(summary.featured_more_than_once)},
      {"unknown_votes", "Unknown votes", number(summary.unknown_votes)},
      {"distinct_authors",
       "Distinct authors",
       number(summary.distinct_authors)},
      {"median_votes",
       "Median votes",
       summary.median_votes ? Value(*summary.median_votes) : Value()},
      {"max_votes", "Maximum votes", optional_number(summary.max_votes)},
      {"warnings", "Warnings", number(summary.warnings)},
  };
  Output out(sink);
  if (is_table(format)) {
    // A short labelled list, like the head of a card.
    std::size_t label_width = 0;
    for (const auto& entry : entries) {
      label_width = std::max(label_width, entry.label.size());
    }
    std::string& text = out.text();
    for (const auto& entry : entries) {
      const std::string value = flat_text(entry.value);
      if (options.color) {
        text += kStyleHeader;
        text += entry.label;
        text += kStyleReset;
      } else {
        text += entry.label;
      }
      text.append(label_width - entry.label.size() + kGap.size(), ' ');
      text += value.empty() ? "-" : value;
      text += '\n';
    }
  } else {
    Records records;
    std::vector<Value> row;
    for (const auto& entry : entries) {
      records.keys.push_back(entry.key);
      row.push_back(entry.value);
    }
    records.rows.push_back(std::move(row));
    if (format == OutputFormat::kJson) {
      // One summary: an object, not an array of one.
      append_json_object(records, records.rows.front(), out.text());
      out.text() += '\n';
    } else {
      write_records(format, records, options, out);
    }
  }
  return finish(out);
}

}  // namespace papers
