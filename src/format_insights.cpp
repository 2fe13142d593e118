// The writers of the insight commands (authors, coauthors, dates, trend,
// stats), and format_records() for any keyed rows. Each row type is turned
// into one of two generic shapes that the output engine (output_engine.hpp)
// writes, as it does for papers: flat records (keys and Values) for json,
// jsonl, csv and tsv, and an aligned table (with an optional bar column) or
// a labelled list for people.
#include "ascii.hpp"
#include "bar_chart.hpp"
#include "format_writers.hpp"
#include "output_engine.hpp"
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

// --- the flat records of json, jsonl, csv and tsv ---------------------------

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

// --- the aligned table, with an optional bar column -------------------------

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

void write_aligned(TableLayout& table,
                   const FormatOptions& options,
                   Output& out) {
  table.write(options, out, /*trim=*/true);
}

// The generic records as a table: the keys in capitals, numbers
// right-aligned, text cut to fit.
void write_records_table(std::span<const std::string_view> keys,
                         std::span<const std::vector<Value>> rows,
                         const FormatOptions& options,
                         Output& out) {
  std::vector<std::string> headers;
  for (const auto key : keys) {
    std::string header(key);
    for (char& c : header) {
      c = ascii_upper(c);
    }
    headers.push_back(std::move(header));
  }
  std::vector<TableColumn> columns;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const bool numeric =
        !rows.empty() && std::all_of(rows.begin(), rows.end(), [&](auto& r) {
          return std::holds_alternative<std::int64_t>(r[k])
                 || std::holds_alternative<double>(r[k]);
        });
    columns.push_back(
        {headers[k], numeric ? ColumnKind::kNumber : ColumnKind::kFree});
  }
  TableLayout table(std::move(columns));
  for (const auto& row : rows) {
    for (const auto& value : row) {
      table.add_cell(cell_or_dash(flat_text(value)));
    }
    table.end_row();
  }
  write_aligned(table, options, out);
}

void write_records(OutputFormat format,
                   std::span<const std::string_view> keys,
                   std::span<const std::vector<Value>> rows,
                   const FormatOptions& options,
                   Output& out) {
  auto object = [&](std::size_t i, std::string& text) {
    append_json_object(keys, rows[i], text);
  };
  auto cell = [&](std::size_t row, std::size_t column) {
    return flat_text(rows[row][column]);
  };
  switch (format) {
  case OutputFormat::kJson:
    write_json_records(rows.size(), /*lines=*/false, out, object);
    return;
  case OutputFormat::kJsonl:
    write_json_records(rows.size(), /*lines=*/true, out, object);
    return;
  case OutputFormat::kCsv:
    write_delimited_records(keys, rows.size(), true, options, out, cell);
    return;
  case OutputFormat::kTsv:
    write_delimited_records(keys, rows.size(), false, options, out, cell);
    return;
  case OutputFormat::kTable:
  case OutputFormat::kMarkdown:
  case OutputFormat::kBibtex:
  case OutputFormat::kCslJson:
  case OutputFormat::kIds:
    write_records_table(keys, rows, options, out);
    return;
  }
}

