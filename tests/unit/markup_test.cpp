// Inline markup: has_markup() finds every markup character wherever it is
// (the vectorised blocks and the tail), and markdown_to_plain() gives the
// text a reader sees.
#include <papers/markup.hpp>

#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <vector>

namespace papers {

TEST_CASE("has_markup: each markup character at every position") {
  const std::string plain(70, 'a');
  CHECK_FALSE(has_markup(plain));
  CHECK_FALSE(has_markup(""));
  for (const char c : std::string_view("*_`[]<>&\\!~")) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string text = plain;
      text[at] = c;
      CAPTURE(c);
      CAPTURE(at);
      CHECK(has_markup(text));
    }
  }
  // Korean text, digits and the punctuation that does nothing inline.
  CHECK_FALSE(
      has_markup("대규모 언어 모델의 추론 능력을 향상시키는 방법, 1-2: (a) "
                 "\"quoted\"; 'x' = y + z? #tag %50 ^ $ @ {} |"));
}

TEST_CASE("markdown_to_plain: the text a reader sees") {
  CHECK(markdown_to_plain("no markup at all") == "no markup at all");
  CHECK(markdown_to_plain("**굵게** 그리고 *기울임*") == "굵게 그리고 기울임");
  CHECK(markdown_to_plain("a `code span` and [a link](https://x.y)")
        == "a code span and a link");
  CHECK(markdown_to_plain("dif**fu**sion") == "diffusion");
  CHECK(markdown_to_plain("AT&amp;T \\*not emphasis\\*")
        == "AT&T *not emphasis*");
  // Text without a markup character is returned as it is, line breaks
  // included; through cmark a soft break reads as a space.
  CHECK(markdown_to_plain("line one\nline two") == "line one\nline two");
  CHECK(markdown_to_plain("*line* one\nline two") == "line one line two");
}

TEST_CASE("markdown_to_plain: the **strong** fast path reads as cmark does") {
  CHECK(markdown_to_plain("**Agents** 모델 **State Space Models**는 빠릅니다.")
        == "Agents 모델 State Space Models는 빠릅니다.");
  CHECK(markdown_to_plain("**굵게** 그리고") == "굵게 그리고");
  // Every string of up to 5 pieces of a small alphabet of words, spaces,
  // stars, block starters and a tab renders as cmark renders it.
  const std::string_view pieces[] = {
      "**", "*", "a", "가", " ", "-", "1.", "	"};
  constexpr std::size_t kPieces = std::size(pieces);
  std::vector<std::string> texts;
  for (std::size_t len = 1; len <= 5; ++len) {
    std::size_t total = 1;
    for (std::size_t k = 0; k < len; ++k) {
      total *= kPieces;
    }
    for (std::size_t n = 0; n < total; ++n) {
      std::string text;
      for (std::size_t k = 0, rest = n; k < len; ++k, rest /= kPieces) {
        text += pieces[rest % kPieces];
      }
      texts.push_back(std::move(text));
    }
  }
  std::size_t checked = 0;
  for (const auto& text : texts) {
    if (!has_markup(text)) {
      continue;
    }
    CAPTURE(text);
    CHECK(markdown_to_plain(text) == markdown_to_plain_cmark(text));
    ++checked;
  }
  CHECK(checked > 20000);
}

}  // namespace papers
