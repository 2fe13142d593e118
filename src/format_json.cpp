#include "format_writers.hpp"
#include "text_util.hpp"

#include <papers/digest_parser.hpp>

#include <fmt/format.h>

#include <array>

namespace papers {
namespace {

void append_key(std::string_view key, std::string& out) {
  out += '"';
  out += key;
  out += "\": ";
}

void append_optional(const std::optional<std::string_view>& value,
                     std::string& out) {
  if (value) {
    append_json_string(*value, out);
  } else {
    out += "null";
  }
}

void append_number(std::optional<std::int64_t> value, std::string& out) {
  if (value) {
    fmt::format_to(std::back_inserter(out), "{}", *value);
  } else {
    out += "null";
  }
}

void append_summary(std::string_view raw, std::string& out) {
  const auto summary = split_summary(raw);
  out += '[';
  for (std::size_t i = 0; i < summary.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += '{';
    append_key("label", out);
    append_optional(summary[i].label, out);
    out += ", ";
    append_key("text", out);
    append_json_string(summary[i].text, out);
    out += '}';
  }
  out += ']';
}

// The JSON value of one field; `rank` is the 1-based output position.
void append_value(Field field,
                  const Paper& paper,
                  std::size_t rank,
                  std::string& out) {
  switch (field) {
  case Field::kRank:
    fmt::format_to(std::back_inserter(out), "{}", rank);
    return;
  case Field::kId:
    append_optional(paper.id, out);
    return;
  case Field::kDate:
    if (paper.date) {
      append_json_string(paper.date->to_string(), out);
    } else {
      out += "null";
    }
    return;
  case Field::kTitle:
    append_json_string(paper.title, out);
    return;
  case Field::kUrl:
    append_optional(paper.url, out);
    return;
  case Field::kVotes:
    append_number(paper.votes, out);
    return;
  case Field::kAuthors:
    out += '[';
    for (std::size_t i = 0; i < paper.authors.size(); ++i) {
      if (i > 0) {
        out += ", ";
      }
      append_json_string(paper.authors[i], out);
    }
    out += ']';
    return;
  case Field::kThumbnail:
    append_optional(paper.thumbnail, out);
    return;
  case Field::kVideo:
    append_optional(paper.video, out);
    return;
  case Field::kSummary:
    append_summary(paper.summary, out);
    return;
  case Field::kFile:
    append_json_string(paper.source.file, out);
    return;
  case Field::kLine:
    fmt::format_to(std::back_inserter(out), "{}", paper.source.line);
    return;
  }
}

// U+2028..U+202E (line and paragraph separators, bidi embeddings and
// overrides) and U+2066..U+2069 (bidi isolates), as UTF-8.
bool is_escaped_format_char(std::string_view seq) {
  const auto b1 = static_cast<unsigned char>(seq[1]);
  const auto b2 = static_cast<unsigned char>(seq[2]);
  return (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE)
         || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

}  // namespace

namespace {

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
// escape (find_json_special: ASCII controls, `"`, `\`, DEL, and the leads
// of C1 controls and of the format characters U+2028..U+202E and
// U+2066..U+2069).
void append_valid_utf8(std::string_view text, std::string& out) {
  std::size_t run = 0;
  std::size_t i = 0;
  while ((i = find_json_special(text, i)) < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    out.append(text.data() + run, i - run);
    if (c < 0x80) {
      append_ascii(c, out);
      i += 1;
    } else if (c == 0xC2) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if (b1 < 0xA0) {
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", b1);
      } else {
        out.append(text.data() + i, 2);
      }
      i += 2;
    } else {
      const auto seq = text.substr(i, 3);
      if (is_escaped_format_char(seq)) {
        const auto b1 = static_cast<unsigned char>(seq[1]);
        const auto b2 = static_cast<unsigned char>(seq[2]);
        fmt::format_to(
            std::back_inserter(out),
            "\\u{:04x}",
            ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
      } else {
        out.append(seq);
      }
      i += 3;
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
    } else if (len == 2 && c == 0xC2
               && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // C1 controls: valid JSON raw, but escaped so no terminal acts on them.
      fmt::format_to(std::back_inserter(out),
                     "\\u{:04x}",
                     static_cast<unsigned char>(text[i + 1]));
      i += 2;
    } else if (len == 3 && c == 0xE2
               && is_escaped_format_char(text.substr(i, 3))) {
      // Bidi controls reorder what a terminal shows; U+2028/U+2029 end
      // lines in JavaScript. Escaped, they are the same JSON string.
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      fmt::format_to(std::back_inserter(out),
                     "\\u{:04x}",
                     ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
      i += 3;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  out += '"';
}

void append_json_record(const Paper& paper, std::string& out) {
  // The fixed record shape: these keys in this order, then "source".
  static constexpr std::array<Field, 9> kRecordFields = {Field::kId,
                                                         Field::kDate,
                                                         Field::kTitle,
                                                         Field::kUrl,
                                                         Field::kVotes,
                                                         Field::kAuthors,
                                                         Field::kThumbnail,
                                                         Field::kVideo,
                                                         Field::kSummary};
  out += '{';
  for (const Field field : kRecordFields) {
    append_key(field_name(field), out);
    append_value(field, paper, 0, out);
    out += ", ";
  }
  append_key("source", out);
  out += '{';
  append_key("file", out);
  append_value(Field::kFile, paper, 0, out);
  out += ", ";
  append_key("line", out);
  append_value(Field::kLine, paper, 0, out);
  out += "}}";
}

namespace {

// The whole record, or an object of just the --fields keys in their order.
void append_object(const Paper& paper,
                   std::size_t rank,
                   const FormatOptions& options,
                   std::string& out) {
  if (options.fields.empty()) {
    append_json_record(paper, out);
    return;
  }
  out += '{';
  for (std::size_t i = 0; i < options.fields.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    append_key(field_name(options.fields[i]), out);
    append_value(options.fields[i], paper, rank, out);
  }
  out += '}';
}

}  // namespace

void write_json(std::span<const Paper* const> papers,
                const FormatOptions& options,
                Output& out) {
  if (papers.empty()) {
    out.text() += "[]\n";
    return;
  }
  out.text() += "[\n";
  for (std::size_t i = 0; i < papers.size() && out.ok(); ++i) {
    append_object(*papers[i], i + 1, options, out.text());
    out.text() += i + 1 < papers.size() ? ",\n" : "\n";
    out.end_record();
  }
  out.text() += "]\n";
}

void write_jsonl(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 Output& out) {
  for (std::size_t i = 0; i < papers.size() && out.ok(); ++i) {
    append_object(*papers[i], i + 1, options, out.text());
    out.text() += '\n';
    out.end_record(/*now=*/true);  // each line goes out as soon as it is ready
  }
}

}  // namespace papers
