// The digest parser, rule by rule (shared docs: digest-format.md), on small
// inline inputs. The fixtures in testdata/parser/ cover the same rules on
// whole files; these tests pin each rule down on its own.
#include "dump.hpp"
#include "line_splitter.hpp"

#include <papers/digest_parser.hpp>
#include <papers/summary.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace papers {
namespace {

using test::ParseOutput;
using Strings = std::vector<std::string>;
using Views = std::vector<std::string_view>;

constexpr std::string_view kDate = "## Daily Papers (2024-02-07)\n";

ParseOutput parse(std::string_view text, std::string_view name = "t.md") {
  return test::parse_chunked(name, text);
}

// The diagnostics as "LINE: MESSAGE".
Strings warnings(const ParseOutput& out) {
  Strings lines;
  for (const auto& d : out.diagnostics) {
    lines.push_back(std::to_string(d.where.line) + ": " + d.message);
  }
  return lines;
}

Strings titles(const ParseOutput& out) {
  Strings lines;
  for (const auto& p : out.papers) {
    lines.emplace_back(p.title);
  }
  return lines;
}

Strings texts(const Paper& paper) {
  Strings lines;
  for (const auto& item : split_summary(paper.summary)) {
    lines.emplace_back(item.text);
  }
  return lines;
}

std::string paper(std::string_view title, std::string_view id) {
  return "### [" + std::string(title) + "](https://arxiv.org/abs/"
         + std::string(id) + ")\n";
}

}  // namespace

TEST_CASE("sections and dates") {
  SUBCASE("papers take the date of the nearest section heading") {
    const auto out =
        parse("## Daily Papers (2024-02-07)\n" + paper("A", "2402.00001")
              + "## Daily Papers (2024-02-08)\n" + paper("B", "2402.00002"));
    REQUIRE(out.papers.size() == 2);
    CHECK(out.papers[0].date->to_string() == "2024-02-07");
    CHECK(out.papers[1].date->to_string() == "2024-02-08");
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("an invalid date warns and leaves its papers undated") {
    const auto out =
        parse("## Daily Papers (2024-02-30)\n" + paper("A", "2402.00001"));
    REQUIRE(out.papers.size() == 1);
    CHECK_FALSE(out.papers[0].date.has_value());
    CHECK(warnings(out)
          == Strings{"1: invalid date '2024-02-30' in section heading; its "
                     "papers have no date"});
  }
  SUBCASE("a paper before any date heading warns") {
    const auto out = parse(paper("A", "2402.00001") + std::string(kDate));
    REQUIRE(out.papers.size() == 1);
    CHECK_FALSE(out.papers[0].date.has_value());
    CHECK(warnings(out)
          == Strings{"1: paper before any date heading; it has no date",
                     "2: date section has no papers"});
  }
  SUBCASE("any other # or ## heading ends the paper and the section") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "- a\n## License\n" + paper("B", "2402.00002")
                           + "- b\n# Title\n" + paper("C", "2402.00003"));
    CHECK(titles(out) == Strings{"A"});
    CHECK(texts(out.papers[0]) == Strings{"a"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("a preamble heading is not a date heading: no paper, one warning") {
    const auto out = parse("# Title\n### 1. A title\n");
    CHECK(out.papers.empty());
    CHECK(warnings(out)
          == Strings{"0: no papers found: no \"## Daily Papers (DATE)\" "
                     "heading and no heading that links a paper"});
  }
  SUBCASE("a date heading after other content starts a section again") {
    const auto out = parse("# Title\n## Project Description\ntext\n"
                           + std::string(kDate) + paper("A", "2402.00001"));
    CHECK(titles(out) == Strings{"A"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("headings may be indented up to three spaces") {
    const auto out = parse(
        "   ## Daily Papers (2024-02-07)\n   ### "
        "[A](https://arxiv.org/abs/2402.00001)\n");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].date.has_value());
  }
  SUBCASE("a ### with four spaces is not a heading") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "- a\n    ### [B](x)\n");
    REQUIRE(out.papers.size() == 1);
    CHECK(texts(out.papers[0]) == Strings{"a\n    ### [B](x)"});
  }
}

TEST_CASE("date in the file name") {
  const std::string text =
      "## Daily Papers (2024-02-07)\n" + paper("A", "2402.00001");
  const std::string warning =
      "1: section date 2024-02-07 differs from the date in the file name "
      "(2024-02-08)";
  for (const char* name : {"2024-02-08.md",
                           "dir/2024-02-08.md",
                           "dir/2024-02-08.MD",
                           "2024-02-08.markdown",
                           "digests/2024/02/08.md"}) {
    CAPTURE(name);
    CHECK(warnings(parse(text, name)) == Strings{warning});
  }
  for (const char* name : {"2024-02-07.md",
                           "d/2024/02/07.md",
                           "x2024-02-08.md",
                           "2024-02-08.txt",
                           "2024-02-08",
                           "2024-02-30.md",
                           "2024/02-08.md",
                           "README.md",
                           "<stdin>"}) {
    CAPTURE(name);
    CHECK(parse(text, name).diagnostics.empty());
  }
  SUBCASE("the date comes from the heading, never from the name") {
    const auto out = parse(text, "2024-02-08.md");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].date->to_string() == "2024-02-07");
  }
}

