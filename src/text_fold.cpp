#include "ascii.hpp"
#include "byte_scan.hpp"
#include "utf8.hpp"

#include <papers/text_fold.hpp>

#include <utf8proc.h>

#ifdef PAPERS_HAVE_AVX2_PATH
#  include <immintrin.h>
#endif

#include <algorithm>
#include <cstdint>
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

// A lead byte at p[0] whose two continuation bytes p[1], p[2] exist
// starts a Hangul syllable or a CJK ideograph: Hangul U+AC00..U+D7A3 is
// EA B0 80 .. ED 9E A3, CJK U+4E00..U+9FFF is E4 B8 80 .. E9 BF BF.
bool lead_folds_as_itself(const unsigned char* p) {
  switch (p[0]) {
  case 0xE5:
  case 0xE6:
  case 0xE7:
  case 0xE8:
  case 0xE9:
  case 0xEB:
  case 0xEC:
    return true;
  case 0xE4:
    return p[1] >= 0xB8;
  case 0xEA:
    return p[1] >= 0xB0;
  case 0xED:
    return p[1] < 0x9E || (p[1] == 0x9E && p[2] <= 0xA3);
  default:
    return false;
  }
}

// True when folding `text` only lowercases its ASCII letters: every code
// point is ASCII, a precomposed Hangul syllable (U+AC00..U+D7A3) or a CJK
// unified ideograph (U+4E00..U+9FFF), none of which case folding, NFKC or
// lumping change. Anything else (a combining jamo or accent that could
// compose with its neighbour included) takes the utf8proc path. Korean
// summaries are most of the text a search folds, so this is worth it.
bool folds_as_ascii_scalar(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    if (end - p < 3) {
      return false;
    }
    if ((p[1] & 0xC0U) != 0x80 || (p[2] & 0xC0U) != 0x80
        || !lead_folds_as_itself(p)) {
      return false;
    }
    p += 3;
  }
  return true;
}

#ifdef PAPERS_HAVE_AVX2_PATH

__attribute__((target("avx2"))) inline __m256i at_least(__m256i v,
                                                        unsigned char lo) {
  return _mm256_cmpeq_epi8(
      _mm256_max_epu8(v, _mm256_set1_epi8(static_cast<char>(lo))), v);
}

// By a lead's low nibble, the least and the greatest byte that may follow
// it in block_folds_as_ascii() (one 16-byte lane; both lanes are equal).
// clang-format off
constexpr unsigned char kLeadLow[16] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xB8, 0x80, 0x80, 0x80,
    0x80, 0x80, 0xB0, 0x80, 0x80, 0x80, 0xFF, 0xFF};
constexpr unsigned char kLeadHigh[16] = {
    0, 0, 0, 0, 0xBF, 0xBF, 0xBF, 0xBF,
    0xBF, 0xBF, 0xBF, 0xBF, 0xBF, 0x9D, 0, 0};

// clang-format on

// The leads among the 32 bytes at p fold as themselves (p[32] exists).
__attribute__((target("avx2"))) bool block_folds_as_ascii(
    const unsigned char* p) {
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i lead = at_least(v, 0xC0);
  if (_mm256_testz_si256(lead, lead) != 0) {
    return true;
  }
  const __m256i v1 =
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
  // A lead E4..ED is good when the byte after it lies in the range its low
  // nibble gives (E4: B8.., EA: B0.., ED: ..9D; ED 9E is left to
  // lead_folds_as_itself()); no other lead ever is (lo > hi).
  const __m256i lo_table = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kLeadLow)));
  const __m256i hi_table = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kLeadHigh)));
  const __m256i nibble = _mm256_and_si256(v, _mm256_set1_epi8(0x0F));
  const __m256i lo = _mm256_shuffle_epi8(lo_table, nibble);
  const __m256i hi = _mm256_shuffle_epi8(hi_table, nibble);
  const __m256i e_lead =
      _mm256_cmpeq_epi8(_mm256_and_si256(v, _mm256_set1_epi8(-16)),
                        _mm256_set1_epi8(static_cast<char>(0xE0)));
  const __m256i good = _mm256_and_si256(
      e_lead,
      _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(v1, lo), v1),
                       _mm256_cmpeq_epi8(_mm256_min_epu8(v1, hi), v1)));
  const __m256i bad = _mm256_andnot_si256(good, lead);
  if (_mm256_testz_si256(bad, bad) != 0) {
    return true;
  }
  auto bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(bad));
  while (bits != 0) {
    const auto k = static_cast<std::size_t>(__builtin_ctz(bits));
    if (!lead_folds_as_itself(p + k)) {
      return false;
    }
    bits &= bits - 1;
  }
  return true;
}

