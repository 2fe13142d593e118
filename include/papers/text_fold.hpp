// Text folding for matching: the keys that make two spellings of the same
// text compare equal. Searches fold case (full Unicode case folding, so `ß`
// matches `ss`) and compatibility forms but keep accents; author names also
// lose their accents, dots and extra spaces, so `Balazs Kegl`, `Balázs Kégl`
// and `BALÁZS  KÉGL` are one person. Backed by utf8proc's Unicode tables.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace papers {

/// Case-folded, NFKC-normalised `text` with typographic quotes, dashes and
/// spaces lumped to ASCII; accents are kept. Invalid UTF-8 becomes U+FFFD.
std::string fold_text(std::string_view text);

/// True when fold_text(`text`) is `text` with its ASCII letters lowered
/// (every code point is ASCII, a Hangul syllable or a CJK ideograph): then
/// positions in the folded text are positions in `text`.
bool folds_as_ascii(std::string_view text);

/// fold_text() of `text` one grapheme cluster at a time, with where each
/// folded byte came from: folded byte i belongs to the cluster that spans
/// bytes [begin[i], end[i]) of `text`.
struct FoldedText {
  std::string text;
  std::vector<std::size_t> begin;
  std::vector<std::size_t> end;
};

FoldedText fold_text_mapped(std::string_view text);

/// True when fold_text(`text`) contains `needle` (itself folded), without
/// building the folded text when folding would only lower ASCII letters.
bool folded_contains(std::string_view text, std::string_view needle);

/// The key an author name is matched on: fold_text() without accents
/// (marks stripped), with dots turned into spaces, runs of spaces folded
/// into one and both ends trimmed: `Quoc V. Le` -> `quoc v le`.
std::string author_key(std::string_view name);

/// author_key() without single-letter middle initials, for --loose:
/// `Quoc V. Le` -> `quoc le`. The first and last words always stay.
std::string loose_author_key(std::string_view name);

/// A cheap test that rules out most names before they are folded: false
/// only when the bytes of `name` show that the first word of its
/// author_key() (which loose_author_key() keeps too) is not `first`. It
/// reads the name's leading ASCII only; from its first other byte on,
/// folding decides, and the answer is true.
bool author_first_word_may_be(std::string_view name, std::string_view first);

/// author_key() and loose_author_key() of one name at once, into buffers
/// the folder keeps and reuses: once they have grown to the longest name
/// seen, folding allocates nothing. An ASCII name (or one of Hangul and CJK
/// ideographs only) is lowered byte by byte; only other names go through
/// utf8proc, into the folder's own code-point buffer. Queries fold every
/// name of every paper they look at with one of these per thread.
class AuthorKeyFolder {
 public:
  struct Keys {
    std::string_view strict;  ///< author_key(name)
    std::string_view loose;   ///< loose_author_key(name), if asked for
  };

  /// The keys of `name`: views into the folder, valid until its next call.
  /// `loose` is left empty unless `with_loose`.
  Keys fold(std::string_view name, bool with_loose = false);

  /// fold(name).strict.
  std::string_view strict(std::string_view name) { return fold(name).strict; }

  /// fold(name, true).loose.
  std::string_view loose(std::string_view name) {
    return fold(name, true).loose;
  }

 private:
  std::string folded_;
  std::string strict_;
  std::string loose_;
  std::vector<std::int32_t> code_points_;
  std::vector<std::pair<std::size_t, std::size_t>> words_;
};

/// Edit distance between two strings, counted in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace papers
