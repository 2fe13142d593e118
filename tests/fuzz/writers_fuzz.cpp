// Fuzz target: the output writers on whatever the parser makes of any
// bytes. The input is parsed as a digest, then written in every format with
// options drawn from a hash of the input. Properties:
// - json is one array of one object per paper, and jsonl one object per
//   line, in strict JSON (RFC 8259) and valid UTF-8; the titles, ids and
//   author lists decode back to the records' values;
// - csv reads back (RFC 4180) as a header and one row per paper, all of
//   the header's width, tsv as lines of that many cells; with csv_safe no
//   cell starts with a formula character;
// - markdown parses back to the same records (source locations aside; a
//   code fence left open at the end of a file is closed unless its paper
//   is written last) and is a fixed point: writing what it parses to gives
//   the same text;
// - terminal safety: a table or card, and any format written to a
//   terminal, is valid UTF-8 and holds no C0 control but newline (tsv's tab
//   separators aside), no DEL, no C1 control character (U+0080..U+009F)
//   and no bidirectional control; with colour, the only escapes are the
//   writers' own SGR sequences, and no other format character (Cf) but
//   ZWJ/ZWNJ (JSON escapes them). Tables and cards also hold no more than
//   16 combining marks in a row,
//   and a table shrunk to a width of 40 or more has no line wider than it;
// - every tsv and jsonl record is one line, also for readers that end lines
//   at U+0085, U+2028 or U+2029.
// A failed property aborts, so libFuzzer keeps the input.
#include "text_width.hpp"

#include <papers/digest_parser.hpp>
#include <papers/format.hpp>
#include <papers/loader.hpp>
#include <papers/summary.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using papers::Field;
using papers::FormatOptions;
using papers::OutputFormat;
using papers::Paper;
using papers::split_summary;
using papers::View;

[[noreturn]] void fail(const char* what, std::string_view output) {
  std::fprintf(stderr,
               "writers_fuzz: %s\n--- output (%zu bytes) ---\n%.*s\n---\n",
               what,
               output.size(),
               static_cast<int>(std::min<std::size_t>(output.size(), 16000)),
               output.data());
  std::abort();
}

void check(bool ok, const char* what, std::string_view output) {
  if (!ok) {
    fail(what, output);
  }
}

// ---- UTF-8 ----------------------------------------------------------------

// Length of the valid UTF-8 sequence at s[i] and its code point; 0 when
// the bytes there are not one. Written apart from the library's own
// decoder so that a bug there cannot hide here.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

bool valid_utf8(std::string_view s) {
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto len = decode(s, i, cp);
    if (len == 0) {
      return false;
    }
    i += len;
  }
  return true;
}

// The terminal property. `tabs`: tsv's separators are allowed. `text`:
// a table or card, which also neutralises format characters and caps
// combining marks.
void check_terminal_safe(std::string_view output,
                         bool color,
                         bool tabs,
                         bool table = false) {
  std::string text(output);
  if (color) {
    // The writers' own styles are the only escapes allowed.
    for (const std::string_view style : {"\x1b[1m", "\x1b[32m", "\x1b[0m"}) {
      for (auto at = text.find(style); at != std::string::npos;
           at = text.find(style, at)) {
        text.erase(at, style.size());
      }
    }
  }
  check(valid_utf8(text), "terminal output is not valid UTF-8", output);
  std::uint32_t cp = 0;
  std::size_t marks = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto len = decode(text, i, cp);
    const bool allowed = cp == '\n' || (tabs && cp == '\t');
    check(allowed || !(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)),
          "a control character reaches the terminal",
          output);
    check(!(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069),
          "a bidirectional control reaches the terminal",
          output);
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    check(category != UTF8PROC_CATEGORY_CF || cp == 0x200C || cp == 0x200D,
          "a format character reaches the terminal",
          output);
    if (table) {
      const bool mark = category == UTF8PROC_CATEGORY_MN
                        || category == UTF8PROC_CATEGORY_MC
                        || category == UTF8PROC_CATEGORY_ME;
      marks = mark ? marks + 1 : 0;
      check(marks <= 16, "more than 16 combining marks in a table", output);
    }
    i += len;
  }
}

