// ASCII helpers: blanks, trimming and case, byte by byte.
#include "ascii.hpp"

#include <doctest/doctest.h>

namespace papers {

TEST_CASE("trim and rtrim remove spaces and tabs only") {
  CHECK(trim("  \ta b\t ") == "a b");
  CHECK(trim("\n a \r") == "\n a \r");
  CHECK(trim("   ").empty());
  CHECK(rtrim("  a  ") == "  a");
  CHECK(rtrim("\t").empty());
  CHECK(trim("") == "");
}

TEST_CASE("ascii_lower and ascii_upper change ASCII letters only") {
  CHECK(ascii_lower('A') == 'a');
  CHECK(ascii_lower('Z') == 'z');
  CHECK(ascii_lower('@') == '@');
  CHECK(ascii_lower('[') == '[');
  CHECK(ascii_upper('a') == 'A');
  CHECK(ascii_upper('z') == 'Z');
  CHECK(ascii_upper('{') == '{');
  CHECK(ascii_lower('\xC3') == '\xC3');
  CHECK(is_blank_char(' '));
  CHECK(is_blank_char('\t'));
  CHECK_FALSE(is_blank_char('\n'));
}

}  // namespace papers
