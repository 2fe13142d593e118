// split_summary() (summary.hpp) on raw summary spans: the bullets and
// labels, joined continuation lines and code, line ends of every kind, and
// headings, which act in a summary as they do in a digest.
#include <papers/summary.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace papers {
namespace {

struct Item {
  std::optional<std::string> label;
  std::string text;

  bool operator==(const Item&) const = default;
};

std::vector<Item> split(std::string_view summary) {
  std::vector<Item> out;
  for (const auto& item : split_summary(summary)) {
    Item copy;
    if (item.label) {
      copy.label = std::string(*item.label);
    }
    copy.text = std::string(item.text);
    out.push_back(std::move(copy));
  }
  return out;
}

using Items = std::vector<Item>;

}  // namespace

TEST_CASE("split_summary") {
  SUBCASE("empty") { CHECK(split_summary("").empty()); }
  SUBCASE("bullets, labels, markers") {
    CHECK(split("- **What's New**: a\n* ***Why***: b\n+ c\n-")
          == Items{{"What's New", "a"}, {"Why", "b"}, {{}, "c"}, {{}, ""}});
  }
  SUBCASE("continuation lines join with LF, whatever the line ends") {
    const Items want{{"L", "a\nb"}, {{}, "c\n  d"}};
    CHECK(split("- **L**: a\nb\n- c\n  d") == want);
    CHECK(split("- **L**: a\r\nb\r\n- c\r\n  d") == want);
    CHECK(split("- **L**: a\rb\r- c\r  d") == want);
    CHECK(split("- **L**: a  \nb\n- c\n  d\n\n") == want);
  }
  SUBCASE("a bullet's text that is only a continuation") {
    CHECK(split("-\nnext") == Items{{{}, "\nnext"}});
  }
  SUBCASE("code in a bullet is kept as written, blank lines and bullets too") {
    CHECK(split("- a\n```\n- not a bullet\n\n## not a heading\n```\n- b")
          == Items{{{}, "a\n```\n- not a bullet\n\n## not a heading\n```"},
                   {{}, "b"}});
  }
  SUBCASE("an indented fence ends at the next line at column 0") {
    CHECK(split("- a\n  ```\n  code\n- b")
          == Items{{{}, "a\n  ```\n  code"}, {{}, "b"}});
  }
  SUBCASE("an indented heading is bullet text; a column-0 one is not") {
    CHECK(split("- a\n  ## x\n- b") == Items{{{}, "a\n  ## x"}, {{}, "b"}});
    CHECK(split("- a\n## Other\n- b") == Items{{{}, "a"}});
    CHECK(split("- a\n### [T](u)\nVote: 3\n- b") == Items{{{}, "b"}});
    CHECK(split("- a\n## Notes\n### [T](u)\n- b") == Items{{{}, "a"}});
    CHECK(split("- a\n## Daily Papers (2024-01-01)\n### [T](u)\n- b")
          == Items{{{}, "b"}});
  }
  SUBCASE("the items outlive nothing but the object") {
    std::string text = "- a\r\nb";
    const auto items = split_summary(text);
    text.assign(text.size(), 'x');
    REQUIRE(items.size() == 1);
    CHECK(items[0].text == "a\nb");  // joined: held by the items
  }
}

}  // namespace papers
