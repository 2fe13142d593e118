#include "dump.hpp"

#include "utf8.hpp"

#include <papers/digest_parser.hpp>
#include <papers/summary.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace papers::test {
namespace {

class Collector final : public PaperSink, public DiagnosticSink {
 public:
  explicit Collector(ParseOutput& out) : out_(out) {}

  bool on_paper(Paper&& paper) override {
    out_.papers.push_back(std::move(paper));
    return true;
  }

  void on_diagnostic(Diagnostic&& diagnostic) override {
    out_.diagnostics.push_back(std::move(diagnostic));
  }

 private:
  ParseOutput& out_;
};

// `\xHH` for a byte, `\u{HHHH}` for a code point.
std::string hex_escape(unsigned value, bool code_point) {
  static constexpr std::string_view kDigits = "0123456789ABCDEF";
  std::string digits;
  do {
    digits.insert(digits.begin(), kDigits[value % 16]);
    value /= 16;
  } while (value != 0);
  const std::size_t width = code_point ? 4 : 2;
  if (digits.size() < width) {
    digits.insert(0, width - digits.size(), '0');
  }
  return code_point ? "\\u{" + digits + "}" : "\\x" + digits;
}

// True for code points a reader could not see or could mistake: C1
// controls, zero-width and bidi marks, line/paragraph separators, BOM,
// and the replacement character (so a repaired byte is unmistakable).
bool is_suspicious(unsigned cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F)
         || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFD;
}

unsigned decode(std::string_view s, std::size_t i, std::size_t len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  unsigned cp = len == 2   ? (b0 & 0x1Fu)
                : len == 3 ? (b0 & 0x0Fu)
                           : (b0 & 0x07u);
  for (std::size_t k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  }
  return cp;
}

void field(std::string& out,
           std::string_view indent,
           std::string_view name,
           std::string_view value) {
  out += indent;
  out += name;
  out += ": ";
  out += value;
  out += '\n';
}

void optional_field(std::string& out,
                    std::string_view indent,
                    std::string_view name,
                    const std::optional<std::string_view>& value) {
  field(out, indent, name, value ? quote(*value) : "null");
}

// `line 3`, or `"other.md":3` if the location is not in the parsed file.
std::string location(const ParseOutput& output,
                     std::string_view file,
                     std::uint32_t line) {
  std::string out = file == output.name ? "line " : quote(file) + ":";
  return out + std::to_string(line);
}

}  // namespace

ParseOutput parse_chunked(std::string_view name,
                          std::string_view bytes,
                          std::size_t chunk_size) {
  ParseOutput out;
  out.name = name;
  Collector collector(out);
  DigestParser parser(std::string(name), collector, collector);
  if (chunk_size == 0) {
    parser.feed(bytes);
  } else {
    for (std::size_t at = 0; at < bytes.size(); at += chunk_size) {
      parser.feed(bytes.substr(at, chunk_size));
    }
  }
  parser.finish();
  out.binary = parser.binary();
  return out;
}

ParseOutput parse_stable(std::string_view name, std::string_view bytes) {
  ParseOutput out;
  out.name = name;
  Collector collector(out);
  DigestParser parser(std::string(name), collector, collector);
  parser.feed_stable(bytes, nullptr);
  parser.finish();
  out.binary = parser.binary();
  return out;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
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
          out += hex_escape(c, false);
        } else {
          out += static_cast<char>(c);
        }
        break;
      }
      ++i;
      continue;
    }
    const auto len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += hex_escape(c, false);
      ++i;
      continue;
    }
    const unsigned cp = decode(text, i, len);
    if (is_suspicious(cp)) {
      out += hex_escape(cp, true);
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  out += '"';
  return out;
}

std::string dump(const ParseOutput& output) {
  std::string out;
  field(out, "", "file", quote(output.name));
  field(out, "", "binary", output.binary ? "yes" : "no");
  field(out, "", "papers", std::to_string(output.papers.size()));
  std::size_t number = 0;
  for (const Paper& paper : output.papers) {
    out += '\n';
    field(out, "", "paper", std::to_string(++number));
    field(out,
          "  ",
          "source",
          location(output, paper.source.file, paper.source.line));
    optional_field(out, "  ", "id", paper.id);
    field(out, "  ", "date", paper.date ? paper.date->to_string() : "null");
    field(out, "  ", "title", quote(paper.title));
    optional_field(out, "  ", "url", paper.url);
    field(out,
          "  ",
          "votes",
          paper.votes ? std::to_string(*paper.votes) : "null");
    field(out, "  ", "authors", std::to_string(paper.authors.size()));
    for (const auto& author : paper.authors) {
      out += "    - ";
      out += quote(author);
      out += '\n';
    }
    optional_field(out, "  ", "thumbnail", paper.thumbnail);
    optional_field(out, "  ", "video", paper.video);
    const auto items = split_summary(paper.summary);
    field(out, "  ", "summary", std::to_string(items.size()));
    for (const auto& item : items) {
      optional_field(out, "    ", "- label", item.label);
      field(out, "    ", "  text", quote(item.text));
    }
  }
  out += '\n';
  field(out, "", "diagnostics", std::to_string(output.diagnostics.size()));
  for (const auto& diagnostic : output.diagnostics) {
    field(out,
          "  ",
          "- " + location(output, diagnostic.where.file, diagnostic.where.line),
          quote(diagnostic.message));
  }
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

void write_file(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    throw std::runtime_error("cannot write " + path.string());
  }
}

std::string first_difference(std::string_view expected,
                             std::string_view actual) {
  if (expected == actual) {
    return "";
  }
  std::size_t line = 1;
  for (;;) {
    const auto e_end = expected.find('\n');
    const auto a_end = actual.find('\n');
    const auto e_line = expected.substr(0, e_end);
    const auto a_line = actual.substr(0, a_end);
    if (e_line != a_line || e_end == std::string_view::npos
        || a_end == std::string_view::npos) {
      std::ostringstream msg;
      msg << "first difference at line " << line << "\n  expected: "
          << (expected.empty() ? "<end of text>" : std::string(e_line))
          << "\n  actual:   "
          << (actual.empty() ? "<end of text>" : std::string(a_line));
      return msg.str();
    }
    expected.remove_prefix(e_end + 1);
    actual.remove_prefix(a_end + 1);
    ++line;
  }
}

}  // namespace papers::test
