// Inline markdown to plain text, for the outputs and searches that want what
// a reader sees (`**bold**` becomes `bold`, code spans lose their
// backticks, entities are decoded, inline HTML stays as text). Text without
// any markup character takes a fast path that never touches cmark.
#pragma once

#include <string>
#include <string_view>

namespace papers {

/// True when `text` holds a character that inline markdown could act on.
bool has_markup(std::string_view text);

/// The plain text a reader sees in markdown `text` (one summary bullet or
/// field). Paragraph and line breaks become '\n'.
std::string markdown_to_plain(std::string_view text);

/// markdown_to_plain() always through cmark, for text with markup: the
/// reference its fast path for `**strong**` spans is tested against.
std::string markdown_to_plain_cmark(std::string_view text);

}  // namespace papers
