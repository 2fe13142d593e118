#include <papers/glossary.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace papers {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("glossary_english_key: lower case, plural dropped, hyphens split") {
  CHECK(glossary_english_key("Diffusion Models") == "diffusion model");
  CHECK(glossary_english_key("LLMs") == "llm");
  CHECK(glossary_english_key("in-context learning") == "in context learning");
  CHECK(glossary_english_key("loss") == "loss");
  CHECK(glossary_english_key("corpus") == "corpus");
  CHECK(glossary_english_key("analysis") == "analysis");
  CHECK(glossary_english_key("gas") == "gas");
}

TEST_CASE("bilingual_pairs: Korean(English) and English(Korean)") {
  SUBCASE("same number of words: the phrase and each word") {
    CHECK(bilingual_pairs("이 논문은 확산 모델(diffusion model)을 다룹니다.")
          == Pairs{{"diffusion model", "확산 모델"},
                   {"diffusion", "확산"},
                   {"model", "모델"}});
  }
  SUBCASE("one word, with a space before the parenthesis") {
    CHECK(bilingual_pairs("환각 (hallucination) 문제")
          == Pairs{{"hallucination", "환각"}});
  }
  SUBCASE("an acronym names the Hangul words before it") {
    CHECK(bilingual_pairs("기존 대형 언어 모델(LLMs)은")
          == Pairs{{"llm", "기존 대형 언어 모델"}});
    CHECK(bilingual_pairs("이 방법은 LLM(대형 언어 모델)을")
          == Pairs{{"llm", "대형 언어 모델"}});
  }
  SUBCASE("English before Korean") {
    CHECK(bilingual_pairs("우리는 Video Diffusion(비디오 확산)을")
          == Pairs{{"video diffusion", "비디오 확산"},
                   {"video", "비디오"},
                   {"diffusion", "확산"}});
  }
  SUBCASE("a hyphenated compound is one word: the phrase pair only") {
    CHECK(bilingual_pairs("문맥 내 학습(in-context learning)을")
          == Pairs{{"in context learning", "문맥 내 학습"}});
    CHECK(bilingual_pairs("우리는 chain-of-thought(사고 사슬)을")
          == Pairs{{"chain of thought", "사고 사슬"}});
    CHECK(glossary_english_key("Chain-of-Thought") == "chain of thought");
  }
  SUBCASE("emphasis does not hide a pair") {
    CHECK(bilingual_pairs("**환각**(hallucination)")
          == Pairs{{"hallucination", "환각"}});
  }
  SUBCASE("never from code spans, URLs or link destinations") {
    CHECK(bilingual_pairs("`환각(hallucination)` 코드").empty());
    CHECK(bilingual_pairs("https://example.org/환각(hallucination) 주소")
              .empty());
    CHECK(bilingual_pairs("[환각](hallucination) 링크").empty());
  }
  SUBCASE("not a term") {
    CHECK(bilingual_pairs("결과(2024년)").empty());
    CHECK(bilingual_pairs("성능(accuracy 92.1%)").empty());
    CHECK(bilingual_pairs("(diffusion) 만").empty());
    CHECK(bilingual_pairs("word(other word)").empty());
  }
}

TEST_CASE("GlossaryMiner: support and confidence") {
  GlossaryMiner miner;
  for (int i = 0; i < 3; ++i) {
    miner.add("- 확산 모델(diffusion model)을 씁니다.");
  }
  miner.add("- 새 확산(diffusion) 기법");
  miner.add("- 흩어짐(diffusion)");    // less often: not the translation
  miner.add("- 환각(hallucination)");  // once: below the support
  const auto pairs = miner.pairs(3);
  CHECK(pairs
        == std::vector<GlossaryPair>{{"diffusion", "확산", 4},
                                     {"diffusion model", "확산 모델", 3},
                                     {"model", "모델", 3}});
  CHECK(miner.pairs(1).size() == 4);
  SUBCASE("lookup both ways") {
    auto found = glossary_lookup(pairs, "Diffusion");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->korean == "확산");
    found = glossary_lookup(pairs, "diffusion models");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->korean == "확산 모델");
    found = glossary_lookup(pairs, "확산");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->english == "diffusion");
    CHECK(glossary_lookup(pairs, "흩어짐").empty());
    CHECK(glossary_lookup(pairs, "!!").empty());
  }
}

}  // namespace
}  // namespace papers
