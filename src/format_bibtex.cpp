// BibTeX: one @misc entry per paper (no venue is known for a digest
// entry), keyed as citation_keys() says, with title, author, year, month,
// eprint and archivePrefix (arXiv papers), url and a note naming the digest
// day and the votes. LaTeX's special characters are escaped; words with
// capitals after their first letter (LLMs, GPT-4, BERTScore) are braced so
// that a style that lowercases titles keeps them; text stays UTF-8 (biber,
// bibtex8 and pandoc read it).
#include "ascii.hpp"
#include "citation.hpp"
#include "format_writers.hpp"
#include "utf8.hpp"

#include <array>
#include <vector>

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

// A field's text ready for escaping: invalid UTF-8 repaired, and which of
// its braces have no partner (a `{` never closed, a `}` never opened).
// BibTeX counts braces whatever stands before them, so a `\{` that is not
// closed would swallow the rest of the file: only paired braces are written
// `\{` `\}` (LaTeX and every reader undo them), the others as
// `\textbraceleft{}` and `\textbraceright{}`.
class FieldText {
 public:
  explicit FieldText(std::string_view raw) {
    if (!is_valid_utf8(raw)) {
      append_utf8_repaired(repaired_, raw);
      raw = repaired_;
    }
    text_ = raw;
    unpaired_.assign(text_.size(), false);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '{') {
        open.push_back(i);
      } else if (text_[i] == '}') {
        if (open.empty()) {
          unpaired_[i] = true;
        } else {
          open.pop_back();
        }
      }
    }
    for (const std::size_t i : open) {
      unpaired_[i] = true;
    }
  }

  FieldText(const FieldText&) = delete;  // text_ may point into repaired_
  FieldText& operator=(const FieldText&) = delete;

  std::string_view text() const { return text_; }

  // Appends text()[begin, end) with LaTeX's special characters escaped;
  // controls (and newlines) become spaces.
  void append(std::size_t begin, std::size_t end, std::string& out) const {
    for (std::size_t i = begin; i < end; ++i) {
      const char c = text_[i];
      switch (c) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '{':
        out += unpaired_[i] ? "\\textbraceleft{}" : "\\{";
        break;
      case '}':
        out += unpaired_[i] ? "\\textbraceright{}" : "\\}";
        break;
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

  void append(std::string& out) const { append(0, text_.size(), out); }

 private:
  std::string repaired_;
  std::string_view text_;
  std::vector<bool> unpaired_;
};

void append_escaped(std::string_view raw, std::string& out) {
  FieldText(raw).append(out);
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

void append_title(std::string_view raw, std::string& out) {
  const FieldText title(raw);
  const std::string_view text = title.text();
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    if (start > 0) {
      out += ' ';
    }
    const bool protect = needs_protection(text.substr(start, end - start));
    if (protect) {
      out += '{';
    }
    title.append(start, end, out);
    if (protect) {
      out += '}';
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

// A URL as url fields take it: verbatim (biber, pandoc and \url read `%`,
// `#`, `_` and `~` as they are), with the characters that would unbalance
// the field or could not stand in a URL percent-encoded.
void append_url(std::string_view url, std::string& out) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  for (const char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '{' || c == '}' || c == '\\' || c == ' ' || c == '"' || byte < 0x20
        || byte == 0x7F) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
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
    // The digest cut the list (`et al.`): BibTeX's own word for the rest,
    // which styles print as "et al.".
    if (paper.authors_truncated) {
      out += " and others";
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
    append_field("url", out);
    append_url(url, out);
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
