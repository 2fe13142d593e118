// Matchers: does a piece of text contain a search term, how often, and
// where? A term is either a literal, compared case-insensitively on folded
// text (see text_fold.hpp), or an RE2 pattern, compiled once and matched
// case-insensitively on the text as written; either may be made
// case-sensitive. In a literal with Hangul, the spacing between syllables
// is optional (see literal()). RE2 stays behind a pimpl, so this header is
// all the query layer sees of it.
#pragma once

#include <papers/error.hpp>

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// How a field's text was folded before matching a literal.
enum class Fold {
  kText,  ///< fold_text(): case folded, accents kept (titles, summaries)
  kName,  ///< author_key(): also without accents, dots and extra spaces
};

/// How a term matches.
struct MatchOptions {
  /// Compare the text as written (no case folding) instead of folded.
  bool case_sensitive = false;
  /// Literals: spaces must be as written, even between Hangul syllables
  /// (--exact).
  bool exact_spacing = false;
};

/// A match: bytes [begin, end) of the text that was searched.
struct MatchSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  bool operator==(const MatchSpan&) const = default;
};

/// A regex term to compile: the pattern and whether case matters.
struct RegexTerm {
  std::string_view pattern;
  bool case_sensitive = false;
};

/// A text that many terms look at, prepared once for them all: whether it
/// folds as ASCII (folds_as_ascii()), and else its fold_text(), made on
/// first use.
class TextView {
 public:
  explicit TextView(std::string_view text);

  std::string_view text() const { return text_; }

  /// folds_as_ascii(text()), worked out on first use.
  bool folds_as_ascii() const;
  /// fold_text(text()), made on first use.
  std::string_view folded() const;

 private:
  std::string_view text_;
  mutable signed char ascii_ = -1;  ///< unknown, false, true
  mutable bool have_folded_ = false;
  mutable std::string folded_;
};

/// One search term, ready to match.
class Matcher {
 public:
  /// A literal term: matches text that contains it, ignoring case unless
  /// `options.case_sensitive`. Unless `options.exact_spacing`, where the
  /// term has spaces between two Hangul syllables the text may have any
  /// spaces or none (`강화 학습` finds `강화학습`), and a run of Hangul
  /// syllables written without a space also matches the text with spaces
  /// where they would split it into parts of two syllables or more
  /// (`강화학습` finds `강화 학습`; `확산` never matches `정확 산출`).
  static Matcher literal(std::string_view term, MatchOptions options = {});
  /// An RE2 pattern, matched anywhere in the text and ignoring case unless
  /// `case_sensitive`; an Error names the pattern and RE2's reason when it
  /// does not compile.
  static Result<Matcher> regex(std::string_view pattern,
                               bool case_sensitive = false);
  /// The regexes of one search, compiled within one memory budget (64 MiB)
  /// that they share in proportion to their size. A pattern that does not
  /// compile, or that is too large for what the ones before it leave, is
  /// an Error naming it, found without compiling it in full: a pattern far
  /// past the budget fails in milliseconds.
  static Result<std::vector<Matcher>> regexes(std::span<const RegexTerm> terms);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  /// True when the term occurs in a field. `raw` is the field as a reader
  /// sees it (regexes and case-sensitive literals look at it); `folded` is
  /// `raw` folded as `fold` says (other literals look at it).
  bool matches(std::string_view raw, std::string_view folded, Fold fold) const;

  /// True when the term occurs in text as a reader sees it (a title, a
  /// summary bullet as plain text), folded as Fold::kText for a literal:
  /// matches(text, fold_text(text), Fold::kText) without folding when it
  /// can be helped.
  bool matches_text(std::string_view text) const;

  /// How many times the term occurs in `text` (as for matches_text()),
  /// counting matches that do not overlap, from the left.
  std::size_t count_text(std::string_view text) const;
  /// count_text(text.text()), with what the view already knows.
  std::size_t count_text(const TextView& text) const;

  /// Where the term occurs in `text` (as for count_text()), at most `max`
  /// matches, as byte ranges of `text` itself: a literal matched on folded
  /// text is mapped back to whole grapheme clusters of `text`.
  std::vector<MatchSpan> find_text(std::string_view text,
                                   std::size_t max = SIZE_MAX) const;
  /// find_text(text.text(), max), with what the view already knows.
  std::vector<MatchSpan> find_text(const TextView& text,
                                   std::size_t max = SIZE_MAX) const;

  /// True for a regex: it needs `raw`, and never `folded`.
  bool is_regex() const { return regex_ != nullptr; }

  /// True when case matters (case_sensitive, or --smart-case found an
  /// uppercase letter).
  bool case_sensitive() const { return case_sensitive_; }

  /// The term as given.
  const std::string& term() const { return term_; }

 private:
  struct Regex;

  Matcher() = default;

  // The literal's needle on the text it looks at (folded, or as written
  // when case-sensitive), its spaces between Hangul syllables removed;
  // gaps_[k] is 1 where any run of spaces may come before needle_[k].
  std::size_t count_in(std::string_view text, bool lower) const;
  std::vector<MatchSpan> find_in(std::string_view text,
                                 bool lower,
                                 std::size_t max) const;
  std::size_t match_at(std::string_view text, std::size_t at, bool lower) const;
  std::size_t find_from(std::string_view text,
                        std::size_t from,
                        bool lower,
                        std::size_t* end) const;

  std::string term_;
  std::string needle_;
  std::vector<unsigned char> gaps_;
  bool has_gaps_ = false;
  // How many bytes of needle_ find_from() may look for whole: [0] up to
  // its first gap, [1] also up to its first ASCII letter.
  std::size_t prefix_[2] = {0, 0};
  bool case_sensitive_ = false;
  std::string name_needle_;  ///< author_key(term)

  friend class TermSet;
  std::unique_ptr<const Regex> regex_;
};

/// Many literal terms looked for together: which of them may occur in a
/// text, in one pass over it (an RE2::Set of their needles) instead of
/// one scan a term. It only rules terms out: where it says a term may
/// occur, the term's own count_text() or find_text() says how often; where
/// it says not, those would find nothing. Regexes, and literals it cannot
/// take, always may occur.
class TermSet {
 public:
  /// The set of `terms` (indices as in the span; the matchers must
  /// outlive the set).
  explicit TermSet(std::span<const Matcher* const> terms);
  TermSet(TermSet&&) noexcept;
  TermSet& operator=(TermSet&&) noexcept;
  ~TermSet();

  /// Sets maybe[i] (sized to the terms) to 1 for each term that may occur
  /// in `text` as count_text() looks at it, and leaves the others as they
  /// were (so several texts can be marked into one vector).
  void mark(const TextView& text, std::vector<unsigned char>& maybe) const;

  /// As mark(), for find_text(): where text is not folded as ASCII, every
  /// case-insensitive literal may occur.
  void mark_for_find(const TextView& text,
                     std::vector<unsigned char>& maybe) const;

  /// How many terms the set takes (the others always may occur).
  std::size_t literals() const { return literals_; }

 private:
  struct Sets;

  void mark_with(const TextView& text,
                 std::vector<unsigned char>& maybe,
                 bool for_find) const;

  std::size_t size_ = 0;
  std::size_t literals_ = 0;
  std::vector<std::size_t> always_;  ///< terms the set does not take
  std::unique_ptr<Sets> sets_;
};

/// True when `term` holds an uppercase letter (for --smart-case); in a
/// regex, a letter after a backslash (`\W`, `\S`) does not count.
bool has_uppercase(std::string_view term, bool regex);

}  // namespace papers
