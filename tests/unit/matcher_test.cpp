#include <papers/matcher.hpp>
#include <papers/text_fold.hpp>

#include <doctest/doctest.h>

#include <string>

namespace papers {
namespace {

bool text_match(const Matcher& m, const std::string& text) {
  return m.matches(text, fold_text(text), Fold::kText);
}

bool name_match(const Matcher& m, const std::string& name) {
  return m.matches(name, author_key(name), Fold::kName);
}

TEST_CASE("a literal matches folded text anywhere") {
  const Matcher m = Matcher::literal("In-Context LEARNING");
  CHECK_FALSE(m.is_regex());
  CHECK(m.term() == "In-Context LEARNING");
  CHECK(text_match(m, "A Comparative Study on in-context learning tasks"));
  CHECK_FALSE(text_match(m, "in context learning"));
  CHECK(text_match(Matcher::literal("strasse"), "Straße"));
  CHECK(text_match(Matcher::literal("CAFÉ"), "Café 데이터셋"));
  CHECK_FALSE(text_match(Matcher::literal("cafe"), "Café"));
  CHECK(text_match(Matcher::literal("데이터셋"), "Café 데이터셋에서"));
  CHECK(text_match(Matcher::literal(""), "anything"));
}

TEST_CASE("a literal matches author names without accents or dots") {
  CHECK(name_match(Matcher::literal("kegl"), "Balázs Kégl"));
  CHECK(name_match(Matcher::literal("V. Le"), "QUOC V LE"));
  CHECK_FALSE(name_match(Matcher::literal("kegl"), "Quoc V. Le"));
}

TEST_CASE("a regex matches the text as written, ignoring case") {
  auto m = Matcher::regex(R"(\bLLa(MA|VA)\b)");
  REQUIRE(m.has_value());
  CHECK(m->is_regex());
  CHECK(m->matches("fine-tuned llama models", {}, Fold::kText));
  CHECK(m->matches("LLaVA-1.5", {}, Fold::kText));
  CHECK_FALSE(m->matches("llamas", {}, Fold::kText));
  auto korean = Matcher::regex("^개정판");
  REQUIRE(korean.has_value());
  CHECK(korean->matches("개정판: 더 큰 모델", {}, Fold::kText));
  CHECK_FALSE(korean->matches("이 개정판", {}, Fold::kText));
  auto accented = Matcher::regex("caf.");
  REQUIRE(accented.has_value());
  CHECK(accented->matches("CAFÉ", {}, Fold::kText));  // . is one code point
}

TEST_CASE("an invalid regex is an error naming the pattern") {
  auto m = Matcher::regex("a(");
  REQUIRE_FALSE(m.has_value());
  CHECK(m.error().message == "invalid regex 'a(': missing ): a(");
  CHECK_FALSE(Matcher::regex("[z-a]").has_value());
}

// Words of eight letters, none of them in the texts matched below.
std::string alternatives(int count) {
  std::string out;
  unsigned state = 1;
  for (int i = 0; i < count; ++i) {
    if (i > 0) {
      out += '|';
    }
    for (int k = 0; k < 8; ++k) {
      state = state * 1103515245U + 12345U;
      out += static_cast<char>('a' + (state >> 16) % 26);
    }
  }
  return out;
}

TEST_CASE("a regex has a memory budget") {
  SUBCASE("thousands of alternatives fit it") {
    auto m = Matcher::regex(alternatives(5000) + "|needle");
    REQUIRE(m.has_value());
    CHECK(m->matches("a needle here", {}, Fold::kText));
    CHECK_FALSE(m->matches("nothing", {}, Fold::kText));
  }
  SUBCASE("a pattern past it is refused, named in short") {
    const std::string pattern = alternatives(10000);
    auto m = Matcher::regex(pattern);
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().message
          == "regex '" + pattern.substr(0, 60)
                 + "...' is too large for the regex memory budget (64 MiB)");
  }
  SUBCASE("one RE2 cannot compile within it is refused too") {
    auto m = Matcher::regex("((((a{100}){100}){100}){100})");
    REQUIRE_FALSE(m.has_value());
  }
}

TEST_CASE("matchers move") {
  auto m = Matcher::regex("x+");
  REQUIRE(m.has_value());
  Matcher moved = std::move(*m);
  CHECK(moved.matches("xx", {}, Fold::kText));
}

}  // namespace
}  // namespace papers
