// Fuzz target: the value normalisers (arXiv ids, dates, votes, author
// lists) on any bytes. Properties: no crash; a normalised id normalises to
// itself; a parsed date prints back to the same text and survives the
// day-count round trip; parsed authors are non-empty, trimmed and unique.
#include <papers/paper.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (const auto id = papers::normalize_arxiv_id(text)) {
    const auto again = papers::normalize_arxiv_id(*id);
    if (!again || *again != *id) {
      std::abort();
    }
  }
  (void)papers::arxiv_id_from_url(text);

  if (const auto date = papers::Date::parse(text)) {
    if (date->to_string() != text
        || papers::Date::from_days(date->days_since_epoch()) != *date) {
      std::abort();
    }
  }

  const auto vote = papers::parse_votes(text);
  if (vote.votes && *vote.votes < 0) {
    std::abort();
  }

  const auto authors = papers::parse_authors(text);
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const auto& a = authors[i];
    if (a.empty() || a == "+" || a.front() == ' ' || a.back() == ' '
        || std::count(authors.begin(), authors.end(), a) != 1) {
      std::abort();
    }
  }
  return 0;
}
