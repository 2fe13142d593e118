// The in-memory paper table: every record of every input in input order
// (files in sorted path order, papers in document order), with exact
// duplicates (same id, same date: a README repeating a day's file) kept once.
// The records' text stays where it was read (Paper::bytes), so the table
// holds the inputs' bytes alive as long as it holds their records.
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace papers {

class PaperTable {
 public:
  /// Adds a record unless one with the same id and date is already held.
  /// Records without an id are always kept. Returns false for a duplicate.
  bool add(Paper&& paper);

  /// Makes room for `n` records in all.
  void reserve(std::size_t n);

  const std::vector<Paper>& papers() const { return papers_; }

  std::size_t size() const { return papers_.size(); }

  /// How many records add() dropped as duplicates.
  std::size_t duplicates() const { return duplicates_; }

 private:
  void grow();

  std::vector<Paper> papers_;
  // Open addressing on (id, date): 1 + the index of a record with an id,
  // 0 for a free slot. No key strings: the ids are views already.
  std::vector<std::uint32_t> slots_;
  std::size_t with_id_ = 0;
  std::size_t duplicates_ = 0;
};

}  // namespace papers
