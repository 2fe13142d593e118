// The in-memory paper table: every record of every input in input order
// (files in sorted path order, papers in document order), with exact
// duplicates (same id, same date: a README repeating a day's file) kept once.
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace papers {

class PaperTable {
 public:
  /// Adds a record unless one with the same id and date is already held.
  /// Records without an id are always kept. Returns false for a duplicate.
  bool add(Paper&& paper);

  const std::vector<Paper>& papers() const { return papers_; }

  std::size_t size() const { return papers_.size(); }

  /// How many records add() dropped as duplicates.
  std::size_t duplicates() const { return duplicates_; }

 private:
  std::vector<Paper> papers_;
  std::unordered_set<std::string> keys_;
  std::size_t duplicates_ = 0;
};

}  // namespace papers
