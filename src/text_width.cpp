#include "text_width.hpp"

#include "text_util.hpp"

#include <utf8proc.h>

namespace papers {
namespace {

struct Decoded {
  utf8proc_int32_t cp = -1;  // -1: an invalid byte
  std::size_t length = 1;
};

Decoded decode_at(std::string_view text, std::size_t i) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
      static_cast<utf8proc_ssize_t>(text.size() - i),
      &cp);
  if (n <= 0) {
    return Decoded{};
  }
  return Decoded{cp, static_cast<std::size_t>(n)};
}

std::size_t char_width(utf8proc_int32_t cp) {
  if (cp < 0) {
    return 1;
  }
  const int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : static_cast<std::size_t>(w);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      width += (text[i] >= 0x20 && text[i] != 0x7F) ? 1U : 0U;
      ++i;
      continue;
    }
    const auto d = decode_at(text, i);
    width += char_width(d.cp);
    i += d.length;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  if (columns == 0) {
    return {};
  }
  const std::size_t budget = columns - 1;  // room for the ellipsis
  std::size_t width = 0;
  std::size_t cut = 0;  // end of the last whole grapheme cluster that fits
  std::size_t i = 0;
  utf8proc_int32_t prev = -1;
  utf8proc_int32_t state = 0;
  while (i < text.size()) {
    const auto d = decode_at(text, i);
    const bool boundary =
        prev < 0 || d.cp < 0
        || utf8proc_grapheme_break_stateful(prev, d.cp, &state);
    if (boundary) {
      cut = i;
    }
    width += d.cp < 0 ? 1 : (d.cp < 0x20 ? 0 : char_width(d.cp));
    if (width > budget) {
      break;
    }
    prev = d.cp;
    i += d.length;
    if (i == text.size()) {
      cut = i;
    }
  }
  std::string out(text.substr(0, cut));
  out += "…";
  return out;
}

std::string sanitize_for_terminal(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      if (one_line && (c == '\n' || c == '\t')) {
        out += ' ';
      } else if (c == '\n') {
        out += '\n';
      } else if (c == 0x7F) {
        out += "\u2421";  // ␡
      } else {
        // U+2400 + c: the Control Pictures block (␛ for ESC, ␈ for BS).
        const char32_t picture = 0x2400 + c;
        out += static_cast<char>(0xE0 | (picture >> 12));
        out += static_cast<char>(0x80 | ((picture >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (picture & 0x3F));
      }
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    const auto len = utf8_sequence_length(text, i);
    if (len == 0
        || (len == 2 && c == 0xC2
            && static_cast<unsigned char>(text[i + 1]) < 0xA0)) {
      out += "\uFFFD";  // an invalid byte or a C1 control
      i += len == 0 ? 1 : len;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace papers
