// `papers related ID`: the papers most like one paper, by TF-IDF cosine
// over the terms of title and summary, plus a bonus for shared authors.
// The functions take papers and text, not a table, so each is tested on
// its own; the command (src/cli/cmd_related.cpp) wires them to a query.
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// The terms of plain `text` for similarity: words of letters and digits;
/// an ASCII word lowercased, kept when it has two characters or more and
/// is no English stop word; any other word case-folded, kept when it has
/// two characters or more and is no common Korean word; a word with
/// Hangul also gives each pair of adjacent syllables, marked so that it
/// is never shown (kBigramMark first), for Korean words that carry
/// particles (모델을, 모델의 share 모델).
std::vector<std::string> related_terms(std::string_view text);

/// The first byte of a Hangul bigram term of related_terms().
inline constexpr char kBigramMark = '\x01';

/// The constants of the score: a title term counts `title_weight` times;
/// each shared author (same author_key) adds `author_bonus`, for at most
/// `max_authors` authors; the snippet names `shown_terms` shared terms.
struct RelatedParams {
  double title_weight = 2.0;
  double author_bonus = 0.1;
  std::size_t max_authors = 3;
  std::size_t shown_terms = 5;
};

struct RelatedRow {
  const Paper* paper = nullptr;
  double score = 0;    ///< rounded to 3 decimals
  std::string shared;  ///< the shared terms that weigh most, ", "-joined
};

/// The papers of `candidates` most like `target`, best first: one row per
/// arXiv id (its appearance with the most votes, then the newest), none
/// with the target's id, none with a score of 0. The score is the cosine
/// of the two papers' TF-IDF vectors (tf: 1 + ln(weighted count); idf:
/// ln(1 + N / df) over the distinct papers of `candidates` and the
/// target) plus the author bonus; ties by votes, then newer date, then
/// input order.
std::vector<RelatedRow> rank_related(const Paper& target,
                                     std::span<const Paper* const> candidates,
                                     const RelatedParams& params = {});

}  // namespace papers
