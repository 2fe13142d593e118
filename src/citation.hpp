// What the citation formats (BibTeX, CSL-JSON) share: a citation key per
// paper, unique within one output, the date a paper was issued (from its
// arXiv id, else its digest date), and a person's name split into given
// and family parts.
#pragma once

#include <papers/paper.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// One key per paper, in order: `arXiv-ID` (`/` of an old-style id as
/// `-`), or `familyYEARword` (ASCII letters, e.g. `zhou2024selfdiscover`)
/// without an id; a key already given gets `-2`, `-3`, ... so every key of
/// the output is different.
std::vector<std::string> citation_keys(std::span<const Paper* const> papers);

/// When a paper came out: year and month from a new-style arXiv id
/// (`2402.03620`: 2024-02) or an old-style one (`hep-th/9901001`: 1999-01),
/// else the digest date's year, month and day; year 0 when neither.
struct Issued {
  int year = 0;
  int month = 0;  ///< 0: unknown
  int day = 0;    ///< 0: unknown
};

Issued issued(const Paper& paper);

/// The arXiv abstract page of the paper, or its link when it has no id.
std::string abstract_url(const Paper& paper);

/// A name as a citation wants it: `given` and `family` split on the last
/// space, or the whole name as `literal` when it is one word or an
/// organisation ("OpenAI", "Gemini Team", "Meta AI Research").
struct NameParts {
  std::string given;
  std::string family;
  std::string literal;
};

NameParts split_name(std::string_view name);

/// `Daily Papers YYYY-MM-DD, N votes` (parts that are unknown left out).
std::string daily_papers_note(const Paper& paper);

}  // namespace papers
