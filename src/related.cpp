#include "ascii.hpp"
#include "utf8.hpp"

#include <papers/markup.hpp>
#include <papers/rank.hpp>
#include <papers/related.hpp>
#include <papers/summary.hpp>
#include <papers/text_fold.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <set>
#include <unordered_map>
#include <utility>

namespace papers {
namespace {

// Common English words that say nothing of a paper's topic.
constexpr std::string_view kStopWords[] = {
    "a",    "about",   "above",   "after",  "again", "against", "all",
    "also", "am",      "an",      "and",    "any",   "are",     "as",
    "at",   "be",      "been",    "before", "being", "below",   "between",
    "both", "but",     "by",      "can",    "could", "did",     "do",
    "does", "doing",   "down",    "during", "each",  "few",     "for",
    "from", "further", "had",     "has",    "have",  "having",  "he",
    "her",  "here",    "hers",    "him",    "his",   "how",     "i",
    "if",   "in",      "into",    "is",     "it",    "its",     "itself",
    "just", "may",     "me",      "more",   "most",  "my",      "no",
    "nor",  "not",     "of",      "off",    "on",    "once",    "only",
    "or",   "other",   "our",     "out",    "over",  "own",     "same",
    "she",  "should",  "so",      "some",   "such",  "than",    "that",
    "the",  "their",   "them",    "then",   "there", "these",   "they",
    "this", "those",   "through", "to",     "too",   "under",   "via"};

// Korean words as common in summaries as "the" and "we propose".
constexpr std::string_view kKoreanStopWords[] = {
    "그리고",     "또한",   "통해",     "위한",       "위해",
    "대한",       "있는",   "있습니다", "합니다",     "이러한",
    "이를",       "논문",   "논문은",   "논문에서는", "예를",
    "들어",       "같은",   "다양한",   "새로운",     "제안합니다",
    "보여줍니다", "가능한", "매우",     "연구",       "연구는"};

// Pairs of syllables that are verb endings and particles, not topics.
constexpr std::string_view kKoreanStopPairs[] = {"니다",
                                                 "합니",
                                                 "습니",
                                                 "됩니",
                                                 "입니",
                                                 "있습",
                                                 "했습",
                                                 "였습",
                                                 "냅니",
                                                 "줍니",
                                                 "에서",
                                                 "으로",
                                                 "하여",
                                                 "하는",
                                                 "하고",
                                                 "해서",
                                                 "하며",
                                                 "에는"};

// A character that belongs to a word: a letter, a number or a mark.
bool word_part(std::int32_t cp) {
  if (is_letter_or_number(cp)) {
    return true;
  }
  if (cp < 0) {
    return false;
  }
  const auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC
         || category == UTF8PROC_CATEGORY_ME;
}

bool ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9');
}

constexpr std::uint32_t kSyllables = 11172;

// The pair of two syllables (hangul_index) as one number.
std::uint32_t pair_code(int first, int second) {
  return static_cast<std::uint32_t>(first) * kSyllables
         + static_cast<std::uint32_t>(second);
}

// What a text's scan hands on, to a Sink: sink.word(word) for each word
// (already lowercased or folded) and sink.pair(code, bytes) for each pair
// of adjacent Hangul syllables. Stop words are left to the sink.

// A word of text[start, end): `hangul` when it is Hangul syllables only.
template <class Sink>
void emit_word(std::string_view word,
               bool ascii,
               bool hangul,
               std::string& scratch,
               Sink& sink) {
  if (ascii) {
    if (word.size() < 2) {
      return;
    }
    scratch.assign(word);
    bool digits = true;
    for (auto& c : scratch) {
      c = ascii_lower(c);
      digits = digits && c >= '0' && c <= '9';
    }
    if (!digits) {
      sink.word(scratch);
    }
    return;
  }
  if (hangul) {
    // Hangul folds to itself; one syllable is no term.
    if (word.size() > 3) {
      sink.word(word);
    }
  } else {
    scratch = fold_text(word);
    if (decode_at(scratch, 0).length != scratch.size()) {
      sink.word(scratch);
    }
  }
}

// Hands each word and syllable pair of plain `text` to `sink`.
template <class Sink>
void scan_terms(std::string_view text, std::string& scratch, Sink& sink) {
  std::size_t start = std::string_view::npos;
  bool ascii = true;
  bool hangul = true;
  int previous = -1;  // the syllable just before, in this word
  auto flush = [&](std::size_t end) {
    if (start != std::string_view::npos) {
      emit_word(text.substr(start, end - start), ascii, hangul, scratch, sink);
      start = std::string_view::npos;
    }
    previous = -1;
  };
  auto begin_word = [&](std::size_t at) {
    if (start == std::string_view::npos) {
      start = at;
      ascii = true;
      hangul = true;
    }
  };
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!ascii_word_char(c)) {
        flush(i);
        ++i;
        continue;
      }
      // A run of ASCII letters and digits.
      begin_word(i);
      hangul = false;
      previous = -1;
      ++i;
      while (i < n && static_cast<unsigned char>(text[i]) < 0x80
             && ascii_word_char(static_cast<unsigned char>(text[i]))) {
        ++i;
      }
      continue;
    }
    if (const int syllable = hangul_syllable_index(text, i); syllable >= 0) {
      begin_word(i);
      ascii = false;
      if (previous >= 0) {
        sink.pair(pair_code(previous, syllable), text.substr(i - 3, 6));
      }
      previous = syllable;
      i += 3;
      continue;
    }
    const auto d = decode_at(text, i);
    if (word_part(d.cp)) {
      begin_word(i);
      ascii = false;
      hangul = false;
      previous = -1;
    } else {
      flush(i);
    }
    i += d.length;
  }
  flush(n);
}