// folds_as_ascii() of valid UTF-8, 32 bytes a step: only the lead bytes
// (0xC0 and up) matter, and each is checked with the byte after it; the
// rare lead the vector test cannot settle (ED 9E) is checked alone.
__attribute__((target("avx2"))) bool folds_as_ascii_avx2(
    std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  // A block checks the leads among its 32 bytes with the byte after each;
  // the last block overlaps the one before it, so no byte is left to a
  // scalar tail (a lead never ends valid UTF-8, so its bytes are there).
  std::size_t i = 0;
  for (; i + 33 <= n; i += 32) {
    if (!block_folds_as_ascii(p + i)) {
      return false;
    }
  }
  return i == n || block_folds_as_ascii(p + n - 33);
}
#endif

}  // namespace

bool folds_as_ascii(std::string_view text) {
#ifdef PAPERS_HAVE_AVX2_PATH
  // Summaries are mostly Hangul: byte by byte this was a fifth of a search.
  if (text.size() >= 64 && cpu_has_avx2()) {
    // folds_as_ascii_scalar() is true only of valid UTF-8; given that, the
    // lead bytes alone decide.
    return is_valid_utf8(text) && folds_as_ascii_avx2(text);
  }
#endif
  return folds_as_ascii_scalar(text);
}

namespace {

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

// Code points of valid UTF-8: the bytes that are not continuation bytes.
std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80 ? 1U : 0U;
  }
  return n;
}

std::u32string code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto d = decode_at(text, i);
    out += d.cp < 0 ? U'\uFFFD' : static_cast<char32_t>(d.cp);
    i += d.length;
  }
  return out;
}

}  // namespace

std::string fold_text(std::string_view text) {
  return folds_as_ascii(text) ? ascii_fold(text) : map_utf8(text, kTextFold);
}

FoldedText fold_text_mapped(std::string_view text) {
  FoldedText out;
  std::string repaired;
  if (!is_valid_utf8(text)) {
    append_utf8_repaired(repaired, text);
    text = repaired;
  }
  out.text.reserve(text.size());
  out.begin.reserve(text.size());
  out.end.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t cluster = 0;
  std::size_t i = 0;
  utf8proc_int32_t state = 0;
  utf8proc_int32_t previous = -1;
  auto flush = [&](std::size_t until) {
    if (until <= cluster) {
      return;
    }
    const std::string folded = fold_text(text.substr(cluster, until - cluster));
    out.text += folded;
    out.begin.insert(out.begin.end(), folded.size(), cluster);
    out.end.insert(out.end.end(), folded.size(), until);
    cluster = until;
  };
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(
        bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    const std::size_t step = n <= 0 ? 1 : static_cast<std::size_t>(n);
    if (previous >= 0 && cp >= 0
        && utf8proc_grapheme_break_stateful(previous, cp, &state)) {
      flush(i);
    }
    previous = cp;
    i += step;
  }
  flush(text.size());
  // A repaired text maps back to the repaired bytes; callers pass valid
  // UTF-8 (plain text of records), so the offsets are theirs.
  return out;
}

bool folded_contains(std::string_view text, std::string_view needle) {
  if (!folds_as_ascii(text)) {
    return fold_text(text).find(needle) != std::string::npos;
  }
  // fold_text(text) is `text` with ASCII letters lowered: compare so.
  if (needle.empty()) {
    return true;
  }
  if (needle.size() > text.size()) {
    return false;
  }
  // Candidates are found 32 bytes a step: the needle's first byte in
  // either case.
  const char first = needle.front();
  const char firsts[2] = {first, ascii_upper(first)};
  const ByteSet starts(std::string_view(firsts, first == firsts[1] ? 1 : 2));
  const std::size_t last = text.size() - needle.size();
  for (std::size_t i = find_byte_of(text, 0, starts); i <= last;
       i = find_byte_of(text, i + 1, starts)) {
    std::size_t k = 1;
    while (k < needle.size() && ascii_lower(text[i + k]) == needle[k]) {
      ++k;
    }
    if (k == needle.size()) {
      return true;
    }
  }
  return false;
}

std::string author_key(std::string_view name) {
  AuthorKeyFolder folder;
  return std::string(folder.strict(name));
}

std::string loose_author_key(std::string_view name) {
  AuthorKeyFolder folder;
  return std::string(folder.loose(name));
}

