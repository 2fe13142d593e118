// The record model: a Paper as read from one digest entry, its summary
// bullets, diagnostics, and the value types whose spelling varies in the
// wild (arXiv ids, dates, vote counts, author lists) with their normalisers.
// Depends on the standard library only.
#pragma once

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// A validated calendar date (proleptic Gregorian, years 1..9999).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// Parses exactly `YYYY-MM-DD`; rejects impossible days such as 2024-02-30.
  static std::optional<Date> parse(std::string_view text);
  /// `YYYY-MM-DD`.
  std::string to_string() const;
  /// Days since 1970-01-01 (negative before), for week and range arithmetic.
  std::int64_t days_since_epoch() const;
  /// The inverse of days_since_epoch().
  static Date from_days(std::int64_t days);

  auto operator<=>(const Date&) const = default;
};

/// True when `day` exists in `year`-`month`.
bool is_valid_date(int year, int month, int day);

/// One summary bullet: an optional label ("What's New") and the text as
/// written (markdown, label removed, continuation lines joined with '\n').
/// Made on demand from Paper::summary by split_summary() (summary.hpp).
struct SummaryItem {
  std::optional<std::string_view> label;
  std::string_view text;

  bool operator==(const SummaryItem&) const = default;
};

/// A labelled fact of an entry that no Paper field holds (`Affiliation`,
/// `Published`, `Score`, ...): kept for `show`, never mixed into the summary.
struct PaperField {
  std::string_view label;
  std::string_view value;

  bool operator==(const PaperField&) const = default;
};

/// Where a diagnostic comes from.
struct SourceLocation {
  std::string file;
  std::uint32_t line = 0;

  bool operator==(const SourceLocation&) const = default;
};

/// Where a record comes from: the file name is a view, like every text
/// field of a Paper.
struct PaperSource {
  std::string_view file;
  std::uint32_t line = 0;

  bool operator==(const PaperSource&) const = default;
};

/// One paper entry of one digest. Text fields are views: into the read
/// input where the text is as written, else into decoded text held beside
/// it (titles with escapes or entities, joined continuation lines, repaired
/// UTF-8). `bytes` keeps both alive, so a Paper is a value that may be
/// copied and kept after its parser and table are gone. A Paper built by
/// hand may point its views at any text that outlives it. Text is valid
/// UTF-8 without NUL bytes (the parser repairs or rejects what is not).
struct Paper {
  std::optional<std::string_view> id;  ///< arXiv id without version
  std::optional<Date> date;            ///< from the enclosing section heading
  std::string_view title;  ///< link text, escapes and entities decoded
  std::optional<std::string_view> url;  ///< link target as written
  std::optional<std::int64_t> votes;  ///< unknown for `Vote: -` or no vote line
  std::vector<std::string_view> authors;  ///< cleaned: no `+`, no repeats
  /// The list ended in a truncation mark (`et al.`, `等`, `외`, `...`),
  /// which is not kept as a name.
  bool authors_truncated = false;
  std::optional<std::string_view> thumbnail;
  std::optional<std::string_view> video;
  /// The summary's bullet list as written: the lines from the first bullet
  /// to the entry's last line, line ends included (CRLF or CR in such
  /// files). Kept raw because most commands never look at it: the bullets
  /// are split from it on demand (split_summary()), only for the papers
  /// that are printed or searched.
  std::string_view summary;
  /// Labelled facts no other field holds, in entry order (layouts other
  /// than the canonical one; empty there). A view, like the text fields:
  /// the array is kept alive by `bytes`.
  std::span<const PaperField> fields;
  PaperSource source;  ///< file and line of the heading
  /// Owns the bytes the views point into; not part of the value.
  std::shared_ptr<const void> bytes;

  /// Compares the values, not where their bytes are kept; summaries by
  /// their bullets, so that line ends written as CRLF compare equal.
  bool operator==(const Paper& other) const;
};

