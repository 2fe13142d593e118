#include <papers/aggregate.hpp>
#include <papers/text_fold.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace papers {
namespace {

std::int64_t known_votes(const Paper& paper) { return paper.votes.value_or(0); }

// Vote counts are parsed up to INT64_MAX: a sum saturates rather than wrap.
void add_votes(std::int64_t& total, const Paper& paper) {
  const std::int64_t votes = known_votes(paper);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  total = votes > 0 && total > kMax - votes ? kMax : total + votes;
}

// Keeps `candidate` in `best` when it ranks first; the earlier one wins ties.
void keep_best(const Paper*& best, const Paper* candidate) {
  if (best == nullptr || best_first(*candidate, *best)) {
    best = candidate;
  }
}

// One entry per arXiv id at its best-voted appearance, in the order of
// first appearance (papers without an id each have their own), and for
// every row of `rows` the index of its entry.
struct UniquePapers {
  std::vector<const Paper*> papers;
  std::vector<std::size_t> slot_of_row;
};

UniquePapers unique_papers(std::span<const Paper* const> rows) {
  UniquePapers out;
  out.slot_of_row.reserve(rows.size());
  std::unordered_map<std::string_view, std::size_t> slot_of_id;
  for (const Paper* paper : rows) {
    std::size_t slot = out.papers.size();
    if (paper->id) {
      const auto [it, inserted] = slot_of_id.try_emplace(*paper->id, slot);
      slot = it->second;
      if (!inserted) {
        keep_best(out.papers[slot], paper);
        out.slot_of_row.push_back(slot);
        continue;
      }
    }
    out.papers.push_back(paper);
    out.slot_of_row.push_back(slot);
  }
  return out;
}

struct Person {
  std::string key;
  std::vector<std::pair<std::string, std::size_t>> spellings;  // first seen
  std::vector<std::size_t> slots;  // into UniquePapers::papers
};

// Groups the authors of `rows` by key and ranks them; a person whose key
// is `exclude` is left out, and so are rows without `require` among their
// keys (when `require` is not empty).
std::vector<AuthorRow> rank_people(std::span<const Paper* const> rows,
                                   bool loose,
                                   std::string_view require,
                                   std::string_view exclude) {
  auto key_of = [loose](std::string_view name) {
    return loose ? loose_author_key(name) : author_key(name);
  };
  std::vector<const Paper*> kept;
  std::vector<std::vector<std::string>> kept_keys;
  for (const Paper* paper : rows) {
    std::vector<std::string> keys;
    keys.reserve(paper->authors.size());
    for (const auto& name : paper->authors) {
      keys.push_back(key_of(name));
    }
    if (!require.empty()
        && std::find(keys.begin(), keys.end(), require) == keys.end()) {
      continue;
    }
    kept.push_back(paper);
    kept_keys.push_back(std::move(keys));
  }
  const UniquePapers unique = unique_papers(kept);

  std::vector<Person> people;
  std::unordered_map<std::string, std::size_t> person_of_key;
  for (std::size_t r = 0; r < kept.size(); ++r) {
    const Paper& paper = *kept[r];
    for (std::size_t a = 0; a < paper.authors.size(); ++a) {
      const std::string& key = kept_keys[r][a];
      if (key.empty() || key == exclude) {
        continue;
      }
      const auto [it, inserted] = person_of_key.try_emplace(key, people.size());
      if (inserted) {
        people.push_back(Person{key, {}, {}});
      }
      Person& person = people[it->second];
      const std::string_view name = paper.authors[a];
      auto spelling = std::find_if(
          person.spellings.begin(),
          person.spellings.end(),
          [&name](const auto& entry) { return entry.first == name; });
      if (spelling == person.spellings.end()) {
        person.spellings.emplace_back(name, 1);
      } else {
        ++spelling->second;
      }
      person.slots.push_back(unique.slot_of_row[r]);
    }
  }

  std::vector<AuthorRow> out;
  out.reserve(people.size());
  for (Person& person : people) {
    AuthorRow row;
    std::stable_sort(
        person.spellings.begin(),
        person.spellings.end(),
        [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [name, count] : person.spellings) {
      row.variants.push_back(std::move(name));
    }
    row.name = row.variants.front();
    // Slots are numbered in the order of first appearance.
    std::sort(person.slots.begin(), person.slots.end());
    person.slots.erase(std::unique(person.slots.begin(), person.slots.end()),
                       person.slots.end());
    for (const std::size_t slot : person.slots) {
      const Paper* paper = unique.papers[slot];
      row.papers.push_back(paper);
      add_votes(row.votes, *paper);
      keep_best(row.best, paper);
    }
    out.push_back(std::move(row));
  }

  // Sort an index, so that the keys stay beside their rows.
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const AuthorRow& ra = out[a];
    const AuthorRow& rb = out[b];
    if (ra.papers.size() != rb.papers.size()) {
      return ra.papers.size() > rb.papers.size();
    }
    if (ra.votes != rb.votes) {
      return ra.votes > rb.votes;
    }
    if (people[a].key != people[b].key) {
      return people[a].key < people[b].key;
    }
    return ra.name < rb.name;
  });
  std::vector<AuthorRow> ranked;
  ranked.reserve(out.size());
  for (const std::size_t i : order) {
    ranked.push_back(std::move(out[i]));
  }
  return ranked;
}

