// Display width, truncation, wrapping and terminal sanitising: the helpers
// that keep Korean tables aligned and untrusted text harmless.
#include "text_width.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using papers::display_width;
using papers::sanitize_for_terminal;
using papers::truncate_to_width;
using papers::wrap_to_width;

namespace {

// True when `text` is only whole grapheme clusters: it does not start with
// a combining mark or a zero-width joiner.
bool starts_cleanly(const std::string& text) {
  return !text.starts_with("\u0301") && !text.starts_with("\u200D")
         && !text.starts_with("\uFE0F");
}

}  // namespace

TEST_CASE("display_width counts terminal columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("Self-Discover") == 13);
  SUBCASE("East Asian wide characters count 2") {
    CHECK(display_width("한국어") == 6);
    CHECK(display_width("漢字") == 4);
    CHECK(display_width("Ｆｕｌｌ") == 8);  // fullwidth Latin
    CHECK(display_width("모델(SSM)은") == 4 + 5 + 2);
  }
  SUBCASE("combining marks count 0") {
    CHECK(display_width("Cafe\u0301") == 4);
    CHECK(display_width("Nguye\u0302\u0303n") == 6);
    // Conjoining jamo: one syllable, two columns.
    CHECK(display_width("\u1100\u1161\u11A8") == 2);
    // A precomposed syllable followed by what extends it stays one cluster
    // (the fast path for syllables must not split these).
    CHECK(display_width("\uAC00\u11A8") == 2);        // 가 + final jamo
    CHECK(display_width("\uAC00\u0301\uAC00") == 4);  // 가 + mark, 가
    CHECK(display_width("\uD7A3\u200D") == 2);        // 힣 + ZWJ
  }
  SUBCASE("emoji clusters are as wide as their widest part") {
    CHECK(display_width("\U0001F600") == 2);
    CHECK(display_width("\u2764\uFE0F") == 2);          // emoji presentation
    CHECK(display_width("\U0001F1F0\U0001F1F7") == 2);  // a flag
    CHECK(display_width("\U0001F468\u200D\U0001F469\u200D\U0001F467") == 2);
  }
  SUBCASE("controls count 0, invalid bytes 1") {
    CHECK(display_width("a\x1b[2Jb") == 5);  // ESC is 0, "[2J" are 3
    CHECK(display_width("\x7f") == 0);
    CHECK(display_width("a\xff"
                        "b")
          == 3);
    CHECK(display_width("\xe2\x82") == 2);  // a truncated sequence
  }
}

TEST_CASE("truncate_to_width cuts at grapheme boundaries with an ellipsis") {
  CHECK(truncate_to_width("abc", 3) == "abc");
  CHECK(truncate_to_width("abc", 10) == "abc");
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
  CHECK(truncate_to_width("abcdef", 1) == "…");
  CHECK(truncate_to_width("abcdef", 0) == "");
  SUBCASE("wide characters never overrun the width") {
    CHECK(truncate_to_width("한국어입니다", 7) == "한국어…");
    CHECK(truncate_to_width("한국어입니다", 6) == "한국…");
    for (std::size_t w = 1; w <= 12; ++w) {
      CAPTURE(w);
      CHECK(display_width(truncate_to_width("한국어입니다", w)) <= w);
    }
  }
  SUBCASE("a combining mark stays with its base") {
    CHECK(truncate_to_width("Cafe\u0301st", 5) == "Cafe\u0301…");
    CHECK(truncate_to_width("Cafe\u0301st", 4) == "Caf…");
    CHECK(truncate_to_width("Cafe\u0301\u0301\u0301!!", 5)
          == "Cafe\u0301\u0301\u0301…");
  }
  SUBCASE("an emoji sequence is kept whole or dropped whole") {
    const std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
    CHECK(truncate_to_width("ab" + family + "cd", 5) == "ab" + family + "…");
    CHECK(truncate_to_width("ab" + family + "cd", 4) == "ab…");
  }
  SUBCASE("spaces before the ellipsis are dropped") {
    CHECK(truncate_to_width("ab   cdef", 6) == "ab…");
  }
}

TEST_CASE("wrap_to_width breaks lines by display width") {
  CHECK(wrap_to_width("", 10) == std::vector<std::string>{""});
  CHECK(wrap_to_width("one two three", 0)
        == std::vector<std::string>{"one two three"});
  CHECK(wrap_to_width("one two three four", 9)
        == std::vector<std::string>{"one two", "three", "four"});
  CHECK(wrap_to_width("  spaced   out  ", 20)
        == std::vector<std::string>{"spaced out"});
  SUBCASE("Korean wraps at spaces by columns, not bytes or code points") {
    // Each word is 4 columns (2 syllables); "가나 다라" is 9 columns.
    const auto lines = wrap_to_width("가나 다라 마바 사아", 9);
    CHECK(lines == std::vector<std::string>{"가나 다라", "마바 사아"});
    const auto narrow = wrap_to_width("가나 다라 마바 사아", 8);
    CHECK(narrow == std::vector<std::string>{"가나", "다라", "마바", "사아"});
  }
  SUBCASE("a word wider than the line is cut between clusters") {
    CHECK(wrap_to_width("abcdefgh", 3)
          == std::vector<std::string>{"abc", "def", "gh"});
    CHECK(wrap_to_width("漢字漢字漢", 5)
          == std::vector<std::string>{"漢字", "漢字", "漢"});
    const auto lines = wrap_to_width("e\u0301e\u0301e\u0301e\u0301", 3);
    CHECK(lines
          == std::vector<std::string>{"e\u0301e\u0301e\u0301", "e\u0301"});
  }
  SUBCASE("a too-narrow width still makes progress") {
    const auto lines = wrap_to_width("한국", 1);
    CHECK(lines == std::vector<std::string>{"한", "국"});
  }
  SUBCASE("no line is wider than asked, and none starts mid-cluster") {
    const std::string text =
        "SELF-DISCOVER는 큰 언어 모델들(Large Language Models, LLMs)이 "
        "전형적인 프롬프팅 방법으로 해결하기 어려운 복잡한 추론 문제를 다룰 "
        "수 있도록 https://github.com/ggjy/vision_weak_to_strong 결합 "
        "e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301 문자";
    for (std::size_t width = 2; width <= 40; ++width) {
      CAPTURE(width);
      for (const auto& line : wrap_to_width(text, width)) {
        CAPTURE(line);
        CHECK(display_width(line) <= width);
        CHECK(starts_cleanly(line));
      }
    }
  }
}

