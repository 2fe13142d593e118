// The bilingual glossary (part of the query layer): English <-> Korean
// term pairs mined from the summaries themselves, where a term is given in
// both languages, `확산 모델(diffusion model)` or `LLM(대형 언어 모델)`.
// Nothing is read from or written to files: the glossary is built on
// demand from the loaded records, so it follows the archive it explains.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace papers {

/// One mined pair: an English term (lower case, plural -s dropped from
/// each word) and the Korean term it is written with, and how many times
/// the two were written together.
struct GlossaryPair {
  std::string english;
  std::string korean;
  std::size_t count = 0;

  bool operator==(const GlossaryPair&) const = default;
};

/// The English form a term is looked up under: lower case, words split on
/// spaces and hyphens joined by one space, a plural -s dropped from each
/// word of more than three letters (not -ss, -us, -is).
std::string glossary_english_key(std::string_view term);

/// The bilingual pairs written in one piece of summary markdown, before
/// any support filter: for each `KOREAN(ENGLISH)` or `ENGLISH(KOREAN)`, the
/// phrase pair (as many words taken before the parenthesis as it holds,
/// all the words before it for an acronym such as LLMs) and, where both
/// sides have the same number of words, each word with its counterpart.
/// Text inside code spans, URLs and link destinations is never read.
/// Pairs are (english key, korean).
std::vector<std::pair<std::string, std::string>> bilingual_pairs(
    std::string_view markdown);

/// Collects pairs text by text, then keeps the confident ones.
class GlossaryMiner {
 public:
  void add(std::string_view markdown);

  /// The pairs written at least `min_support` times where the Korean term
  /// is the one the English term is written with most (ties: the shorter,
  /// then the first in byte order), sorted by count descending, then
  /// English, then Korean.
  std::vector<GlossaryPair> pairs(std::size_t min_support = 3) const;

 private:
  std::vector<std::pair<std::string, std::string>> seen_;
};

/// The translations of `term` in `pairs`: the Korean terms of an English
/// term (compared by glossary_english_key()), or the English terms of a
/// Korean one (compared as written, spaces folded), most written first.
std::vector<const GlossaryPair*> glossary_lookup(
    const std::vector<GlossaryPair>& pairs, std::string_view term);

}  // namespace papers