PeriodRow empty_period(const Date& date, Period by) {
  PeriodRow row;
  row.start = period_start(date, by);
  row.end = period_end(date, by);
  row.label = period_label(date, by);
  return row;
}

}  // namespace

bool best_first(const Paper& a, const Paper& b) {
  if (a.votes.has_value() != b.votes.has_value()) {
    return a.votes.has_value();
  }
  if (a.votes && *a.votes != *b.votes) {
    return *a.votes > *b.votes;
  }
  if (a.date.has_value() != b.date.has_value()) {
    return a.date.has_value();
  }
  return a.date && *a.date > *b.date;
}

std::vector<AuthorRow> rank_authors(std::span<const Paper* const> rows,
                                    bool loose) {
  return rank_people(rows, loose, {}, {});
}

std::vector<AuthorRow> rank_coauthors(std::span<const Paper* const> rows,
                                      std::string_view name,
                                      bool loose) {
  const std::string key = loose ? loose_author_key(name) : author_key(name);
  if (key.empty()) {
    return {};
  }
  return rank_people(rows, loose, key, key);
}

std::vector<PeriodRow> group_by_period(std::span<const Paper* const> rows,
                                       Period by) {
  std::map<Date, PeriodRow> periods;
  for (const Paper* paper : rows) {
    if (!paper->date) {
      continue;
    }
    const Date start = period_start(*paper->date, by);
    auto it = periods.find(start);
    if (it == periods.end()) {
      it = periods.emplace(start, empty_period(*paper->date, by)).first;
    }
    PeriodRow& row = it->second;
    ++row.papers;
    if (paper->votes) {
      ++row.voted;
    }
    add_votes(row.votes, *paper);
    keep_best(row.top, paper);
  }
  for (auto& [start, row] : periods) {
    if (row.voted == 0) {
      row.top = nullptr;  // every vote unknown: no top paper by votes
    }
  }
  std::vector<PeriodRow> out;
  out.reserve(periods.size());
  for (auto& [start, row] : periods) {
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<PeriodRow> series_by_period(std::span<const Paper* const> span,
                                        std::span<const Paper* const> rows,
                                        Period by) {
  std::optional<Date> first;
  std::optional<Date> last;
  for (const auto& part : {span, rows}) {
    for (const Paper* paper : part) {
      if (paper->date) {
        first = first ? std::min(*first, *paper->date) : *paper->date;
        last = last ? std::max(*last, *paper->date) : *paper->date;
      }
    }
  }
  if (!first) {
    return {};
  }
  auto counted = group_by_period(rows, by);
  std::vector<PeriodRow> out;
  std::size_t next = 0;
  for (std::optional<Date> start = period_start(*first, by);
       start && *start <= *last;
       start = next_period_start(*start, by)) {
    if (next < counted.size() && counted[next].start == *start) {
      out.push_back(std::move(counted[next++]));
    } else {
      out.push_back(empty_period(*start, by));
    }
  }
  return out;
}

std::optional<double> TrendRow::share() const {
  if (digests == 0 || total == 0) {
    return std::nullopt;
  }
  return static_cast<double>(papers) / static_cast<double>(total);
}

Result<std::vector<TrendRow>> trend_series(
    std::span<const Paper* const> total,
    std::span<const Paper* const> matched,
    std::span<const Date> digest_days,
    Period by,
    std::string_view term) {
  if (digest_days.empty()) {
    return std::vector<TrendRow>();
  }
  const Date first = digest_days.front();
  const Date last = digest_days.back();
  const std::uint64_t count = period_count(first, last, by);
  if (count > kMaxPeriods) {
    const std::string_view name = period_names()[static_cast<std::size_t>(by)];
    return Error{"--by " + std::string(name) + ": " + first.to_string()
                 + " to " + last.to_string() + " is " + std::to_string(count)
                 + " " + std::string(name) + "s, more than the "
                 + std::to_string(kMaxPeriods)
                 + " periods a series lays out; use a coarser --by or a "
                   "shorter range (--since, --until)"};
  }
  std::vector<TrendRow> out;
  out.reserve(count);
  std::map<Date, std::size_t> index;  // by period start
  for (std::optional<Date> start = period_start(first, by);
       start && *start <= last;
       start = next_period_start(*start, by)) {
    TrendRow row;
    row.start = *start;
    row.end = period_end(*start, by);
    row.label = period_label(*start, by);
    row.term = std::string(term);
    index.emplace(*start, out.size());
    out.push_back(std::move(row));
  }
  auto row_of = [&](const Date& date) -> TrendRow* {
    const auto it = index.find(period_start(date, by));
    return it == index.end() ? nullptr : &out[it->second];
  };
  for (const Date& day : digest_days) {
    if (TrendRow* row = row_of(day)) {
      ++row->digests;
    }
  }
  for (const Paper* paper : total) {
    if (paper->date) {
      if (TrendRow* row = row_of(*paper->date)) {
        ++row->total;
      }
    }
  }
  for (const Paper* paper : matched) {
    if (paper->date) {
      if (TrendRow* row = row_of(*paper->date)) {
        ++row->papers;
      }
    }
  }
  out.front().partial = out.front().start < first;
  out.back().partial = out.back().partial || last < out.back().end;
  return out;
}

void sort_periods(std::vector<PeriodRow>& rows,
                  PeriodOrder order,
                  bool reverse) {
  std::stable_sort(
      rows.begin(), rows.end(), [&](const PeriodRow& a, const PeriodRow& b) {
        switch (order) {
        case PeriodOrder::kDate:
          break;
        case PeriodOrder::kPapers:
          if (a.papers != b.papers) {
            return (a.papers > b.papers) != reverse;
          }
          break;
        case PeriodOrder::kVotes:
          if ((a.voted > 0) != (b.voted > 0)) {
            return a.voted > 0;  // unknown last, either way
          }
          if (a.votes != b.votes) {
            return (a.votes > b.votes) != reverse;
          }
          break;
        }
        if (a.start != b.start) {
          return order == PeriodOrder::kDate ? (a.start < b.start) != reverse
                                             : a.start < b.start;
        }
        return false;
      });
}

void sort_authors(std::vector<AuthorRow>& rows, AuthorOrder order) {
  switch (order) {
  case AuthorOrder::kPapers:
    return;  // the ranking already is
  case AuthorOrder::kVotes:
    std::stable_sort(
        rows.begin(), rows.end(), [](const AuthorRow& a, const AuthorRow& b) {
          return a.votes > b.votes;
        });
    return;
  case AuthorOrder::kName: {
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      keys.emplace_back(author_key(rows[i].name), i);
    }
    std::stable_sort(
        keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
          if (a.first != b.first) {
            return a.first < b.first;
          }
          return rows[a.second].name < rows[b.second].name;
        });
    std::vector<AuthorRow> sorted;
    sorted.reserve(rows.size());
    for (const auto& [key, i] : keys) {
      sorted.push_back(std::move(rows[i]));
    }
    rows = std::move(sorted);
    return;
  }
  }
}

