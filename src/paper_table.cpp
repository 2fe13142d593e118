#include <papers/paper_table.hpp>

#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <string_view>
#include <utility>

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

std::int32_t day_number(const std::optional<Date>& date) {
  return date ? date->year * 10000 + date->month * 100 + date->day : 0;
}

}  // namespace

Paper with_own_text(const Paper& paper) {
  std::size_t size =
      paper.title.size() + paper.summary.size() + paper.source.file.size();
  for (const auto* text :
       {&paper.id, &paper.url, &paper.thumbnail, &paper.video}) {
    size += text->has_value() ? (*text)->size() : 0;
  }
  for (const auto name : paper.authors) {
    size += name.size();
  }
  for (const auto& field : paper.fields) {
    size += field.label.size() + field.value.size();
  }

  struct Owned {
    std::unique_ptr<char[]> text;
    std::vector<PaperField> fields;
  };

  auto owned = std::make_shared<Owned>();
  owned->text = std::make_unique_for_overwrite<char[]>(size);
  char* at = owned->text.get();
  auto put = [&at](std::string_view text) {
    if (text.empty()) {
      return std::string_view();
    }
    std::memcpy(at, text.data(), text.size());
    const std::string_view out(at, text.size());
    at += text.size();
    return out;
  };
  auto put_optional = [&put](std::optional<std::string_view>& text) {
    if (text) {
      text = put(*text);
    }
  };
  Paper out = paper;
  put_optional(out.id);
  out.title = put(paper.title);
  put_optional(out.url);
  for (auto& name : out.authors) {
    name = put(name);
  }
  put_optional(out.thumbnail);
  put_optional(out.video);
  out.summary = put(paper.summary);
  owned->fields.reserve(paper.fields.size());
  for (const auto& field : paper.fields) {
    owned->fields.push_back(PaperField{put(field.label), put(field.value)});
  }
  out.fields = owned->fields;
  out.source.file = put(paper.source.file);
  out.bytes = std::move(owned);
  return out;
}

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

std::optional<PaperTable::FreeSlot> PaperTable::new_key_slot(
    std::string_view id, const std::optional<Date>& date) {
  const auto hash = static_cast<std::uint32_t>(key_hash(id, date));
  bool found = false;
  const std::size_t at = find_slot(id, date, hash, found);
  if (found) {
    ++duplicates_;
    return std::nullopt;
  }
  ++with_id_;
  return FreeSlot{at, hash};
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
      const Tombstone key = tombstones_[record & ~kTombstone];
      if (key.day == day_number(date) && tombstone_id(key) == id) {
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
    const auto slot = new_key_slot(*paper.id, paper.date);
    if (!slot) {
      return false;
    }
    slots_[slot->at] =
        Slot{static_cast<std::uint32_t>(records_.size() + 1), slot->hash};
  }
  records_.push_back(&paper);
  return true;
}

std::string_view PaperTable::tombstone_id(Tombstone key) const {
  const auto* at =
      reinterpret_cast<const unsigned char*>(key_text_.data()) + key.offset;
  std::size_t size = *at++;
  if (size == 0xFF) {
    std::uint32_t long_size = 0;
    std::memcpy(&long_size, at, sizeof long_size);
    size = long_size;
    at += sizeof long_size;
  }
  return {reinterpret_cast<const char*>(at), size};
}

std::uint32_t PaperTable::add_key(std::string_view id,
                                  const std::optional<Date>& date) {
  const auto offset = static_cast<std::uint32_t>(key_text_.size());
  if (id.size() < 0xFF) {
    key_text_ += static_cast<char>(id.size());
  } else {
    const auto size = static_cast<std::uint32_t>(id.size());
    key_text_ += static_cast<char>(0xFF);
    key_text_.append(reinterpret_cast<const char*>(&size), sizeof size);
  }
  key_text_ += id;
  tombstones_.push_back(Tombstone{offset, day_number(date)});
  return kTombstone | static_cast<std::uint32_t>(tombstones_.size() - 1);
}

void PaperTable::keep_key(const DroppedRecord& dropped) {
  note_date(dropped.date);
  if (!dropped.id) {
    return;
  }
  // A repeat is counted as the record itself would have been.
  if (const auto slot = new_key_slot(*dropped.id, dropped.date)) {
    slots_[slot->at] = Slot{add_key(*dropped.id, dropped.date), slot->hash};
  }
}

void PaperTable::keep_best(KeepBest bound) { bound_ = std::move(bound); }

// Under a bound, every key is kept without its record (the records kept
// are copies, in the groups' heaps), and a record that is not a repeat
// competes in its group. Repeats are decided on every record's key, not
// on the few kept: the first copy of a paper in input order is the one
// that counts, even when it is not among the best and a later copy would
// be, so a later copy can never take a place in a group.
bool PaperTable::offer(const Paper& paper) {
  note_date(paper.date);
  if (paper.id) {
    const auto slot = new_key_slot(*paper.id, paper.date);
    if (!slot) {
      return false;
    }
    slots_[slot->at] = Slot{add_key(*paper.id, paper.date), slot->hash};
  }
  const std::uint64_t seq = seq_++;
  const auto& before = bound_.before;
  // The heap's order: a sorts before b (ties in input order), so that its
  // front is the record that sorts last.
  auto first = [&before](const Kept& a, const Kept& b) {
    if (before(a.paper, b.paper)) {
      return true;
    }
    return !before(b.paper, a.paper) && a.seq < b.seq;
  };
  auto& heap = groups_[bound_.group ? bound_.group(paper) : 0];
  if (heap.size() < bound_.count) {
    heap.push_back(Kept{with_own_text(paper), seq});
    std::push_heap(heap.begin(), heap.end(), first);
    return true;
  }
  // Later in input order than every kept record: only a strictly better
  // one takes the place of the last.
  if (!before(paper, heap.front().paper)) {
    ++pruned_;
    return true;
  }
  std::pop_heap(heap.begin(), heap.end(), first);
  heap.back() = Kept{with_own_text(paper), seq};
  std::push_heap(heap.begin(), heap.end(), first);
  ++pruned_;
  return true;
}

void PaperTable::settle() {
  if (!bound_) {
    return;
  }
  std::vector<const Kept*> kept;
  for (const auto& [group, heap] : groups_) {
    for (const Kept& record : heap) {
      kept.push_back(&record);
    }
  }
  std::sort(kept.begin(), kept.end(), [](const Kept* a, const Kept* b) {
    return a->seq < b->seq;
  });
  records_.clear();
  records_.reserve(kept.size());
  for (const Kept* record : kept) {
    records_.push_back(&record->paper);
  }
  bound_ = KeepBest{};
}

std::size_t PaperTable::add_block(std::vector<Paper>&& papers) {
  return add_block(std::move(papers), std::span<const DroppedRecord>());
}

std::size_t PaperTable::add_block(std::vector<Paper>&& papers,
                                  std::span<const DroppedRecord> dropped) {
  const std::size_t before = duplicates_;
  // Under a bound the block is not kept: its best records are copied.
  std::vector<Paper> passing;
  const auto& block = bound_ ? (passing = std::move(papers))
                             : blocks_.emplace_back(std::move(papers));
  std::size_t next = 0;
  for (std::size_t i = 0; i <= block.size(); ++i) {
    for (; next < dropped.size() && dropped[next].position <= i; ++next) {
      keep_key(dropped[next]);
    }
    if (i < block.size()) {
      if (bound_) {
        offer(block[i]);
      } else {
        keep(block[i]);
      }
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
