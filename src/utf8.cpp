#include "utf8.hpp"

#include "byte_scan.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#ifdef PAPERS_HAVE_AVX2_PATH
#  include <immintrin.h>
#endif

namespace papers {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) {
      lo = 0xA0;  // no overlong forms
    } else if (b0 == 0xED) {
      hi = 0x9F;  // no surrogates
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) {
      lo = 0x90;
    } else if (b0 == 0xF4) {
      hi = 0x8F;  // nothing above U+10FFFF
    }
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) {
    return 0;
  }
  for (std::size_t k = 2; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < 0x80 || b > 0xBF) {
      return 0;
    }
  }
  return len;
}

namespace {

bool is_valid_utf8_scalar(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // The common non-ASCII case (Hangul, CJK, most accents): a 3-byte
    // sequence E1..EC or EE..EF with two continuation bytes.
    if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && i + 3 <= n
        && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const auto len = utf8_sequence_length(s, i);
    if (len == 0) {
      return false;
    }
    i += len;
  }
  return true;
}

#ifdef PAPERS_HAVE_AVX2_PATH

// The lookup algorithm of simdjson (Keiser and Lemire 2021): every error
// of a 2-byte window (lead and next byte) is found from three 16-entry
// tables indexed by the high nibble of the first byte, its low nibble and
// the high nibble of the second; a third or fourth byte that must be a
// continuation is checked from the bytes two and three back.
constexpr std::uint8_t kTooShort = 1 << 0;      // lead then ASCII or lead
constexpr std::uint8_t kTooLong = 1 << 1;       // ASCII then continuation
constexpr std::uint8_t kOverlong3 = 1 << 2;     // E0 80..9F
constexpr std::uint8_t kTooLarge = 1 << 3;      // F4 90.., F5..
constexpr std::uint8_t kSurrogate = 1 << 4;     // ED A0..BF
constexpr std::uint8_t kOverlong2 = 1 << 5;     // C0, C1
constexpr std::uint8_t kTooLarge1000 = 1 << 6;  // F5.. 80..8F
constexpr std::uint8_t kOverlong4 = 1 << 6;     // F0 80..8F
constexpr std::uint8_t kTwoConts = 1 << 7;  // continuation then continuation
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

__attribute__((target("avx2"))) inline __m256i table16(std::uint8_t a0,
                                                       std::uint8_t a1,
                                                       std::uint8_t a2,
                                                       std::uint8_t a3,
                                                       std::uint8_t a4,
                                                       std::uint8_t a5,
                                                       std::uint8_t a6,
                                                       std::uint8_t a7,
                                                       std::uint8_t a8,
                                                       std::uint8_t a9,
                                                       std::uint8_t a10,
                                                       std::uint8_t a11,
                                                       std::uint8_t a12,
                                                       std::uint8_t a13,
                                                       std::uint8_t a14,
                                                       std::uint8_t a15) {
  auto c = [](std::uint8_t v) { return static_cast<char>(v); };
  return _mm256_setr_epi8(c(a0),
                          c(a1),
                          c(a2),
                          c(a3),
                          c(a4),
                          c(a5),
                          c(a6),
                          c(a7),
                          c(a8),
                          c(a9),
                          c(a10),
                          c(a11),
                          c(a12),
                          c(a13),
                          c(a14),
                          c(a15),
                          c(a0),
                          c(a1),
                          c(a2),
                          c(a3),
                          c(a4),
                          c(a5),
                          c(a6),
                          c(a7),
                          c(a8),
                          c(a9),
                          c(a10),
                          c(a11),
                          c(a12),
                          c(a13),
                          c(a14),
                          c(a15));
}

// The bytes of `input` shifted back by N, the gap filled from `prev`.
template <int N>
__attribute__((target("avx2"))) inline __m256i prev_bytes(__m256i input,
                                                          __m256i prev) {
  return _mm256_alignr_epi8(
      input, _mm256_permute2x128_si256(prev, input, 0x21), 16 - N);
}

__attribute__((target("avx2"))) inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

