#include <papers/paper_table.hpp>

#include <functional>
#include <string_view>

namespace papers {
namespace {

std::size_t key_hash(std::string_view id, const std::optional<Date>& date) {
  std::size_t h = std::hash<std::string_view>{}(id);
  if (date) {
    const auto day = static_cast<std::size_t>(date->year * 10000
                                              + date->month * 100 + date->day);
    h ^= day * std::size_t{0x9E3779B97F4A7C15ULL};
  }
  return h;
}

}  // namespace

void PaperTable::reserve(std::size_t n) {
  records_.reserve(n);
  // Room for n records with an id at most half full: no rehash while
  // they are added.
  std::size_t size = slots_.empty() ? 1024 : slots_.size();
  while (size < 2 * n) {
    size *= 2;
  }
  if (size > slots_.size()) {
    rehash(size);
  }
}

void PaperTable::rehash(std::size_t size) {
  std::vector<Slot> slots(size);
  const std::size_t mask = size - 1;
  for (const Slot slot : slots_) {
    if (slot.record != 0) {
      std::size_t at = slot.hash & mask;
      while (slots[at].record != 0) {
        at = (at + 1) & mask;
      }
      slots[at] = slot;
    }
  }
  slots_ = std::move(slots);
}

void PaperTable::note_date(const std::optional<Date>& date) {
  if (date && (!newest_ || *newest_ < *date)) {
    newest_ = date;
  }
}

std::size_t PaperTable::find_slot(std::string_view id,
                                  const std::optional<Date>& date,
                                  std::uint32_t hash,
                                  bool& found) {
  if ((with_id_ + 1) * 2 > slots_.size()) {
    rehash(slots_.empty() ? 1024 : slots_.size() * 2);
  }
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = hash & mask;
  // The stored hash spares most probes a look at the record itself,
  // which lies in another input's memory.
  for (; slots_[at].record != 0; at = (at + 1) & mask) {
    if (slots_[at].hash != hash) {
      continue;
    }
    const std::uint32_t record = slots_[at].record;
    if ((record & kTombstone) != 0) {
      const auto& key = tombstones_[record & ~kTombstone];
      if (key.first == id && key.second == date) {
        found = true;
        return at;
      }
    } else if (const Paper& other = *records_[record - 1];
               *other.id == id && other.date == date) {
      found = true;
      return at;
    }
  }
  found = false;
  return at;
}

bool PaperTable::keep(const Paper& paper) {
  note_date(paper.date);
  if (paper.id) {
    const auto hash =
        static_cast<std::uint32_t>(key_hash(*paper.id, paper.date));
    bool found = false;
    const std::size_t at = find_slot(*paper.id, paper.date, hash, found);
    if (found) {
      ++duplicates_;
      return false;
    }
    slots_[at] = Slot{static_cast<std::uint32_t>(records_.size() + 1), hash};
    ++with_id_;
  }
  records_.push_back(&paper);
  return true;
}

void PaperTable::keep_key(const DroppedRecord& dropped) {
  note_date(dropped.date);
  if (!dropped.id) {
    return;
  }
  const auto hash =
      static_cast<std::uint32_t>(key_hash(*dropped.id, dropped.date));
  bool found = false;
  const std::size_t at = find_slot(*dropped.id, dropped.date, hash, found);
  if (found) {
    ++duplicates_;  // as the record itself would have been
    return;
  }
  slots_[at] =
      Slot{kTombstone | static_cast<std::uint32_t>(tombstones_.size()), hash};
  tombstones_.emplace_back(*dropped.id, dropped.date);
  ++with_id_;
}

std::size_t PaperTable::add_block(std::vector<Paper>&& papers) {
  const std::size_t before = duplicates_;
  // Moving the vector keeps its elements where they are.
  const auto& block = blocks_.emplace_back(std::move(papers));
  for (const Paper& paper : block) {
    keep(paper);
  }
  return duplicates_ - before;
}

std::size_t PaperTable::add_block(std::vector<Paper>&& papers,
                                  std::span<const DroppedRecord> dropped) {
  const std::size_t before = duplicates_;
  const auto& block = blocks_.emplace_back(std::move(papers));
  std::size_t next = 0;
  for (std::size_t i = 0; i <= block.size(); ++i) {
    for (; next < dropped.size() && dropped[next].position <= i; ++next) {
      keep_key(dropped[next]);
    }
    if (i < block.size()) {
      keep(block[i]);
    }
  }
  for (; next < dropped.size(); ++next) {
    keep_key(dropped[next]);
  }
  return duplicates_ - before;
}

bool PaperTable::add(Paper&& paper) {
  std::vector<Paper> block;
  block.push_back(std::move(paper));
  return add_block(std::move(block)) == 0;
}

}  // namespace papers
