// UTF-8: the vectorised is_valid_utf8 and is_clean_text agree with the
// byte-by-byte definition (utf8_sequence_length) on every short sequence at
// every position of a 32-byte block, and on random text; sequence
// boundaries, decoding and the Hangul syllable test.
#include "utf8.hpp"

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
