// What a search found in one paper: its relevance score and the snippet
// that shows why it matched. The query layer makes them (rank.hpp); the
// formatters write them (the `score` and `snippet` fields, the MATCH
// column, the marked bullet of a card). Depends on the standard library
// only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace papers {

struct Hit {
  /// Relevance, rounded to 3 decimals; none when the row was not scored.
  std::optional<double> score;
  /// Plain text around the first match, cut with "…" at the cut ends.
  std::string snippet;
  /// The matches inside `snippet`, as byte ranges [first, second).
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  /// The summary bullet the snippet comes from (index in split_summary()
  /// order); none when it is the title, an author or shared terms.
  std::optional<std::size_t> bullet;
};

}  // namespace papers