// No line of a table wider than the width it was shrunk to.
void check_table_width(std::string_view output, std::size_t width) {
  for (std::size_t start = 0; start < output.size();) {
    auto end = output.find('\n', start);
    if (end == std::string_view::npos) {
      end = output.size();
    }
    const auto line = output.substr(start, end - start);
    check(papers::display_width(line) <= width,
          "a table line is wider than --width",
          output);
    start = end + 1;
  }
}

// No character that some line reader takes for a line end, in a record.
void check_one_line(std::string_view record, std::string_view output) {
  check(record.find('\r') == std::string_view::npos
            && record.find("\u0085") == std::string_view::npos
            && record.find("\u2028") == std::string_view::npos
            && record.find("\u2029") == std::string_view::npos,
        "a record holds a line separator",
        output);
}

// ---- JSON -----------------------------------------------------------------

struct Json {
  enum Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = kNull;

  std::string text;         // a string's decoded value, a number's spelling
  std::vector<Json> items;  // an array's items, an object's values
  std::vector<std::string> keys;  // an object's keys

  const Json* get(std::string_view key) const {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == key) {
        return &items[i];
      }
    }
    return nullptr;
  }
};

// A strict RFC 8259 reader; nullopt on any deviation.
class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  std::optional<Json> document() {
    auto value = parse_value(0);
    skip_space();
    if (!value || pos_ != s_.size()) {
      return std::nullopt;
    }
    return value;
  }

 private:
  void skip_space() {
    while (pos_ < s_.size()
           && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n'
               || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) {
      return false;
    }
    pos_ += word.size();
    return true;
  }

  std::optional<Json> parse_value(int depth) {
    if (depth > 64) {
      return std::nullopt;
    }
    skip_space();
    if (pos_ >= s_.size()) {
      return std::nullopt;
    }
    Json v;
    const char c = s_[pos_];
    if (c == 'n') {
      return literal("null") ? std::optional<Json>(v) : std::nullopt;
    }
    if (c == 't' || c == 'f') {
      v.kind = Json::kBool;
      return literal(c == 't' ? "true" : "false") ? std::optional<Json>(v)
                                                  : std::nullopt;
    }
    if (c == '"') {
      v.kind = Json::kString;
      return parse_string(v.text) ? std::optional<Json>(std::move(v))
                                  : std::nullopt;
    }
    if (c == '[') {
      v.kind = Json::kArray;
      ++pos_;
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return v;
      }
      for (;;) {
        auto item = parse_value(depth + 1);
        if (!item) {
          return std::nullopt;
        }
        v.items.push_back(std::move(*item));
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == ']') {
          ++pos_;
          return v;
        }
        return std::nullopt;
      }
    }
    if (c == '{') {
      v.kind = Json::kObject;
      ++pos_;
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return v;
      }
      for (;;) {
        skip_space();
        std::string key;
        if (pos_ >= s_.size() || s_[pos_] != '"' || !parse_string(key)) {
          return std::nullopt;
        }
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != ':') {
          return std::nullopt;
        }
        ++pos_;
        auto item = parse_value(depth + 1);
        if (!item || v.get(key) != nullptr) {
          return std::nullopt;  // our records never repeat a key
        }
        v.keys.push_back(std::move(key));
        v.items.push_back(std::move(*item));
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == '}') {
          ++pos_;
          return v;
        }
        return std::nullopt;
      }
    }
    return parse_number(v) ? std::optional<Json>(std::move(v)) : std::nullopt;
  }

  bool digits() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      ++pos_;
    }
    return pos_ > start;
  }

  bool parse_number(Json& v) {
    const std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') {
      ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) {
        return false;
      }
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) {
        ++pos_;
      }
      if (!digits()) {
        return false;
      }
    }
    v.kind = Json::kNumber;
    v.text = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(std::uint32_t& value) {
    if (pos_ + 4 > s_.size()) {
      return false;
    }
    value = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[pos_++];
      value <<= 4;
      if (h >= '0' && h <= '9') {
        value |= static_cast<std::uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        value |= static_cast<std::uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        value |= static_cast<std::uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  bool parse_string(std::string& out) {
    ++pos_;  // the opening quote
    while (pos_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) {
        return false;  // raw control characters are not JSON
      }
      if (c == '\\') {
        if (++pos_ >= s_.size()) {
          return false;
        }
        const char e = s_[pos_++];
        switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) {
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return false;
        }
        continue;
      }
      std::uint32_t cp = 0;
      const auto len = decode(s_, pos_, cp);
      if (len == 0) {
        return false;
      }
      out.append(s_.substr(pos_, len));
      pos_ += len;
    }
    return false;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

// A record's id, title and authors as JSON says them equal the paper's.
void check_json_record(const Json& record,
                       const Paper& paper,
                       std::string_view output) {
  check(record.kind == Json::kObject, "a JSON record is not an object", output);
  const Json* id = record.get("id");
  const Json* title = record.get("title");
  const Json* authors = record.get("authors");
  check(id != nullptr && title != nullptr && authors != nullptr,
        "a JSON record lacks id, title or authors",
        output);
  check(paper.id ? (id->kind == Json::kString && id->text == *paper.id)
                 : id->kind == Json::kNull,
        "a JSON id differs from the record's",
        output);
  check(title->kind == Json::kString && title->text == paper.title,
        "a JSON title differs from the record's",
        output);
  check(authors->kind == Json::kArray
            && authors->items.size() == paper.authors.size(),
        "a JSON author list differs from the record's",
        output);
  for (std::size_t i = 0; i < paper.authors.size(); ++i) {
    check(authors->items[i].text == paper.authors[i],
          "a JSON author differs from the record's",
          output);
  }
}

// ---- CSV ------------------------------------------------------------------

// RFC 4180 rows; nullopt when a quote is misplaced or left open.
std::optional<std::vector<std::vector<std::string>>> read_csv(
    std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  std::size_t i = 0;
  bool cell_started = false;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"' && !cell_started) {
      ++i;
      for (;;) {
        if (i >= s.size()) {
          return std::nullopt;
        }
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += s[i++];
      }
      cell_started = true;
      if (i < s.size() && s[i] != ',' && s[i] != '\n') {
        return std::nullopt;
      }
      continue;
    }
    if (c == '"') {
      return std::nullopt;  // a quote inside an unquoted cell
    }
    if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      cell_started = false;
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      rows.push_back(std::move(row));
      row.clear();
      cell.clear();
      cell_started = false;
    } else if (c == '\r') {
      return std::nullopt;  // a CR must be quoted
    } else {
      cell += c;
      cell_started = true;
    }
    ++i;
  }
  if (cell_started || !row.empty()) {
    return std::nullopt;  // the last row has no newline
  }
  return rows;
}

