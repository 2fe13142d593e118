// The in-memory paper table: every record of every input in input order
// (files in sorted path order, papers in document order), with exact
// duplicates (same id, same date: a README repeating a day's file) kept once.
// Each input's records stay in the vector its parser filled: the table
// indexes them rather than moving them into one array.
// The records' text stays where it was read (Paper::bytes), so the table
// holds the inputs' bytes alive as long as it holds their records, unless
// they were copied out (with_own_text()). Records a load's filter dropped
// leave only their key (DroppedRecord). A table may be told to keep only
// the best few records (KeepBest): then it keeps those alone, as copies,
// and the key of every record, so repeats come out as without the bound.
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
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

/// A copy of `paper` whose text lives in one buffer of its own
/// (Paper::bytes), so that keeping it keeps nothing else alive: not the
/// buffer of the input it was read from, nor its other records.
Paper with_own_text(const Paper& paper);

/// A bound on what a table keeps (PaperTable::keep_best()): in each group,
/// only the `count` records that sort first by `before`, ties going to the
/// record added first (input order). A record that a later, better one
/// pushes out of its group is dropped as it would be from the result.
struct KeepBest {
  std::size_t count = 0;  ///< 0: no bound, every record is kept
  /// A strict weak order: true when `a` sorts before `b`.
  std::function<bool(const Paper& a, const Paper& b)> before;
  /// The group a record competes in (`top --per`'s period); empty: one
  /// group for all.
  std::function<std::int64_t(const Paper&)> group;

  explicit operator bool() const { return count > 0; }
};

class PaperTable {
 public:
  /// From now on keep only what `bound` says (no bound: every record),
  /// as copies of their own (with_own_text()); the other records leave
  /// their key, so a later record with the same id and date is still a
  /// repeat. Call before adding any record, and settle() after the last.
  void keep_best(KeepBest bound);

  /// Under a bound, makes papers() the records kept, in input order.
  /// Nothing may be added after it.
  void settle();

  /// Under a bound: the records that were not repeats but were not kept
  /// either, since `count` better ones were.
  std::size_t pruned() const { return pruned_; }

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

  // The free slot a new key (id, date) goes in, with its hash; nothing
  // (and one more repeat counted) when the key is there already.
  struct FreeSlot {
    std::size_t at;
    std::uint32_t hash;
  };

  std::optional<FreeSlot> new_key_slot(std::string_view id,
                                       const std::optional<Date>& date);
  void note_date(const std::optional<Date>& date);
  void rehash(std::size_t size);
  // Under a bound: adds the key of `paper` (false for a repeat) and keeps
  // a copy of it when it is among the best of its group.
  bool offer(const Paper& paper);
  // Stores (id, date) as a key without a record.
  std::uint32_t add_key(std::string_view id, const std::optional<Date>& date);

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

  // A slot's record with kTombstone set is an index into tombstones_: a
  // key without a record, its id in key_text_ (a length byte, then the
  // bytes), its date as YYYYMMDD (0: none). Eight bytes and the id a key,
  // as every record's key is kept under a bound (half a million keys at
  // 1 GB of input).
  static constexpr std::uint32_t kTombstone = std::uint32_t{1} << 31;

  struct Tombstone {
    std::uint32_t offset = 0;  ///< in key_text_
    std::int32_t day = 0;      ///< YYYYMMDD, or 0
  };

  std::string_view tombstone_id(Tombstone key) const;

  std::vector<Tombstone> tombstones_;
  std::string key_text_;
  std::optional<Date> newest_;

  // Under a bound: the records kept so far, per group, each group a heap
  // whose front sorts last; `seq` is the input order.
  struct Kept {
    Paper paper;
    std::uint64_t seq = 0;
  };

  KeepBest bound_;
  std::map<std::int64_t, std::vector<Kept>> groups_;
  std::uint64_t seq_ = 0;
  std::size_t pruned_ = 0;

  std::vector<Slot> slots_;
  std::size_t with_id_ = 0;
  std::size_t duplicates_ = 0;
};

}  // namespace papers
