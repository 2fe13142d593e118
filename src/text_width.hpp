// Display width of UTF-8 text in terminal columns (East Asian wide
// characters count 2, combining marks 0), truncation that never splits a
// grapheme cluster, and terminal sanitising of untrusted text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace papers {

/// Columns `text` takes on a terminal. Invalid bytes count 1 each.
std::size_t display_width(std::string_view text);

/// The longest prefix of `text` that fits in `columns`, cut at a grapheme
/// cluster boundary, with "…" appended when anything was cut.
std::string truncate_to_width(std::string_view text, std::size_t columns);

/// Replaces control characters (C0, DEL, C1, so ESC sequences too) with
/// visible placeholders; tabs and newlines become spaces when `one_line`.
std::string sanitize_for_terminal(std::string_view text, bool one_line);

}  // namespace papers
