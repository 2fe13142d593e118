// The test dump itself: escaping and the difference report.
#include "dump.hpp"

#include <doctest/doctest.h>

namespace papers::test {

TEST_CASE("quote") {
  CHECK(quote("plain 한글") == "\"plain 한글\"");
  CHECK(quote("\"\\") == R"("\"\\")");
  CHECK(quote("\n\t\r\b\f\x01\x1b\x7f") == R"("\n\t\r\b\f\x01\x1B\x7F")");
  CHECK(quote("\xC2\x85|\xEF\xBB\xBF|\xEF\xBF\xBD|\xE2\x80\x8B")
        == R"("\u{0085}|\u{FEFF}|\u{FFFD}|\u{200B}")");
  CHECK(quote("\xFF\xC3") == R"("\xFF\xC3")");
}

TEST_CASE("first_difference") {
  CHECK(first_difference("a\nb\n", "a\nb\n").empty());
  CHECK(first_difference("a\nb\n", "a\nc\n")
        == "first difference at line 2\n  expected: b\n  actual:   c");
  CHECK(first_difference("a\n", "a\nb\n").find("line 2") != std::string::npos);
  CHECK_FALSE(first_difference("a", "a\n").empty());
}

TEST_CASE("dump") {
  ParseOutput output = parse_chunked(
      "t.md",
      "## Daily Papers (2024-02-07)\n### [T](/papers/2402.00001)\n- x\n");
  const std::string text = dump(output);
  CHECK(text.find("file: \"t.md\"\n") == 0);
  CHECK(text.find("  id: \"2402.00001\"\n") != std::string::npos);
  CHECK(text.find("  source: line 2\n") != std::string::npos);
  CHECK(text.find("      text: \"x\"\n") != std::string::npos);
  output.papers[0].source.file = "other.md";
  CHECK(dump(output).find("  source: \"other.md\":2\n") != std::string::npos);
}

}  // namespace papers::test
