// A paper's summary as the digest grammar reads it: Paper::summary keeps
// the raw span of an entry's bullet lines, and split_summary() makes the
// bullets from it on demand (label split off, continuation lines and code
// joined). The writers, the query, the ranker and Paper's own comparison
// use it without knowing anything of the parser's state machine.
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace papers {

/// The bullets of a summary (Paper::summary). An item's text is a view
/// into the summary's bytes, or into text this object holds when its
/// lines had to be joined: keep it while the items are used.
class SummaryItems {
 public:
  using const_iterator = std::vector<SummaryItem>::const_iterator;

  const_iterator begin() const { return items_.begin(); }

  const_iterator end() const { return items_.end(); }

  std::size_t size() const { return items_.size(); }

  bool empty() const { return items_.empty(); }

  const SummaryItem& operator[](std::size_t i) const { return items_[i]; }

  const std::vector<SummaryItem>& items() const { return items_; }

 private:
  friend SummaryItems split_summary(std::string_view summary);

  std::vector<SummaryItem> items_;
  std::shared_ptr<const void> text_;  ///< joined continuation lines
};

/// Splits a summary into its bullets: `- ` (or `* `, `+ `) items at column
/// 0, their `**Label**:` split off, continuation lines and code blocks
/// joined with '\n', trailing blanks and line ends removed. The lines are
/// read by the rules of an entry's lines in the canonical grammar
/// (digest-format.md), so the items are the ones the digest held.
SummaryItems split_summary(std::string_view summary);

}  // namespace papers
