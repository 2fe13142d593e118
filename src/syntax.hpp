// The line-level recognisers of the digest grammar, in every layout the
// parser reads (docs: digest-format.md for the canonical one, layouts.md
// for the others): headings, fences, bullets, labels and their synonym
// tables, paper references, vote tokens and dates in text or paths. Pure
// functions over one line: no state, no allocation unless a result needs it.
// Used by the parser, the layout reader and the markdown writer alike.
#pragma once

#include <papers/paper.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace papers::syntax {

/// An ATX heading: level 1-6 and its text, trimmed.
struct Heading {
  int level = 0;
  std::string_view text;
};

/// An ATX heading: up to 3 spaces, 1-6 `#`, then a space or the line end.
std::optional<Heading> parse_heading(std::string_view line);

/// A code fence line: its character, length and indent.
struct Fence {
  char ch = 0;
  std::size_t length = 0;
  std::size_t indent = 0;            ///< > 0: opened inside a bullet's content
  std::uint32_t line = 0;            ///< where it opened
  std::uint32_t hidden_heading = 0;  ///< first heading line it swallowed, or 0
};

/// A line of ``` or ~~~ (3 or more, after any indent).
std::optional<Fence> parse_fence(std::string_view line);

/// True when `line` closes the open `fence`.
bool closes_fence(const Fence& fence, std::string_view line);

/// `- `, `* ` or `+ ` at column 0 (or the marker alone): the bullet's text.
std::optional<std::string_view> bullet_text(std::string_view line);

/// A summary bullet's `**Label**: ` / `***Label***: ` (canonical forms).
struct Labelled {
  std::optional<std::string_view> label;
  std::string_view text;
};

/// The canonical summary label of a bullet's text, if any.
Labelled split_label(std::string_view text);

/// The date a canonical section heading's text names: `Daily Papers (X)`
/// gives X, not yet checked; nullopt for any other heading.
std::optional<std::string_view> date_heading_value(std::string_view text);

/// A canonical paper heading's `[Title](url)`: the link text as written
/// (decode it with decode_link_text) and the URL, trimmed.
struct HeadingLink {
  std::string_view text;
  std::string_view url;
};

/// The link of a heading's text when the whole text is one `[…](…)`.
std::optional<HeadingLink> heading_link(std::string_view text);

/// The field lines of a canonical entry, before its summary bullets.
enum class EntryLineKind {
  kNone,       ///< none of them
  kVote,       ///< `Vote: N`
  kAuthors,    ///< `Authors: A, B`
  kThumbnail,  ///< `![alt](url)`
  kVideoLink,  ///< `[Watch Video](url)`
  kVideoTag,   ///< `<video src="url">` (or `<div><video ...`)
};

/// One canonical field line, recognised on the trimmed line.
struct EntryLine {
  EntryLineKind kind = EntryLineKind::kNone;
  /// kVote, kAuthors: the text after the label, as written. kThumbnail,
  /// kVideoLink, kVideoTag: the URL, trimmed; empty when there is none.
  std::string_view value;
  bool broken = false;  ///< kVideoLink without parentheses around the URL
};

/// What a line in a canonical entry's field block is.
EntryLine parse_entry_line(std::string_view line);

/// A line that is only links (`[arXiv](…) | [PDF](…)`, after an optional
/// bullet marker) or one bare URL: a paper's references, not its text.
bool only_links(std::string_view line);

/// A thematic break: three or more of one of `-`, `*`, `_`, spaces between.
bool is_thematic_break(std::string_view line);

/// The URL of a line that is one image (`![alt](url)`), without spaces.
std::optional<std::string_view> image_url(std::string_view line);

/// The date a canonical digest's path names: a `YYYY-MM-DD.md` file name
/// or a `YYYY/MM/DD.md` path (`.markdown` too, either in any case).
std::optional<Date> canonical_path_date(std::string_view path);

/// The length of the entity reference (`&amp;`, `&#233;`) that may start
/// at text[i] ('&'): up to its `;`, within the longest entity; 0 when the
/// bytes cannot be one. Whether it names a real entity is decode's job.
std::size_t entity_length(std::string_view text, std::size_t i);

