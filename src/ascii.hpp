// ASCII helpers shared by the parser, the matcher and the writers:
// blanks, trimming and case, byte by byte and without locale.
#pragma once

#include <string_view>

namespace papers {

inline bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline char ascii_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

/// Removes spaces and tabs at both ends.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank_char(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_blank_char(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

/// Removes spaces and tabs at the end.
inline std::string_view rtrim(std::string_view s) {
  while (!s.empty() && is_blank_char(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace papers