void write_records(OutputFormat format,
                   const Records& records,
                   const FormatOptions& options,
                   Output& out) {
  write_records(format, records.keys, records.rows, options, out);
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
  return format == OutputFormat::kTable || format == OutputFormat::kMarkdown
         || format == OutputFormat::kBibtex || format == OutputFormat::kCslJson
         || format == OutputFormat::kIds;
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

TableLayout author_table(std::span<const AuthorRow> rows, bool coauthors) {
  TableLayout table({{"#", ColumnKind::kNumber},
                     {"NAME", ColumnKind::kFree, 1},
                     {"PAPERS", ColumnKind::kNumber},
                     {"VOTES", ColumnKind::kNumber},
                     {coauthors ? "IDS" : "BEST PAPER", ColumnKind::kFree}});
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
    table.add_row({std::to_string(i + 1),
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
    TableLayout table = author_table(rows, coauthors);
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
  if (!is_table(format)) {
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
      values.push_back(row.voted > 0 ? Value(row.votes) : Value());
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
    return finish(out);
  }
  // The period, its papers and the top paper's id and title always show
  // (the title cut first, the id never); VOTES, TOP VOTES and the bar
  // join while the width holds them.
  std::vector<std::string> labels;
  std::vector<std::string> papers;
  std::vector<std::string> votes;
  std::vector<std::string> top_votes;
  std::vector<std::string> ids;
  std::vector<std::string> titles;
  for (const PeriodRow& row : rows) {
    labels.push_back(row.label);
    papers.push_back(std::to_string(row.papers));
    votes.push_back(row.voted > 0 ? std::to_string(row.votes) : "-");
    top_votes.push_back(row.top != nullptr ? number_or_dash(row.top->votes)
                                           : "-");
    ids.push_back(row.top != nullptr && row.top->id
                      ? sanitize_for_terminal(*row.top->id, true)
                      : "-");
    titles.push_back(row.top != nullptr ? std::string(row.top->title)
                                        : "no votes");
  }
  auto width_of = [](std::string_view header,
                     const std::vector<std::string>& cells) {
    std::size_t width = display_width(header);
    for (const auto& cell : cells) {
      width = std::max(width, display_width(sanitize_for_terminal(cell, true)));
    }
    return width;
  };
  constexpr std::size_t kGapWidth = 2;
  constexpr std::size_t kTitleMin = 8;  // as the layout cuts free text
  constexpr std::size_t kBarMin = 10;
  const bool fit = options.width > 0 && options.truncate;
  std::size_t used = width_of(period_header(by), labels) + kGapWidth
                     + width_of("PAPERS", papers) + kGapWidth
                     + width_of("TOP ID", ids) + kGapWidth
                     + std::min(kTitleMin, width_of("TITLE", titles));
  auto fits = [&](std::size_t need) {
    if (fit && used + need > options.width) {
      return false;
    }
    used += need;
    return true;
  };
  const bool show_votes = fits(width_of("VOTES", votes) + kGapWidth);
  const bool show_top_votes =
      fits(width_of("TOP VOTES", top_votes) + kGapWidth);
  const bool show_bar =
      fits(std::max(kBarMin, (options.width > 0 ? options.width : 80) / 4)
           + kGapWidth);

  std::vector<TableColumn> columns = {{period_header(by), ColumnKind::kText},
                                      {"PAPERS", ColumnKind::kNumber}};
  if (show_bar) {
    columns.push_back({"", ColumnKind::kBar});
  }
  if (show_votes) {
    columns.push_back({"VOTES", ColumnKind::kNumber});
  }
  if (show_top_votes) {
    columns.push_back({"TOP VOTES", ColumnKind::kNumber});
  }
  columns.push_back({"TOP ID", ColumnKind::kText});
  columns.push_back({"TITLE", ColumnKind::kFree});
  TableLayout table(std::move(columns));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    table.add_cell(labels[r]);
    table.add_cell(papers[r]);
    if (show_bar) {
      table.add_cell("");
    }
    if (show_votes) {
      table.add_cell(votes[r]);
    }
    if (show_top_votes) {
      table.add_cell(top_votes[r]);
    }
    table.add_cell(ids[r]);
    table.add_cell(titles[r]);
    table.end_row(rows[r].papers);
  }
  write_aligned(table, options, out);
  return finish(out);
}

namespace {

// "33.3%": a share as people read it.
std::string percent(double share) {
  return fmt::format("{:.1f}%", share * 100.0);
}

// A share as a bar value: millionths.
std::uint64_t share_bar(const TrendRow& row) {
  const auto share = row.share();
  return share ? static_cast<std::uint64_t>(*share * 1e6 + 0.5) : 0;
}

// --each as a table: one row per period and a column per TERM, holding its
// count (its share with --share) and a bar, every bar on one scale, so that
// a row compares the TERMs. `rows` holds the series one after the other,
// each with the same periods. Narrow widths shorten the bars (to 4 columns
// at the least), then drop DAYS, then TOTAL, then the bars, and cut long
// TERMs in the header; false, writing nothing, when the columns cannot fit
// even so (then the caller prints one block of rows per TERM).
bool write_trend_columns(std::span<const TrendRow> rows,
                         Period by,
                         TrendStyle style,
                         const FormatOptions& options,
                         Output& out) {
  // The TERMs, in order: a series starts where the TERM changes or the
  // periods start again (a TERM given twice is two series).
  std::vector<std::string_view> series;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].term != rows[i - 1].term
        || !(rows[i - 1].start < rows[i].start)) {
      series.push_back(rows[i].term);
    }
  }
  const std::size_t n = series.size();
  if (n == 0 || rows.size() % n != 0) {
    return false;
  }
  const std::size_t periods = rows.size() / n;
  for (std::size_t t = 0; t < n; ++t) {
    for (std::size_t p = 0; p < periods; ++p) {
      if (rows[t * periods + p].term != series[t]
          || rows[t * periods + p].label != rows[p].label) {
        return false;  // not one series per TERM over the same periods
      }
    }
  }
  auto at = [&](std::size_t t, std::size_t p) -> const TrendRow& {
    return rows[t * periods + p];
  };
  auto value_of = [&](const TrendRow& row) -> std::string {
    if (row.digests == 0) {
      return "-";
    }
    if (!style.share) {
      return std::to_string(row.papers);
    }
    const auto share = row.share();
    return share ? percent(*share) : "-";
  };
  auto bar_of = [&](const TrendRow& row) -> std::uint64_t {
    return style.share ? share_bar(row) : row.papers;
  };

  // Widths of what is not a TERM column.
  constexpr std::size_t kGapWidth = 2;
  std::size_t label_width = display_width(period_header(by));
  std::size_t days_width = display_width("DAYS");
  std::size_t total_width = display_width("TOTAL");
  std::size_t note_width = 0;
  bool has_note = false;
  std::uint64_t max_bar = 0;
  std::vector<std::size_t> value_width(n, 1);
  for (std::size_t p = 0; p < periods; ++p) {
    const TrendRow& row = at(0, p);
    label_width = std::max(label_width, display_width(row.label));
    days_width = std::max(days_width, std::to_string(row.digests).size());
    if (row.digests > 0) {
      total_width = std::max(total_width, std::to_string(row.total).size());
    }
    if (row.digests == 0 || row.partial) {
      has_note = true;
      note_width = std::max<std::size_t>(
          note_width, row.digests == 0 ? 9 : 7);  // no digest, partial
    }
    for (std::size_t t = 0; t < n; ++t) {
      value_width[t] = std::max(value_width[t], value_of(at(t, p)).size());
      max_bar = std::max(max_bar, bar_of(at(t, p)));
    }
  }
  if (has_note) {
    note_width = std::max(note_width, display_width("NOTE"));
  }
  std::vector<std::string> headers;
  for (const auto term : series) {
    headers.push_back(sanitize_for_terminal(term, true));
  }

  // Choose what shows: the widest layout that fits.
  const bool fit = options.width > 0 && options.truncate;
  const std::size_t target = options.width > 0 ? options.width : 80;
  constexpr std::size_t kBarMax = 40;   // a bar per TERM, at most
  constexpr std::size_t kBarLeast = 4;  // narrower bars are dropped
  constexpr std::size_t kHeaderLeast = 4;

  struct Layout {
    bool days = true;
    bool total = true;
    std::size_t bar = 0;     // bar columns per TERM; 0: none
    std::size_t header = 0;  // a TERM header is cut to this; 0: whole
  };

  auto fixed_width = [&](const Layout& layout) {
    std::size_t used = label_width;
    if (layout.days) {
      used += kGapWidth + days_width;
    }
    if (layout.total) {
      used += kGapWidth + total_width;
    }
    if (has_note) {
      used += kGapWidth + note_width;
    }
    return used;
  };
  // The width of TERM column t, its header cut to `header` (0: whole).
  auto column_width = [&](const Layout& layout, std::size_t t) {
    const std::size_t body =
        value_width[t] + (layout.bar > 0 ? 1 + layout.bar : 0);
    std::size_t head = display_width(headers[t]);
    if (layout.header > 0) {
      head = std::min(head, std::max(layout.header, body));
    }
    return std::max(body, head);
  };
  auto total_of = [&](const Layout& layout) {
    std::size_t used = fixed_width(layout);
    for (std::size_t t = 0; t < n; ++t) {
      used += kGapWidth + column_width(layout, t);
    }
    return used;
  };
  // The bars share what is left of the target width, up to kBarMax each.
  auto with_bars = [&](Layout layout) {
    layout.bar = 0;
    std::size_t used = fixed_width(layout);
    for (std::size_t t = 0; t < n; ++t) {
      used += kGapWidth + value_width[t] + 1;
    }
    if (max_bar == 0 || used >= target) {
      return layout;
    }
    // The widest bars that fit: a header wider than its value and bar
    // takes room of its own.
    std::size_t bar = std::min(kBarMax, (target - used) / n);
    while (bar > 0) {
      layout.bar = bar;
      if (total_of(layout) <= target) {
        break;
      }
      --bar;
    }
    layout.bar = bar >= kBarLeast ? bar : 0;
    if (layout.bar > 0 && total_of(layout) > target) {
      layout.bar = 0;
    }
    return layout;
  };
  std::optional<Layout> chosen;
  if (!fit) {
    chosen = with_bars(Layout{});
    if (chosen->bar == 0 && max_bar > 0) {
      chosen->bar = kBarLeast;
    }
  } else {
    const std::vector<Layout> tries = {
        {true, true, 1, 0},
        {false, true, 1, 0},
        {false, false, 1, 0},
        {true, true, 0, 0},
        {false, true, 0, 0},
        {false, false, 0, 0},
        {false, false, 0, kHeaderLeast},
    };
    for (const Layout& base : tries) {
      Layout layout = base;
      if (layout.bar > 0) {
        layout = with_bars(layout);
        if (layout.bar == 0) {
          continue;  // this one wants bars
        }
      }
      if (layout.header > 0) {
        // Cut the headers as little as the width allows.
        std::size_t header = kHeaderLeast;
        std::size_t widest = 0;
        for (const auto& h : headers) {
          widest = std::max(widest, display_width(h));
        }
        for (std::size_t h = widest; h >= kHeaderLeast; --h) {
          layout.header = h;
          if (total_of(layout) <= options.width) {
            header = h;
            break;
          }
        }
        layout.header = header;
      }
      if (total_of(layout) <= options.width) {
        chosen = layout;
        break;
      }
    }
  }
  if (!chosen) {
    return false;
  }
  const Layout layout = *chosen;

  std::vector<TableColumn> columns = {{period_header(by), ColumnKind::kText}};
  if (layout.days) {
    columns.push_back({"DAYS", ColumnKind::kNumber});
  }
  if (layout.total) {
    columns.push_back({"TOTAL", ColumnKind::kNumber});
  }
  for (std::size_t t = 0; t < n; ++t) {
    const std::size_t width = column_width(layout, t);
    if (display_width(headers[t]) > width) {
      headers[t] = truncate_to_width(headers[t], width);
    }
  }
  for (const auto& header : headers) {
    columns.push_back({header, ColumnKind::kText});
  }
  if (has_note) {
    columns.push_back({"NOTE", ColumnKind::kText});
  }
  TableLayout table(std::move(columns));
  for (std::size_t p = 0; p < periods; ++p) {
    const TrendRow& row = at(0, p);
    const bool gap = row.digests == 0;
    table.add_cell(row.label);
    if (layout.days) {
      table.add_cell(std::to_string(row.digests));
    }
    if (layout.total) {
      table.add_cell(gap ? "-" : std::to_string(row.total));
    }
    for (std::size_t t = 0; t < n; ++t) {
      // The value right-aligned, then its bar, the column padded after.
      const std::string value = value_of(at(t, p));
      std::string cell(value_width[t] - value.size(), ' ');
      cell += value;
      if (layout.bar > 0 && !gap) {
        const std::string bar =
            render_bar(bar_of(at(t, p)), max_bar, layout.bar, options.ascii);
        if (!bar.empty()) {
          cell += ' ';
          cell += bar;
        }
      }
      table.add_cell(std::move(cell));
    }
    if (has_note) {
      table.add_cell(gap ? "no digest" : row.partial ? "partial" : "");
    }
    table.end_row();
  }
  write_aligned(table, options, out);
  return true;
}

}  // namespace

