// The citation helpers of -f bibtex and -f csl-json: unique keys, the
// issued date from arXiv ids old and new, and names split for CSL.
#include "citation.hpp"

#include <doctest/doctest.h>

#include <set>

namespace papers {
namespace {

Paper paper_with(std::optional<std::string_view> id,
                 std::string_view title,
                 std::vector<std::string_view> authors = {}) {
  Paper paper;
  paper.id = id;
  paper.title = title;
  paper.authors = std::move(authors);
  paper.date = Date{2024, 3, 4};
  return paper;
}

TEST_CASE("citation keys: arXiv ids, built keys, unique in the output") {
  const Paper a = paper_with("2403.01234", "A");
  const Paper old = paper_with("hep-th/9901001", "Old");
  const Paper none =
      paper_with(std::nullopt, "The Sparse Notes", {"Émile Durand"});
  const Paper anon = paper_with(std::nullopt, "On it");
  const std::vector<const Paper*> papers = {
      &a, &old, &none, &a, &none, &anon, &a};
  const auto keys = citation_keys(papers);
  CHECK(keys
        == std::vector<std::string>{"arXiv-2403.01234",
                                    "arXiv-hep-th-9901001",
                                    "durand2024sparse",
                                    "arXiv-2403.01234-2",
                                    "durand2024sparse-2",
                                    "anon2024it",
                                    "arXiv-2403.01234-3"});
  CHECK(std::set<std::string>(keys.begin(), keys.end()).size() == keys.size());
}

TEST_CASE("issued: from the arXiv id, else the digest date") {
  const auto check =
      [](std::optional<std::string_view> id, int y, int m, int d) {
        const Issued when = issued(paper_with(id, "T"));
        CAPTURE(id.value_or("none"));
        CHECK(when.year == y);
        CHECK(when.month == m);
        CHECK(when.day == d);
      };
  check("2402.03620", 2024, 2, 0);
  check("0704.0001", 2007, 4, 0);
  check("hep-th/9901001", 1999, 1, 0);
  check("math/0211159", 2002, 11, 0);
  check(std::nullopt, 2024, 3, 4);
}

TEST_CASE("split_name: the last space, organisations and one word literal") {
  auto parts = split_name("Quoc V. Le");
  CHECK(parts.given == "Quoc V.");
  CHECK(parts.family == "Le");
  CHECK(parts.literal.empty());
  CHECK(split_name("Plato").literal == "Plato");
  CHECK(split_name("Gemini Team").literal == "Gemini Team");
  CHECK(split_name("Meta AI Research").literal == "Meta AI Research");
  CHECK(split_name("  Ana María López ").family == "López");
  CHECK(split_name("Google DeepMind").literal == "Google DeepMind");
  CHECK(split_name("NVIDIA").literal == "NVIDIA");
  CHECK(split_name("Shanghai AI Laboratory").literal
        == "Shanghai AI Laboratory");
  CHECK(split_name("Allen Institute for AI").literal
        == "Allen Institute for AI");
  // A person whose name holds no such word, however many parts.
  CHECK(split_name("Jean-Baptiste de la Salle").family == "Salle");
  CHECK(split_name("Mei  Lin").family == "Lin");
}

TEST_CASE("daily papers note") {
  Paper paper = paper_with("2402.03620", "T");
  paper.votes = 1;
  CHECK(daily_papers_note(paper) == "Daily Papers 2024-03-04, 1 vote");
  paper.votes = std::nullopt;
  CHECK(daily_papers_note(paper) == "Daily Papers 2024-03-04");
}

}  // namespace
}  // namespace papers
