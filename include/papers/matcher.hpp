// Matchers: does a piece of text contain a search term? A term is either a
// literal, compared case-insensitively on folded text (see text_fold.hpp),
// or an RE2 pattern, compiled once and matched case-insensitively on the
// text as written. RE2 stays behind a pimpl, so this header is all the
// query layer sees of it.
#pragma once

#include <papers/error.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace papers {

/// How a field's text was folded before matching a literal.
enum class Fold {
  kText,  ///< fold_text(): case folded, accents kept (titles, summaries)
  kName,  ///< author_key(): also without accents, dots and extra spaces
};

/// One search term, ready to match.
class Matcher {
 public:
  /// A literal term: matches text that contains it, ignoring case.
  static Matcher literal(std::string_view term);
  /// An RE2 pattern, matched anywhere in the text and ignoring case; an
  /// Error names the pattern and RE2's reason when it does not compile.
  static Result<Matcher> regex(std::string_view pattern);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  /// True when the term occurs in a field. `raw` is the field as a reader
  /// sees it (regexes look at it); `folded` is `raw` folded as `fold` says
  /// (literals look at it).
  bool matches(std::string_view raw, std::string_view folded, Fold fold) const;

  /// True when the term occurs in text as a reader sees it (a title, a
  /// summary bullet as plain text), folded as Fold::kText for a literal:
  /// matches(text, fold_text(text), Fold::kText) without folding when it
  /// can be helped.
  bool matches_text(std::string_view text) const;

  /// True for a regex: it needs `raw`, and never `folded`.
  bool is_regex() const { return regex_ != nullptr; }

  /// The term as given.
  const std::string& term() const { return term_; }

 private:
  struct Regex;

  Matcher() = default;

  std::string term_;
  std::string text_needle_;  ///< fold_text(term)
  std::string name_needle_;  ///< author_key(term)
  std::unique_ptr<const Regex> regex_;
};

}  // namespace papers
