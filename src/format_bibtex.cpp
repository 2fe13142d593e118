// BibTeX: one @misc entry per paper (no venue is known for a digest
// entry), keyed as citation_keys() says, with title, author, year, month,
// eprint and archivePrefix (arXiv papers), url and a note naming the digest
// day and the votes. LaTeX's special characters are escaped; words with
// capitals after their first letter (LLMs, GPT-4, BERTScore) are braced so
// that a style that lowercases titles keeps them; text stays UTF-8 (biber,
// bibtex8 and pandoc read it).
#include "citation.hpp"
#include "format_writers.hpp"
#include "text_util.hpp"

#include <array>

namespace papers {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan",
                                                      "feb",
                                                      "mar",
                                                      "apr",
                                                      "may",
                                                      "jun",
                                                      "jul",
                                                      "aug",
                                                      "sep",
                                                      "oct",
                                                      "nov",
                                                      "dec"};

// Appends `text` with LaTeX's special characters escaped; controls (and
// newlines) become spaces, invalid UTF-8 U+FFFD.
void append_escaped(std::string_view raw, std::string& out) {
  std::string repaired;
  if (!is_valid_utf8(raw)) {
    append_utf8_repaired(repaired, raw);
    raw = repaired;
  }
  for (const char c : raw) {
    switch (c) {
    case '\\':
      out += "\\textbackslash{}";
      break;
    case '{':
    case '}':
    case '$':
    case '&':
    case '%':
    case '#':
    case '_':
      out += '\\';
      out += c;
      break;
    case '^':
      out += "\\^{}";
      break;
    case '~':
      out += "\\~{}";
      break;
    default:
      out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
      break;
    }
  }
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// A word whose capitals a style must not lowercase: one with a capital
// after its first character.
bool needs_protection(std::string_view word) {
  for (std::size_t i = 1; i < word.size(); ++i) {
    if (is_upper(word[i])) {
      return true;
    }
  }
  return false;
}

void append_title(std::string_view title, std::string& out) {
  std::size_t start = 0;
  while (start <= title.size()) {
    const auto end = std::min(title.find(' ', start), title.size());
    const std::string_view word = title.substr(start, end - start);
    if (start > 0) {
      out += ' ';
    }
    if (needs_protection(word)) {
      out += '{';
      append_escaped(word, out);
      out += '}';
    } else {
      append_escaped(word, out);
    }
    start = end + 1;
  }
}

// One author: an organisation, or a name with a comma or " and " in it,
// braced whole so BibTeX takes it as one literal name.
void append_author(std::string_view name, std::string& out) {
  const NameParts parts = split_name(name);
  const bool literal = !parts.literal.empty()
                       || name.find(',') != std::string_view::npos
                       || name.find(" and ") != std::string_view::npos;
  if (literal) {
    out += '{';
  }
  append_escaped(trim(name), out);
  if (literal) {
    out += '}';
  }
}

void append_field(std::string_view name, std::string& out) {
  out += ",\n  ";
  out += name;
  out += " = {";
}

void append_entry(const Paper& paper, std::string_view key, std::string& out) {
  out += "@misc{";
  out += key;
  append_field("title", out);
  append_title(paper.title, out);
  out += '}';
  if (!paper.authors.empty()) {
    append_field("author", out);
    for (std::size_t i = 0; i < paper.authors.size(); ++i) {
      out += i > 0 ? " and " : "";
      append_author(paper.authors[i], out);
    }
    out += '}';
  }
  const Issued when = issued(paper);
  if (when.year > 0) {
    append_field("year", out);
    out += std::to_string(when.year);
    out += '}';
  }
  if (when.month > 0) {
    // A month macro, as styles expect: `month = feb`.
    out += ",\n  month = ";
    out += kMonths.at(static_cast<std::size_t>(when.month - 1));
  }
  if (paper.id) {
    append_field("eprint", out);
    append_escaped(*paper.id, out);
    out += "},\n  archivePrefix = {arXiv}";
  }
  const std::string url = abstract_url(paper);
  if (!url.empty()) {
    // \url-style fields take the characters as they are but for braces
    // and percent signs, which would end the field or start a comment.
    append_field("url", out);
    for (const char c : url) {
      if (c == '{' || c == '}' || c == '%' || c == '\\') {
        out += '\\';
      }
      out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    out += '}';
  }
  append_field("note", out);
  append_escaped(daily_papers_note(paper), out);
  out += "}\n}\n";
}

}  // namespace

void write_bibtex(std::span<const Paper* const> papers,
                  const FormatOptions& /*options*/,
                  Output& out) {
  const std::vector<std::string> keys = citation_keys(papers);
  for (std::size_t i = 0; i < papers.size() && out.ok(); ++i) {
    if (i > 0) {
      out.text() += '\n';
    }
    append_entry(*papers[i], keys[i], out.text());
    out.end_record();
  }
}

}  // namespace papers