bool format_trend(OutputFormat format,
                  std::span<const TrendRow> rows,
                  Period by,
                  TrendStyle style,
                  const FormatOptions& options,
                  OutputSink& sink) {
  Output out(sink);
  if (!is_table(format)) {
    Records records;
    records.keys = {"period", "start", "end"};
    if (style.each) {
      records.keys.push_back("term");
    }
    records.keys.insert(records.keys.end(),
                        {"digests", "total", "papers", "share", "partial"});
    for (const TrendRow& row : rows) {
      std::vector<Value> values = {
          row.label, row.start.to_string(), row.end.to_string()};
      if (style.each) {
        values.emplace_back(row.term);
      }
      values.push_back(number(row.digests));
      const bool gap = row.digests == 0;
      values.push_back(gap ? Value() : number(row.total));
      values.push_back(gap ? Value() : number(row.papers));
      const auto share = row.share();
      values.push_back(share ? Value(*share) : Value());
      values.emplace_back(row.partial);
      records.rows.push_back(std::move(values));
    }
    write_records(format, records, options, out);
    return finish(out);
  }

  if (style.each && write_trend_columns(rows, by, style, options, out)) {
    return finish(out);
  }

  // The cells of every optional column, to measure them.
  struct Optional {
    std::string_view header;
    ColumnKind kind;
    std::vector<std::string> cells;
    int priority;  // lower: kept first when the width is short
    bool shown = false;
  };

  const bool has_partial = std::any_of(
      rows.begin(), rows.end(), [](const TrendRow& r) { return r.partial; });
  std::vector<Optional> optional = {
      {"DAYS", ColumnKind::kNumber, {}, 4},
      {"TOTAL", ColumnKind::kNumber, {}, 3},
      {"PAPERS", ColumnKind::kNumber, {}, style.share ? 2 : 0},
      {"SHARE", ColumnKind::kNumber, {}, style.share ? 0 : 2},
  };
  for (const TrendRow& row : rows) {
    const bool gap = row.digests == 0;
    const auto share = row.share();
    optional[0].cells.push_back(std::to_string(row.digests));
    optional[1].cells.push_back(gap ? "-" : std::to_string(row.total));
    optional[2].cells.push_back(gap ? "-" : std::to_string(row.papers));
    optional[3].cells.push_back(share ? percent(*share) : "-");
  }
  auto width_of = [](std::string_view header,
                     const std::vector<std::string>& cells) {
    std::size_t width = display_width(header);
    for (const auto& cell : cells) {
      width = std::max(width, display_width(cell));
    }
    return width;
  };
  // What always shows: the period, the TERM (at most its header or 8
  // columns once fitted), the first count, the bar (at least 10) and the
  // notes; the other counts join while the width holds them.
  std::vector<std::string> labels;
  std::vector<std::string> terms;
  std::vector<std::string> notes;
  const bool fit = options.width > 0 && options.truncate;
  constexpr std::size_t kTermWidth = 12;  // a longer TERM is cut to fit
  for (const TrendRow& row : rows) {
    labels.push_back(row.label);
    std::string term = sanitize_for_terminal(row.term, true);
    terms.push_back(fit && display_width(term) > kTermWidth
                        ? truncate_to_width(term, kTermWidth)
                        : std::move(term));
    notes.push_back(row.partial ? "partial" : "");
  }
  constexpr std::size_t kGapWidth = 2;
  constexpr std::size_t kBarMin = 10;
  std::size_t used = width_of(period_header(by), labels) + kGapWidth + kBarMin;
  const std::size_t first_count = width_of(optional[style.share ? 3 : 2].header,
                                           optional[style.share ? 3 : 2].cells)
                                  + kGapWidth;
  if (style.each) {
    // The TERM takes what the period, the first count and the bar leave,
    // at least 4 columns.
    std::size_t term_width = width_of("TERM", terms);
    if (fit && used + first_count + term_width + kGapWidth > options.width) {
      const std::size_t rest =
          options.width > used + first_count + kGapWidth
              ? options.width - used - first_count - kGapWidth
              : 0;
      term_width = std::max<std::size_t>(4, rest);
      for (auto& term : terms) {
        if (display_width(term) > term_width) {
          term = truncate_to_width(term, term_width);
        }
      }
    }
    used += width_of("TERM", terms) + kGapWidth;
  }
  // The notes come right after the first count, if the width holds them.
  used += first_count;
  const bool show_notes =
      has_partial
      && (!fit || used + width_of("NOTE", notes) + kGapWidth <= options.width);
  if (show_notes) {
    used += width_of("NOTE", notes) + kGapWidth;
  }
  used -= first_count;
  std::vector<std::size_t> order = {0, 1, 2, 3};
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return optional[a].priority < optional[b].priority;
  });
  for (const std::size_t i : order) {
    const std::size_t need =
        width_of(optional[i].header, optional[i].cells) + kGapWidth;
    if (optional[i].priority == 0 || !fit || used + need <= options.width) {
      optional[i].shown = true;
      used += need;
    }
  }

  std::vector<TableColumn> columns = {{period_header(by), ColumnKind::kText}};
  if (style.each) {
    columns.push_back({"TERM", ColumnKind::kText});
  }
  for (const auto& column : optional) {
    if (column.shown) {
      columns.push_back({column.header, column.kind});
    }
  }
  columns.push_back({"", ColumnKind::kBar});
  if (show_notes) {
    columns.push_back({"NOTE", ColumnKind::kText});
  }
  TableLayout table(std::move(columns));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const TrendRow& row = rows[r];
    if (style.each && r > 0 && rows[r - 1].term != row.term) {
      table.add_break();  // one series per TERM, apart
    }
    table.add_cell(row.label);
    if (style.each) {
      table.add_cell(terms[r]);
    }
    for (const auto& column : optional) {
      if (column.shown) {
        table.add_cell(column.cells[r]);
      }
    }
    table.add_cell(row.digests == 0 ? "no digest" : "");
    if (show_notes) {
      table.add_cell(notes[r]);
    }
    table.end_row(style.share ? share_bar(row) : row.papers);
  }
  write_aligned(table, options, out);
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
      text.append(label_width - entry.label.size() + 2, ' ');  // a gap
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
      append_json_object(records.keys, records.rows.front(), out.text());
      out.text() += '\n';
    } else {
      write_records(format, records, options, out);
    }
  }
  return finish(out);
}

bool format_records(OutputFormat format,
                    std::span<const std::string_view> keys,
                    std::span<const std::vector<Value>> rows,
                    const FormatOptions& options,
                    OutputSink& sink) {
  Output out(sink);
  write_records(format, keys, rows, options, out);
  return out.finish();
}

}  // namespace papers