bool starts_formula(std::string_view cell) {
  return !cell.empty()
         && std::string_view("=+-@\t\r").find(cell.front())
                != std::string_view::npos;
}

// ---- the writers ----------------------------------------------------------

std::string write(OutputFormat format,
                  const std::vector<const Paper*>& rows,
                  const FormatOptions& options) {
  std::string out;
  papers::format_papers(format, rows, options, out);
  return out;
}

std::vector<Paper> parse(std::string_view bytes) {
  papers::LoadResult load;
  // The markdown writer writes the canonical layout: read it back as such,
  // not through layout detection.
  papers::load_buffer("2024-02-07.md",
                      bytes,
                      load,
                      papers::ParseOptions{papers::LayoutChoice::kCanonical});
  const auto list = load.table.papers();
  return {list.begin(), list.end()};
}

// Whether the reader takes `bytes` for binary data: a text whose first
// 8 KiB are mostly control characters (titles of \x02 runs) is, by design.
bool read_as_binary(std::string_view bytes) {
  papers::LoadResult load;
  papers::load_buffer("2024-02-07.md",
                      bytes,
                      load,
                      papers::ParseOptions{papers::LayoutChoice::kCanonical});
  return !load.errors.empty();
}

std::vector<const Paper*> pointers(const std::vector<Paper>& papers) {
  std::vector<const Paper*> out;
  out.reserve(papers.size());
  for (const auto& p : papers) {
    out.push_back(&p);
  }
  return out;
}

