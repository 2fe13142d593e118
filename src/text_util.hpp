// Small byte-level text helpers shared by the parser and the writers:
// trimming, ASCII case, and UTF-8 validation with U+FFFD replacement.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace papers {

inline bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline char ascii_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

/// Removes spaces and tabs at both ends.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank_char(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_blank_char(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

/// Removes spaces and tabs at the end.
inline std::string_view rtrim(std::string_view s) {
  while (!s.empty() && is_blank_char(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

/// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes
/// there are not one (overlong forms, surrogates and truncation included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

/// True when `s` is entirely valid UTF-8. Uses AVX2 where the CPU has it
/// (32 bytes a step, after Keiser and Lemire, "Validating UTF-8 in less
/// than one instruction per byte", 2021), else a scalar loop.
bool is_valid_utf8(std::string_view s);

/// True when `s` is valid UTF-8 without a NUL byte: what the parser needs
/// of a line before it may skip checking it. One pass over the bytes.
bool is_clean_text(std::string_view s);

/// The length of the longest prefix of `s` that does not end inside a
/// UTF-8 sequence: `s.size()`, less the bytes of a sequence its end cuts
/// short. Says nothing of whether the bytes are valid.
std::size_t whole_sequences_prefix(std::string_view s);

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

/// Appends `s` to `out` with each invalid byte replaced by U+FFFD.
void append_utf8_repaired(std::string& out, std::string_view s);

/// The index (0..11171) of the precomposed Hangul syllable (U+AC00..
/// U+D7A3, EA B0 80 .. ED 9E A3) that starts at text[i], or -1.
[[gnu::always_inline]] inline int hangul_syllable_index(std::string_view text,
                                                        std::size_t i) {
  if (i + 3 > text.size()) {
    return -1;
  }
  const auto b0 = static_cast<unsigned char>(text[i]);
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  if (b0 < 0xEA || b0 > 0xED || (b1 & 0xC0U) != 0x80 || (b2 & 0xC0U) != 0x80) {
    return -1;
  }
  const int cp = static_cast<int>(((b0 & 0x0FU) << 12) | ((b1 & 0x3FU) << 6)
                                  | (b2 & 0x3FU));
  return cp >= 0xAC00 && cp <= 0xD7A3 ? cp - 0xAC00 : -1;
}

/// True when a precomposed Hangul syllable starts at text[i].
[[gnu::always_inline]] inline bool hangul_syllable_at(std::string_view text,
                                                      std::size_t i) {
  return hangul_syllable_index(text, i) >= 0;
}

/// The code point that starts at text[i] (i < text.size()) and its length
/// in bytes; a byte that starts no valid sequence is cp -1, length 1.
struct Decoded {
  std::int32_t cp = -1;
  std::size_t length = 1;
};

Decoded decode_at(std::string_view text, std::size_t i);

/// True when `cp` is a letter (Unicode category L*) or a number (N*).
bool is_letter_or_number(std::int32_t cp);

}  // namespace papers
