#include "line_splitter.hpp"

#include "byte_scan.hpp"

#include <algorithm>
#include <cstring>

#ifdef PAPERS_HAVE_AVX2_PATH
#  include <immintrin.h>
#endif

namespace papers {

namespace {

std::uint64_t scan_bytes(const char* p, std::size_t n) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] == '\n' || p[i] == '\r') {
      mask |= std::uint64_t{1} << i;
    }
  }
  return mask;
}

#ifdef PAPERS_HAVE_AVX2_PATH

__attribute__((target("avx2"))) std::uint64_t scan64_avx2(const char* p) {
  __m256i lo;
  __m256i hi;
  std::memcpy(&lo, p, 32);
  std::memcpy(&hi, p + 32, 32);
  const __m256i lf = _mm256_set1_epi8('\n');
  const __m256i cr = _mm256_set1_epi8('\r');
  const auto bits_lo = static_cast<std::uint32_t>(_mm256_movemask_epi8(
      _mm256_or_si256(_mm256_cmpeq_epi8(lo, lf), _mm256_cmpeq_epi8(lo, cr))));
  const auto bits_hi = static_cast<std::uint32_t>(_mm256_movemask_epi8(
      _mm256_or_si256(_mm256_cmpeq_epi8(hi, lf), _mm256_cmpeq_epi8(hi, cr))));
  return bits_lo | (std::uint64_t{bits_hi} << 32);
}

std::uint64_t scan64_sse2(const char* p) {
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  std::uint64_t mask = 0;
  for (int k = 0; k < 4; ++k) {
    __m128i v;
    std::memcpy(&v, p + 16 * k, 16);
    const auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
    mask |= std::uint64_t{bits} << (16 * k);
  }
  return mask;
}

using Scan64 = std::uint64_t (*)(const char*);

const Scan64 kScan64 = cpu_has_avx2() ? scan64_avx2 : scan64_sse2;

#else

std::uint64_t kScan64(const char* p) { return scan_bytes(p, 64); }

#endif

}  // namespace

std::uint64_t LineEndFinder::scan(std::size_t base) const {
  const char* p = s_.data() + base;
  const std::size_t n = s_.size() - base;
  return n >= 64 ? kScan64(p) : scan_bytes(p, n);
}

}  // namespace papers