TEST_CASE("sanitize_for_terminal leaves no control character raw") {
  CHECK(sanitize_for_terminal("plain 한국어 Café", true)
        == "plain 한국어 Café");
  SUBCASE("escape sequences become visible") {
    CHECK(sanitize_for_terminal("\x1b]52;c;SGVsbG8=\x07", true)
          == "␛]52;c;SGVsbG8=␇");
    CHECK(sanitize_for_terminal("\x1b[2J", true) == "␛[2J");
  }
  SUBCASE("backspace, form feed, carriage return, DEL") {
    CHECK(sanitize_for_terminal("a\bb\fc\rd\x7f", true) == "a␈b␌c␍d␡");
  }
  SUBCASE("C1 controls and bidi overrides become U+FFFD") {
    CHECK(sanitize_for_terminal("\u009b31m", true) == "\uFFFD31m");
    CHECK(sanitize_for_terminal("\u009d52;x", true) == "\uFFFD52;x");
    CHECK(sanitize_for_terminal("a\u202Eb\u2066c", true) == "a\uFFFDb\uFFFDc");
  }
  SUBCASE("other format characters become U+FFFD") {
    // Marks of direction, the Arabic letter mark, word joiner, BOM, a tag.
    CHECK(sanitize_for_terminal("a\u200Eb\u200Fc\u061Cd", true)
          == "a\uFFFDb\uFFFDc\uFFFDd");
    CHECK(sanitize_for_terminal("\uFEFFx\u2060y\U000E0041", true)
          == "\uFFFDx\uFFFDy\uFFFD");
    CHECK(display_width(sanitize_for_terminal("a\u200Eb", true)) == 3);
  }
  SUBCASE("ZWJ and ZWNJ stay inside a word, not outside one") {
    const std::string family = "\U0001F468\u200D\U0001F469";
    CHECK(sanitize_for_terminal(family, true) == family);
    const std::string persian =
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
    CHECK(sanitize_for_terminal(persian, true) == persian);
    CHECK(sanitize_for_terminal("\u200Dab", true) == "\uFFFDab");
    CHECK(sanitize_for_terminal("ab\u200C", true) == "ab\uFFFD");
    CHECK(sanitize_for_terminal("a \u200D b", true) == "a \uFFFD b");
  }
  SUBCASE("a soft hyphen is dropped") {
    CHECK(sanitize_for_terminal("Trans\u00ADformer", true) == "Transformer");
  }
  SUBCASE("combining marks are capped at 16 in a row") {
    std::string zalgo = "e";
    for (int k = 0; k < 10000; ++k) {
      zalgo += "\u0301";
    }
    zalgo += "x";
    std::string capped = "e";
    for (int k = 0; k < 16; ++k) {
      capped += "\u0301";
    }
    capped += "x";
    CHECK(sanitize_for_terminal(zalgo, true) == capped);
    CHECK(display_width(sanitize_for_terminal(zalgo, true)) == 2);
    // Real text keeps all its marks: Vietnamese, Hebrew with points.
    CHECK(sanitize_for_terminal("Vi\u1EC7t e\u0323\u0302", true)
          == "Vi\u1EC7t e\u0323\u0302");
  }
  SUBCASE("invalid UTF-8 becomes U+FFFD") {
    CHECK(sanitize_for_terminal("a\xff"
                                "b",
                                true)
          == "a\uFFFDb");
    CHECK(sanitize_for_terminal("\xc3(", true) == "\uFFFD(");
  }
  SUBCASE("newlines are kept or joined, tabs become spaces") {
    CHECK(sanitize_for_terminal("a\nb\tc", true) == "a b c");
    CHECK(sanitize_for_terminal("a\nb\tc", false) == "a\nb c");
    CHECK(sanitize_for_terminal("a\u2028b", true) == "a b");
    CHECK(sanitize_for_terminal("a\u2028b", false) == "a\nb");
  }
  SUBCASE("the result has no byte a terminal acts on") {
    std::string all;
    for (int c = 0; c < 0x80; ++c) {
      all += static_cast<char>(c);
    }
    all += "\u0080\u0085\u008d\u009b\u009c\u009d\u009f";
    const auto out = sanitize_for_terminal(all, true);
    for (const char c : out) {
      const auto b = static_cast<unsigned char>(c);
      CHECK((b >= 0x20 && b != 0x7F));
    }
    CHECK(out.find("\xc2\x80") == std::string::npos);
    CHECK(out.find("\xc2\x9b") == std::string::npos);
  }
}