/// Every kind of diagnostic: its enumerator, its stable rule code (what
/// `papers check` prints and `--allow` takes; never renamed once released)
/// and what it means (`papers check --list-codes` and the DIAGNOSTICS
/// section of the man page, which a test keeps in step). Adding a kind of
/// diagnostic is one line here.
#define PAPERS_DIAGNOSTIC_CODES(X)                                           \
  X(kInvalidDate,                                                            \
    "invalid-date",                                                          \
    "a section heading's date is not a valid date; its papers have no date") \
  X(kDateMismatch,                                                           \
    "date-mismatch",                                                         \
    "a section date differs from the date in the file name")                 \
  X(kUndatedPaper,                                                           \
    "undated-paper",                                                         \
    "a paper before any date heading; it has no date")                       \
  X(kMissingLink, "missing-link", "a paper heading has no link; no id")      \
  X(kNotArxivLink,                                                           \
    "not-arxiv-link",                                                        \
    "a paper heading's link is not an arXiv paper link; no id")              \
  X(kInvalidVotes,                                                           \
    "invalid-votes",                                                         \
    "a Vote: value is neither a number nor '-'; votes unknown")              \
  X(kBrokenVideoLink,                                                        \
    "broken-video-link",                                                     \
    "a [Watch Video] link without parentheses around its URL")               \
  X(kUnrecognisedLine,                                                       \
    "unrecognised-line",                                                     \
    "a line between a paper's heading and its bullets that is none of "      \
    "its fields; ignored")                                                   \
  X(kStrayText,                                                              \
    "stray-text",                                                            \
    "text after a blank line that is neither a bullet nor indented; kept "   \
    "in the previous bullet")                                                \
  X(kInvalidUtf8,                                                            \
    "invalid-utf8",                                                          \
    "invalid UTF-8, replaced with U+FFFD (once per file)")                   \
  X(kBinaryFile,                                                             \
    "binary-file",                                                           \
    "binary data (a NUL byte, or not UTF-8 text); the file is skipped")      \
  X(kLongLine, "long-line", "a line longer than 16 MiB; skipped")            \
  X(kEmptyFile, "empty-file", "the file is empty")                           \
  X(kChangedWhileReading,                                                    \
    "changed-while-reading",                                                 \
    "the file changed while read, each of three times; used as read last")   \
  X(kNoPapers,                                                               \
    "no-papers",                                                             \
    "no paper comes out of the file, and the message says why")              \
  X(kEmptySection,                                                           \
    "empty-section",                                                         \
    "a date section holds no paper (in a file with papers elsewhere)")       \
  X(kUnclosedFence,                                                          \
    "unclosed-fence",                                                        \
    "a code fence that is never closed hides the headings after it")         \
  X(kTwoReferences,                                                          \
    "two-references",                                                        \
    "an entry of another layout refers to two papers; the first is used")    \
  X(kMissingTitle,                                                           \
    "missing-title",                                                         \
    "an entry of another layout has no title that is not a URL")             \
  X(kNoDate,                                                                 \
    "no-date",                                                               \
    "a file of another layout has papers but no date in a heading, its "     \
    "front matter or its path")

/// The kind of a diagnostic (see PAPERS_DIAGNOSTIC_CODES).
enum class DiagnosticCode : std::uint8_t {
#define PAPERS_DIAGNOSTIC_ENUMERATOR(id, name, meaning) id,
  PAPERS_DIAGNOSTIC_CODES(PAPERS_DIAGNOSTIC_ENUMERATOR)
#undef PAPERS_DIAGNOSTIC_ENUMERATOR
};

/// One row of the table of diagnostic kinds.
struct DiagnosticKind {
  DiagnosticCode code;
  std::string_view name;     ///< the rule code: `broken-video-link`
  std::string_view meaning;  ///< one sentence
};

/// Every kind, in the order of PAPERS_DIAGNOSTIC_CODES.
std::span<const DiagnosticKind> diagnostic_kinds();

/// The rule code of `code`: `broken-video-link`.
std::string_view code_name(DiagnosticCode code);

/// The kind whose rule code is `name`, if any.
std::optional<DiagnosticCode> parse_diagnostic_code(std::string_view name);

/// A problem in the input, reported as `FILE:LINE: warning[CODE]: MESSAGE`.
struct Diagnostic {
  SourceLocation where;  ///< line 0 when it concerns the whole file
  DiagnosticCode code;   ///< what kind of problem, for --allow and tools
  std::string message;

  bool operator==(const Diagnostic&) const = default;
};

/// `FILE:LINE: warning[CODE]: MESSAGE` (or `FILE: warning[CODE]: MESSAGE`
/// for line 0).
std::string to_string(const Diagnostic& diagnostic);

/// Normalises any spelling of an arXiv id: `2402.03620`, `2402.03620v2`,
/// `arXiv:2402.03620`, arxiv.org abs/pdf/html URLs, huggingface.co/papers/
/// URLs, site-relative `/papers/ID`, and old-style ids such as
/// `hep-th/9901001`. Returns the id without its version suffix.
std::optional<std::string> normalize_arxiv_id(std::string_view text);

/// The arXiv id of a paper link (the URL forms of normalize_arxiv_id only;
/// a bare id is not a link).
std::optional<std::string> arxiv_id_from_url(std::string_view url);

/// What a `Vote:` value means.
struct VoteValue {
  bool valid = false;                 ///< false: not a count and not `-`
  std::optional<std::int64_t> votes;  ///< unknown for `-`
};

/// Parses the text after `Vote:`: digits, or `-` for unknown.
VoteValue parse_votes(std::string_view text);

/// Parses the text after `Authors:` in either the comma form or the
/// bracketed list-literal form; drops `+` entries, empty names and exact
/// repeats; trims spaces.
std::vector<std::string> parse_authors(std::string_view text);

}  // namespace papers