/// An ASCII punctuation character: what a backslash escapes (CommonMark).
bool is_escapable(char c);

/// Decodes CommonMark backslash escapes and entity references in link
/// text, leaving everything else literal (backticks, `<think>`, `*`).
std::string decode_link_text(std::string_view text);

/// `1. `, `1) `, `12.` ...: the list number's length with its space, or 0.
std::size_t numbered_prefix(std::string_view text);

/// The fields a labelled line can fill.
enum class FieldKind {
  kNone,     ///< not a known label
  kAuthors,  ///< author names
  kVotes,    ///< a vote count
  kId,       ///< an arXiv id
  kTitle,    ///< the paper's title
  kLink,     ///< a link to the paper (a reference, nothing to keep)
  kMeta,     ///< a known fact kept as a field (affiliation, date, ...)
};

/// The field a label names, by its synonym tables (case-insensitive,
/// spaces folded); kNone when it is none of them.
FieldKind label_kind(std::string_view label);

/// Every synonym of a field, for the documentation and tests.
std::vector<std::string_view> label_synonyms(FieldKind kind);

/// A labelled line in any of the usual forms: `Label: v`, `**Label**: v`,
/// `**Label:** v`, `__Label__: v`, after an optional list marker, quote
/// marker or emoji; the colon ASCII or full-width. A plain `Label:` counts
/// only when the label is a known one.
struct Field {
  std::string_view label;  ///< as written, trimmed
  std::string_view value;  ///< trimmed
  FieldKind kind = FieldKind::kNone;
};

/// The labelled fields of one line (several when `| **Label**: v` segments
/// follow the first); empty when the line is not labelled.
std::vector<Field> parse_fields(std::string_view line);

/// A paper reference found in text: the id (a view into the text when it
/// appears there without version) and the URL it came from, if any.
struct Reference {
  std::string id;
  std::optional<std::string_view> url;
};

/// Every paper reference in `text`, in order: arxiv.org abs/pdf/html links,
/// huggingface.co/papers/ links, `arXiv:ID` and, when `bare_ok`, a bare
/// id (`2603.01234`, as the value of an id field).
std::vector<Reference> find_references(std::string_view text, bool bare_ok);

/// A cheap test: could `text` hold a paper reference at all?
bool may_hold_reference(std::string_view text);

/// A vote count written as a token: `⬆️ 42`, `👍 12`, `▲ 3`, `(175
/// votes)`, `42 upvotes`; never a score (`84/100`) or stars.
std::optional<std::int64_t> find_vote_token(std::string_view text);

/// A vote count as the value of a votes field: `42`, `⬆️ 42`, `42 votes`,
/// `1,234`; nullopt for anything else (a score out of 100, stars, text).
std::optional<std::int64_t> parse_vote_value(std::string_view text);

/// The first calendar date written in `text`: `YYYY-MM-DD`, `YYYY/MM/DD`,
/// `YYYY.MM.DD`, `YYYY_MM_DD` or `YYYY年M月D日`.
std::optional<Date> find_date(std::string_view text);

/// The date a path names: `YYYY-MM-DD` (or `_`, `.`, or 8 digits) in the
/// file name, else in a folder name nearest the file first, else
/// `YYYY/MM/DD` folders (`2026/06/03.md`).
std::optional<Date> date_in_path(std::string_view path);

/// A heading's or item's text as a reader sees the title: list numbering,
/// a wrapping `**…**` or `[…]`, a link's target, a trailing vote
/// annotation or URL removed; escapes decoded. Empty when nothing is left
/// or only a URL.
std::string clean_title(std::string_view text);

/// An author list as written in a field, with truncation marks (`et al.`,
/// `等`, `외`, `...`) and placeholders ("not provided") recognised.
struct AuthorList {
  std::vector<std::string> names;
  bool truncated = false;
};

/// Splits an authors field: commas (ASCII or full-width), `、`, `;`;
/// markdown links and emphasis reduced to their text.
AuthorList parse_author_field(std::string_view text);

}  // namespace papers::syntax
