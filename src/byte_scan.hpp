// Finding bytes fast: sets of bytes searched 32 at a time, the bytes a
// JSON string may have to escape, and counts of control bytes. Also the
// one CPU-feature test every vectorised path of the program dispatches on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/// Set where AVX2 code can be compiled (with target attributes); whether
/// it runs is cpu_has_avx2()'s answer.
#  define PAPERS_HAVE_AVX2_PATH 1
#endif

namespace papers {

/// True when the CPU running the program has AVX2, asked once.
bool cpu_has_avx2();

/// How many bytes of `s` are controls that text does not hold: DEL and the
/// C0 controls other than tab, line feed, form feed, carriage return,
/// backspace and escape. 32 bytes a step where the CPU has AVX2.
std::size_t count_odd_controls(std::string_view s);

/// A set of up to 16 byte values, optionally with the ASCII controls
/// (below 0x20), for find_byte_of(). Built once (constexpr where the bytes
/// are known), so a search does not build it again at every call.
class ByteSet {
 public:
  static constexpr std::size_t kMaxBytes = 16;

  constexpr ByteSet(std::string_view bytes, bool controls = false)
      : size_(bytes.size() < kMaxBytes ? bytes.size() : kMaxBytes),
        controls_(controls) {
    if (controls) {
      bits_[0] = 0xFFFFFFFFULL;
    }
    for (std::size_t i = 0; i < size_; ++i) {
      const auto b = static_cast<unsigned char>(bytes[i]);
      bytes_[i] = bytes[i];
      bits_[b >> 6] |= std::uint64_t{1} << (b & 63);
    }
  }

  constexpr bool contains(unsigned char b) const {
    return ((bits_[b >> 6] >> (b & 63)) & 1) != 0;
  }

  /// The listed bytes, without the controls.
  constexpr std::string_view bytes() const { return {bytes_, size_}; }

  constexpr bool controls() const { return controls_; }

 private:
  std::uint64_t bits_[4] = {};
  char bytes_[kMaxBytes] = {};
  std::size_t size_;
  bool controls_;
};

/// Index of the first byte at or after `from` that is in `set`; s.size()
/// when there is none. 32 bytes a step with AVX2.
std::size_t find_byte_of(std::string_view s,
                         std::size_t from,
                         const ByteSet& set);

/// Index of the first byte at or after `from` that a JSON string of valid
/// UTF-8 may have to escape: an ASCII control, `"`, `\`, DEL, or a lead
/// byte of C1 controls or of format characters (Cf); s.size() when there
/// is none. 32 bytes a step with AVX2.
std::size_t find_json_special(std::string_view s, std::size_t from);

}  // namespace papers
