// The table: a header row and columns aligned by display width (so Hangul
// and combining marks line up), numbers right-aligned. Given a width, the
// widest text column shrinks until the table fits, its cells cut with "…".
// Every cell is sanitised: a table is for reading, never raw control bytes.
#include "format_writers.hpp"
#include "text_width.hpp"

#include <algorithm>
#include <vector>

namespace papers {
namespace {

// Authors shown before "+N" when the table is fitted to a width.
constexpr std::size_t kShownAuthors = 3;
// A shrinking text column keeps at least this many columns (or its header).
constexpr std::size_t kMinTextWidth = 8;
constexpr std::string_view kGap = "  ";

struct Column {
  Field field;
  std::string_view header;
  bool right = false;       // numbers: right-aligned, never shrunk
  bool shrinkable = false;  // free text: may be cut to fit
  std::size_t width = 0;
  std::size_t min_width = 0;
};

std::string_view header_of(Field field) {
  switch (field) {
  case Field::kRank:
    return "#";
  case Field::kId:
    return "ID";
  case Field::kDate:
    return "DATE";
  case Field::kTitle:
    return "TITLE";
  case Field::kUrl:
    return "URL";
  case Field::kVotes:
    return "VOTES";
  case Field::kAuthors:
    return "AUTHORS";
  case Field::kThumbnail:
    return "THUMBNAIL";
  case Field::kVideo:
    return "VIDEO";
  case Field::kSummary:
    return "SUMMARY";
  case Field::kFile:
    return "FILE";
  case Field::kLine:
    return "LINE";
  }
  return {};
}

bool is_number(Field field) {
  return field == Field::kRank || field == Field::kVotes
         || field == Field::kLine;
}

bool is_free_text(Field field) {
  switch (field) {
  case Field::kTitle:
  case Field::kUrl:
  case Field::kAuthors:
  case Field::kThumbnail:
  case Field::kVideo:
  case Field::kSummary:
  case Field::kFile:
    return true;
  case Field::kRank:
  case Field::kId:
  case Field::kDate:
  case Field::kVotes:
  case Field::kLine:
    return false;
  }
  return false;
}

bool spans_days(std::span<const Paper* const> papers) {
  return std::any_of(papers.begin(), papers.end(), [&](const Paper* p) {
    return p->date != papers.front()->date;
  });
}

std::vector<Field> columns_for(std::span<const Paper* const> papers,
                               const FormatOptions& options) {
  if (!options.fields.empty()) {
    return options.fields;
  }
  switch (options.view) {
  case View::kTop: {
    std::vector<Field> fields = {Field::kRank, Field::kVotes};
    if (spans_days(papers)) {
      fields.push_back(Field::kDate);
    }
    fields.insert(fields.end(), {Field::kId, Field::kTitle, Field::kAuthors});
    return fields;
  }
  case View::kList:
  case View::kCard:  // a card view with --fields never gets here
    break;
  }
  return {Field::kDate, Field::kVotes, Field::kId, Field::kTitle};
}

// At most kShownAuthors names, then "+N" for the others: as many names as
// fit `width` (0: no limit), so that the count survives a narrow column.
std::string shortened_authors(const std::vector<std::string_view>& authors,
                              std::size_t width) {
  const std::size_t n = authors.size();
  if (n == 0) {
    return "-";
  }
  std::string out;
  for (std::size_t k = std::min(n, kShownAuthors); k >= 1; --k) {
    out.clear();
    for (std::size_t i = 0; i < k; ++i) {
      out += i > 0 ? ", " : "";
      out += sanitize_for_terminal(authors[i], true);
    }
    if (k == n - 1) {  // "+1" is no shorter than the name it replaces
      out += ", " + sanitize_for_terminal(authors[k], true);
    } else if (k < n) {
      out += " +" + std::to_string(n - k);
    }
    if (width == 0 || display_width(out) <= width) {
      return out;
    }
  }
  // Not even one name fits: cut it, keep the count.
  const std::string more = n > 1 ? " +" + std::to_string(n - 1) : "";
  const std::string first = sanitize_for_terminal(authors.front(), true);
  if (width > more.size() + 1) {
    return truncate_to_width(first, width - more.size()) + more;
  }
  return truncate_to_width(first + more, width);
}

std::string cell_text(Field field,
                      const Paper& paper,
                      std::size_t rank,
                      bool shorten) {
  auto or_dash = [](const std::optional<std::string_view>& value) {
    return std::string(value.value_or("-"));
  };
  switch (field) {
  case Field::kRank:
    return std::to_string(rank);
  case Field::kId:
    return or_dash(paper.id);
  case Field::kDate:
    return paper.date ? paper.date->to_string() : "-";
  case Field::kTitle:
    return std::string(paper.title);
  case Field::kUrl:
    return or_dash(paper.url);
  case Field::kVotes:
    return paper.votes ? std::to_string(*paper.votes) : "-";
  case Field::kAuthors:
    if (paper.authors.empty()) {
      return "-";
    }
    return shorten ? shortened_authors(paper.authors, 0)
                   : join_authors(paper.authors, ", ");
  case Field::kThumbnail:
    return or_dash(paper.thumbnail);
  case Field::kVideo:
    return or_dash(paper.video);
  case Field::kSummary:
    return paper.summary.empty() ? "-" : plain_summary(paper, "; ");
  case Field::kFile:
    return std::string(paper.source.file);
  case Field::kLine:
    return std::to_string(paper.source.line);
  }
  return {};
}

// Shrinks the widest free-text column, one step at a time, until the row
// fits `width` or every such column is at its minimum.
void fit_columns(std::vector<Column>& columns, std::size_t width) {
  auto total = [&columns] {
    std::size_t sum = kGap.size() * (columns.size() - 1);
    for (const auto& column : columns) {
      sum += column.width;
    }
    return sum;
  };
  for (std::size_t used = total(); used > width; used = total()) {
    Column* widest = nullptr;
    std::size_t runner_up = 0;
    for (auto& column : columns) {
      if (!column.shrinkable || column.width <= column.min_width) {
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

void append_padded(std::string& out,
                   std::string_view text,
                   std::size_t text_width,
                   const Column& column,
                   bool last,
                   std::string_view style) {
  const std::size_t pad =
      column.width > text_width ? column.width - text_width : 0;
  if (column.right) {
    out.append(pad, ' ');
  }
  if (!style.empty()) {
    out += style;
    out += text;
    out += kStyleReset;
  } else {
    out += text;
  }
  if (!column.right && !last) {
    out.append(pad, ' ');
  }
}

}  // namespace

void write_table(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 Output& out) {
  if (papers.empty()) {
    return;  // no header without rows, like ls and grep print nothing
  }
  const bool fit = options.width > 0 && options.truncate;
  std::vector<Column> columns;
  for (const Field field : columns_for(papers, options)) {
    Column column{field, header_of(field)};
    column.right = is_number(field);
    column.shrinkable = is_free_text(field);
    column.width = column.header.size();
    columns.push_back(column);
  }

  // Cells are kept whole (sanitised, one line) with their width, and cut
  // only when written, once the column widths are known.
  struct Cell {
    std::string text;
    std::size_t width = 0;
  };

  std::vector<std::vector<Cell>> rows;
  rows.reserve(papers.size());
  for (std::size_t r = 0; r < papers.size(); ++r) {
    auto& row = rows.emplace_back();
    row.reserve(columns.size());
    for (auto& column : columns) {
      Cell cell;
      cell.text = sanitize_for_terminal(
          cell_text(column.field, *papers[r], r + 1, fit), true);
      cell.width = display_width(cell.text);
      column.width = std::max(column.width, cell.width);
      row.push_back(std::move(cell));
    }
  }
  for (auto& column : columns) {
    column.min_width =
        std::min(column.width, std::max(column.header.size(), kMinTextWidth));
  }
  if (fit) {
    fit_columns(columns, options.width);
  }

  std::string& text = out.text();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const bool last = c + 1 == columns.size();
    append_padded(text,
                  columns[c].header,
                  columns[c].header.size(),
                  columns[c],
                  last,
                  options.color ? kStyleHeader : "");
    text += last ? "\n" : kGap;
  }
  out.end_record();
  for (std::size_t r = 0; r < rows.size() && out.ok(); ++r) {
    auto& row = rows[r];
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto& column = columns[c];
      auto& cell = row[c];
      if (cell.width > column.width) {
        cell.text = column.field == Field::kAuthors
                        ? shortened_authors(papers[r]->authors, column.width)
                        : truncate_to_width(cell.text, column.width);
        cell.width = display_width(cell.text);
      }
      const bool last = c + 1 == columns.size();
      const bool colored =
          options.color && column.field == Field::kVotes && cell.text != "-";
      append_padded(text,
                    cell.text,
                    cell.width,
                    column,
                    last,
                    colored ? kStyleVotes : "");
      text += last ? "\n" : kGap;
    }
    out.end_record();
  }
}

}  // namespace papers
