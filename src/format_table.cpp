#include "format_writers.hpp"
#include "text_width.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace papers {

void write_table(std::span<const Paper* const> papers,
                 const FormatOptions& /*options*/,
                 std::string& out) {
  if (papers.empty()) {
    return;  // no header without rows, like ls and grep print nothing
  }
  using Row = std::array<std::string, 4>;
  std::vector<Row> rows;
  rows.reserve(papers.size() + 1);
  rows.push_back({"DATE", "VOTES", "ID", "TITLE"});
  for (const Paper* p : papers) {
    rows.push_back({p->date ? p->date->to_string() : "-",
                    p->votes ? std::to_string(*p->votes) : "-",
                    p->id.value_or("-"),
                    sanitize_for_terminal(p->title, true)});
  }
  std::array<std::size_t, 4> widths{};
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::size_t pad = widths[c] - display_width(row[c]);
      if (c == 1) {  // numbers right-aligned
        out.append(pad, ' ');
        out += row[c];
      } else {
        out += row[c];
        if (c + 1 < row.size()) {
          out.append(pad, ' ');
        }
      }
      out += c + 1 < row.size() ? "  " : "\n";
    }
  }
}

}  // namespace papers