// The records as the markdown writer orders them: undated papers first,
// then one group per date in order of first appearance.
std::vector<Paper> in_markdown_order(const std::vector<Paper>& papers) {
  std::map<papers::Date, std::size_t> group_of;
  std::vector<std::pair<std::size_t, std::size_t>> keys;  // (group, index)
  for (std::size_t i = 0; i < papers.size(); ++i) {
    std::size_t group = 0;
    if (papers[i].date) {
      group = group_of.try_emplace(*papers[i].date, group_of.size() + 1)
                  .first->second;
    }
    keys.emplace_back(group, i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<Paper> out;
  for (const auto& key : keys) {
    Paper p = papers[key.second];
    p.source = {};
    // The markdown writer writes the canonical layout, which has no place
    // for other layouts' labelled facts or an author list's truncation.
    p.fields = {};
    p.authors_truncated = false;
    out.push_back(std::move(p));
  }
  return out;
}

// The one loss markdown allows: a code fence left open at the end of a
// file (so at the end of its paper's last bullet) stays open only when
// that paper is written last; elsewhere the writer closes it, or it would
// swallow the papers after it. So a paper other than the last may read
// back with "\n```" (or a longer run, or tildes) added to its last bullet.
bool only_fences_closed(const std::vector<Paper>& want,
                        const std::vector<Paper>& got) {
  if (want.size() != got.size()) {
    return false;
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == got[i]) {
      continue;
    }
    if (i + 1 == want.size() || want[i].summary.empty()) {
      return false;
    }
    const auto want_items = split_summary(want[i].summary);
    const auto got_items = split_summary(got[i].summary);
    if (want_items.empty() || got_items.size() != want_items.size()) {
      return false;
    }
    const std::string_view text = got_items.items().back().text;
    const auto newline = text.rfind('\n');
    const std::string_view fence =
        newline == std::string::npos
            ? std::string_view()
            : std::string_view(text).substr(newline + 1);
    const bool is_fence =
        fence.size() >= 3
        && fence.find_first_not_of(fence.front()) == std::string_view::npos
        && (fence.front() == '`' || fence.front() == '~');
    if (!is_fence) {
      return false;
    }
    // Every field but the summary as written, and every bullet but the
    // last, the last with the fence added.
    Paper others = want[i];
    others.summary = got[i].summary;
    if (others != got[i]) {
      return false;
    }
    auto closed = want_items.items();
    std::string extended(closed.back().text);
    extended += '\n';
    extended += fence;
    closed.back().text = extended;
    if (closed != got_items.items()) {
      return false;
    }
  }
  return true;
}

// A splitmix64 step: the options of a run come from a hash of the input.
std::uint64_t next(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

FormatOptions random_options(std::uint64_t& state) {
  static constexpr std::size_t kWidths[] = {0, 1, 2, 5, 9, 17, 40, 80, 200};
  FormatOptions options;
  const std::uint64_t r = next(state);
  options.width = kWidths[r % std::size(kWidths)];
  options.truncate = (r >> 8 & 1) != 0;
  options.color = (r >> 9 & 1) != 0;
  options.terminal = (r >> 10 & 1) != 0;
  options.csv_safe = (r >> 11 & 1) != 0;
  options.view = static_cast<View>((r >> 12) % 3);
  if ((r >> 16 & 3) == 0) {
    // A random selection of distinct fields, in a random order.
    const std::size_t count = papers::field_names().size();
    std::uint64_t pick = next(state);
    for (std::size_t k = 0; k < count; ++k) {
      const auto field = static_cast<Field>(pick % count);
      pick = pick / count + next(state) % 7;
      if (std::find(options.fields.begin(), options.fields.end(), field)
          == options.fields.end()) {
        options.fields.push_back(field);
      }
      if (pick % 3 == 0) {
        break;
      }
    }
  }
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::vector<Paper> papers = parse(input);
  const std::vector<const Paper*> rows = pointers(papers);

  std::uint64_t state = 0xCBF29CE484222325ULL;  // FNV-1a of the input
  for (const char c : input) {
    state = (state ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  }
  const FormatOptions options = random_options(state);
  FormatOptions plain = options;  // to a file: the data as it is
  plain.terminal = false;
  plain.color = false;

  // Citations: CSL-JSON is strict JSON with one item per paper and unique
  // ids; BibTeX has one entry per paper, unique keys and balanced braces
  // counted as BibTeX counts them: every brace, escaped or not (an unpaired
  // `\{` from a title would swallow the entries after it).
  {
    const std::string csl = write(OutputFormat::kCslJson, rows, plain);
    const auto doc = JsonReader(csl).document();
    check(doc && doc->kind == Json::kArray && doc->items.size() == rows.size(),
          "csl-json is not an array of one item per paper",
          csl);
    const std::string bib = write(OutputFormat::kBibtex, rows, plain);
    std::size_t entries = 0;
    long depth = 0;
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < bib.size(); ++i) {
      if (bib.compare(i, 6, "@misc{") == 0 && (i == 0 || bib[i - 1] == '\n')) {
        check(depth == 0, "bibtex entry starts inside another", bib);
        ++entries;
        const auto comma = bib.find(',', i);
        keys.push_back(bib.substr(i + 6, comma - i - 6));
      }
      depth += bib[i] == '{' ? 1 : bib[i] == '}' ? -1 : 0;
      check(depth >= 0, "bibtex closes a brace it did not open", bib);
    }
    check(depth == 0, "bibtex braces are not balanced", bib);
    check(entries == rows.size(), "bibtex is not one entry per paper", bib);
    std::sort(keys.begin(), keys.end());
    check(std::adjacent_find(keys.begin(), keys.end()) == keys.end(),
          "bibtex keys are not unique",
          bib);
  }

  // JSON and JSON Lines: strict JSON whatever the bytes.
  {
    FormatOptions o = plain;
    o.fields.clear();
    const std::string json = write(OutputFormat::kJson, rows, o);
    const auto doc = JsonReader(json).document();
    check(doc && doc->kind == Json::kArray && doc->items.size() == rows.size(),
          "json is not an array of one record per paper",
          json);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      check_json_record(doc->items[i], *rows[i], json);
    }
    const std::string jsonl = write(OutputFormat::kJsonl, rows, options);
    std::size_t count = 0;
    for (std::size_t start = 0; start < jsonl.size(); ++count) {
      const auto end = jsonl.find('\n', start);
      check(end != std::string::npos, "jsonl does not end a line", jsonl);
      check_one_line(std::string_view(jsonl).substr(start, end - start), jsonl);
      const auto line =
          JsonReader(std::string_view(jsonl).substr(start, end - start))
              .document();
      check(line && line->kind == Json::kObject,
            "a jsonl line is not a JSON object",
            jsonl);
      start = end + 1;
    }
    check(count == rows.size(), "jsonl has not one line per paper", jsonl);
  }

  // CSV and TSV: one row per paper, every row as wide as the header.
  {
    const std::string csv = write(OutputFormat::kCsv, rows, plain);
    const auto table = read_csv(csv);
    check(table && table->size() == rows.size() + 1,
          "csv does not read back as a header and a row per paper",
          csv);
    for (const auto& row : *table) {
      check(row.size() == table->front().size(),
            "a csv row is not as wide as the header",
            csv);
      for (const auto& cell : row) {
        check(!plain.csv_safe || !starts_formula(cell),
              "--csv-safe left a formula cell",
              csv);
      }
    }
    const std::string tsv = write(OutputFormat::kTsv, rows, plain);
    std::size_t lines = 0;
    std::size_t width = 0;
    for (std::size_t start = 0; start < tsv.size(); ++lines) {
      const auto end = tsv.find('\n', start);
      check(end != std::string::npos, "tsv does not end a line", tsv);
      const auto line = std::string_view(tsv).substr(start, end - start);
      const auto cells =
          static_cast<std::size_t>(std::count(line.begin(), line.end(), '\t'))
          + 1;
      check(lines == 0 || cells == width, "a tsv row has the wrong width", tsv);
      width = cells;
      check(line.find('\r') == std::string_view::npos, "a raw CR in tsv", tsv);
      check_one_line(line, tsv);
      start = end + 1;
    }
    check(lines == rows.size() + 1, "tsv has not one line per paper", tsv);
  }

  // Markdown reads back as the same records and is a fixed point, unless
  // the reader takes it for binary data.
  if (const std::string markdown = write(OutputFormat::kMarkdown, rows, plain);
      !read_as_binary(markdown)) {
    const std::vector<Paper> again = parse(markdown);
    std::vector<Paper> got = again;
    for (auto& p : got) {
      p.source = {};
    }
    const std::vector<Paper> want = in_markdown_order(papers);
    if (got != want && !only_fences_closed(want, got)) {
      std::string both = markdown + "\n--- records written ---\n";
      papers::format_papers(OutputFormat::kJsonl, pointers(want), {}, both);
      both += "--- records read back ---\n";
      papers::format_papers(OutputFormat::kJsonl, pointers(got), {}, both);
      fail("markdown does not read back as the same records", both);
    }
    const std::string twice =
        write(OutputFormat::kMarkdown, pointers(again), plain);
    check(twice == markdown, "markdown is not a fixed point", markdown);
  }

  // Terminal safety.
  const bool usual_numbers =
      std::all_of(rows.begin(), rows.end(), [](const Paper* p) {
        return (!p->votes || (*p->votes > -10000 && *p->votes < 100000))
               && (!p->id || p->id->size() <= 10);
      });
  {
    // Tables and cards are for people: sanitised wherever they go.
    FormatOptions o = options;
    for (const View view : {View::kList, View::kTop, View::kCard}) {
      o.view = view;
      const std::string table = write(OutputFormat::kTable, rows, o);
      check_terminal_safe(table, o.color, false, true);
      // The default columns fit 40 by design when their uncut cells are of
      // the usual size (votes of at most 5 digits, new-style ids); columns
      // picked with --fields, a 19-digit vote or an old-style id may hold
      // more that is never cut than that.
      if (view != View::kCard && !o.color && o.truncate && o.width >= 40
          && o.fields.empty() && usual_numbers) {
        check_table_width(table, o.width);
      }
    }
    o.view = options.view;
    o.terminal = true;
    o.color = false;  // colour is for the table and card only
    for (const OutputFormat format : {OutputFormat::kJson,
                                      OutputFormat::kJsonl,
                                      OutputFormat::kCsv,
                                      OutputFormat::kMarkdown}) {
      if (format == OutputFormat::kMarkdown) {
        o.fields.clear();
      }
      check_terminal_safe(write(format, rows, o), false, false);
    }
    check_terminal_safe(write(OutputFormat::kTsv, rows, o), false, true);
  }
  // The options as drawn, as the command line would pass them.
  (void)write(OutputFormat::kTable, rows, options);
  return 0;
}
