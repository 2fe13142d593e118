// The line splitter: LF, CRLF and lone CR line ends, in chunks of any size.
#include "line_splitter.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace papers {
namespace {

using Lines = std::vector<std::string>;

Lines split(std::initializer_list<std::string_view> chunks) {
  LineSplitter splitter;
  Lines lines;
  auto on_line = [&lines](std::string_view line) { lines.emplace_back(line); };
  for (auto chunk : chunks) {
    splitter.feed(chunk, on_line);
  }
  splitter.finish(on_line);
  return lines;
}

Lines split_every(std::string_view text, std::size_t size) {
  LineSplitter splitter;
  Lines lines;
  auto on_line = [&lines](std::string_view line) { lines.emplace_back(line); };
  for (std::size_t at = 0; at < text.size(); at += size) {
    splitter.feed(text.substr(at, size), on_line);
  }
  splitter.finish(on_line);
  return lines;
}

}  // namespace

TEST_CASE("LineSplitter") {
  SUBCASE("LF") {
    CHECK(split({"a\nb\n"}) == Lines{"a", "b"});
    CHECK(split({"\n\n"}) == Lines{"", ""});
  }
  SUBCASE("no final newline") {
    CHECK(split({"a\nb"}) == Lines{"a", "b"});
    CHECK(split({"a"}) == Lines{"a"});
  }
  SUBCASE("nothing") {
    CHECK(split({}).empty());
    CHECK(split({""}).empty());
  }
  SUBCASE("CRLF is one line end") {
    CHECK(split({"a\r\nb\r\n"}) == Lines{"a", "b"});
    CHECK(split({"a\r\n\r\nb"}) == Lines{"a", "", "b"});
  }
  SUBCASE("CRLF split across chunks") {
    CHECK(split({"a\r", "\nb\n"}) == Lines{"a", "b"});
    CHECK(split({"a\r", "", "\nb"}) == Lines{"a", "b"});
    CHECK(split({"a", "\r", "\n", "b"}) == Lines{"a", "b"});
  }
  SUBCASE("lone CR") {
    CHECK(split({"a\rb\r"}) == Lines{"a", "b"});
    CHECK(split({"a\r\rb"}) == Lines{"a", "", "b"});
    CHECK(split({"a\r", "b"}) == Lines{"a", "b"});
    CHECK(split({"a\r\r\nb"}) == Lines{"a", "", "b"});
    CHECK(split({"a\r"}) == Lines{"a"});
  }
  SUBCASE("a line continues across chunks") {
    CHECK(split({"ab", "cd", "e\nf", "g"}) == Lines{"abcde", "fg"});
  }
  SUBCASE("form feed, vertical tab and NEL are not line ends") {
    CHECK(split({"a\fb\vc\xC2\x85"
                 "d\n"})
          == Lines{"a\fb\vc\xC2\x85"
                   "d"});
  }
  SUBCASE("every chunk size gives the same lines") {
    const std::string text = "x\r\ny\rz\n\r\n\r\rlong line here\r\n\nend";
    const Lines whole = split({text});
    CHECK(whole
          == Lines{"x", "y", "z", "", "", "", "long line here", "", "end"});
    for (std::size_t size = 1; size <= text.size(); ++size) {
      CAPTURE(size);
      CHECK(split_every(text, size) == whole);
    }
  }
  SUBCASE("bytes counts what was fed") {
    LineSplitter splitter;
    auto ignore = [](std::string_view) {};
    splitter.feed("ab\r", ignore);
    splitter.feed("\ncd", ignore);
    CHECK(splitter.bytes() == 6);
  }
  SUBCASE("many lone CRs in one buffer") {
    std::string text;
    for (int i = 0; i < 200000; ++i) {
      text += "a\r";
    }
    text += "b\n";
    const Lines lines = split({text});
    REQUIRE(lines.size() == 200001);
    CHECK(lines.front() == "a");
    CHECK(lines.back() == "b");
  }
}

TEST_CASE("LineSplitter: lines over the cap are reported by length") {
  auto run = [](std::string_view text, std::size_t chunk) {
    LineSplitter splitter(4);
    Lines lines;
    auto on_line = [&lines](std::string_view line) {
      lines.emplace_back(line);
    };
    auto on_long = [&lines](std::uint64_t length) {
      lines.push_back("<" + std::to_string(length) + ">");
    };
    for (std::size_t at = 0; at < text.size(); at += chunk) {
      splitter.feed(text.substr(at, chunk), on_line, on_long);
    }
    splitter.finish(on_line, on_long);
    return lines;
  };
  const std::string text = "abcd\nabcde\r\nab\rabcdefghij\nx\nlonger";
  const Lines want{"abcd", "<5>", "ab", "<10>", "x", "<6>"};
  for (std::size_t size = 1; size <= text.size(); ++size) {
    CAPTURE(size);
    CHECK(run(text, size) == want);
  }
  SUBCASE("the two-callback feed hands a long line out as an empty one") {
    LineSplitter splitter(2);
    Lines lines;
    auto on_line = [&lines](std::string_view line) {
      lines.emplace_back(line);
    };
    splitter.feed("abc\nd", on_line);
    splitter.finish(on_line);
    CHECK(lines == Lines{"", "d"});
  }
}

TEST_CASE("LineEndFinder") {
  const std::string_view text = "ab\rcd\nef\r\ngh";
  LineEndFinder finder(text);
  CHECK(finder.next(0) == 2);
  CHECK(finder.next(3) == 5);
  CHECK(finder.next(6) == 8);
  CHECK(finder.next(9) == 9);
  CHECK(finder.next(10) == std::string_view::npos);
  CHECK(finder.next(text.size()) == std::string_view::npos);
}

}  // namespace papers
