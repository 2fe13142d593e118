#include "utf8.hpp"

#include <papers/glossary.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace papers {
namespace {

constexpr std::size_t kMaxWords = 5;      // a term, not a sentence
constexpr std::size_t kMaxInner = 120;    // bytes inside the parentheses
constexpr std::size_t kAcronymWords = 4;  // Korean words an acronym names

bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// True when `word` is one or more Hangul syllables and nothing else.
bool is_hangul_word(std::string_view word) {
  if (word.empty()) {
    return false;
  }
  std::size_t i = 0;
  while (i < word.size()) {
    const auto d = decode_at(word, i);
    if (d.cp < 0 || !is_hangul_syllable(static_cast<char32_t>(d.cp))) {
      return false;
    }
    i += d.length;
  }
  return true;
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// An English word: ASCII letters and digits (hyphens split words), with a
// letter in it.
bool is_english_word(std::string_view word) {
  if (word.empty()) {
    return false;
  }
  bool letter = false;
  for (const char c : word) {
    if (is_ascii_alpha(c)) {
      letter = true;
    } else if (!is_ascii_digit(c)) {
      return false;
    }
  }
  return letter;
}

// Two or more capitals in one word (LLM, LLMs, ViT, RLHF): an acronym,
// whose Korean side is a phrase the word count cannot align.
bool is_acronym(std::string_view word) {
  return std::count_if(word.begin(),
                       word.end(),
                       [](char c) { return c >= 'A' && c <= 'Z'; })
         >= 2;
}

std::vector<std::string_view> split_words(std::string_view text, bool hyphens) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  auto separator = [&](char c) {
    return c == ' ' || c == '\t' || (hyphens && c == '-');
  };
  while (i < text.size()) {
    while (i < text.size() && separator(text[i])) {
      ++i;
    }
    const std::size_t start = i;
    while (i < text.size() && !separator(text[i])) {
      ++i;
    }
    if (i > start) {
      words.push_back(text.substr(start, i - start));
    }
  }
  return words;
}

std::string english_word_key(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  const std::size_t n = out.size();
  if (n > 3 && out[n - 1] == 's' && out[n - 2] != 's' && out[n - 2] != 'u'
      && out[n - 2] != 'i') {
    out.pop_back();
  }
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    out += out.empty() ? "" : " ";
    out += word;
  }
  return out;
}

// `markdown` with code spans, URLs and link destinations blanked out and
// emphasis marks made spaces, so no pair is read from inside them and
// `**확산 모델**(diffusion model)` reads as the words it shows.
std::string readable(std::string_view markdown) {
  std::string text(markdown);
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < text.size(); ++k) {
      text[k] = ' ';
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < text.size() && text[i + run] == '`') {
        ++run;
      }
      const std::string fence(run, '`');
      const auto close = text.find(fence, i + run);
      const std::size_t end =
          close == std::string::npos ? text.size() : close + run;
      blank(i, end);
      i = end;
      continue;
    }
    if (c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      const auto close = text.find(')', i + 2);
      const std::size_t end =
          close == std::string::npos ? text.size() : close + 1;
      blank(i, end);
      i = end;
      continue;
    }
    if (text.compare(i, 7, "http://") == 0
        || text.compare(i, 8, "https://") == 0
        || text.compare(i, 4, "www.") == 0) {
      std::size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '\n'
             && text[end] != '\t' && text[end] != ')' && text[end] != '>') {
        ++end;
      }
      blank(i, end);
      i = end;
      continue;
    }
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '"' || c == '\'') {
      // '_' only as emphasis: between letters it stays (snake_case).
      const bool inner = c == '_' && i > 0 && i + 1 < text.size()
                         && text[i - 1] != ' ' && text[i + 1] != ' ';
      if (!inner) {
        text[i] = ' ';
      }
    }
    ++i;
  }
  return text;
}

// The last `max` words of `before` (right to left, then put in order)
// while each is accepted by `ok`.
template <typename Ok>
std::vector<std::string_view> words_before(std::string_view before,
                                           std::size_t max,
                                           Ok ok) {
  const auto words = split_words(before, false);
  std::vector<std::string_view> out;
  for (auto it = words.rbegin(); it != words.rend() && out.size() < max; ++it) {
    if (!ok(*it)) {
      break;
    }
    out.insert(out.begin(), *it);
  }
  return out;
}

// The phrase pair, and word by word when both sides have as many words.
// A hyphenated English compound ("in-context", "chain-of-thought") is one
// word as written: its parts never align with Korean words one by one
// (문맥 내 학습(in-context learning) would pair "in" with 문맥), so with
// `align` false only the phrase pair is made.
void add_pairs(const std::vector<std::string_view>& english,
               const std::vector<std::string_view>& korean,
               std::vector<std::pair<std::string, std::string>>& out,
               bool align = true) {
  if (english.empty() || korean.empty()) {
    return;
  }
  std::vector<std::string> en;
  for (const auto word : english) {
    en.push_back(english_word_key(word));
  }
  std::vector<std::string> ko(korean.begin(), korean.end());
  out.emplace_back(join(en), join(ko));
  if (align && en.size() == ko.size() && en.size() > 1) {
    for (std::size_t k = 0; k < en.size(); ++k) {
      out.emplace_back(en[k], ko[k]);
    }
  }
}

}  // namespace