TEST_CASE("paper headings") {
  auto one = [](std::string_view heading) {
    return parse(std::string(kDate) + std::string(heading) + "\n");
  };
  SUBCASE("title and url at the last ](") {
    const auto out = one(
        "### [Teaching Models to Say [IDK]](https://arxiv.org/abs/2402.00001)");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].title == "Teaching Models to Say [IDK]");
    CHECK(out.papers[0].url == "https://arxiv.org/abs/2402.00001");
    CHECK(out.papers[0].id == "2402.00001");
    CHECK(out.papers[0].source.line == 2);
  }
  SUBCASE("the url is stored as written, the id without version") {
    const auto out = one("### [A](https://arxiv.org/pdf/2402.00001v2.pdf)");
    CHECK(out.papers[0].url == "https://arxiv.org/pdf/2402.00001v2.pdf");
    CHECK(out.papers[0].id == "2402.00001");
  }
  SUBCASE("escapes and entities in the title are decoded") {
    const auto out =
        one("### [A \\*b\\* &amp; `c` <d>](https://arxiv.org/abs/2402.00001)");
    CHECK(out.papers[0].title == "A *b* & `c` <d>");
  }
  SUBCASE("a non-arXiv link warns and has no id") {
    const auto out = one("### [A](https://example.com/a)");
    REQUIRE(out.papers.size() == 1);
    CHECK_FALSE(out.papers[0].id.has_value());
    CHECK(out.papers[0].url == "https://example.com/a");
    CHECK(warnings(out)
          == Strings{"2: link 'https://example.com/a' is not an arXiv paper "
                     "link; no id"});
  }
  SUBCASE("a heading without a link keeps its text as the title") {
    const auto out = one("### Just a \\*title\\*");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].title == "Just a *title*");
    CHECK_FALSE(out.papers[0].url.has_value());
    CHECK_FALSE(out.papers[0].id.has_value());
    CHECK(warnings(out) == Strings{"2: paper heading has no link; no id"});
  }
}

