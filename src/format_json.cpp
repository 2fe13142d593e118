#include "format_writers.hpp"
#include "text_util.hpp"

#include <fmt/format.h>

namespace papers {
namespace {

void append_key(std::string_view key, std::string& out) {
  out += '"';
  out += key;
  out += "\": ";
}

void append_optional(const std::optional<std::string>& value,
                     std::string& out) {
  if (value) {
    append_json_string(*value, out);
  } else {
    out += "null";
  }
}

}  // namespace

void append_json_string(std::string_view text, std::string& out) {
  out += '"';
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
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
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
      out += "\xEF\xBF\xBD";
      ++i;
    } else if (len == 2 && c == 0xC2
               && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // C1 controls: valid JSON raw, but escaped so no terminal acts on them.
      fmt::format_to(std::back_inserter(out),
                     "\\u{:04x}",
                     static_cast<unsigned char>(text[i + 1]));
      i += 2;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  out += '"';
}

void append_json_record(const Paper& paper, std::string& out) {
  out += '{';
  append_key("id", out);
  append_optional(paper.id, out);
  out += ", ";
  append_key("date", out);
  if (paper.date) {
    append_json_string(paper.date->to_string(), out);
  } else {
    out += "null";
  }
  out += ", ";
  append_key("title", out);
  append_json_string(paper.title, out);
  out += ", ";
  append_key("url", out);
  append_optional(paper.url, out);
  out += ", ";
  append_key("votes", out);
  if (paper.votes) {
    fmt::format_to(std::back_inserter(out), "{}", *paper.votes);
  } else {
    out += "null";
  }
  out += ", ";
  append_key("authors", out);
  out += '[';
  for (std::size_t i = 0; i < paper.authors.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    append_json_string(paper.authors[i], out);
  }
  out += "], ";
  append_key("thumbnail", out);
  append_optional(paper.thumbnail, out);
  out += ", ";
  append_key("video", out);
  append_optional(paper.video, out);
  out += ", ";
  append_key("summary", out);
  out += '[';
  for (std::size_t i = 0; i < paper.summary.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += '{';
    append_key("label", out);
    append_optional(paper.summary[i].label, out);
    out += ", ";
    append_key("text", out);
    append_json_string(paper.summary[i].text, out);
    out += '}';
  }
  out += "], ";
  append_key("source", out);
  out += '{';
  append_key("file", out);
  append_json_string(paper.source.file, out);
  out += ", ";
  append_key("line", out);
  fmt::format_to(std::back_inserter(out), "{}", paper.source.line);
  out += "}}";
}

void write_json(std::span<const Paper* const> papers, std::string& out) {
  if (papers.empty()) {
    out += "[]\n";
    return;
  }
  out += "[\n";
  for (std::size_t i = 0; i < papers.size(); ++i) {
    append_json_record(*papers[i], out);
    out += i + 1 < papers.size() ? ",\n" : "\n";
  }
  out += "]\n";
}

void write_jsonl(std::span<const Paper* const> papers, std::string& out) {
  for (const Paper* paper : papers) {
    append_json_record(*paper, out);
    out += '\n';
  }
}

}  // namespace papers