bool author_first_word_may_be(std::string_view name, std::string_view first) {
  std::size_t i = 0;
  while (i < name.size()
         && (is_stray_quote(name[i]) || is_name_space(name[i]))) {
    ++i;
  }
  // Up to its first non-ASCII byte, the name folds to itself lowered: no
  // ASCII byte composes with the one before it, and the trimmed ends are
  // ASCII too.
  std::size_t k = 0;
  for (; i < name.size() && !is_name_space(name[i]); ++i, ++k) {
    const char c = name[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
    if (k < first.size() && ascii_lower(c) == first[k]) {
      continue;
    }
    if (!is_stray_quote(c)) {
      return false;
    }
    // A quote ends the word when only quotes and spaces follow it (they are
    // trimmed); else it is part of the word.
    for (std::size_t j = i; j < name.size(); ++j) {
      const char rest = name[j];
      if (static_cast<unsigned char>(rest) >= 0x80) {
        return true;
      }
      if (!is_stray_quote(rest) && !is_name_space(rest)) {
        return false;
      }
    }
    return k == first.size();
  }
  return k == first.size();
}

AuthorKeyFolder::Keys AuthorKeyFolder::fold(std::string_view name,
                                            bool with_loose) {
  // Fold the whole name: ASCII letters lowered in place where that is all
  // folding does, else utf8proc into the reused code-point buffer (what
  // utf8proc_map does, without its allocations).
  if (folds_as_ascii(name)) {
    folded_.assign(name);
    for (char& c : folded_) {
      c = ascii_lower(c);
    }
  } else if (!is_valid_utf8(name)) {
    folded_ = map_utf8(name, kNameFold);  // repaired first: rare
  } else {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
    const auto length = static_cast<utf8proc_ssize_t>(name.size());
    if (code_points_.size() < 64) {
      code_points_.resize(64);
    }
    // Room for n code points and the NUL utf8proc_reencode() writes after
    // their UTF-8 (at most 4 bytes each): n + 1 code points of buffer.
    utf8proc_ssize_t n = utf8proc_decompose(
        bytes,
        length,
        code_points_.data(),
        static_cast<utf8proc_ssize_t>(code_points_.size() - 1),
        kNameFold);
    if (n >= 0 && static_cast<std::size_t>(n) + 1 > code_points_.size()) {
      code_points_.resize(static_cast<std::size_t>(n) + 1);
      n = utf8proc_decompose(bytes, length, code_points_.data(), n, kNameFold);
    }
    const utf8proc_ssize_t encoded =
        n < 0 ? n : utf8proc_reencode(code_points_.data(), n, kNameFold);
    if (encoded < 0) {
      folded_.assign(name);  // out of memory: match unfolded, as map_utf8
    } else {
      folded_.assign(reinterpret_cast<const char*>(code_points_.data()),
                     static_cast<std::size_t>(encoded));
    }
  }

  // Words at dots and spaces, without the stray quotes some digests leave
  // around a name.
  std::string_view folded = folded_;
  while (!folded.empty()
         && (is_stray_quote(folded.front()) || is_name_space(folded.front()))) {
    folded.remove_prefix(1);
  }
  while (!folded.empty()
         && (is_stray_quote(folded.back()) || is_name_space(folded.back()))) {
    folded.remove_suffix(1);
  }
  words_.clear();
  strict_.clear();
  for (std::size_t i = 0; i < folded.size();) {
    while (i < folded.size() && is_name_space(folded[i])) {
      ++i;
    }
    const std::size_t start = i;
    while (i < folded.size() && !is_name_space(folded[i])) {
      ++i;
    }
    if (i > start) {
      if (!strict_.empty()) {
        strict_ += ' ';
      }
      words_.emplace_back(strict_.size(), i - start);
      strict_.append(folded.substr(start, i - start));
    }
  }
  Keys keys{strict_, {}};
  if (!with_loose) {
    return keys;
  }
  // --loose: without single-letter middle initials; the first and last
  // words always stay.
  loose_.clear();
  const std::string_view joined = strict_;
  for (std::size_t w = 0; w < words_.size(); ++w) {
    const auto word = joined.substr(words_[w].first, words_[w].second);
    const bool middle = w != 0 && w + 1 != words_.size();
    if (words_.size() > 2 && middle && code_point_count(word) == 1) {
      continue;
    }
    if (!loose_.empty()) {
      loose_ += ' ';
    }
    loose_.append(word);
  }
  keys.loose = loose_;
  return keys;
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
