// Fuzz target: the arXiv-id, date and vote normalisers on any bytes.
// Properties: no crash; a normalised id normalises to itself and is found
// again in an abs URL; a parsed date prints back to the same text and
// survives the day-count round trip; a date form names a period; a parsed
// vote count is not negative.
#include <papers/calendar.hpp>
#include <papers/paper.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (const auto id = papers::normalize_arxiv_id(text)) {
    const auto again = papers::normalize_arxiv_id(*id);
    const auto from_url =
        papers::arxiv_id_from_url("https://arxiv.org/abs/" + *id);
    if (!again || *again != *id || !from_url || *from_url != *id) {
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

  // A date form names a non-empty period; an ISO week is Monday to Sunday
  // and is named back as it was written.
  if (const auto form = papers::parse_date_form(text)) {
    const auto range = form->resolve(papers::Date{2024, 2, 29});
    if (!range.from || !range.to || *range.to < *range.from) {
      std::abort();
    }
    if (text.size() == 8 && text[5] == 'W'
        && papers::period_label(*range.from, papers::Period::kWeek) != text) {
      std::abort();
    }
  }

  const auto vote = papers::parse_votes(text);
  if (vote.votes && *vote.votes < 0) {
    std::abort();
  }
  return 0;
}
