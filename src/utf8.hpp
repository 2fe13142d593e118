// UTF-8: validation (vectorised where the CPU has AVX2), repair with
// U+FFFD, decoding one code point, sequence boundaries, and the Hangul
// syllable test the matcher, the widths and `related` share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace papers {

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
