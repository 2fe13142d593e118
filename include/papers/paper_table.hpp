// The in-memory paper table: every record of every input in input order
// (files in sorted path order, papers in document order), with exact
// duplicates (same id, same date: a README repeating a day's file) kept once.
// Each input's records stay in the vector its parser filled: the table
// indexes them rather than moving them into one array.
// The records' text stays where it was read (Paper::bytes), so the table
// holds the inputs' bytes alive as long as it holds their records. Records
// a load's filter dropped leave only their key (DroppedRecord).
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// The records of a table in input order: a random-access sequence of
/// const Paper& (the records themselves stay in the blocks they were
/// added in).
class PaperList {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Paper;
    using difference_type = std::ptrdiff_t;
    using pointer = const Paper*;
    using reference = const Paper&;

    iterator() = default;

    explicit iterator(const Paper* const* at) : at_(at) {}

    reference operator*() const { return **at_; }

    pointer operator->() const { return *at_; }

    reference operator[](difference_type n) const { return *at_[n]; }

    iterator& operator++() {
      ++at_;
      return *this;
    }

    iterator operator++(int) { return iterator(at_++); }

    iterator& operator--() {
      --at_;
      return *this;
    }

    iterator operator--(int) { return iterator(at_--); }

    iterator& operator+=(difference_type n) {
      at_ += n;
      return *this;
    }

    iterator& operator-=(difference_type n) {
      at_ -= n;
      return *this;
    }

    friend iterator operator+(iterator it, difference_type n) {
      return it += n;
    }

    friend iterator operator+(difference_type n, iterator it) {
      return it += n;
    }

    friend iterator operator-(iterator it, difference_type n) {
      return it -= n;
    }

    friend difference_type operator-(iterator a, iterator b) {
      return a.at_ - b.at_;
    }

    friend auto operator<=>(iterator a, iterator b) = default;

   private:
    const Paper* const* at_ = nullptr;
  };

  explicit PaperList(std::span<const Paper* const> records)
      : records_(records) {}

  iterator begin() const { return iterator(records_.data()); }

  iterator end() const { return iterator(records_.data() + records_.size()); }

  std::size_t size() const { return records_.size(); }

  bool empty() const { return records_.empty(); }

  const Paper& operator[](std::size_t i) const { return *records_[i]; }

 private:
  std::span<const Paper* const> records_;
};

/// A record that the loader's filter dropped while parsing (loader.hpp):
/// kept only as its key, so that a later record with the same id and date
/// is still a repeat, as it would have been had the record been kept.
struct DroppedRecord {
  std::optional<std::string> id;
  std::optional<Date> date;
  std::size_t position = 0;  ///< how many kept records of its block precede it
};

class PaperTable {
 public:
  /// Adds one input's records in order, keeping them in the vector they
  /// came in (no copy), except those whose id and date a record already
  /// held has. Returns how many were dropped as duplicates.
  std::size_t add_block(std::vector<Paper>&& papers);

  /// add_block() of a block some records of which were dropped, in their
  /// places among the kept ones (by `position`, ascending).
  std::size_t add_block(std::vector<Paper>&& papers,
                        std::span<const DroppedRecord> dropped);

  /// Adds one record, as a block of its own. Returns false for a duplicate.
  bool add(Paper&& paper);

  /// Makes room for `n` records in all.
  void reserve(std::size_t n);

  PaperList papers() const { return PaperList(records_); }

  std::size_t size() const { return records_.size(); }

  /// How many records add() and add_block() dropped as duplicates.
  std::size_t duplicates() const { return duplicates_; }

  /// The newest date of any record added, dropped records included.
  std::optional<Date> newest_date() const { return newest_; }

 private:
  bool keep(const Paper& paper);
  void keep_key(const DroppedRecord& dropped);
  // The slot of the key (id, date): the one holding it (`found`), else the
  // free one it goes in.
  std::size_t find_slot(std::string_view id,
                        const std::optional<Date>& date,
                        std::uint32_t hash,
                        bool& found);
  void note_date(const std::optional<Date>& date);
  void rehash(std::size_t size);

  // The records, in blocks that never change once added (so the pointers
  // stay valid), and in input order.
  std::vector<std::vector<Paper>> blocks_;
  std::vector<const Paper*> records_;

  // Open addressing on (id, date): 1 + the index in records_ of a record
  // with an id (0 for a free slot) and its key's hash. No key strings: the
  // ids are views.
  struct Slot {
    std::uint32_t record = 0;
    std::uint32_t hash = 0;
  };

  // A slot's record with kTombstone set is an index into tombstones_.
  static constexpr std::uint32_t kTombstone = std::uint32_t{1} << 31;
  std::vector<std::pair<std::string, std::optional<Date>>> tombstones_;
  std::optional<Date> newest_;

  std::vector<Slot> slots_;
  std::size_t with_id_ = 0;
  std::size_t duplicates_ = 0;
};

}  // namespace papers
