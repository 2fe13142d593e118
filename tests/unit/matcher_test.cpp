#include <papers/matcher.hpp>
#include <papers/text_fold.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

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
    auto m = Matcher::regex(R"(\pL{1000})");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().message
          == R"(regex '\pL{1000}' is too large for the regex memory budget)"
             " (64 MiB)");
  }
  SUBCASE("a repetition past RE2's count is invalid, and says why") {
    auto m = Matcher::regex("(a{1,100}){1,100}");
    REQUIRE_FALSE(m.has_value());
    CHECK(m.error().message
          == "invalid regex '(a{1,100}){1,100}': invalid repetition size:"
             " {1,100} (a repetition counts at most 1000, nested ones"
             " multiplied)");
    CHECK(Matcher::regex("(a{1,10}){1,100}").has_value());
  }
}

TEST_CASE("the regexes of one search share the budget") {
  SUBCASE("patterns that fit together all compile and match") {
    const std::string big = alternatives(3000) + "|needle";
    const std::vector<RegexTerm> terms = {
        {big, false}, {"LLa(MA|VA)", true}, {"^개정판", false}};
    auto all = Matcher::regexes(terms);
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 3);
    CHECK((*all)[0].matches("a NEEDLE here", {}, Fold::kText));
    CHECK((*all)[1].case_sensitive());
    CHECK((*all)[1].matches("LLaVA", {}, Fold::kText));
    CHECK_FALSE((*all)[1].matches("llava", {}, Fold::kText));
    CHECK((*all)[2].term() == "^개정판");
    CHECK((*all)[2].matches("개정판: 더 큰 모델", {}, Fold::kText));
  }
  SUBCASE("patterns that fit alone can be too large together") {
    const std::string half = alternatives(6000);
    REQUIRE(Matcher::regex(half).has_value());
    const std::vector<RegexTerm> terms = {
        {"transformer", false}, {half, false}, {half, false}};
    auto all = Matcher::regexes(terms);
    REQUIRE_FALSE(all.has_value());
    CHECK(all.error().message
          == "regex '" + half.substr(0, 60)
                 + "...' is too large together with the 2 before it for the"
                   " regex memory budget (64 MiB)");
  }
  SUBCASE("an invalid pattern among them is named") {
    const std::vector<RegexTerm> terms = {{"ok", false}, {"a(", false}};
    auto all = Matcher::regexes(terms);
    REQUIRE_FALSE(all.has_value());
    CHECK(all.error().message == "invalid regex 'a(': missing ): a(");
  }
}

TEST_CASE("count_text and find_text: non-overlapping, in the text's bytes") {
  const Matcher m = Matcher::literal("AA");
  CHECK(m.count_text("aaaaa") == 2);
  CHECK(m.count_text("b") == 0);
  const auto spans = Matcher::literal("model").find_text("A Model, two MODELS");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0] == MatchSpan{2, 7});
  CHECK(spans[1] == MatchSpan{13, 18});
  // Folding changes lengths (ß is ss): spans are mapped back to the text.
  const std::string text = "Die Straße ist lang";
  const auto eszett = Matcher::literal("strasse").find_text(text);
  REQUIRE(eszett.size() == 1);
  CHECK(text.substr(eszett[0].begin, eszett[0].end - eszett[0].begin)
        == "Straße");
  const std::string accented = "CAFÉ au lait, café";
  const auto cafe = Matcher::literal("café").find_text(accented);
  REQUIRE(cafe.size() == 2);
  CHECK(accented.substr(cafe[0].begin, cafe[0].end - cafe[0].begin) == "CAFÉ");
  auto re = Matcher::regex("x+");
  REQUIRE(re.has_value());
  CHECK(re->count_text("x xx y xxx") == 3);
  CHECK(re->find_text("ab xx")[0] == MatchSpan{3, 5});
  auto empty = Matcher::regex("y*");
  REQUIRE(empty.has_value());
  CHECK(empty->count_text("abc") == 4);  // empty matches end; never loops
  CHECK(empty->find_text("abc").empty());
}

TEST_CASE("case-sensitive literals and regexes, and has_uppercase") {
  const Matcher m =
      Matcher::literal("LLM", MatchOptions{.case_sensitive = true});
  CHECK(m.matches_text("LLM agents"));
  CHECK_FALSE(m.matches_text("llm agents"));
  CHECK(m.case_sensitive());
  auto re = Matcher::regex("LLa(MA|VA)", true);
  REQUIRE(re.has_value());
  CHECK(re->matches_text("LLaMA"));
  CHECK_FALSE(re->matches_text("llama"));
  CHECK(has_uppercase("LLM", false));
  CHECK_FALSE(has_uppercase("llm 확산", false));
  CHECK(has_uppercase("Émile", false));
  CHECK_FALSE(has_uppercase(R"(foo\W)", true));
  CHECK(has_uppercase(R"(Foo)", true));
}

TEST_CASE("Hangul spacing: optional where the term spaces syllables") {
  const Matcher spaced = Matcher::literal("강화 학습");
  CHECK(spaced.matches_text("심층 강화학습 기법"));
  CHECK(spaced.matches_text("심층 강화 학습 기법"));
  CHECK(spaced.matches_text("강화  학습"));
  const Matcher joined = Matcher::literal("강화학습");
  CHECK(joined.matches_text("강화 학습"));
  CHECK(joined.matches_text("강화학습"));
  // Two syllables never split: 확산 is not 정확 산출.
  const Matcher two = Matcher::literal("확산");
  CHECK_FALSE(two.matches_text("정확 산출"));
  CHECK(two.matches_text("확산"));
  // Three syllables: no part of two on both sides, so no gap.
  CHECK_FALSE(Matcher::literal("트랜스").matches_text("트 랜스"));
  // Spaces next to other characters stay as written.
  CHECK_FALSE(Matcher::literal("diffusion 모델").matches_text("diffusion모델"));
  // --exact: as written.
  const Matcher exact =
      Matcher::literal("강화 학습", MatchOptions{.exact_spacing = true});
  CHECK_FALSE(exact.matches_text("강화학습"));
  CHECK(exact.matches_text("강화 학습"));
  // Counting and spans with gaps.
  CHECK(spaced.count_text("강화학습과 강화 학습") == 2);
  const std::string text = "Deep 강화 학습 works";
  const auto spans = joined.find_text(text);
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin)
        == "강화 학습");
  // Mixed with case folding.
  CHECK(Matcher::literal("RL 강화 학습").matches_text("rl 강화학습"));
}

