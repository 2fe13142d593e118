#include "text_util.hpp"

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
#include <unordered_set>
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

using WordSet = std::unordered_set<std::string_view>;

const WordSet& english_stop_words() {
  static const WordSet kSet(std::begin(kStopWords), std::end(kStopWords));
  return kSet;
}

const WordSet& korean_stop_words() {
  static const WordSet kSet(std::begin(kKoreanStopWords),
                            std::end(kKoreanStopWords));
  return kSet;
}

const WordSet& korean_stop_pairs() {
  static const WordSet kSet(std::begin(kKoreanStopPairs),
                            std::end(kKoreanStopPairs));
  return kSet;
}

bool is_hangul_syllable(std::int32_t cp) {
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

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

// Calls emit(term) for each term of `word`; `scratch` holds the text.
template <class Emit>
void word_terms(std::string_view word, std::string& scratch, Emit&& emit) {
  const bool ascii = std::all_of(word.begin(), word.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
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
    if (!digits && english_stop_words().count(scratch) == 0) {
      emit(std::string_view(scratch));
    }
    return;
  }
  scratch = fold_text(word);
  const bool one_character = decode_at(scratch, 0).length == scratch.size();
  if (!one_character && korean_stop_words().count(scratch) == 0) {
    emit(std::string_view(scratch));
  }
  // Pairs of adjacent Hangul syllables, marked.
  std::size_t previous = std::string_view::npos;  // start of the last one
  for (std::size_t i = 0; i < word.size();) {
    const auto d = decode_at(word, i);
    if (is_hangul_syllable(d.cp)) {
      if (previous != std::string_view::npos) {
        const auto pair = word.substr(previous, i + d.length - previous);
        if (korean_stop_pairs().count(pair) == 0) {
          scratch.assign(1, kBigramMark);
          scratch += pair;
          emit(std::string_view(scratch));
        }
      }
      previous = i;
    } else {
      previous = std::string_view::npos;
    }
    i += d.length;
  }
}

// Calls emit(term) for each term of plain `text`.
template <class Emit>
void text_terms(std::string_view text, std::string& scratch, Emit&& emit) {
  std::size_t start = std::string_view::npos;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    bool part = false;
    std::size_t length = 1;
    if (c < 0x80) {
      part = ascii_word_char(c);
    } else {
      const auto d = decode_at(text, i);
      part = word_part(d.cp);
      length = d.length;
    }
    if (part && start == std::string_view::npos) {
      start = i;
    } else if (!part && start != std::string_view::npos) {
      word_terms(text.substr(start, i - start), scratch, emit);
      start = std::string_view::npos;
    }
    i += length;
  }
  if (start != std::string_view::npos) {
    word_terms(text.substr(start), scratch, emit);
  }
}

// Terms numbered in the order they are first seen.
class Dictionary {
 public:
  std::uint32_t id(std::string_view term) {
    const auto it = ids_.find(term);
    if (it != ids_.end()) {
      return it->second;
    }
    const auto next = static_cast<std::uint32_t>(terms_.size());
    terms_.push_back(std::make_unique<std::string>(term));
    ids_.emplace(*terms_.back(), next);
    return next;
  }

  const std::string& term(std::uint32_t id) const { return *terms_[id]; }

  std::size_t size() const { return terms_.size(); }

 private:
  std::vector<std::unique_ptr<std::string>> terms_;
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

// A paper's terms: (term id, weighted count), by id.
using TermCounts = std::vector<std::pair<std::uint32_t, double>>;

TermCounts paper_terms(const Paper& paper,
                       const RelatedParams& params,
                       Dictionary& dictionary,
                       std::string& scratch) {
  TermCounts counts;
  auto add = [&](double weight) {
    return [&, weight](std::string_view term) {
      counts.emplace_back(dictionary.id(term), weight);
    };
  };
  text_terms(markdown_to_plain(paper.title), scratch, add(params.title_weight));
  for (const auto& item : split_summary(paper.summary)) {
    text_terms(markdown_to_plain(item.text), scratch, add(1.0));
  }
  std::sort(counts.begin(), counts.end());
  TermCounts merged;
  for (const auto& [id, weight] : counts) {
    if (!merged.empty() && merged.back().first == id) {
      merged.back().second += weight;
    } else {
      merged.emplace_back(id, weight);
    }
  }
  return merged;
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
  std::vector<std::string> out;
  std::string scratch;
  text_terms(
      text, scratch, [&](std::string_view term) { out.emplace_back(term); });
  return out;
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
  std::string scratch;
  const TermCounts target_terms =
      paper_terms(target, params, dictionary, scratch);
  std::vector<TermCounts> terms;
  terms.reserve(entries.size());
  for (const auto& entry : entries) {
    terms.push_back(paper_terms(*entry.paper, params, dictionary, scratch));
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
  auto weight = [&](std::uint32_t id, double count) {
    return (1.0 + std::log(count))
           * std::log(1.0 + documents / static_cast<double>(df[id]));
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
        if (dictionary.term(id)[0] != kBigramMark) {
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
        const auto key = author_key(name);
        if (target_authors.count(key) > 0 && counted.insert(key).second) {
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