// 64-bit keys to term ids: open addressing, linear probing, a power of
// two of slots kept at most half full. Keys may collide: find() asks
// `same(id)` before it takes one.
class TermIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFU;

  template <class Same>
  std::uint32_t find(std::uint64_t key, Same&& same) const {
    if (slots_.empty()) {
      return kNone;
    }
    for (std::size_t at = slot(key);; at = (at + 1) & (slots_.size() - 1)) {
      const auto& entry = slots_[at];
      if (entry.id == kNone) {
        return kNone;
      }
      if (entry.key == key && same(entry.id)) {
        return entry.id;
      }
    }
  }

  void insert(std::uint64_t key, std::uint32_t id) {
    if ((size_ + 1) * 2 > slots_.size()) {
      grow();
    }
    std::size_t at = slot(key);
    while (slots_[at].id != kNone) {
      at = (at + 1) & (slots_.size() - 1);
    }
    slots_[at] = {key, id};
    ++size_;
  }

 private:
  struct Entry {
    std::uint64_t key = 0;
    std::uint32_t id = kNone;
  };

  std::size_t slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32)
           & (slots_.size() - 1);
  }

  void grow() {
    auto old = std::move(slots_);
    slots_.assign(old.empty() ? 4096 : old.size() * 2, Entry{});
    size_ = 0;
    for (const auto& entry : old) {
      if (entry.id != kNone) {
        insert(entry.key, entry.id);
      }
    }
  }

  std::vector<Entry> slots_;
  std::size_t size_ = 0;
};

// FNV-1a of a word, its top bit clear (a pair's key has it set).
std::uint64_t word_key(std::string_view word) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  for (const char c : word) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
  }
  return hash >> 1;
}

std::uint64_t pair_key(std::uint32_t code) { return (1ULL << 63) | code; }

// Terms numbered in the order they are first seen, words and syllable
// pairs apart; the stop words and pairs are known from the start, and
// never counted.
class Dictionary {
 public:
  Dictionary() {
    for (const auto word : kStopWords) {
      add_word(word, true);
    }
    for (const auto word : kKoreanStopWords) {
      add_word(word, true);
    }
    for (const auto pair : kKoreanStopPairs) {
      const int first = hangul_syllable_index(pair, 0);
      const int second = hangul_syllable_index(pair, 3);
      if (first >= 0 && second >= 0) {
        add_pair(pair_code(first, second), pair, true);
      }
    }
  }

  /// The id of a word, or -1 for a stop word.
  std::int64_t word(std::string_view word) {
    const auto key = word_key(word);
    const auto found =
        index_.find(key, [&](std::uint32_t id) { return *terms_[id] == word; });
    const auto id = found != TermIndex::kNone ? found : add_word(word, false);
    return stop_[id] != 0 ? -1 : static_cast<std::int64_t>(id);
  }

  /// The id of a pair of syllables, or -1 for a stop pair.
  std::int64_t pair(std::uint32_t code, std::string_view bytes) {
    const auto found =
        index_.find(pair_key(code), [](std::uint32_t) { return true; });
    const auto id =
        found != TermIndex::kNone ? found : add_pair(code, bytes, false);
    return stop_[id] != 0 ? -1 : static_cast<std::int64_t>(id);
  }

  /// The term of `id` as related_terms() writes it.
  const std::string& term(std::uint32_t id) const { return *terms_[id]; }

  bool is_pair(std::uint32_t id) const {
    return (*terms_[id])[0] == kBigramMark;
  }

  std::size_t size() const { return terms_.size(); }