std::string glossary_english_key(std::string_view term) {
  std::vector<std::string> words;
  for (const auto word : split_words(term, true)) {
    words.push_back(english_word_key(word));
  }
  return join(words);
}

std::vector<std::pair<std::string, std::string>> bilingual_pairs(
    std::string_view markdown) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string text = readable(markdown);
  for (std::size_t open = text.find('('); open != std::string::npos;
       open = text.find('(', open + 1)) {
    const auto close = text.find_first_of("()\n", open + 1);
    if (close == std::string::npos || text[close] != ')'
        || close - open - 1 > kMaxInner) {
      continue;
    }
    const auto newline = text.rfind('\n', open);
    const std::size_t line_start =
        newline == std::string::npos ? 0 : newline + 1;
    const std::string_view inner =
        std::string_view(text).substr(open + 1, close - open - 1);
    const std::string_view before =
        std::string_view(text).substr(line_start, open - line_start);
    const auto inner_en = split_words(inner, true);
    const auto inner_ko = split_words(inner, false);
    if (!inner_en.empty() && inner_en.size() <= kMaxWords
        && std::all_of(inner_en.begin(), inner_en.end(), is_english_word)) {
      const bool acronym = inner_en.size() == 1 && is_acronym(inner_en[0]);
      const auto korean = words_before(
          before, acronym ? kAcronymWords : inner_en.size(), is_hangul_word);
      add_pairs(
          inner_en, korean, out, inner.find('-') == std::string_view::npos);
    } else if (!inner_ko.empty() && inner_ko.size() <= kMaxWords
               && std::all_of(
                   inner_ko.begin(), inner_ko.end(), is_hangul_word)) {
      const auto english =
          words_before(before, inner_ko.size(), [](std::string_view word) {
            const auto parts = split_words(word, true);
            return !parts.empty()
                   && std::all_of(parts.begin(), parts.end(), is_english_word);
          });
      if (english.size() == 1 && is_acronym(english[0])) {
        add_pairs(english, inner_ko, out);
      } else {
        std::vector<std::string_view> en;
        for (const auto word : english) {
          for (const auto part : split_words(word, true)) {
            en.push_back(part);
          }
        }
        add_pairs(en,
                  inner_ko,
                  out,
                  std::none_of(
                      english.begin(), english.end(), [](std::string_view w) {
                        return w.find('-') != std::string_view::npos;
                      }));
      }
    }
  }
  return out;
}

void GlossaryMiner::add(std::string_view markdown) {
  if (markdown.find('(') == std::string_view::npos) {
    return;
  }
  auto pairs = bilingual_pairs(markdown);
  seen_.insert(seen_.end(),
               std::make_move_iterator(pairs.begin()),
               std::make_move_iterator(pairs.end()));
}

std::vector<GlossaryPair> GlossaryMiner::pairs(std::size_t min_support) const {
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (const auto& pair : seen_) {
    ++counts[pair];
  }
  // The best Korean term of each English one.
  std::map<std::string, GlossaryPair> best;
  for (const auto& [pair, count] : counts) {
    auto [it, added] = best.try_emplace(pair.first);
    GlossaryPair& b = it->second;
    const bool better =
        added
        || std::make_tuple(count, -static_cast<long>(pair.second.size()))
               > std::make_tuple(b.count, -static_cast<long>(b.korean.size()));
    if (better) {
      b = GlossaryPair{pair.first, pair.second, count};
    }
  }
  std::vector<GlossaryPair> out;
  for (auto& [english, pair] : best) {
    if (pair.count >= std::max<std::size_t>(1, min_support)) {
      out.push_back(std::move(pair));
    }
  }
  std::stable_sort(
      out.begin(), out.end(), [](const GlossaryPair& a, const GlossaryPair& b) {
        return a.count > b.count;
      });
  return out;
}

std::vector<const GlossaryPair*> glossary_lookup(
    const std::vector<GlossaryPair>& pairs, std::string_view term) {
  std::vector<const GlossaryPair*> out;
  const auto words = split_words(term, false);
  const bool korean =
      !words.empty() && std::all_of(words.begin(), words.end(), is_hangul_word);
  const std::string key =
      korean ? join(std::vector<std::string>(words.begin(), words.end()))
             : glossary_english_key(term);
  if (key.empty()) {
    return out;
  }
  for (const auto& pair : pairs) {
    if ((korean ? pair.korean : pair.english) == key) {
      out.push_back(&pair);
    }
  }
  return out;
}

}  // namespace papers
