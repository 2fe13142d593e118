#include "byte_scan.hpp"

#include <cstdint>
#include <cstring>

#ifdef PAPERS_HAVE_AVX2_PATH
#  include <immintrin.h>
#endif

namespace papers {

bool cpu_has_avx2() {
#ifdef PAPERS_HAVE_AVX2_PATH
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
#else
  return false;
#endif
}

namespace {

#ifdef PAPERS_HAVE_AVX2_PATH

__attribute__((target("avx2"))) std::size_t count_odd_controls_avx2(
    const unsigned char* p, std::size_t n, std::size_t* counted) {
  const __m256i below_space = _mm256_set1_epi8(0x1F);
  const __m256i del = _mm256_set1_epi8(0x7F);
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m256i v;
    std::memcpy(&v, p + i, 32);
    // A control: v < 0x20 as unsigned bytes, i.e. min(v, 0x1F) == v.
    const __m256i control =
        _mm256_cmpeq_epi8(_mm256_min_epu8(v, below_space), v);
    if (_mm256_movemask_epi8(control) == 0) {
      count += static_cast<std::size_t>(
          __builtin_popcount(static_cast<std::uint32_t>(
              _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, del)))));
      continue;
    }
    __m256i allowed = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t'));
    allowed =
        _mm256_or_si256(allowed, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n')));
    allowed =
        _mm256_or_si256(allowed, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\f')));
    allowed =
        _mm256_or_si256(allowed, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\r')));
    allowed =
        _mm256_or_si256(allowed, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\b')));
    allowed =
        _mm256_or_si256(allowed, _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x1B)));
    const __m256i odd = _mm256_or_si256(_mm256_andnot_si256(allowed, control),
                                        _mm256_cmpeq_epi8(v, del));
    count += static_cast<std::size_t>(__builtin_popcount(
        static_cast<std::uint32_t>(_mm256_movemask_epi8(odd))));
  }
  *counted = i;
  return count;
}

// find_json_special() 32 bytes a step, by nibble lookup (as simdjson
// classifies bytes): a byte is special when the bits its low nibble selects
// in kJsonLow and its high nibble selects in kJsonHigh meet. Each bit is one
// high nibble's set of low nibbles: 0x01 controls (0x0_ and 0x1_, all), 0x02
// `"` (0x22), 0x04 `\\` (0x5C), 0x08 DEL (0x7F), 0x10 0xC2, 0x20 0xD8,
// 0xDB, 0xDC, 0x40 0xE0, 0xE1, 0xE2, 0xEF, 0x80 0xF0, 0xF3. A short end
// is copied into a block padded with a byte that is not special, so a
// short string costs one step, not a byte loop.
// clang-format off
constexpr unsigned char kJsonLow[16] = {
    0xC1, 0x41, 0x53, 0x81, 0x01, 0x01, 0x01, 0x01,
    0x21, 0x01, 0x01, 0x21, 0x25, 0x01, 0x01, 0x49};
constexpr unsigned char kJsonHigh[16] = {
    0x01, 0x01, 0x02, 0, 0, 0x04, 0, 0x08,
    0, 0, 0, 0, 0x10, 0x20, 0x40, 0x80};

// clang-format on

// Bit i set when byte i of `v` is in the set the nibble tables describe.
__attribute__((target("avx2"))) inline std::uint32_t json_special_bits(
    __m256i v, __m256i low, __m256i high) {
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i lo = _mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble));
  const __m256i hi = _mm256_shuffle_epi8(
      high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(
      _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), _mm256_setzero_si256())));
}