 private:
  std::uint32_t add_word(std::string_view word, bool stop) {
    const auto id = static_cast<std::uint32_t>(terms_.size());
    terms_.push_back(std::make_unique<std::string>(word));
    stop_.push_back(stop ? 1 : 0);
    index_.insert(word_key(word), id);
    return id;
  }

  std::uint32_t add_pair(std::uint32_t code,
                         std::string_view bytes,
                         bool stop) {
    const auto id = static_cast<std::uint32_t>(terms_.size());
    terms_.push_back(std::make_unique<std::string>(std::string(1, kBigramMark)
                                                   + std::string(bytes)));
    stop_.push_back(stop ? 1 : 0);
    index_.insert(pair_key(code), id);
    return id;
  }

  std::vector<std::unique_ptr<std::string>> terms_;
  std::vector<char> stop_;
  TermIndex index_;
};

// A paper's terms: (term id, weighted count), by id.
using TermCounts = std::vector<std::pair<std::uint32_t, double>>;

// Adds up the weights of each term id of one paper, in a dense array
// reused from paper to paper.
class Accumulator {
 public:
  void add(std::uint32_t id, double weight) {
    if (id >= sums_.size()) {
      sums_.resize(std::max<std::size_t>(id + 1, sums_.size() * 2), 0.0);
    }
    if (sums_[id] == 0.0) {
      touched_.push_back(id);
    }
    sums_[id] += weight;
  }

  /// The sums by id, and the array cleared for the next paper.
  TermCounts take() {
    std::sort(touched_.begin(), touched_.end());
    TermCounts out;
    out.reserve(touched_.size());
    for (const auto id : touched_) {
      out.emplace_back(id, sums_[id]);
      sums_[id] = 0.0;
    }
    touched_.clear();
    return out;
  }

 private:
  std::vector<double> sums_;
  std::vector<std::uint32_t> touched_;
};

// Adds the ids of the terms of a text, with one weight, to `sums`.
class IdSink {
 public:
  IdSink(Dictionary& dictionary, Accumulator& sums)
      : dictionary_(dictionary), sums_(sums) {}

  double weight = 1.0;

  void word(std::string_view word) { add(dictionary_.word(word)); }

  void pair(std::uint32_t code, std::string_view bytes) {
    add(dictionary_.pair(code, bytes));
  }

 private:
  void add(std::int64_t id) {
    if (id >= 0) {
      sums_.add(static_cast<std::uint32_t>(id), weight);
    }
  }

  Dictionary& dictionary_;
  Accumulator& sums_;
};

TermCounts paper_terms(const Paper& paper,
                       const RelatedParams& params,
                       Dictionary& dictionary,
                       Accumulator& sums,
                       std::string& scratch) {
  IdSink sink(dictionary, sums);
  sink.weight = params.title_weight;
  scan_terms(markdown_to_plain(paper.title), scratch, sink);
  sink.weight = 1.0;
  for (const auto& item : split_summary(paper.summary)) {
    scan_terms(markdown_to_plain(item.text), scratch, sink);
  }
  return sums.take();
}

// One distinct paper: its representative appearance and where it stands
// in the input.
struct Entry {
  const Paper* paper;
  std::size_t order;
};

bool better_appearance(const Paper& a, const Paper& b) {
  const auto va = a.votes.value_or(-1);
  const auto vb = b.votes.value_or(-1);
  if (va != vb) {
    return va > vb;
  }
  return a.date.has_value() && (!b.date || *b.date < *a.date);
}

}  // namespace

std::vector<std::string> related_terms(std::string_view text) {
  // The terms in the order they come, stop words left out.
  struct Collect {
    Dictionary dictionary;
    std::vector<std::string> out;

    void word(std::string_view word) { keep(dictionary.word(word)); }

    void pair(std::uint32_t code, std::string_view bytes) {
      keep(dictionary.pair(code, bytes));
    }

    void keep(std::int64_t id) {
      if (id >= 0) {
        out.push_back(dictionary.term(static_cast<std::uint32_t>(id)));
      }
    }
  } collect;

  std::string scratch;
  scan_terms(text, scratch, collect);
  return std::move(collect.out);
}

