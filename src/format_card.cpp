// The card of `papers show`: one paper for reading, its title, a block of
// labelled values (id, date, votes, authors, links, source) and the summary
// bullets with their labels as plain text, wrapped by display width so that
// Korean lines never overrun. Cards are separated by a blank line.
#include "format_writers.hpp"
#include "text_width.hpp"

#include <papers/summary.hpp>

#include <string>
#include <vector>

namespace papers {
namespace {

constexpr std::size_t kKeyWidth = 9;  // "Authors" and two spaces
constexpr std::string_view kBullet = "- ";
constexpr std::string_view kBulletIndent = "  ";
// The bullet a search matched (Hit::bullet).
constexpr std::string_view kMatchedBullet = "> ";

std::string clean(std::string_view text) {
  return sanitize_for_terminal(text, true);
}

// Columns left for text after `indent`, or 0 (no wrapping) when unknown.
std::size_t room(std::size_t width, std::size_t indent) {
  if (width == 0) {
    return 0;
  }
  return width > indent + 1 ? width - indent : 1;
}

// Authors packed into lines without splitting a name (unless a name alone
// is wider than a line).
std::vector<std::string> author_lines(
    const std::vector<std::string_view>& authors, std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    std::string name = clean(authors[i]);
    if (i + 1 < authors.size()) {
      name += ',';
    }
    const std::size_t width = display_width(name);
    if (line.empty()) {
      line = std::move(name);
      line_width = width;
    } else if (columns == 0 || line_width + 1 + width <= columns) {
      line += ' ';
      line += name;
      line_width += 1 + width;
    } else {
      lines.push_back(std::move(line));
      line = std::move(name);
      line_width = width;
    }
    if (columns > 0 && line_width > columns) {
      auto pieces = wrap_to_width(line, columns);
      line = std::move(pieces.back());
      pieces.pop_back();
      lines.insert(lines.end(), pieces.begin(), pieces.end());
      line_width = display_width(line);
    }
  }
  if (!line.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

void append_key(std::string& out, std::string_view key) {
  out += key;
  out.append(kKeyWidth - key.size(), ' ');
}

void append_value_line(std::string& out,
                       std::string_view key,
                       std::string_view value,
                       std::string_view style = {}) {
  append_key(out, key);
  if (style.empty()) {
    out += value;
  } else {
    out += style;
    out += value;
    out += kStyleReset;
  }
  out += '\n';
}

void append_card(const Paper& paper,
                 const FormatOptions& options,
                 const Hit* hit,
                 std::string& out) {
  const std::size_t width = options.width;
  for (const auto& line : wrap_to_width(clean(paper.title), width)) {
    if (options.color) {
      out += kStyleHeader;
      out += line;
      out += kStyleReset;
    } else {
      out += line;
    }
    out += '\n';
  }
  out += '\n';
  append_value_line(out, "ID", clean(paper.id.value_or("-")));
  append_value_line(
      out, "Date", paper.date ? paper.date->to_string() : std::string("-"));
  append_value_line(
      out,
      "Votes",
      paper.votes ? std::to_string(*paper.votes) : std::string("-"),
      options.color && paper.votes ? kStyleVotes : std::string_view{});
  if (!paper.authors.empty()) {
    const auto lines = author_lines(paper.authors, room(width, kKeyWidth));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      append_key(out, i == 0 ? "Authors" : "");
      out += lines[i];
      out += '\n';
    }
  }
  if (paper.authors_truncated) {
    append_value_line(out, "", "(and others: the list was truncated)");
  }
  for (const auto& field : paper.fields) {
    // A labelled fact of the entry, a line each: the label as written.
    append_value_line(out, "", clean(field.label) + ": " + clean(field.value));
  }
  // Links are never wrapped: a broken URL cannot be followed.
  if (paper.url) {
    append_value_line(out, "URL", clean(*paper.url));
  }
  if (paper.thumbnail) {
    append_value_line(out, "Image", clean(*paper.thumbnail));
  }
  if (paper.video) {
    append_value_line(out, "Video", clean(*paper.video));
  }
  append_value_line(
      out,
      "Source",
      clean(paper.source.file) + ':' + std::to_string(paper.source.line));
  if (hit != nullptr && hit->score) {
    append_value_line(out, "Score", score_text(*hit->score));
  }
  const auto items = split_summary(paper.summary);
  if (items.empty()) {
    return;
  }
  out += '\n';
  const std::size_t text_room = room(width, kBullet.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const bool matched = hit != nullptr && hit->bullet == i;
    const std::string text =
        sanitize_for_terminal(plain_summary_item(item), false);
    bool first = true;
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = std::min(text.find('\n', start), text.size());
      for (const auto& line : wrap_to_width(
               std::string_view(text).substr(start, end - start), text_room)) {
        if (line.empty()) {  // no trailing spaces
          out += first ? (matched ? ">" : "-") : "";
        } else if (first && matched) {
          out += options.color ? std::string(kStyleMatch) + ">"
                                     + std::string(kStyleReset) + " "
                               : std::string(kMatchedBullet);
          out += line;
        } else {
          out += first ? kBullet : kBulletIndent;
          out += line;
        }
        out += '\n';
        first = false;
      }
      start = end + 1;
    }
  }
}

}  // namespace

void write_card(std::span<const Paper* const> papers,
                const FormatOptions& options,
                Output& out) {
  for (std::size_t i = 0; i < papers.size() && out.ok(); ++i) {
    if (i > 0) {
      out.text() += '\n';
    }
    append_card(*papers[i], options, hit_of(options, i), out.text());
    out.end_record();
  }
}

}  // namespace papers
