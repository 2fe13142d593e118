#include <papers/paper_table.hpp>

#include <functional>
#include <string_view>

namespace papers {
namespace {

std::size_t key_hash(const Paper& paper) {
  std::size_t h = std::hash<std::string_view>{}(*paper.id);
  if (paper.date) {
    const auto day = static_cast<std::size_t>(
        paper.date->year * 10000 + paper.date->month * 100 + paper.date->day);
    h ^= day * std::size_t{0x9E3779B97F4A7C15ULL};
  }
  return h;
}

bool same_key(const Paper& a, const Paper& b) {
  return *a.id == *b.id && a.date == b.date;
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

bool PaperTable::keep(const Paper& paper) {
  if (paper.id) {
    if ((with_id_ + 1) * 2 > slots_.size()) {
      rehash(slots_.empty() ? 1024 : slots_.size() * 2);
    }
    const auto hash = static_cast<std::uint32_t>(key_hash(paper));
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash & mask;
    // The stored hash spares most probes a look at the record itself,
    // which lies in another input's memory.
    for (; slots_[at].record != 0; at = (at + 1) & mask) {
      if (slots_[at].hash == hash
          && same_key(*records_[slots_[at].record - 1], paper)) {
        ++duplicates_;
        return false;
      }
    }
    slots_[at] = Slot{static_cast<std::uint32_t>(records_.size() + 1), hash};
    ++with_id_;
  }
  records_.push_back(&paper);
  return true;
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

bool PaperTable::add(Paper&& paper) {
  std::vector<Paper> block;
  block.push_back(std::move(paper));
  return add_block(std::move(block)) == 0;
}

}  // namespace papers
