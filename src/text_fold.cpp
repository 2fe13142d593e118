#include "text_util.hpp"

#include <papers/text_fold.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace papers {
namespace {

// utf8proc_map over valid UTF-8 (invalid bytes are repaired first, since
// utf8proc rejects the whole string otherwise).
std::string map_utf8(std::string_view text, utf8proc_option_t options) {
  std::string repaired;
  if (!is_valid_utf8(text)) {
    append_utf8_repaired(repaired, text);
    text = repaired;
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped,
                   options);
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(
      mapped, &std::free);
  if (n < 0) {
    return std::string(text);  // out of memory: match unfolded
  }
  return std::string(reinterpret_cast<const char*>(mapped),
                     static_cast<std::size_t>(n));
}

constexpr auto kTextFold = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD
    | UTF8PROC_LUMP);

constexpr auto kNameFold =
    static_cast<utf8proc_option_t>(kTextFold | UTF8PROC_STRIPMARK);

// True when folding `text` only lowercases its ASCII letters: every code
// point is ASCII, a precomposed Hangul syllable (U+AC00..U+D7A3) or a CJK
// unified ideograph (U+4E00..U+9FFF), none of which case folding, NFKC or
// lumping change. Anything else (a combining jamo or accent that could
// compose with its neighbour included) takes the utf8proc path. Korean
// summaries are most of the text a search folds, so this is worth it.
bool folds_as_ascii(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if (b0 < 0xE4 || b0 > 0xED || i + 2 >= text.size()) {
      return false;
    }
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 < 0x80 || b1 > 0xBF || b2 < 0x80 || b2 > 0xBF) {
      return false;
    }
    const auto cp = (static_cast<char32_t>(b0 & 0x0F) << 12)
                    | (static_cast<char32_t>(b1 & 0x3F) << 6)
                    | static_cast<char32_t>(b2 & 0x3F);
    const bool hangul = cp >= 0xAC00 && cp <= 0xD7A3;
    const bool ideograph = cp >= 0x4E00 && cp <= 0x9FFF;
    if (!hangul && !ideograph) {
      return false;
    }
    i += 3;
  }
  return true;
}

std::string ascii_fold(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = ascii_lower(c);
  }
  return out;
}

bool is_name_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '.';
}

bool is_stray_quote(char c) { return c == '\'' || c == '"'; }

// Splits a folded name into words at dots and spaces, and drops the stray
// quotes some digests leave around a name.
std::vector<std::string_view> name_words(std::string_view folded) {
  while (!folded.empty()
         && (is_stray_quote(folded.front()) || is_name_space(folded.front()))) {
    folded.remove_prefix(1);
  }
  while (!folded.empty()
         && (is_stray_quote(folded.back()) || is_name_space(folded.back()))) {
    folded.remove_suffix(1);
  }
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && is_name_space(folded[i])) {
      ++i;
    }
    const std::size_t start = i;
    while (i < folded.size() && !is_name_space(folded[i])) {
      ++i;
    }
    if (i > start) {
      words.push_back(folded.substr(start, i - start));
    }
  }
  return words;
}

std::string fold_name(std::string_view name) {
  return folds_as_ascii(name) ? ascii_fold(name) : map_utf8(name, kNameFold);
}

std::string join_words(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto word : words) {
    if (!out.empty()) {
      out += ' ';
    }
    out += word;
  }
  return out;
}

std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
        static_cast<utf8proc_ssize_t>(text.size() - i),
        &cp);
    if (n <= 0) {
      out += U'\uFFFD';
      ++i;
    } else {
      out += static_cast<char32_t>(cp);
      i += static_cast<std::size_t>(n);
    }
  }
  return out;
}

}  // namespace

std::string fold_text(std::string_view text) {
  return folds_as_ascii(text) ? ascii_fold(text) : map_utf8(text, kTextFold);
}

std::string author_key(std::string_view name) {
  const std::string folded = fold_name(name);
  return join_words(name_words(folded));
}

std::string loose_author_key(std::string_view name) {
  const std::string folded = fold_name(name);
  std::vector<std::string_view> words = name_words(folded);
  if (words.size() > 2) {
    std::vector<std::string_view> kept;
    kept.reserve(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      const bool middle = i != 0 && i + 1 != words.size();
      if (!middle || code_points(words[i]).size() != 1) {
        kept.push_back(words[i]);
      }
    }
    words = std::move(kept);
  }
  return join_words(words);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = code_points(a);
  const std::u32string y = code_points(b);
  // One row of the Levenshtein table at a time.
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1,
                         row[j - 1] + 1,
                         diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

}  // namespace papers