Summary summarize(std::span<const Paper* const> rows) {
  Summary summary;
  summary.papers = rows.size();
  std::set<Date> dates;
  std::map<std::string_view, std::size_t> ids;
  std::set<std::string> authors;
  std::vector<std::int64_t> votes;
  for (const Paper* paper : rows) {
    if (paper->date) {
      dates.insert(*paper->date);
    }
    if (paper->id) {
      ++ids[*paper->id];
    }
    if (paper->votes) {
      votes.push_back(*paper->votes);
    } else {
      ++summary.unknown_votes;
    }
    for (const auto& name : paper->authors) {
      if (std::string key = author_key(name); !key.empty()) {
        authors.insert(std::move(key));
      }
    }
  }
  summary.dates = dates.size();
  if (!dates.empty()) {
    summary.first_date = *dates.begin();
    summary.last_date = *dates.rbegin();
  }
  summary.distinct_ids = ids.size();
  summary.featured_more_than_once = static_cast<std::size_t>(std::count_if(
      ids.begin(), ids.end(), [](const auto& id) { return id.second > 1; }));
  summary.distinct_authors = authors.size();
  if (!votes.empty()) {
    std::sort(votes.begin(), votes.end());
    const std::size_t middle = votes.size() / 2;
    summary.max_votes = votes.back();
    summary.median_votes = votes.size() % 2 == 1
                               ? static_cast<double>(votes[middle])
                               : static_cast<double>(votes[middle - 1]) / 2
                                     + static_cast<double>(votes[middle]) / 2;
  }
  return summary;
}

}  // namespace papers