TEST_CASE("matchers move") {
  auto m = Matcher::regex("x+");
  REQUIRE(m.has_value());
  Matcher moved = std::move(*m);
  CHECK(moved.matches("xx", {}, Fold::kText));
}

TEST_CASE("a TextView counts and finds as the text itself does") {
  const Matcher m = Matcher::literal("Straße");
  for (const std::string text :
       {"STRASSE und strasse", "straße 데이터셋 Straße", "none here"}) {
    const TextView view(text);
    CHECK(m.count_text(view) == m.count_text(text));
    CHECK(m.find_text(view) == m.find_text(text));
  }
  const TextView ascii("Model 모델");
  CHECK(ascii.folds_as_ascii());
  const TextView accented("Café");
  CHECK_FALSE(accented.folds_as_ascii());
  CHECK(accented.folded() == "café");
}

// The terms `set` may find in `text` (mark()), as their indices.
std::vector<std::size_t> marked(const TermSet& set,
                                std::size_t size,
                                std::string_view text,
                                bool for_find = false) {
  std::vector<unsigned char> maybe;
  const TextView view(text);
  if (for_find) {
    set.mark_for_find(view, maybe);
  } else {
    set.mark(view, maybe);
  }
  REQUIRE(maybe.size() == size);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < maybe.size(); ++i) {
    if (maybe[i] != 0) {
      out.push_back(i);
    }
  }
  return out;
}

TEST_CASE("a TermSet finds which literals occur, in one pass") {
  std::vector<Matcher> terms;
  terms.push_back(Matcher::literal("diffusion"));
  terms.push_back(Matcher::literal("강화 학습"));  // spaces optional
  terms.push_back(Matcher::literal("LLM", MatchOptions{true, false}));
  terms.push_back(Matcher::literal("a.b"));        // '.' is no wildcard
  terms.push_back(Matcher::literal("strasse"));    // matches folded Straße
  terms.push_back(Matcher::regex("x+y").value());  // always may occur
  std::vector<const Matcher*> all;
  for (const auto& m : terms) {
    all.push_back(&m);
  }
  const TermSet set(all);
  CHECK(set.literals() == 5);
  const auto size = all.size();
  using V = std::vector<std::size_t>;
  CHECK(marked(set, size, "Latent DIFFUSION models") == V{0, 5});
  CHECK(marked(set, size, "강화학습 and llm") == V{1, 5});
  CHECK(marked(set, size, "강화\n 학습 with LLM") == V{1, 2, 5});
  CHECK(marked(set, size, "axb and A.B") == V{3, 5});
  CHECK(marked(set, size, "Die Straße") == V{4, 5});
  CHECK(marked(set, size, "nothing") == V{5});
  // find_text() folds non-ASCII text a cluster at a time: the set does
  // not rule case-insensitive literals out of it.
  CHECK(marked(set, size, "Die Straße", true) == V{0, 1, 3, 4, 5});
  CHECK(marked(set, size, "plain ascii", true) == V{5});

  SUBCASE("it never rules out a term that count_text() finds") {
    for (const std::string text : {"Diffusion 강화 학습 LLM a.b STRASSE",
                                   "강화  학습",
                                   "llm diffusio",
                                   "Straße",
                                   "ＬＬＭ ｄｉｆｆｕｓｉｏｎ",
                                   "a.B strAsse"}) {
      const auto may = marked(set, size, text);
      for (std::size_t i = 0; i < size; ++i) {
        if (terms[i].count_text(text) > 0) {
          CHECK(std::find(may.begin(), may.end(), i) != may.end());
        }
      }
    }
  }
  SUBCASE("marks add up over several texts") {
    std::vector<unsigned char> maybe;
    set.mark(TextView("diffusion"), maybe);
    set.mark(TextView("a.b"), maybe);
    CHECK(maybe == std::vector<unsigned char>{1, 0, 0, 1, 0, 1});
  }
}

TEST_CASE("a needle's unchanging prefix finds its candidates whole") {
  // Hangul: the prefix up to the first optional space.
  const Matcher m = Matcher::literal("강화학습");
  CHECK(m.count_text("강강화학습 강화 학습 강화학 습 강화") == 2);
  CHECK(m.find_text("강강화학습") == std::vector<MatchSpan>{{3, 15}});
  CHECK(m.count_text("강화") == 0);
  // Digits and punctuation before the first letter; the letters then
  // match in either case.
  const Matcher v = Matcher::literal("1.5-Pro");
  CHECK(v.count_text("11.5-pro 1.5-PRO 1.5-Pr 1.5") == 2);
  CHECK(v.find_text("x 1.5-PrO") == std::vector<MatchSpan>{{2, 9}});
  const Matcher exact = Matcher::literal("모델 1.5", MatchOptions{true, true});
  CHECK(exact.count_text("모델 1.5 모델1.5 모델 1.5") == 2);
}

}  // namespace
}  // namespace papers
