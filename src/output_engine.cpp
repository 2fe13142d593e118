#include "output_engine.hpp"

#include "bar_chart.hpp"
#include "byte_scan.hpp"
#include "text_width.hpp"
#include "utf8.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <utility>

namespace papers {
namespace {

// Pieces smaller than this are gathered before they go to the sink: a
// syscall per record would cost more than the formatting.
constexpr std::size_t kFlushBytes = 64 * 1024;

constexpr std::string_view kGap = "  ";
// A shrinking text column keeps at least this many columns (or its header).
constexpr std::size_t kMinTextWidth = 8;
// The width charts are scaled to when there is no width (output that is
// not a terminal, without --width).
constexpr std::size_t kDefaultChartWidth = 80;
// A bar column is never narrower than this.
constexpr std::size_t kMinBarWidth = 10;

// The code points JSON strings carry as \uXXXX escapes though they are
// valid raw: C1 controls (a terminal acts on CSI and OSC), U+2028 and
// U+2029 (they end lines in JavaScript), and every format character (Cf:
// bidi marks, embeddings, overrides and isolates that reorder what a
// terminal shows, zero-width and tag characters that hide text). Escaped,
// they are the same JSON string.
// ZWNJ and ZWJ stay raw: they join the letters and emoji around them and
// neither hide nor reorder anything.
bool needs_json_escape(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029
         || (utf8proc_category(static_cast<utf8proc_int32_t>(cp))
                 == UTF8PROC_CATEGORY_CF
             && cp != 0x200C && cp != 0x200D);
}

// Appends the valid UTF-8 sequence text[i, i + len), escaped if it must be.
void append_sequence(std::string_view text,
                     std::size_t i,
                     std::size_t len,
                     std::string& out) {
  utf8proc_int32_t decoded = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                   static_cast<utf8proc_ssize_t>(len),
                   &decoded);
  const auto cp = static_cast<char32_t>(decoded);
  if (!needs_json_escape(cp)) {
    out.append(text.substr(i, len));
  } else if (cp < 0x10000) {
    fmt::format_to(
        std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(cp));
  } else {
    // A tag character (U+E0000..U+E007F): a surrogate pair.
    const char32_t v = cp - 0x10000;
    fmt::format_to(std::back_inserter(out),
                   "\\u{:04x}\\u{:04x}",
                   static_cast<unsigned>(0xD800 + (v >> 10)),
                   static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
  }
}

// Appends the escape of the ASCII byte `c`, or `c` itself.
void append_ascii(unsigned char c, std::string& out) {
  switch (c) {
  case '"':
    out += "\\\"";
    break;
  case '\\':
    out += "\\\\";
    break;
  case '\n':
    out += "\\n";
    break;
  case '\t':
    out += "\\t";
    break;
  case '\r':
    out += "\\r";
    break;
  case '\b':
    out += "\\b";
    break;
  case '\f':
    out += "\\f";
    break;
  default:
    if (c < 0x20 || c == 0x7F) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
    break;
  }
}

// Valid UTF-8 is copied in runs up to the next byte that may need an
// escape (find_json_special: ASCII controls, `"`, `\`, DEL, and the lead
// bytes of C1 controls and of format characters).
void append_valid_utf8(std::string_view text, std::string& out) {
  std::size_t run = 0;
  std::size_t i = 0;
  while ((i = find_json_special(text, i)) < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.append(text.data() + run, i - run);
    if (c < 0x80) {
      append_ascii(c, out);
      i += 1;
    } else {
      const auto len = utf8_sequence_length(text, i);
      append_sequence(text, i, len, out);
      i += len;
    }
    run = i;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  out += '"';
  if (is_valid_utf8(text)) {
    append_valid_utf8(text, out);
    out += '"';
    return;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      append_ascii(c, out);
      ++i;
      continue;
    }
    const auto len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      append_sequence(text, i, len, out);
      i += len;
    }
  }
  out += '"';
}

// --- Output
// --------------------------------------------------------------------

void Output::end_record(bool now) {
  if (now || buffer_.size() >= kFlushBytes) {
    flush();
  }
}

bool Output::finish() {
  flush();
  return ok_;
}

void Output::flush() {
  if (ok_ && !buffer_.empty()) {
    ok_ = sink_.write(buffer_);
  }
  buffer_.clear();
}

// --- the table layout --------------------------------------------------------

TableLayout::TableLayout(std::vector<TableColumn> columns) {
  columns_.reserve(columns.size());
  for (auto& spec : columns) {
    columns_.push_back({spec});
  }
}

void TableLayout::add_cell(std::string text) {
  Cell cell;
  cell.text = sanitize_for_terminal(text, true);
  cell.width = display_width(cell.text);
  cells_.push_back(std::move(cell));
}

void TableLayout::end_row(std::uint64_t bar) { bars_.push_back(bar); }

void TableLayout::add_break() {
  if (breaks_.empty() || breaks_.back() != bars_.size()) {
    breaks_.push_back(bars_.size());
  }
}

void TableLayout::add_row(std::vector<std::string> cells, std::uint64_t bar) {
  for (auto& text : cells) {
    add_cell(std::move(text));
  }
  end_row(bar);
}

// Shrinks the widest free-text column of shrink order `order`, one step at
// a time, until the row fits `width` or every such column is at its minimum.
void TableLayout::fit(std::size_t width, int order) {
  auto total = [this] {
    std::size_t sum = kGap.size() * (columns_.size() - 1);
    for (const auto& column : columns_) {
      sum += column.width;
    }
    return sum;
  };
  for (std::size_t used = total(); used > width; used = total()) {
    Column* widest = nullptr;
    std::size_t runner_up = 0;
    for (auto& column : columns_) {
      if (column.spec.kind != ColumnKind::kFree
          || column.spec.shrink_order != order
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

namespace {

void append_padded(std::string& line,
                   std::string_view text,
                   std::size_t text_width,
                   std::size_t column_width,
                   bool right,
                   bool last,
                   std::string_view style) {
  const std::size_t pad =
      column_width > text_width ? column_width - text_width : 0;
  if (right) {
    line.append(pad, ' ');
  }
  if (!style.empty() && !text.empty()) {
    line += style;
    line += text;
    line += kStyleReset;
  } else {
    line += text;
  }
  if (!right && !last) {
    line.append(pad, ' ');
  }
}

// Ends a line, without the spaces it ends with when `trim`.
void end_line(std::string& line, bool trim, std::string& out) {
  while (trim && !line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  out += line;
  out += '\n';
  line.clear();
}

}  // namespace

void TableLayout::write(const FormatOptions& options,
                        Output& out,
                        bool trim,
                        const CellCutter& cut,
                        const CellPainter& paint) {
  const std::size_t n = columns_.size();
  if (n == 0 || bars_.empty()) {
    return;  // no header without rows, like ls and grep print nothing
  }
  bool has_free = false;
  std::size_t others = kGap.size() * (n - 1);
  for (std::size_t c = 0; c < n; ++c) {
    auto& column = columns_[c];
    column.width = display_width(column.spec.header);
    if (column.spec.kind == ColumnKind::kBar) {
      continue;
    }
    for (std::size_t r = 0; r < bars_.size(); ++r) {
      column.width = std::max(column.width, cells_[r * n + c].width);
    }
    const bool free = column.spec.kind == ColumnKind::kFree;
    column.min_width =
        free ? std::min(
            column.width,
            std::max(display_width(column.spec.header), kMinTextWidth))
             : column.width;
    has_free = has_free || free;
    others += column.min_width;
  }
  // A bar column takes what the others leave of the width, or a quarter of
  // it beside free text, which then gets the rest.
  const std::size_t chart_width =
      options.width > 0 ? options.width : kDefaultChartWidth;
  std::uint64_t max_bar = 0;
  for (const auto value : bars_) {
    max_bar = std::max(max_bar, value);
  }
  for (auto& column : columns_) {
    if (column.spec.kind == ColumnKind::kBar) {
      const std::size_t rest = chart_width > others ? chart_width - others : 0;
      column.width = std::max(kMinBarWidth, has_free ? chart_width / 4 : rest);
      column.min_width = column.width;
    }
  }
  if (options.width > 0 && options.truncate) {
    for (const int order : {0, 1}) {
      fit(options.width, order);
    }
  }

  std::string& text = out.text();
  std::string line;
  // --no-header: the columns keep the header's width, so the rows line up
  // as they would under it.
  for (std::size_t c = 0; c < n && options.header; ++c) {
    const auto& column = columns_[c];
    const bool last = c + 1 == n;
    append_padded(line,
                  column.spec.header,
                  display_width(column.spec.header),
                  column.width,
                  column.spec.kind == ColumnKind::kNumber,
                  last && !trim,
                  options.color ? kStyleHeader : "");
    line += last ? "" : kGap;
  }
  if (options.header) {
    end_line(line, trim, text);
    out.end_record();
  }
  std::size_t next_break = 0;
  for (std::size_t r = 0; r < bars_.size() && out.ok(); ++r) {
    if (next_break < breaks_.size() && breaks_[next_break] == r) {
      ++next_break;
      text += '\n';
    }
    for (std::size_t c = 0; c < n; ++c) {
      const auto& column = columns_[c];
      auto& cell = cells_[r * n + c];
      if (column.spec.kind == ColumnKind::kBar && cell.text.empty()) {
        cell.text = render_bar(bars_[r], max_bar, column.width, options.ascii);
        cell.width = display_width(cell.text);
      }
      if (cell.width > column.width) {
        cell.text = cut ? cut(r, c, cell.text, column.width)
                        : truncate_to_width(cell.text, column.width);
        cell.width = display_width(cell.text);
      }
      const bool last = c + 1 == n;
      const bool styled =
          options.color && cell.text != "-" && !column.spec.style.empty();
      append_padded(line,
                    options.color && paint ? paint(r, c, cell.text) : cell.text,
                    cell.width,
                    column.width,
                    column.spec.kind == ColumnKind::kNumber,
                    last && !trim,
                    styled ? column.spec.style : "");
      line += last ? "" : kGap;
    }
    end_line(line, trim, text);
    out.end_record();
  }
}

// --- JSON values
// ---------------------------------------------------------------

void append_json_key(std::string_view key, std::string& out) {
  out += '"';
  out += key;
  out += "\": ";
}

void append_json_int(std::int64_t value, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{}", value);
}

void append_json_optional(const std::optional<std::string_view>& value,
                          std::string& out) {
  if (value) {
    append_json_string(*value, out);
  } else {
    out += "null";
  }
}

void append_json_optional(const std::optional<std::int64_t>& value,
                          std::string& out) {
  if (value) {
    append_json_int(*value, out);
  } else {
    out += "null";
  }
}

void append_json_strings(std::span<const std::string_view> values,
                         std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    append_json_string(values[i], out);
  }
  out += ']';
}

void append_json_value(const Value& value, std::string& out) {
  if (std::holds_alternative<std::monostate>(value)) {
    out += "null";
  } else if (const auto* b = std::get_if<bool>(&value)) {
    out += *b ? "true" : "false";
  } else if (const auto* n = std::get_if<std::int64_t>(&value)) {
    append_json_int(*n, out);
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

void append_json_object(std::span<const std::string_view> keys,
                        std::span<const Value> values,
                        std::string& out) {
  out += '{';
  for (std::size_t k = 0; k < keys.size(); ++k) {
    out += k > 0 ? ", " : "";
    append_json_key(keys[k], out);
    append_json_value(values[k], out);
  }
  out += '}';
}

// --- CSV and TSV cells
// -----------------------------------------------------------

std::string flat_text(const Value& value) {
  if (const auto* b = std::get_if<bool>(&value)) {
    return *b ? "true" : "false";
  }
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

void append_csv_cell(std::string_view value, std::string& out) {
  // A cell with U+0085, U+2028 or U+2029 is quoted too: a reader that
  // splits lines on them first still sees an open quote.
  if (value.find_first_of(",\"\r\n") == std::string_view::npos
      && value.find("\u0085") == std::string_view::npos
      && value.find("\u2028") == std::string_view::npos
      && value.find("\u2029") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
}

void append_tsv_cell(std::string_view value, std::string& out) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    // U+0085 (NEL), U+2028 and U+2029 end a line for many line readers
    // (Python's splitlines, editors): escaped like a newline, so that a
    // record is always one line whatever splits it.
    if (c == '\xC2' && i + 1 < value.size() && value[i + 1] == '\x85') {
      out += "\\u0085";
      ++i;
      continue;
    }
    if (c == '\xE2' && i + 2 < value.size() && value[i + 1] == '\x80'
        && (value[i + 2] == '\xA8' || value[i + 2] == '\xA9')) {
      out += value[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
      continue;
    }
    switch (c) {
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\\':
      out += "\\\\";
      break;
    default:
      out += c;
      break;
    }
  }
}

namespace {

// Spreadsheets run a cell that starts with one of these as a formula
// (OWASP "CSV injection"): `=1+2`, `+cmd|...`, `-2+3`, `@SUM(...)`, and a
// tab or carriage return before any of them.
bool formula_like(std::string_view value) {
  return !value.empty()
         && std::string_view("=+-@\t\r").find(value.front())
                != std::string_view::npos;
}

}  // namespace

void append_delimited_cell(std::string_view value,
                           bool csv,
                           bool only_column,
                           const FormatOptions& options,
                           std::string& out) {
  // Values are UTF-8 even when a caller built a record from bad bytes.
  std::string owned;
  if (!is_valid_utf8(value)) {
    append_utf8_repaired(owned, value);
    value = owned;
  }
  if (options.csv_safe && formula_like(value)) {
    owned = "'" + std::string(value);
    value = owned;
  }
  if (csv && value.empty() && only_column) {
    out += "\"\"";  // a blank line would read as no row at all
    return;
  }
  if (csv) {
    // On a terminal a person reads the cells: no raw control characters.
    if (options.terminal) {
      append_csv_cell(sanitize_for_terminal(value, false), out);
    } else {
      append_csv_cell(value, out);
    }
    return;
  }
  if (options.terminal) {
    std::string escaped;
    append_tsv_cell(value, escaped);
    out += sanitize_for_terminal(escaped, false);
  } else {
    append_tsv_cell(value, out);
  }
}

}  // namespace papers