__attribute__((target("avx2"))) std::size_t find_json_special_avx2(
    std::string_view s, std::size_t i) {
  const __m256i low = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kJsonLow)));
  const __m256i high = _mm256_broadcastsi128_si256(
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kJsonHigh)));
  for (; i + 32 <= s.size(); i += 32) {
    __m256i v;
    std::memcpy(&v, s.data() + i, 32);
    if (const auto bits = json_special_bits(v, low, high); bits != 0) {
      return i + static_cast<std::size_t>(__builtin_ctz(bits));
    }
  }
  if (i < s.size()) {
    char tail[32];
    std::memset(tail, 'a', sizeof tail);
    std::memcpy(tail, s.data() + i, s.size() - i);
    __m256i v;
    std::memcpy(&v, tail, 32);
    if (const auto bits = json_special_bits(v, low, high); bits != 0) {
      return i + static_cast<std::size_t>(__builtin_ctz(bits));
    }
  }
  return s.size();
}

// find_byte_of() 32 bytes a step: each byte of `set` broadcast once.
__attribute__((target("avx2"))) std::size_t find_byte_of_avx2(
    std::string_view s, std::size_t i, const ByteSet& set) {
  const std::string_view bytes = set.bytes();
  __m256i wanted[ByteSet::kMaxBytes];
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    wanted[k] = _mm256_set1_epi8(bytes[k]);
  }
  const __m256i below_space = _mm256_set1_epi8(0x1F);
  for (; i + 32 <= s.size(); i += 32) {
    __m256i v;
    std::memcpy(&v, s.data() + i, 32);
    // A control: v < 0x20 as unsigned bytes, i.e. min(v, 0x1F) == v.
    __m256i hit = set.controls()
                      ? _mm256_cmpeq_epi8(_mm256_min_epu8(v, below_space), v)
                      : _mm256_setzero_si256();
    for (std::size_t k = 0; k < bytes.size(); ++k) {
      hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(v, wanted[k]));
    }
    if (const auto bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(hit));
        bits != 0) {
      return i + static_cast<std::size_t>(__builtin_ctz(bits));
    }
  }
  return i;  // the tail is left to the scalar loop
}

#endif

}  // namespace

std::size_t find_byte_of(std::string_view s,
                         std::size_t from,
                         const ByteSet& set) {
  std::size_t i = from;
#ifdef PAPERS_HAVE_AVX2_PATH
  if (s.size() >= 32 && cpu_has_avx2()) {
    i = find_byte_of_avx2(s, i, set);
    if (i + 32 <= s.size()) {
      return i;  // found in a full block
    }
  }
#endif
  for (; i < s.size(); ++i) {
    if (set.contains(static_cast<unsigned char>(s[i]))) {
      return i;
    }
  }
  return s.size();
}

std::size_t find_json_special(std::string_view s, std::size_t from) {
  // The ASCII specials, and the lead bytes of C1 controls (C2) and of
  // every format character (Cf): U+00AD (C2), U+0600..U+0605 and U+061C
  // (D8), U+06DD (DB), U+070F (DC), U+0890..U+08E2 (E0), U+180E (E1),
  // U+200B..U+206F with U+2028/U+2029 (E2), U+FEFF and U+FFF9..U+FFFB (EF),
  // U+110BD..U+1D17A (F0), the tags U+E0001..U+E007F (F3).
  static constexpr ByteSet kJsonSpecial(
      "\"\\\x7F"
      "\xC2\xD8\xDB\xDC\xE0\xE1\xE2\xEF\xF0\xF3",
      true);
#ifdef PAPERS_HAVE_AVX2_PATH
  if (from < s.size() && cpu_has_avx2()) {
    return find_json_special_avx2(s, from);
  }
#endif
  return find_byte_of(s, from, kJsonSpecial);
}

std::size_t count_odd_controls(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t count = 0;
  std::size_t i = 0;
#ifdef PAPERS_HAVE_AVX2_PATH
  if (s.size() >= 32 && cpu_has_avx2()) {
    count = count_odd_controls_avx2(p, s.size(), &i);
  }
#endif
  for (; i < s.size(); ++i) {
    const unsigned char b = p[i];
    if (b == 0x7FU
        || (b < 0x20U && b != '\t' && b != '\n' && b != '\r' && b != '\f'
            && b != '\b' && b != 0x1BU)) {
      ++count;
    }
  }
  return count;
}

}  // namespace papers
