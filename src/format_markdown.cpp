// Markdown: the papers re-emitted as a digest in the canonical form of the
// generator (docs: digest-format.md), so that parsing the output gives the
// same records back. Papers are grouped under one `## Daily Papers (DATE)`
// heading per date, dates in order of first appearance; papers without a
// date come first, before any heading (where the parser also leaves them
// undated). Fields stay markdown as written; titles are escaped just enough
// to decode back to themselves. Written to a terminal, the text is
// sanitised like every other human-facing format.
#include "format_writers.hpp"
#include "syntax.hpp"
#include "text_width.hpp"

#include <papers/summary.hpp>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace papers {
namespace {

// Brackets nest properly, so they can stay as the generator wrote them.
bool balanced_brackets(std::string_view s) {
  int depth = 0;
  for (const char c : s) {
    depth += c == '[' ? 1 : (c == ']' ? -1 : 0);
    if (depth < 0) {
      return false;
    }
  }
  return depth == 0;
}

// The title as link text that decodes back to `title`: backslashes that
// would escape, `&` that would start an entity, and unbalanced brackets
// get a backslash; everything else stays literal, as the generator wrote.
std::string escape_title(std::string_view title, bool linked) {
  const bool brackets_ok = balanced_brackets(title);
  std::string out;
  out.reserve(title.size());
  for (std::size_t i = 0; i < title.size(); ++i) {
    const char c = title[i];
    const bool escape =
        (c == '\\'
         && (i + 1 == title.size() || syntax::is_escapable(title[i + 1])))
        || (c == '&' && syntax::entity_length(title, i) > 0)
        || ((c == '[' || c == ']') && !brackets_ok)
        || (c == '[' && i == 0 && !linked);  // not mistaken for a link
    if (escape) {
      out += '\\';
    }
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

// The comma form when it reads back the same, else the list-literal form.
std::string authors_line(const std::vector<std::string_view>& authors) {
  std::string joined = join_authors(authors, ", ");
  bool plain = !joined.starts_with('[');
  for (const auto& name : authors) {
    plain = plain && name.find(',') == std::string::npos;
  }
  if (plain) {
    return joined;
  }
  std::string out = "[";
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const auto& name = authors[i];
    const char quote = name.find('\'') == std::string::npos ? '\'' : '"';
    out += i > 0 ? ", " : "";
    out += quote;
    for (const char c : name) {
      if (c == '\\' || c == quote) {
        out += '\\';
      }
      out += c;
    }
    out += quote;
  }
  out += ']';
  return out;
}

// A line the parser would read as something other than bullet text when
// written as it is outside a fence: a `#` to `###` heading (up to one
// space first: two make it part of the bullet; `####` and deeper are
// ordinary lines) or a `-`, `*` or `+` bullet marker at column 0.
bool starts_construct(std::string_view line) {
  // Two spaces or a tab of indentation make any line part of the bullet.
  if (line.starts_with("  ") || line.starts_with('\t')) {
    return false;
  }
  if (syntax::bullet_text(line)) {
    return true;
  }
  const auto heading = syntax::parse_heading(line);
  return heading && heading->level <= 3;
}

// The bullet's first line, then its continuation lines as written: the
// parser keeps them verbatim, `####` headings and fenced code included.
// Two kinds of value the parser never produces cannot be written as they
// are, and get the closest form that stays in the bullet and renders the
// same:
// - outside a fence, a line that would start a heading (`#` to `###`) or a
//   bullet gets two spaces of indentation, which makes it list-item content
//   (the parser's rule for `  ## x`, and CommonMark's);
// - an indented fence (in the bullet's content) still open at the end
//   needs nothing: the next column-0 line ends it, in the parser as in
//   CommonMark;
// - a column-0 fence still open at the end of the bullet is closed there, or it
//   would swallow the next bullet and every paper after it. The parser
//   makes such a value only from a fence left open at the end of a file,
//   so the last bullet of the output (`last`) leaves it open, as it was;
//   anywhere else (several files, or undated papers moved first) the
//   value cannot survive, and reads back with the closing fence added.
// A label holding `*`, and unlabelled text that starts with `**X**: `, have
// no form at all (the label grammar): they are written as they are.
// Returns false when it left a fence open (see above).
bool append_bullet(const SummaryItem& item, bool last, std::string& out) {
  out += '-';
  std::string first;
  if (item.label) {
    first = "**";
    first += *item.label;
    first += "**:";
  }
  std::string_view text = item.text;
  const auto newline = text.find('\n');
  const auto head = text.substr(0, newline);
  if (!head.empty()) {
    first += first.empty() ? "" : " ";
    first += head;
  }
  if (!first.empty()) {
    out += ' ';
    out += first;
  }
  out += '\n';
  if (newline == std::string_view::npos) {
    return true;
  }
  text.remove_prefix(newline + 1);
  std::optional<syntax::Fence> fence;
  while (true) {
    const auto end = text.find('\n');
    const auto line = text.substr(0, end);
    const auto line_fence = syntax::parse_fence(line);
    // As in the parser: a line back at column 0 ends an indented fence.
    if (fence && fence->indent > 0 && !line.empty() && line[0] != ' '
        && line[0] != '\t') {
      fence.reset();
    }
    if (fence) {
      if (syntax::closes_fence(*fence, line)) {
        fence.reset();
      }
    } else if (line_fence) {
      fence = line_fence;
    } else if (starts_construct(line)) {
      out += "  ";
    }
    out += line;
    out += '\n';
    if (end == std::string_view::npos) {
      break;
    }
    text.remove_prefix(end + 1);
  }
  if (fence && fence->indent > 0) {
    // The next line written (a bullet, a heading) starts at column 0 and
    // ends it, as it did in the input; no blank line may come first.
    return false;
  }
  if (fence && !last) {
    out.append(fence->length, fence->ch);
    out += '\n';
    fence.reset();
  }
  return !fence;
}

// `last`: nothing follows this paper in the output.
void append_paper(const Paper& paper, bool last, std::string& out) {
  out += "### ";
  if (paper.url) {
    out += '[';
    out += escape_title(paper.title, true);
    out += "](";
    out += *paper.url;
    out += ')';
  } else {
    out += escape_title(paper.title, false);
  }
  out += "\n\n";
  if (paper.thumbnail) {
    out += "![](";
    out += *paper.thumbnail;
    out += ")\n\n";
  }
  if (paper.video) {
    out += "[Watch Video](";
    out += *paper.video;
    out += ")\n<div><video controls src=\"";
    out += *paper.video;
    out += "\" muted=\"false\"></video></div>\n\n";
  }
  out += "Vote: ";
  out += paper.votes ? std::to_string(*paper.votes) : "-";
  out += "\n\n";
  if (!paper.authors.empty()) {
    out += "Authors: " + authors_line(paper.authors) + "\n\n";
  }
  bool closed = true;
  const auto items = split_summary(paper.summary);
  for (std::size_t i = 0; i < items.size(); ++i) {
    closed = append_bullet(items[i], last && i + 1 == items.size(), out);
  }
  if (!items.empty() && closed) {  // a blank line in a fence is text
    out += '\n';
  }
}

}  // namespace

bool append_markdown_bullet(const SummaryItem& item,
                            bool last,
                            std::string& out) {
  return append_bullet(item, last, out);
}

void write_markdown(std::span<const Paper* const> papers,
                    const FormatOptions& options,
                    Output& out) {
  // Undated papers first, then one group per date in first-seen order.
  std::vector<std::pair<std::optional<Date>, std::vector<const Paper*>>> groups(
      1);
  std::map<Date, std::size_t> group_of;
  for (const Paper* paper : papers) {
    if (!paper->date) {
      groups.front().second.push_back(paper);
      continue;
    }
    auto [it, added] = group_of.try_emplace(*paper->date, groups.size());
    if (added) {
      groups.emplace_back(*paper->date, std::vector<const Paper*>{});
    }
    groups[it->second].second.push_back(paper);
  }
  std::size_t left = papers.size();
  std::string block;
  for (const auto& [date, members] : groups) {
    if (date) {
      block = "## Daily Papers (" + date->to_string() + ")\n\n";
    }
    for (const Paper* paper : members) {
      if (!out.ok()) {
        return;
      }
      append_paper(*paper, --left == 0, block);
      out.text() +=
          options.terminal ? sanitize_for_terminal(block, false) : block;
      block.clear();
      out.end_record();
    }
  }
}

}  // namespace papers
