// UTF-8 validation: the vectorised is_valid_utf8 and is_clean_text agree
// with the byte-by-byte definition (utf8_sequence_length) on every short
// sequence at every position of a 32-byte block, and on random text.
#include "text_util.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace papers {
namespace {

bool reference_valid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto len = utf8_sequence_length(s, i);
    if (len == 0) {
      return false;
    }
    i += len;
  }
  return true;
}

void check_all(const std::string& s) {
  const bool valid = reference_valid(s);
  REQUIRE_MESSAGE(is_valid_utf8(s) == valid, "bytes of size " << s.size());
  const bool clean = valid && s.find('\0') == std::string::npos;
  REQUIRE(is_clean_text(s) == clean);
}

}  // namespace

TEST_CASE("is_valid_utf8 agrees with the definition") {
  SUBCASE("every 1- and 2-byte sequence at block edges") {
    for (const std::size_t at : {0u, 1u, 29u, 30u, 31u, 32u, 33u, 62u, 63u}) {
      for (unsigned a = 0; a < 256; ++a) {
        for (unsigned b = 0; b < 256; b += (a < 0xC0 ? 17 : 1)) {
          std::string s(at, 'x');
          s += static_cast<char>(a);
          s += static_cast<char>(b);
          s.append(at % 7, 'y');
          check_all(s);
        }
      }
    }
  }
  SUBCASE("3- and 4-byte sequences around every lead") {
    const unsigned char seconds[] = {0x00,
                                     0x41,
                                     0x7F,
                                     0x80,
                                     0x8F,
                                     0x90,
                                     0x9F,
                                     0xA0,
                                     0xBF,
                                     0xC0,
                                     0xE0,
                                     0xF0,
                                     0xFF};
    for (const std::size_t at : {0u, 30u, 31u, 60u}) {
      for (unsigned lead = 0xC0; lead < 256; ++lead) {
        for (const unsigned char b : seconds) {
          for (const unsigned char c : seconds) {
            for (const unsigned d : {0x41U, 0x80U, 0xBFU, 0xC3U}) {
              std::string s(at, 'x');
              s += static_cast<char>(lead);
              s += static_cast<char>(b);
              s += static_cast<char>(c);
              s += static_cast<char>(d);
              check_all(s);
              s.append(40, 'z');
              check_all(s);
            }
          }
        }
      }
    }
  }
  SUBCASE("random text of Korean, ASCII and stray bytes") {
    std::uint32_t state = 12345;
    auto next = [&state] {
      state = state * 1103515245U + 12345U;
      return state >> 8;
    };
    const std::string pieces[] = {
        "a", " ", "\n", "학", "é", "😀", "\xED\x9F\xBF", "\xEF\xBF\xBD"};
    for (int round = 0; round < 20000; ++round) {
      std::string s;
      const std::size_t n = next() % 120;
      for (std::size_t i = 0; i < n; ++i) {
        s += pieces[next() % std::size(pieces)];
      }
      check_all(s);
      if (!s.empty()) {
        std::string bad = s;
        bad[next() % bad.size()] = static_cast<char>(next() & 0xFF);
        check_all(bad);
        std::string cut = s.substr(0, next() % s.size());
        check_all(cut);
      }
    }
  }
}

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

TEST_CASE("whole_sequences_prefix leaves out a sequence the end cuts") {
  CHECK(whole_sequences_prefix("") == 0);
  CHECK(whole_sequences_prefix("ab") == 2);
  CHECK(whole_sequences_prefix("a\xEA\xB0\x80") == 4);  // 가, whole
  CHECK(whole_sequences_prefix("a\xEA\xB0") == 1);
  CHECK(whole_sequences_prefix("a\xEA") == 1);
  CHECK(whole_sequences_prefix("\xC3\xA9") == 2);
  CHECK(whole_sequences_prefix("\xC3") == 0);
  CHECK(whole_sequences_prefix("a\xF0\x9F\x98") == 1);
  CHECK(whole_sequences_prefix("a\xF0\x9F\x98\x80") == 5);
  // Stray continuation bytes are not a cut sequence: left to validation.
  CHECK(whole_sequences_prefix("\x80\x80\x80\x80\x80") == 5);
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

TEST_CASE("decode_at reads one code point, and a bad byte as -1 of length 1") {
  const std::string text = "a\xC3\xA9\xEA\xB0\x80\xF0\x9F\x98\x80\xFF\xE2\x82";
  CHECK(decode_at(text, 0).cp == 'a');
  CHECK(decode_at(text, 0).length == 1);
  CHECK(decode_at(text, 1).cp == 0xE9);
  CHECK(decode_at(text, 1).length == 2);
  CHECK(decode_at(text, 3).cp == 0xAC00);
  CHECK(decode_at(text, 3).length == 3);
  CHECK(decode_at(text, 6).cp == 0x1F600);
  CHECK(decode_at(text, 6).length == 4);
  CHECK(decode_at(text, 10).cp == -1);  // 0xFF starts nothing
  CHECK(decode_at(text, 10).length == 1);
  CHECK(decode_at(text, 11).cp == -1);  // a sequence cut by the end
  CHECK(decode_at(text, 2).cp == -1);   // a continuation byte
}

TEST_CASE("is_letter_or_number takes letters and numbers of any script") {
  for (const std::int32_t cp : std::initializer_list<std::int32_t>{
           'a', 'Z', '7', 0xAC00, 0x4E2D, 0x0661, 0x2167}) {
    CAPTURE(cp);
    CHECK(is_letter_or_number(cp));
  }
  for (const std::int32_t cp : std::initializer_list<std::int32_t>{
           ' ', '-', '(', 0x0301, 0x1F600, 0x200D, -1}) {
    CAPTURE(cp);
    CHECK_FALSE(is_letter_or_number(cp));
  }
}

TEST_CASE("hangul_syllable_index: U+AC00..U+D7A3 only, whole and in bounds") {
  CHECK(hangul_syllable_index("\xEA\xB0\x80", 0) == 0);                 // 가
  CHECK(hangul_syllable_index("\xED\x9E\xA3", 0) == 11171);             // 힣
  CHECK(hangul_syllable_index("a\xEB\xAA\xA8", 1) == 0xBAA8 - 0xAC00);  // 모
  CHECK(hangul_syllable_index("\xEA\xAF\xBF", 0) == -1);  // U+ABFF
  CHECK(hangul_syllable_index("\xED\x9E\xA4", 0) == -1);  // U+D7A4
  CHECK(hangul_syllable_index("\xE3\x84\xB1", 0) == -1);  // a jamo
  CHECK(hangul_syllable_index("\xEA\xB0", 0) == -1);      // cut short
  CHECK(hangul_syllable_index("\xEA\xB0\x41", 0) == -1);  // no continuation
  CHECK(hangul_syllable_at("\xEA\xB0\x80", 0));
  CHECK_FALSE(hangul_syllable_at("abc", 0));
}

}  // namespace papers