__attribute__((target("avx2"))) inline __m256i utf8_errors(__m256i input,
                                                           __m256i prev) {
  const __m256i prev1 = prev_bytes<1>(input, prev);
  const __m256i byte_1_high = _mm256_shuffle_epi8(
      table16(kTooLong,
              kTooLong,
              kTooLong,
              kTooLong,
              kTooLong,
              kTooLong,
              kTooLong,
              kTooLong,
              kTwoConts,
              kTwoConts,
              kTwoConts,
              kTwoConts,
              kTooShort | kOverlong2,
              kTooShort,
              kTooShort | kOverlong3 | kSurrogate,
              kTooShort | kTooLarge | kTooLarge1000 | kOverlong4),
      high_nibbles(prev1));
  const __m256i byte_1_low = _mm256_shuffle_epi8(
      table16(kCarry | kOverlong3 | kOverlong2 | kOverlong4,
              kCarry | kOverlong2,
              kCarry,
              kCarry,
              kCarry | kTooLarge,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000 | kSurrogate,
              kCarry | kTooLarge | kTooLarge1000,
              kCarry | kTooLarge | kTooLarge1000),
      _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  const __m256i byte_2_high = _mm256_shuffle_epi8(
      table16(kTooShort,
              kTooShort,
              kTooShort,
              kTooShort,
              kTooShort,
              kTooShort,
              kTooShort,
              kTooShort,
              kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000
                  | kOverlong4,
              kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,
              kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
              kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
              kTooShort,
              kTooShort,
              kTooShort,
              kTooShort),
      high_nibbles(input));
  const __m256i special =
      _mm256_and_si256(_mm256_and_si256(byte_1_high, byte_1_low), byte_2_high);
  // A byte two after a 3- or 4-byte lead, or three after a 4-byte lead,
  // must be a continuation: exactly the windows whose kTwoConts bit
  // (0x80) is set in `special`.
  const __m256i prev2 = prev_bytes<2>(input, prev);
  const __m256i prev3 = prev_bytes<3>(input, prev);
  const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(0x60));
  const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(0x70));
  const __m256i must23 =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(-128));
  return _mm256_xor_si256(must23, special);
}

// Non-zero where the last bytes of `input` start a sequence that needs
// bytes after the block.
__attribute__((target("avx2"))) inline __m256i incomplete(__m256i input) {
  const auto m = [](int v) { return static_cast<char>(v); };
  const __m256i max = _mm256_setr_epi8(m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(255),
                                       m(0xF0 - 1),
                                       m(0xE0 - 1),
                                       m(0xC0 - 1));
  return _mm256_subs_epu8(input, max);
}

__attribute__((target("avx2"))) bool check_avx2(const unsigned char* p,
                                                std::size_t n,
                                                bool reject_nul) {
  const __m256i zero = _mm256_setzero_si256();
  __m256i error = zero;
  __m256i nul = zero;
  __m256i prev = zero;
  __m256i prev_incomplete = zero;
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i input;
    std::memcpy(&input, p + i, 32);
    nul = _mm256_or_si256(nul, _mm256_cmpeq_epi8(input, zero));
    if (_mm256_movemask_epi8(input) == 0) {
      // ASCII: only a sequence left open by the previous block can fail.
      error = _mm256_or_si256(error, prev_incomplete);
      prev_incomplete = zero;
    } else {
      error = _mm256_or_si256(error, utf8_errors(input, prev));
      prev_incomplete = incomplete(input);
    }
    prev = input;
  }
  if (i < n) {
    // The tail, padded with ASCII NULs (which are not counted as NULs).
    alignas(32) unsigned char tail[32] = {};
    std::memcpy(tail, p + i, n - i);
    if (reject_nul && std::memchr(p + i, 0, n - i) != nullptr) {
      return false;
    }
    __m256i input;
    std::memcpy(&input, tail, 32);
    error = _mm256_or_si256(error, utf8_errors(input, prev));
    error = _mm256_or_si256(error, incomplete(input));
  } else {
    error = _mm256_or_si256(error, prev_incomplete);
  }
  if (reject_nul) {
    error = _mm256_or_si256(error, nul);
  }
  return _mm256_testz_si256(error, error) != 0;
}

#endif

}  // namespace

bool is_valid_utf8(std::string_view s) {
#ifdef PAPERS_HAVE_AVX2_PATH
  if (s.size() >= 32 && cpu_has_avx2()) {
    return check_avx2(
        reinterpret_cast<const unsigned char*>(s.data()), s.size(), false);
  }
#endif
  return is_valid_utf8_scalar(s);
}

bool is_clean_text(std::string_view s) {
#ifdef PAPERS_HAVE_AVX2_PATH
  if (s.size() >= 32 && cpu_has_avx2()) {
    return check_avx2(
        reinterpret_cast<const unsigned char*>(s.data()), s.size(), true);
  }
#endif
  return std::memchr(s.data(), '\0', s.size()) == nullptr
         && is_valid_utf8_scalar(s);
}

std::size_t whole_sequences_prefix(std::string_view s) {
  const std::size_t n = s.size();
  for (std::size_t k = 1; k <= std::min<std::size_t>(4, n); ++k) {
    const auto b = static_cast<unsigned char>(s[n - k]);
    if ((b & 0xC0U) != 0x80U) {
      // The last lead byte (or ASCII byte): is its sequence whole?
      const std::size_t len = b < 0xC0U ? 1 : b < 0xE0U ? 2 : b < 0xF0U ? 3 : 4;
      return k >= len ? n : n - k;
    }
  }
  return n;  // only continuation bytes at the end: not a cut sequence
}

void append_utf8_repaired(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto len = utf8_sequence_length(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
}

Decoded decode_at(std::string_view text, std::size_t i) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
      static_cast<utf8proc_ssize_t>(text.size() - i),
      &cp);
  if (n <= 0) {
    return Decoded{};
  }
  return Decoded{cp, static_cast<std::size_t>(n)};
}

bool is_letter_or_number(std::int32_t cp) {
  if (cp < 0) {
    return false;
  }
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return true;
  default:
    return false;
  }
}

}  // namespace papers
