// The general reader (layout_reader.hpp) on small in-memory digests of
// each layout family of layouts.md: what makes an entry a paper, the
// title, authors, votes, id and date it gives, and what it never reads as
// a paper (categories, commentary, sub-headings of an entry).
#include "layout_reader.hpp"

#include "text_store.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace papers {
namespace {

struct Read {
  std::vector<Paper> papers;
  std::vector<std::string> warnings;  // "LINE: message"
  std::string layout;
};

// Reads `text` as the parser hands a file to the general reader: its lines
// with their numbers, trailing blanks removed.
Read read(std::string_view text, std::string_view path = "digest.md") {
  static std::vector<std::string> kept;  // the lines outlive the records
  kept.emplace_back(text);
  std::string_view all = kept.back();
  std::vector<HeldLine> lines;
  std::uint32_t number = 0;
  while (!all.empty()) {
    const auto end = all.find('\n');
    auto line = all.substr(0, end);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(HeldLine{line, ++number});
    if (end == std::string_view::npos) {
      break;
    }
    all.remove_prefix(end + 1);
  }
  Read out;
  auto store = std::make_shared<TextStore>();
  LayoutContext context;
  context.file = path;
  context.path = path;
  context.store = store.get();
  context.bytes = store;
  context.emit = [&out](Paper&& p) {
    out.papers.push_back(std::move(p));
    return true;
  };
  context.warn =
      [&out](std::uint32_t line, DiagnosticCode /*code*/, std::string m) {
        out.warnings.push_back(std::to_string(line) + ": " + m);
      };
  const auto result = read_layout(lines, context);
  out.layout = std::string(result.layout);
  CHECK(result.papers == out.papers.size());
  return out;
}

std::vector<std::string> names(const Paper& p) {
  return {p.authors.begin(), p.authors.end()};
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("family A: front matter, categories, numbered entries") {
  const auto r = read(
      "---\n"
      "date: 2026-05-11\n"
      "---\n"
      "\n"
      "# 今日锐评\n"
      "\n"
      "今天有效论文 2 篇\n"
      "\n"
      "## Mixture of Experts\n"
      "\n"
      "### 1. Sparse Routers for Tiny Experts\n"
      "\n"
      "- **作者**: Lin Wei, Anna Berg 等\n"
      "- **链接**: [arXiv](https://arxiv.org/abs/2605.01234) | "
      "[PDF](https://arxiv.org/pdf/2605.01234)\n"
      "- **来源**: HF Trending，⬆️ 42\n"
      "\n"
      "本文提出一种方法。\n"
      "\n"
      "#### 方法\n"
      "\n"
      "细节。\n"
      "\n"
      "### 2. Another Title\n"
      "\n"
      "- **作者**: Chen Yu\n"
      "- **链接**: https://arxiv.org/abs/2605.04321\n");
  CHECK(r.warnings.empty());
  REQUIRE(r.papers.size() == 2);
  const auto& a = r.papers[0];
  CHECK(a.title == "Sparse Routers for Tiny Experts");
  CHECK(a.id == std::optional<std::string_view>("2605.01234"));
  CHECK(names(a) == Strings{"Lin Wei", "Anna Berg"});
  CHECK(a.authors_truncated);
  CHECK(a.votes == 42);
  CHECK(a.date == Date::parse("2026-05-11"));
  CHECK(a.summary.find("方法") != std::string_view::npos);  // sub-heading
  CHECK(r.papers[1].title == "Another Title");
  CHECK(r.papers[1].id == std::optional<std::string_view>("2605.04321"));
  CHECK_FALSE(r.papers[1].votes);
}

TEST_CASE("family B: dated H1, numbered bold-link headings") {
  const auto r = read(
      "# Daily Papers 2026-05-31\n"
      "\n"
      "## Large Language Models\n"
      "\n"
      "### 1. **[Probing Knowledge](https://arxiv.org/abs/2605.31478v1)**\n"
      "\n"
      "**Authors**: A One, B Two\n"
      "\n"
      "Summary text.\n"
      "\n"
      "### 2. **[Second Title](https://arxiv.org/abs/2605.31363v1)**\n"
      "\n"
      "**Authors**: C Three\n");
  REQUIRE(r.papers.size() == 2);
  CHECK(r.papers[0].title == "Probing Knowledge");
  CHECK(r.papers[0].id == std::optional<std::string_view>("2605.31478"));
  CHECK(names(r.papers[0]) == Strings{"A One", "B Two"});
  CHECK(r.papers[0].date == Date::parse("2026-05-31"));
  CHECK(r.papers[1].title == "Second Title");
  CHECK(r.layout == "headed-entries");
}

TEST_CASE("family C: one paper a file") {
  const auto r = read(
      "## Compressed Reasoning Budgets\n"
      "\n"
      "- **arXiv ID**: 2605.20001\n"
      "- **저자**: 김철수, 이영희\n"
      "\n"
      "## 论文解读\n"
      "\n"
      "### 一、核心贡献\n"
      "\n"
      "内容。\n",
      "notes/2026-05-20.md");
  REQUIRE(r.papers.size() == 1);
  CHECK(r.papers[0].title == "Compressed Reasoning Budgets");
  CHECK(r.papers[0].id == std::optional<std::string_view>("2605.20001"));
  CHECK(names(r.papers[0]) == Strings{"김철수", "이영희"});
  CHECK(r.papers[0].date == Date::parse("2026-05-20"));  // from the path
}

TEST_CASE("family D: numbered H2s, bold-label paragraphs, a links table") {
  const auto r = read(
      "# Daily Hugging Face Paper Digest - 2026-01-02\n"
      "\n"
      "## Summary of Papers\n"
      "\n"
      "## 1. Hypergraph Memory\n"
      "\n"
      "**Authors:** Mei Zhou, Chen Zhang\n"
      "\n"
      "**Published:** 2025-12-30\n"
      "\n"
      "-   **Main Idea:** an idea\n"
      "\n"
      "### Related Links\n"
      "\n"
      "| Platform | Link |\n"
      "| :--- | :--- |\n"
      "| ArXiv | [https://arxiv.org/abs/2512.01234]"
      "(https://arxiv.org/abs/2512.01234) |\n"
      "\n"
      "## 2. Watching and Searching *(175 votes)*\n"
      "\n"
      "**Tác giả:** Nguyen Van A, Tran Thi B\n"
      "\n"
      "https://huggingface.co/papers/2512.05678\n");
  REQUIRE(r.papers.size() == 2);
  CHECK(r.papers[0].title == "Hypergraph Memory");
  CHECK(r.papers[0].id == std::optional<std::string_view>("2512.01234"));
  CHECK(r.papers[0].date == Date::parse("2026-01-02"));  // not Published
  CHECK(names(r.papers[0]) == Strings{"Mei Zhou", "Chen Zhang"});
  CHECK(r.papers[1].title == "Watching and Searching");
  CHECK(r.papers[1].votes == 175);
  CHECK(names(r.papers[1]) == Strings{"Nguyen Van A", "Tran Thi B"});
}

TEST_CASE("family E: no file heading, link after the title, date from path") {
  const auto r = read(
      "### 1. **[Trust Regions]** (https://huggingface.co/papers/2606.01249)\n"
      "- **研究机构/作者**：未在元数据中提供\n"
      "- **核心贡献**：一个贡献\n",
      "2026/06/03.md");
  REQUIRE(r.papers.size() == 1);
  CHECK(r.papers[0].title == "Trust Regions");
  CHECK(r.papers[0].id == std::optional<std::string_view>("2606.01249"));
  CHECK(r.papers[0].authors.empty());  // a placeholder is no author
  CHECK(r.papers[0].date == Date::parse("2026-06-03"));
}

TEST_CASE("numbered items") {
  const auto r = read(
      "# Papers of 2026-02-10\n"
      "\n"
      "1. [First](https://arxiv.org/abs/2602.00001) ⬆️ 7\n"
      "   Authors: X Y\n"
      "2. [Second](https://arxiv.org/abs/2602.00002)\n");
  REQUIRE(r.papers.size() == 2);
  CHECK(r.papers[0].title == "First");
  CHECK(r.papers[0].votes == 7);
  CHECK(r.papers[1].id == std::optional<std::string_view>("2602.00002"));
  CHECK(r.layout == "numbered-items");
}

TEST_CASE("a heading without a reference at the papers' level ends a paper") {
  const auto r = read(
      "## 1. First\n\nhttps://arxiv.org/abs/2603.00011\n\nSummary one.\n\n"
      "## 2. Second\n\nhttps://arxiv.org/abs/2603.00022\n\nSummary two.\n\n"
      "## Notes\n\nNot about the second paper.\n");
  REQUIRE(r.papers.size() == 2);
  CHECK(r.papers[1].summary.find("Summary two") != std::string_view::npos);
  CHECK(r.papers[1].summary.find("Notes") == std::string_view::npos);
  CHECK(r.papers[1].summary.find("Not about") == std::string_view::npos);
  SUBCASE("in a one-paper note it is part of the paper") {
    const auto note = read(
        "## A Title\n\nhttps://arxiv.org/abs/2603.00033\n\n## Analysis\n\n"
        "Part of the note.\n");
    REQUIRE(note.papers.size() == 1);
    CHECK(note.papers[0].summary.find("Part of the note")
          != std::string_view::npos);
  }
  SUBCASE("deeper headings stay in the entry") {
    const auto deep = read(
        "## 1. First\n\nhttps://arxiv.org/abs/2603.00011\n\n### Method\n\n"
        "Details.\n\n## 2. Second\n\nhttps://arxiv.org/abs/2603.00022\n");
    REQUIRE(deep.papers.size() == 2);
    CHECK(deep.papers[0].summary.find("Details") != std::string_view::npos);
  }
}

TEST_CASE("no papers: one warning that says why") {
  const auto r = read("# Notes\n\n### 1. A title\n\nSome text.\n");
  CHECK(r.papers.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("no papers found") != std::string::npos);
  CHECK(r.layout == "none");
}

}  // namespace papers