std::vector<RelatedRow> rank_related(const Paper& target,
                                     std::span<const Paper* const> candidates,
                                     const RelatedParams& params) {
  // One entry per id (a paper without an id is its own entry).
  std::vector<Entry> entries;
  std::unordered_map<std::string_view, std::size_t> by_id;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Paper* paper = candidates[i];
    if (paper == &target
        || (paper->id && target.id && *paper->id == *target.id)) {
      continue;
    }
    if (!paper->id) {
      entries.push_back({paper, i});
      continue;
    }
    const auto [it, inserted] = by_id.emplace(*paper->id, entries.size());
    if (inserted) {
      entries.push_back({paper, i});
    } else if (better_appearance(*paper, *entries[it->second].paper)) {
      entries[it->second].paper = paper;
    }
  }
  Dictionary dictionary;
  Accumulator sums;
  std::string scratch;
  const TermCounts target_terms =
      paper_terms(target, params, dictionary, sums, scratch);
  std::vector<TermCounts> terms;
  terms.reserve(entries.size());
  for (const auto& entry : entries) {
    terms.push_back(
        paper_terms(*entry.paper, params, dictionary, sums, scratch));
  }
  std::vector<std::uint32_t> df(dictionary.size(), 0);
  for (const auto& [id, count] : target_terms) {
    ++df[id];
  }
  for (const auto& paper : terms) {
    for (const auto& [id, count] : paper) {
      ++df[id];
    }
  }
  const double documents = static_cast<double>(entries.size() + 1);
  std::vector<double> idf(df.size(), 0.0);
  for (std::size_t id = 0; id < df.size(); ++id) {
    if (df[id] > 0) {
      idf[id] = std::log(1.0 + documents / static_cast<double>(df[id]));
    }
  }
  auto weight = [&](std::uint32_t id, double count) {
    return (count == 1.0 ? 1.0 : 1.0 + std::log(count)) * idf[id];
  };
  std::vector<double> target_vector(dictionary.size(), 0.0);
  double target_norm = 0;
  for (const auto& [id, count] : target_terms) {
    const double w = weight(id, count);
    target_vector[id] = w;
    target_norm += w * w;
  }
  target_norm = std::sqrt(target_norm);
  std::set<std::string> target_authors;
  for (const auto name : target.authors) {
    target_authors.insert(author_key(name));
  }

  // author_key() of each spelling seen that is one of the target's
  // authors; "" for the others.
  std::unordered_map<std::string_view, std::string> shared_key;

  struct Scored {
    RelatedRow row;
    std::size_t order;
  };

  std::vector<Scored> scored;
  for (std::size_t e = 0; e < entries.size(); ++e) {
    double dot = 0;
    double norm = 0;
    std::vector<std::pair<double, std::uint32_t>> shared;
    for (const auto& [id, count] : terms[e]) {
      const double w = weight(id, count);
      norm += w * w;
      if (target_vector[id] > 0) {
        dot += w * target_vector[id];
        if (!dictionary.is_pair(id)) {
          shared.emplace_back(w * target_vector[id], id);
        }
      }
    }
    double score = norm > 0 && target_norm > 0
                       ? dot / (std::sqrt(norm) * target_norm)
                       : 0.0;
    std::set<std::string> counted;
    std::vector<std::string_view> shared_authors;
    if (!target_authors.empty()) {
      for (const auto name : entries[e].paper->authors) {
        // Names repeat from paper to paper: each spelling is folded once.
        auto found = shared_key.find(name);
        if (found == shared_key.end()) {
          auto key = author_key(name);
          const bool theirs = target_authors.count(key) > 0;
          found = shared_key.emplace(name, theirs ? std::move(key) : "").first;
        }
        const auto& key = found->second;
        if (!key.empty() && counted.insert(key).second) {
          shared_authors.push_back(name);
          if (counted.size() <= params.max_authors) {
            score += params.author_bonus;
          }
        }
      }
    }
    score = round_score(score);
    if (score <= 0) {
      continue;
    }
    // The heaviest shared terms first; equal weights in term order.
    std::sort(shared.begin(), shared.end(), [&](const auto& a, const auto& b) {
      if (a.first != b.first) {
        return a.first > b.first;
      }
      return dictionary.term(a.second) < dictionary.term(b.second);
    });
    std::string names;
    for (std::size_t i = 0; i < shared.size() && i < params.shown_terms; ++i) {
      names += names.empty() ? "" : ", ";
      names += dictionary.term(shared[i].second);
    }
    for (const auto name : shared_authors) {
      names += names.empty() ? "" : ", ";
      names += name;
    }
    scored.push_back(
        {{entries[e].paper, score, std::move(names)}, entries[e].order});
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.row.score != b.row.score) {
      return a.row.score > b.row.score;
    }
    const auto va = a.row.paper->votes.value_or(-1);
    const auto vb = b.row.paper->votes.value_or(-1);
    if (va != vb) {
      return va > vb;
    }
    const auto& da = a.row.paper->date;
    const auto& db = b.row.paper->date;
    if (da != db) {
      return da.has_value() && (!db || *db < *da);
    }
    return a.order < b.order;
  });
  std::vector<RelatedRow> rows;
  rows.reserve(scored.size());
  for (auto& s : scored) {
    rows.push_back(std::move(s.row));
  }
  return rows;
}

}  // namespace papers
