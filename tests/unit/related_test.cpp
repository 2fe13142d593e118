#include <papers/loader.hpp>
#include <papers/query.hpp>
#include <papers/related.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace papers {
namespace {

bool has(const std::vector<std::string>& terms, const std::string& term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

TEST_CASE(
    "related_terms: English words lowercased, stop words and digits out") {
  const auto terms = related_terms("The Mamba-2 model, and 3D scans of 2024");
  CHECK(terms == std::vector<std::string>{"mamba", "model", "3d", "scans"});
}

TEST_CASE("related_terms: Korean words folded, with their syllable pairs") {
  const auto terms = related_terms("상태 공간 모델을 제안합니다. 이 모델");
  CHECK(has(terms, "상태"));
  CHECK(has(terms, "모델을"));
  CHECK(has(terms, "모델"));
  // 모델을 shares 모델 with 모델 through its pairs.
  CHECK(has(terms, std::string(1, kBigramMark) + "모델"));
  CHECK(has(terms, std::string(1, kBigramMark) + "델을"));
  // Common words, one-syllable words and ending pairs are no terms.
  CHECK_FALSE(has(terms, "제안합니다"));
  CHECK_FALSE(has(terms, "이"));
  CHECK_FALSE(has(terms, std::string(1, kBigramMark) + "니다"));
}

constexpr const char* kDigest = R"(## Daily Papers (2024-05-01)

### [Selective State Space Models](https://arxiv.org/abs/2405.00001)
Vote: 5
Authors: Ann Lee, Bo Kim
- Linear-time selective state space models for long sequences.

### [Selective State Space Models Two](https://arxiv.org/abs/2405.00002)
Vote: 1
Authors: Ann Lee, Bo Kim
- Faster selective state space models for long sequences.

### [Long Documents](https://arxiv.org/abs/2405.00003)
Vote: 90
Authors: Cy Park
- A benchmark of long documents.

### [Cooking](https://arxiv.org/abs/2405.00004)
Vote: 50
Authors: Di Wu
- Recipes as graphs.

## Daily Papers (2024-05-02)

### [Selective State Space Models](https://arxiv.org/abs/2405.00001)
Vote: 9
Authors: Ann Lee, Bo Kim
- Linear-time selective state space models for long sequences.

### [Selective State Space Models Two](https://arxiv.org/abs/2405.00002)
Vote: 7
Authors: Ann Lee, Bo Kim
- Faster selective state space models for long sequences.
)";

TEST_CASE("rank_related: the sequel first, one row per id, never the paper") {
  LoadResult load;
  load_buffer("r.md", kDigest, load);
  std::vector<const Paper*> all;
  for (const Paper& paper : load.table.papers()) {
    all.push_back(&paper);
  }
  const Paper& target = *all[0];
  const auto rows = rank_related(target, all);
  REQUIRE(rows.size() == 2);  // Cooking shares nothing
  CHECK(rows[0].paper->id == "2405.00002");
  CHECK(rows[0].paper->votes == 7);  // its appearance with most votes
  CHECK(rows[1].paper->id == "2405.00003");
  CHECK(rows[0].score > rows[1].score);
  // The shared terms that weigh most, then the shared authors.
  CHECK(rows[0].shared.find("selective") != std::string::npos);
  CHECK(rows[0].shared.find("Ann Lee, Bo Kim") != std::string::npos);
  CHECK(rows[1].shared == "long");
  // Each shared author adds the bonus: without it the sequel scores less.
  RelatedParams no_bonus;
  no_bonus.author_bonus = 0;
  const auto plain = rank_related(target, all, no_bonus);
  CHECK(plain[0].score == doctest::Approx(rows[0].score - 0.2).epsilon(0.01));
  // The same call gives the same numbers.
  const auto again = rank_related(target, all);
  CHECK(again[0].score == rows[0].score);
  CHECK(again[1].score == rows[1].score);
}

TEST_CASE("rank_related: nothing in common is no row") {
  LoadResult load;
  load_buffer("r.md", kDigest, load);
  std::vector<const Paper*> all;
  for (const Paper& paper : load.table.papers()) {
    all.push_back(&paper);
  }
  const Paper& cooking = *all[3];
  CHECK(rank_related(cooking, all).empty());
}

}  // namespace
}  // namespace papers
