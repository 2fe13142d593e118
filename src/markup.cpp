#include "byte_scan.hpp"
#include "utf8.hpp"

#include <papers/markup.hpp>

#include <cmark.h>

#include <array>
#include <cstring>
#include <string>

namespace papers {

namespace {

// "- " for a bullet item, "3. " or "3) " for the third of an ordered list.
std::string list_marker(cmark_node* item) {
  cmark_node* list = cmark_node_parent(item);
  if (list == nullptr || cmark_node_get_list_type(list) != CMARK_ORDERED_LIST) {
    return "- ";
  }
  int number = cmark_node_get_list_start(list);
  for (cmark_node* n = cmark_node_previous(item); n != nullptr;
       n = cmark_node_previous(n)) {
    ++number;
  }
  const char delim =
      cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ')' : '.';
  return std::to_string(number) + delim + ' ';
}

// A letter or digit that no flanking rule treats as space or punctuation:
// ASCII alphanumerics and precomposed Hangul syllables. `i` indexes text.
bool word_char_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
           || (c >= 'A' && c <= 'Z');
  }
  return hangul_syllable_at(text, i);
}

// A Hangul syllable ends at text[i - 1].
bool word_char_before(std::string_view text, std::size_t i) {
  if (i == 0) {
    return false;
  }
  const auto c = static_cast<unsigned char>(text[i - 1]);
  if (c < 0x80) {
    return word_char_at(text, i - 1);
  }
  return i >= 3 && hangul_syllable_at(text, i - 3);
}

// The plain text of `text` when its only markup is `**strong**` spans that
// cmark certainly reads as strong emphasis (the common case of a summary
// bullet), into `out`; false when cmark must decide. One line, no space at
// either end, valid UTF-8 without controls, a letter, a syllable or `**` first
// (so no block construct starts it), `*` only in runs of exactly two that
// alternate: an opener at the start or after a space, before a word
// character, and a closer after a word character. Then every pair is
// strong emphasis (2 + 2 is no multiple of 3) and nothing else is inline.
bool strong_only_plain(std::string_view text, std::string& out) {
  static constexpr ByteSet kOtherMarkup("_`[]<>&\\!~", true);
  if (text.empty() || text.front() == ' ' || text.back() == ' '
      || find_byte_of(text, 0, kOtherMarkup) != text.size()
      || !is_valid_utf8(text)) {
    return false;
  }
  // A digit could start an ordered list ("1.  x" loses its spaces).
  const auto first = static_cast<unsigned char>(text.front());
  if (first != '*'
      && (!word_char_at(text, 0) || (first >= '0' && first <= '9'))) {
    return false;
  }
  out.clear();
  out.reserve(text.size());
  bool open = false;
  std::size_t from = 0;
  for (std::size_t i = text.find('*'); i != std::string_view::npos;
       i = text.find('*', i + 2)) {
    if (i + 1 >= text.size() || text[i + 1] != '*'
        || (i + 2 < text.size() && text[i + 2] == '*')) {
      return false;  // a run of one or of three and more
    }
    if (!open) {
      if ((i > 0 && text[i - 1] != ' ') || i + 2 >= text.size()
          || !word_char_at(text, i + 2)) {
        return false;
      }
    } else if (!word_char_before(text, i)) {
      return false;
    }
    open = !open;
    out.append(text.substr(from, i - from));
    from = i + 2;
  }
  if (open) {
    return false;
  }
  out.append(text.substr(from));
  return true;
}

}  // namespace

bool has_markup(std::string_view text) {
  static constexpr ByteSet kMarkup("*_`[]<>&\\!~");
  return find_byte_of(text, 0, kMarkup) != text.size();
}

std::string markdown_to_plain(std::string_view text) {
  if (!has_markup(text)) {
    return std::string(text);
  }
  // Most markup in a summary is a `**term**`: skip cmark's whole-document
  // parse (18,000 instructions a bullet) when it cannot read it otherwise.
  std::string out;
  if (strong_only_plain(text, out)) {
    return out;
  }
  return markdown_to_plain_cmark(text);
}

std::string markdown_to_plain_cmark(std::string_view text) {
  cmark_node* root =
      cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
  cmark_iter* iter = cmark_iter_new(root);
  std::string out;
  auto newline = [&out] {
    if (!out.empty() && out.back() != '\n') {
      out += '\n';
    }
  };
  for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE;
       ev = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(node);
    if (ev == CMARK_EVENT_ENTER) {
      switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
        out += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK: {
        newline();
        std::string_view literal = cmark_node_get_literal(node);
        while (!literal.empty() && literal.back() == '\n') {
          literal.remove_suffix(1);
        }
        out += literal;
        break;
      }
      case CMARK_NODE_ITEM:
        // The marker is what a reader sees of a list: keep "1)" and "-".
        newline();
        out += list_marker(node);
        break;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      default:
        break;
      }
    } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
               || type == CMARK_NODE_ITEM) {
      newline();
    }
  }
  cmark_iter_free(iter);
  cmark_node_free(root);
  while (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace papers
