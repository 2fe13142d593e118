#include "text_util.hpp"

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

}  // namespace

bool has_markup(std::string_view text) {
  static constexpr ByteSet kMarkup("*_`[]<>&\\!~");
  return find_byte_of(text, 0, kMarkup) != text.size();
}

std::string markdown_to_plain(std::string_view text) {
  if (!has_markup(text)) {
    return std::string(text);
  }
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