TEST_CASE("fields") {
  const std::string head = std::string(kDate) + paper("A", "2402.00001");
  SUBCASE("image, vote, authors") {
    const auto out =
        parse(head + "![](/avatars/x.svg)\nVote: 23\nAuthors: A, B\n");
    REQUIRE(out.papers.size() == 1);
    const Paper& p = out.papers[0];
    CHECK(p.thumbnail == "/avatars/x.svg");
    CHECK_FALSE(p.video.has_value());
    CHECK(p.votes == std::optional<std::int64_t>(23));
    CHECK(p.authors == Views{"A", "B"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("missing fields") {
    const auto out = parse(head);
    REQUIRE(out.papers.size() == 1);
    CHECK_FALSE(out.papers[0].votes.has_value());
    CHECK(out.papers[0].authors.empty());
    CHECK_FALSE(out.papers[0].thumbnail.has_value());
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("Vote: - is unknown, silently") {
    const auto out = parse(head + "Vote: -\n");
    CHECK_FALSE(out.papers[0].votes.has_value());
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("a bad vote warns and is unknown") {
    const auto out = parse(head + "Vote: -5\n");
    CHECK_FALSE(out.papers[0].votes.has_value());
    CHECK(warnings(out)
          == Strings{"3: invalid vote count '-5'; votes unknown"});
  }
  SUBCASE("video link and html line") {
    const auto out = parse(head + "[Watch Video](https://v/a.mp4)\n"
                           "<div><video controls src=\"https://v/a.mp4\" "
                           "muted=\"false\"></video></div>\n");
    CHECK(out.papers[0].video == "https://v/a.mp4");
    CHECK_FALSE(out.papers[0].thumbnail.has_value());
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("html video alone, single quotes") {
    const auto out = parse(head + "<video src='https://v/b.mp4'></video>\n");
    CHECK(out.papers[0].video == "https://v/b.mp4");
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("broken video link warns and keeps the url") {
    const auto out = parse(head + "[Watch Video]https://v/c.mp4\n");
    CHECK(out.papers[0].video == "https://v/c.mp4");
    CHECK(warnings(out)
          == Strings{"3: broken video link (no parentheses around the URL)"});
  }
  SUBCASE("a broken video link with no url records no video") {
    const auto out = parse(head + "[Watch Video]\n");
    CHECK_FALSE(out.papers[0].video.has_value());
    CHECK(out.diagnostics.size() == 1);
  }
  SUBCASE("unknown header lines warn and are ignored") {
    const auto out =
        parse(head + "Published: today\n\nVote: 3\n<p>x</p>\n- a\n");
    CHECK(out.papers[0].votes == std::optional<std::int64_t>(3));
    CHECK(texts(out.papers[0]) == Strings{"a"});
    CHECK(warnings(out)
          == Strings{"3: unrecognised line in paper entry, ignored",
                     "6: unrecognised line in paper entry, ignored"});
  }
  SUBCASE("blank lines never end a paper") {
    const auto out =
        parse(head + "\n\n\nVote: 4\n\n\n\nAuthors: C\n\n\n- a\n\n\n- b\n\n");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].votes == std::optional<std::int64_t>(4));
    CHECK(texts(out.papers[0]) == Strings{"a", "b"});
    CHECK(out.diagnostics.empty());
  }
}

TEST_CASE("summary bullets") {
  const std::string head = std::string(kDate) + paper("A", "2402.00001");
  SUBCASE("-, * and + at column 0") {
    const auto out = parse(head + "- a\n* b\n+ c\n");
    CHECK(texts(out.papers[0]) == Strings{"a", "b", "c"});
  }
  SUBCASE("labels: **L**:, ***L***:, and the malformed ***L*:") {
    const auto out = parse(head
                           + "- **What's New**: x\n- ***Technical Details***: "
                             "y\n- ***Technical Details*: z\n- **기술**: w\n"
                             "- **What’s New**: v\n");
    const auto s = split_summary(out.papers[0].summary);
    REQUIRE(s.size() == 5);
    CHECK(s[0].label == "What's New");
    CHECK(s[0].text == "x");
    CHECK(s[1].label == "Technical Details");
    CHECK(s[1].text == "y");
    CHECK(s[2].label == "Technical Details");
    CHECK(s[2].text == "z");
    CHECK(s[3].label == "기술");
    CHECK(s[4].label == "What’s New");
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("bold that is not a label stays in the text") {
    const auto out = parse(
        head + "- **bold** text\n- **Note:** x\n- a **L**: b\n- **L**:x\n");
    for (const auto& item : split_summary(out.papers[0].summary)) {
      CAPTURE(item.text);
      CHECK_FALSE(item.label.has_value());
    }
    CHECK(texts(out.papers[0])
          == Strings{"**bold** text", "**Note:** x", "a **L**: b", "**L**:x"});
  }
  SUBCASE("inline markdown is kept as written") {
    const auto out = parse(head + "- **굵게** `code` [l](u) $x$ <b>\n");
    CHECK(texts(out.papers[0]) == Strings{"**굵게** `code` [l](u) $x$ <b>"});
  }
  SUBCASE("continuation lines: indented and lazy") {
    const auto out =
        parse(head + "- a\n  - nested\n1) lazy\n1. **Tokenizer**: t\n- b\n");
    CHECK(texts(out.papers[0])
          == Strings{"a\n  - nested\n1) lazy\n1. **Tokenizer**: t", "b"});
    CHECK(split_summary(out.papers[0].summary).size() == 2);
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("an indented paragraph after a blank line continues the bullet") {
    const auto out = parse(head + "- a\n\n  more\n");
    CHECK(texts(out.papers[0]) == Strings{"a\n  more"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("stray text after a blank line warns once per paragraph") {
    const auto out = parse(head + "- a\n\nstray\nlazy\n\nagain\n");
    CHECK(texts(out.papers[0]) == Strings{"a\nstray\nlazy\nagain"});
    CHECK(warnings(out)
          == Strings{
              "5: stray text after a blank line; kept in the previous bullet",
              "8: stray text after a blank line; kept in the previous bullet"});
  }
  SUBCASE("field-like lines after the bullets are bullet text") {
    const auto out = parse(head + "- a\nVote: 5\n");
    CHECK_FALSE(out.papers[0].votes.has_value());
    CHECK(texts(out.papers[0]) == Strings{"a\nVote: 5"});
  }
  SUBCASE("an indented heading after a bullet belongs to the bullet") {
    const auto out =
        parse(head + "- a\n  ## Sub\n\t### [B](u)\n- b\n ## Up\n- c\n");
    CHECK(texts(out.papers[0]) == Strings{"a\n  ## Sub\n\t### [B](u)", "b"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("before the bullets an indented heading is a heading") {
    const auto out =
        parse(head + "Vote: 1\n  ### [B](https://arxiv.org/abs/2402.00002)\n");
    CHECK(titles(out) == Strings{"A", "B"});
  }
  SUBCASE("deeper headings are ordinary lines") {
    const auto out = parse(head + "- a\n#### sub\n");
    CHECK(texts(out.papers[0]) == Strings{"a\n#### sub"});
  }
  SUBCASE("trailing spaces are not content") {
    const auto out = parse(head + "- a  \t\n  b \n");
    CHECK(texts(out.papers[0]) == Strings{"a\n  b"});
  }
  SUBCASE("control characters are kept; a form feed does not end a line") {
    const auto out =
        parse(head + "- a\bb\fc\td\x1b[0m\n" + paper("B", "2402.00002"));
    REQUIRE(out.papers.size() == 2);
    CHECK(texts(out.papers[0]) == Strings{"a\bb\fc\td\x1b[0m"});
    CHECK(out.papers[1].source.line == 4);
  }
}

TEST_CASE("fenced code") {
  SUBCASE("lines in a fence are never headings") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "## Citation\n```bibtex\ntitle = {x},\n"
                             "## Daily Papers (2024-02-08)\n"
                           + paper("B", "2402.00002") + "```\n");
    CHECK(titles(out) == Strings{"A"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("a fence in a bullet is kept verbatim") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "- a\n  ```\n  - b\n\n  ## c\n  ```\n- d\n");
    CHECK(texts(out.papers[0])
          == Strings{"a\n  ```\n  - b\n\n  ## c\n  ```", "d"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("a line back at column 0 ends a fence opened in a bullet") {
    // CommonMark: the list item ends, and its fence with it, so a fence
    // left open in a bullet cannot swallow the papers after it.
    const auto out =
        parse(std::string(kDate) + paper("A", "2402.00001")
              + "- a\n  ```\n  x\n- b\n" + paper("B", "2402.00002") + "- c\n");
    CHECK(titles(out) == Strings{"A", "B"});
    CHECK(texts(out.papers[0]) == Strings{"a\n  ```\n  x", "b"});
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("a column-0 fence never closed warns when it hides headings") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "- a\n```\n" + paper("B", "2402.00002"));
    CHECK(titles(out) == Strings{"A"});
    REQUIRE(out.diagnostics.size() == 1);
    CHECK(out.diagnostics[0].message.find("code fence never closed")
          != std::string::npos);
  }
  SUBCASE("a tilde fence closes only with tildes, at least as many") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "- a\n  ~~~~\n  ```\n  ~~~\n  ~~~~\n- b\n");
    CHECK(texts(out.papers[0])
          == Strings{"a\n  ~~~~\n  ```\n  ~~~\n  ~~~~", "b"});
  }
  SUBCASE("backticks after a backtick fence make it a code span") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "- a\n  ```x``` y\n" + paper("B", "2402.00002"));
    CHECK(titles(out) == Strings{"A", "B"});  // no fence swallowed B
    CHECK(texts(out.papers[0]) == Strings{"a\n  ```x``` y"});
  }
  SUBCASE("a fence before the bullets is an unknown line") {
    const auto out = parse(std::string(kDate) + paper("A", "2402.00001")
                           + "```\nVote: 3\n```\n- a\n");
    CHECK_FALSE(out.papers[0].votes.has_value());
    CHECK(texts(out.papers[0]) == Strings{"a"});
    CHECK(warnings(out)
          == Strings{"3: unrecognised line in paper entry, ignored"});
  }
}

TEST_CASE("bytes: BOM, line ends, invalid UTF-8, NUL, empty input") {
  SUBCASE("a BOM before the first line is dropped") {
    const auto out =
        parse("\xEF\xBB\xBF" + std::string(kDate) + paper("A", "2402.00001"));
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].date.has_value());
    CHECK(out.diagnostics.empty());
  }
  SUBCASE("CRLF and lone CR end lines and count once") {
    const auto out = parse(
        "## Daily Papers (2024-02-07)\r\n\r\n### "
        "[A](https://arxiv.org/abs/2402.00001)\r"
        "Vote: x\r\n- a\r");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].source.line == 3);
    CHECK(texts(out.papers[0]) == Strings{"a"});
    CHECK(warnings(out) == Strings{"4: invalid vote count 'x'; votes unknown"});
  }
  SUBCASE("invalid UTF-8 is replaced and warned about once") {
    const auto out = parse(std::string(kDate) + "### [A\xFF](https://arxiv.org/abs/2402.00001)\n"
                           "- \xC3\n- \xE2\x82\n");
    REQUIRE(out.papers.size() == 1);
    CHECK(out.papers[0].title == "A\uFFFD");
    // Each byte of an invalid sequence becomes one U+FFFD
    // (append_utf8_repaired's rule; WHATWG's maximal subparts would give one
    // for "\xE2\x82").
    CHECK(texts(out.papers[0]) == Strings{"\uFFFD", "\uFFFD\uFFFD"});
    CHECK(warnings(out) == Strings{"2: invalid UTF-8, replaced with U+FFFD"});
  }
  SUBCASE("a NUL byte marks the input binary and stops the parse") {
    const std::string text = std::string(kDate) + paper("A", "2402.00001")
                             + "- a\n" + paper("B", "2402.00002")
                             + std::string("- \0\n", 4) + "Vote: bad\n"
                             + paper("C", "2402.00003");
    const auto out = parse(text);
    CHECK(out.binary);
    CHECK(titles(out) == Strings{"A"});  // closed before the NUL; B and C not
    CHECK(warnings(out) == Strings{"5: binary data (NUL byte); file skipped"});
  }
  SUBCASE("an empty input warns; so does a blank one, never silent") {
    CHECK(warnings(parse("")) == Strings{"0: empty file"});
    const Strings blank{
        "0: no papers found: no \"## Daily Papers (DATE)\" heading and no "
        "heading that links a paper"};
    CHECK(warnings(parse("\n")) == blank);
    CHECK(warnings(parse("  \n\n")) == blank);
  }
}

TEST_CASE("a sink that returns false stops the parse") {
  class FirstOnly final : public PaperSink, public DiagnosticSink {
   public:
    bool on_paper(Paper&& paper) override {
      papers.push_back(std::move(paper));
      return false;
    }

    void on_diagnostic(Diagnostic&& diagnostic) override {
      diagnostics.push_back(std::move(diagnostic));
    }

    std::vector<Paper> papers;
    std::vector<Diagnostic> diagnostics;
  };

  FirstOnly sink;
  DigestParser parser("t.md", sink, sink);
  parser.feed(std::string(kDate) + paper("A", "2402.00001")
              + paper("B", "2402.00002") + "Vote: bad\n"
              + paper("C", "2402.00003"));
  parser.finish();
  REQUIRE(sink.papers.size() == 1);
  CHECK(sink.papers[0].title == "A");
  CHECK(sink.diagnostics.empty());  // the bad vote came after the stop
}

TEST_CASE("bounded input: NUL bytes at once, lines over the cap skipped") {
  SUBCASE("a NUL byte before any line end makes the input binary at once") {
    struct Nothing final : public PaperSink, public DiagnosticSink {
      bool on_paper(Paper&& /*paper*/) override { return true; }

      void on_diagnostic(Diagnostic&& d) override {
        lines.push_back(std::to_string(d.where.line) + ": " + d.message);
      }

      Strings lines;
    } sink;

    DigestParser parser("zero", sink, sink);
    parser.feed(std::string(kDate) + "ab");
    CHECK_FALSE(parser.binary());
    // /dev/zero has no line end: the parser must not wait for one.
    parser.feed(std::string(4096, '\0'));
    CHECK(parser.binary());
    CHECK(sink.lines == Strings{"2: binary data (NUL byte); file skipped"});
    parser.feed("more\n" + paper("A", "2402.00001"));
    parser.finish();
    CHECK(sink.lines.size() == 1);
  }
  SUBCASE("the sniff counts the same odd bytes in any chunks") {
    // Valid UTF-8 with DEL and C0 controls among Korean text, cut by the
    // 8 KiB sniff inside a sequence: the vectorised count and the byte
    // loop must agree on every split.
    std::string text(kDate);
    while (text.size() < 9000) {
      text += "\x01\x7F\x02\x03\x04\x05 \xEA\xB0\x80\t\x1B\b\f\r\n";
    }
    for (std::size_t size : {0UL, 1UL, 7UL, 33UL, 4096UL}) {
      CAPTURE(size);
      const auto out = test::parse_chunked("t.md", text, size);
      CHECK(out.binary);
      CHECK(warnings(out)
            == Strings{"0: binary data (37% of its first 8192 bytes are not "
                       "UTF-8 text); file skipped"});
    }
    // Only the controls text holds, and a sequence the sniff's end cuts:
    // text.
    std::string prose(kDate);
    prose += paper("A", "2402.00001");
    while (prose.size() < 8191) {
      prose += "\t\x1B\b\f\r\n";
    }
    prose.resize(8191);
    prose += "\xEA\xB0\x80\n";
    for (std::size_t size : {0UL, 1UL, 7UL}) {
      CAPTURE(size);
      const auto out = test::parse_chunked("t.md", prose, size);
      CHECK_FALSE(out.binary);
      CHECK(titles(out) == Strings{"A"});
    }
  }
  SUBCASE("the NUL's line number, whatever the chunks") {
    const std::string text =
        std::string(kDate) + "a\r\n\rb" + std::string("\0", 1) + "\n";
    for (std::size_t size : {0UL, 1UL, 2UL, 3UL, 7UL}) {
      CAPTURE(size);
      const auto out = test::parse_chunked("t.md", text, size);
      CHECK(out.binary);
      CHECK(warnings(out)
            == Strings{"4: binary data (NUL byte); file skipped"});
    }
  }
  SUBCASE("a line over 16 MiB is skipped with a warning, in any chunks") {
    const std::string text = std::string(kDate) + paper("A", "2402.00001")
                             + "- first\n- " + std::string(kMaxLineLength, 'x')
                             + "\n- last\n" + paper("B", "2402.00002")
                             + "Vote: 3\n"
                             + std::string(kMaxLineLength + 1, 'y');
    for (std::size_t size : {0UL, 4096UL, 1UL << 20}) {
      CAPTURE(size);
      const auto out = test::parse_chunked("t.md", text, size);
      CHECK(warnings(out)
            == Strings{"4: line longer than 16 MiB; skipped",
                       "8: line longer than 16 MiB; skipped"});
      REQUIRE(out.papers.size() == 2);
      CHECK(texts(out.papers[0]) == Strings{"first", "last"});
      CHECK(out.papers[1].votes == 3);
    }
    const auto stable = test::parse_stable("t.md", text);
    REQUIRE(stable.papers.size() == 2);
    CHECK(texts(stable.papers[0]) == Strings{"first", "last"});
    // The raw summary does not reach over the skipped line.
    CHECK(stable.papers[0].summary.size() < 100);
  }
  SUBCASE("a line of exactly the cap is kept") {
    const std::string text = std::string(kDate) + paper("A", "2402.00001")
                             + "- " + std::string(kMaxLineLength - 2, 'x');
    const auto out = parse(text);
    CHECK(out.diagnostics.empty());
    REQUIRE(out.papers.size() == 1);
    CHECK(texts(out.papers[0])[0].size() == kMaxLineLength - 2);
  }
}

}  // namespace papers

namespace papers {

TEST_CASE("layout detection: references before the first date heading") {
  struct Collect final : public PaperSink, public DiagnosticSink {
    bool on_paper(Paper&& paper) override {
      papers.push_back(std::move(paper));
      return true;
    }

    void on_diagnostic(Diagnostic&& d) override {
      diagnostics.push_back(std::move(d));
    }

    std::vector<Paper> papers;
    std::vector<Diagnostic> diagnostics;
  };

  auto layout_of = [](std::string_view text, std::size_t want_papers) {
    Collect sink;
    DigestParser parser("t.md", sink, sink);
    parser.feed(text);
    parser.finish();
    CHECK(sink.papers.size() == want_papers);
    return std::string(parser.layout());
  };
  SUBCASE("a linked paper in the preamble of a canonical file") {
    CHECK(layout_of("See [X](https://arxiv.org/abs/2402.00009) and "
                    "arXiv:2402.00008.\n\n## Daily Papers (2024-02-07)\n\n"
                    "### [A](https://arxiv.org/abs/2402.00001)\n\nVote: 1\n",
                    1)
          == "canonical");
  }
  SUBCASE("references and no date heading: another layout") {
    CHECK(layout_of("# Reading list\n\n1. [A](https://arxiv.org/abs/"
                    "2402.00001)\n2. [B](https://arxiv.org/abs/2402.00002)\n",
                    2)
          == "numbered-items");
  }
  SUBCASE("a date heading, then another generator's paper headings") {
    CHECK(layout_of("Intro https://arxiv.org/abs/2402.00009\n\n"
                    "## Daily Papers (2024-02-07)\n\n"
                    "### 1. **[A](https://arxiv.org/abs/2402.00001)**\n",
                    1)
          != "canonical");
  }
}

}  // namespace papers
