// Byte scanning: find_byte_of's sets, the bytes JSON may escape, and the
// odd controls the binary sniff counts, each against its definition at
// every position of long and short text (vector steps and short ends).
#include "byte_scan.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace papers {

TEST_CASE("count_odd_controls counts DEL and the C0 controls text lacks") {
  // Every byte value at every position of two 32-byte blocks and a tail.
  for (int b = 0; b < 256; ++b) {
    const auto byte = static_cast<unsigned char>(b);
    const bool odd =
        byte == 0x7F
        || (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r'
            && byte != '\f' && byte != '\b' && byte != 0x1B);
    for (std::size_t at : {0UL, 5UL, 31UL, 32UL, 63UL, 70UL}) {
      std::string s(71, 'a');
      s[at] = static_cast<char>(byte);
      s[at == 0 ? 1 : 0] = '\x01';  // one odd byte always
      CAPTURE(b);
      CAPTURE(at);
      CHECK(count_odd_controls(s) == (odd ? 2U : 1U));
    }
  }
  CHECK(count_odd_controls("") == 0);
  CHECK(count_odd_controls(std::string(100, '\x7F')) == 100);
}

TEST_CASE("find_json_special finds each special byte at every position") {
  // Past the first 32-byte block too, so both the vectorised steps and the
  // scalar tail are covered.
  const std::string plain(80, 'a');
  for (const char c : {'\0',
                       '\x01',
                       '\x1F',
                       '"',
                       '\\',
                       '\x7F',
                       '\xC2',
                       '\xD8',
                       '\xDB',
                       '\xDC',
                       '\xE0',
                       '\xE1',
                       '\xE2',
                       '\xEF',
                       '\xF0',
                       '\xF3'}) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string text = plain;
      text[at] = c;
      CAPTURE(static_cast<int>(static_cast<unsigned char>(c)));
      CAPTURE(at);
      CHECK(find_json_special(text, 0) == at);
      CHECK(find_json_special(text, at) == at);
      CHECK(find_json_special(text, at + 1) == text.size());
    }
  }
  // Bytes next to the special ones are not special: space, `!`, `#`,
  // `[`, `]`, 0x7E, 0x80, 0xC1, 0xC3, 0xD9, 0xDD, 0xE3, 0xEA (a Hangul
  // lead), 0xEE, 0xF1, 0xF4.
  std::string others = " !#[]~\x80\xC1\xC3\xD9\xDD\xE3\xEA\xEE\xF1\xF4";
  others += others + others;
  CHECK(find_json_special(others, 0) == others.size());
}

TEST_CASE("find_json_special: every byte value, in long and short text") {
  // The special bytes, from their definition; every other byte is not.
  auto special = [](unsigned char b) {
    return b < 0x20 || b == '"' || b == '\\' || b == 0x7F || b == 0xC2
           || b == 0xD8 || b == 0xDB || b == 0xDC || b == 0xE0 || b == 0xE1
           || b == 0xE2 || b == 0xEF || b == 0xF0 || b == 0xF3;
  };
  for (int b = 0; b < 256; ++b) {
    const auto byte = static_cast<unsigned char>(b);
    CAPTURE(b);
    for (std::size_t size : {1UL, 5UL, 31UL, 32UL, 33UL, 70UL}) {
      for (std::size_t at : {0UL, size / 2, size - 1}) {
        std::string text(size, 'z');
        text[at] = static_cast<char>(byte);
        CAPTURE(size);
        CAPTURE(at);
        CHECK(find_json_special(text, 0) == (special(byte) ? at : size));
        // From a later start, and on a view of a longer buffer whose
        // bytes after the view are special: they must not be seen.
        const std::string padded = text + '"' + std::string(40, '\x01');
        const std::string_view view(padded.data(), size);
        CHECK(find_json_special(view, at) == (special(byte) ? at : size));
        CHECK(find_json_special(view, at + 1) == size);
      }
    }
  }
}

TEST_CASE("find_byte_of: each byte of a set, controls on request") {
  static constexpr ByteSet kSet("*_[", true);
  for (std::size_t size : {1UL, 31UL, 32UL, 33UL, 64UL, 70UL}) {
    for (std::size_t at = 0; at < size; ++at) {
      for (const char c : {'*', '_', '[', '\x01', '\x1F'}) {
        std::string text(size, 'x');
        text[at] = c;
        CAPTURE(size);
        CAPTURE(at);
        CHECK(find_byte_of(text, 0, kSet) == at);
        CHECK(find_byte_of(text, at + 1, kSet) == size);
      }
      std::string plain(size, ']');
      CHECK(find_byte_of(plain, 0, kSet) == size);
    }
  }
  CHECK(find_byte_of("", 0, kSet) == 0);
}

}  // namespace papers
