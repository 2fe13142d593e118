// Display width of UTF-8 text in terminal columns (East Asian wide
// characters count 2, combining marks 0), measured and cut per grapheme
// cluster with utf8proc's Unicode tables, and terminal sanitising of
// untrusted text. fmt 9 pads by width but truncates by code points, so the
// table and card writers use these helpers instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace papers {

/// Columns `text` takes on a terminal: the sum over its grapheme clusters,
/// each as wide as its widest code point (so `e` + U+0301 is 1, a Hangul
/// syllable 2, an emoji with U+FE0F or a flag 2). Control characters count
/// 0, each invalid byte 1 (it is shown as U+FFFD).
std::size_t display_width(std::string_view text);

/// The longest prefix of `text` that fits in `columns` with "…" appended,
/// cut at a grapheme cluster boundary; `text` itself when it fits.
std::string truncate_to_width(std::string_view text, std::size_t columns);

/// Splits one paragraph (no '\n') into lines of at most `columns`: breaks at
/// spaces, and inside a word wider than a line (CJK without spaces, URLs)
/// at grapheme cluster boundaries. Runs of spaces at a break are dropped.
/// `columns == 0` means no limit: one line. Empty text gives one empty line.
std::vector<std::string> wrap_to_width(std::string_view text,
                                       std::size_t columns);

/// Makes untrusted text safe to write to a terminal: C0 controls become
/// their Control Pictures symbol (ESC → ␛, BS → ␈, FF → ␌, CR → ␍), DEL
/// becomes ␡, C1 controls, bidirectional embedding/override/isolate
/// controls, every other format character (Unicode category Cf: U+200E,
/// U+200F, U+061C, U+FEFF, tags, ...; but ZWJ and ZWNJ between two word
/// characters) and invalid bytes become U+FFFD, a soft hyphen is dropped,
/// tabs become a space, and combining marks past 16 in a row are dropped.
/// Newlines (and U+2028/U+2029) become '\n', or a space when `one_line`.
std::string sanitize_for_terminal(std::string_view text, bool one_line);

/// `text` cut to about `columns` display columns around `first` (a byte
/// range of `text`), at grapheme cluster boundaries, preferring to start a
/// few words before the match; "…" marks each cut end. `marks` (byte ranges
/// of `text`) are moved to the result's bytes; those outside it are dropped
/// and those across a cut are clipped.
std::string cut_around(std::string_view text,
                       std::pair<std::size_t, std::size_t> first,
                       std::size_t columns,
                       std::vector<std::pair<std::size_t, std::size_t>>& marks);

}  // namespace papers
