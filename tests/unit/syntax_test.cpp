// The line-level recognisers of the digest grammar (src/syntax.hpp), one
// by one on single lines: headings, fences, bullets, labels and their
// synonym tables, paper references, vote and count readers, dates, titles
// and author fields.
#include "syntax.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace papers::syntax {
namespace {

std::vector<std::string> ids(std::string_view text, bool bare_ok = false) {
  std::vector<std::string> out;
  for (const auto& r : find_references(text, bare_ok)) {
    out.push_back(r.id);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("parse_heading") {
  CHECK(parse_heading("## Daily Papers (2024-02-07)")->level == 2);
  CHECK(parse_heading("## Daily Papers (2024-02-07)")->text
        == "Daily Papers (2024-02-07)");
  CHECK(parse_heading("   ### x  ")->level == 3);
  CHECK(parse_heading("   ### x  ")->text == "x");
  CHECK(parse_heading("######")->level == 6);
  CHECK(parse_heading("#\tTab")->text == "Tab");
  CHECK_FALSE(parse_heading("    # four spaces is code"));
  CHECK_FALSE(parse_heading("####### seven"));
  CHECK_FALSE(parse_heading("#hashtag"));
  CHECK_FALSE(parse_heading("text # not"));
  CHECK_FALSE(parse_heading(""));
}

TEST_CASE("parse_fence and closes_fence") {
  const auto f = parse_fence("```python");
  REQUIRE(f);
  CHECK(f->ch == '`');
  CHECK(f->length == 3);
  CHECK(f->indent == 0);
  CHECK(parse_fence("  ~~~~")->indent == 2);
  CHECK(parse_fence("  ~~~~")->length == 4);
  CHECK_FALSE(parse_fence("``"));
  CHECK_FALSE(parse_fence("```a``` b"));  // a code span, not a fence
  CHECK_FALSE(parse_fence("text ```"));
  CHECK(closes_fence(*f, "```"));
  CHECK(closes_fence(*f, "  `````  "));
  CHECK_FALSE(closes_fence(*f, "~~~"));
  CHECK_FALSE(closes_fence(*f, "```python"));
  CHECK_FALSE(closes_fence(*parse_fence("````"), "```"));
}

TEST_CASE("bullet_text, split_label, numbered_prefix") {
  CHECK(bullet_text("- a  ") == "a");
  CHECK(bullet_text("*\tb") == "b");
  CHECK(bullet_text("+ c") == "c");
  CHECK(bullet_text("-") == "");
  CHECK_FALSE(bullet_text("-a"));
  CHECK_FALSE(bullet_text(" - indented"));
  CHECK_FALSE(bullet_text("**bold**"));

  auto l = split_label("**What's New**: text");
  CHECK(l.label == "What's New");
  CHECK(l.text == "text");
  CHECK(split_label("***Why***: x").label == "Why");
  CHECK(split_label("***Odd*: x").label == "Odd");
  CHECK(split_label("**Empty**:").text == "");
  CHECK_FALSE(split_label("**Bold** text").label);
  CHECK_FALSE(split_label("**No space**:x").label);
  CHECK_FALSE(split_label("*One*: x").label);
  CHECK_FALSE(split_label("****Four****: x").label);
  CHECK_FALSE(split_label("****: x").label);
  CHECK(split_label("plain").text == "plain");

  CHECK(numbered_prefix("1. Title") == 3);
  CHECK(numbered_prefix("12) Title") == 4);
  CHECK(numbered_prefix("Title") == 0);
  CHECK(numbered_prefix("2024 was a year") == 0);
}

TEST_CASE("canonical headings and field lines") {
  CHECK(date_heading_value("Daily Papers (2024-02-07)") == "2024-02-07");
  CHECK(date_heading_value("Daily Papers (not a date)") == "not a date");
  CHECK_FALSE(date_heading_value("Daily Papers 2024-02-07"));
  CHECK_FALSE(date_heading_value("Weekly Papers (2024-02-07)"));

  const auto link =
      heading_link("[A [nested] title](https://arxiv.org/abs/2402.03620 )");
  REQUIRE(link);
  CHECK(link->text == "A [nested] title");
  CHECK(link->url == "https://arxiv.org/abs/2402.03620");
  CHECK_FALSE(heading_link("Plain title"));
  CHECK_FALSE(heading_link("[Title](url) trailing"));

  auto e = parse_entry_line("Vote: 42");
  CHECK(e.kind == EntryLineKind::kVote);
  CHECK(e.value == " 42");
  e = parse_entry_line("  Authors: A, B");
  CHECK(e.kind == EntryLineKind::kAuthors);
  CHECK(e.value == " A, B");
  e = parse_entry_line("![](https://x/thumb.png )");
  CHECK(e.kind == EntryLineKind::kThumbnail);
  CHECK(e.value == "https://x/thumb.png");
  e = parse_entry_line("[Watch Video](https://x/v.mp4)");
  CHECK(e.kind == EntryLineKind::kVideoLink);
  CHECK(e.value == "https://x/v.mp4");
  CHECK_FALSE(e.broken);
  e = parse_entry_line("[Watch Video]https://x/v.mp4");
  CHECK(e.broken);
  CHECK(e.value == "https://x/v.mp4");
  e = parse_entry_line(
      "<div><video controls src=\"https://x/v.mp4\"></video></div>");
  CHECK(e.kind == EntryLineKind::kVideoTag);
  CHECK(e.value == "https://x/v.mp4");
  CHECK(parse_entry_line("<video>").value.empty());
  CHECK(parse_entry_line("Votes: 3").kind == EntryLineKind::kNone);
  CHECK(parse_entry_line("![no link]").kind == EntryLineKind::kNone);

  CHECK(image_url("![t](https://x/a.png)") == "https://x/a.png");
  CHECK_FALSE(image_url("![t](https://x/a b.png)"));
  CHECK_FALSE(image_url("![t]()"));
  CHECK(only_links("[arXiv](https://arxiv.org/abs/1) | [PDF](https://x)"));
  CHECK(only_links("- https://arxiv.org/abs/2401.01234"));
  CHECK_FALSE(only_links("[arXiv](https://x) and some text"));
  CHECK(is_thematic_break("---"));
  CHECK(is_thematic_break("* * *"));
  CHECK_FALSE(is_thematic_break("--"));
  CHECK_FALSE(is_thematic_break("-*-"));
}

TEST_CASE("label synonyms") {
  CHECK(label_kind("Authors") == FieldKind::kAuthors);
  CHECK(label_kind("  AUTHORS  ") == FieldKind::kAuthors);
  CHECK(label_kind("저자") == FieldKind::kAuthors);     // Korean
  CHECK(label_kind("著者") == FieldKind::kAuthors);     // Japanese
  CHECK(label_kind("作者") == FieldKind::kAuthors);     // Chinese
  CHECK(label_kind("Tác giả") == FieldKind::kAuthors);  // Vietnamese
  CHECK(label_kind("추천 수") == FieldKind::kVotes);
  CHECK(label_kind("いいね") == FieldKind::kVotes);
  CHECK(label_kind("点赞数") == FieldKind::kVotes);
  CHECK(label_kind("Lượt thích") == FieldKind::kVotes);
  CHECK(label_kind("arXiv ID") == FieldKind::kId);
  CHECK(label_kind("논문 ID") == FieldKind::kId);
  CHECK(label_kind("arXiv番号") == FieldKind::kId);
  CHECK(label_kind("论文编号") == FieldKind::kId);
  CHECK(label_kind("Mã arXiv") == FieldKind::kId);
  CHECK(label_kind("제목") == FieldKind::kTitle);
  CHECK(label_kind("タイトル") == FieldKind::kTitle);
  CHECK(label_kind("论文标题") == FieldKind::kTitle);
  CHECK(label_kind("Tiêu đề") == FieldKind::kTitle);
  CHECK(label_kind("论文链接") == FieldKind::kLink);
  CHECK(label_kind("What's New") == FieldKind::kNone);
  CHECK(label_kind("") == FieldKind::kNone);
  // Every synonym of every table reads back as its own field.
  for (const auto kind : {FieldKind::kAuthors,
                          FieldKind::kVotes,
                          FieldKind::kId,
                          FieldKind::kTitle,
                          FieldKind::kLink,
                          FieldKind::kMeta}) {
    const auto names = label_synonyms(kind);
    CHECK_FALSE(names.empty());
    for (const auto name : names) {
      CAPTURE(name);
      CHECK(label_kind(name) == kind);
    }
  }
  CHECK(label_synonyms(FieldKind::kNone).empty());
}

TEST_CASE("parse_fields") {
  auto f = parse_fields("**Authors**: A, B");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == FieldKind::kAuthors);
  CHECK(f[0].value == "A, B");
  f = parse_fields("- **저자:** 김철수");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == FieldKind::kAuthors);
  CHECK(f[0].value == "김철수");
  f = parse_fields("作者：张三、李四");  // full-width colon
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == FieldKind::kAuthors);
  f = parse_fields("**Votes**: 12 | **arXiv ID**: 2401.01234");
  REQUIRE(f.size() == 2);
  CHECK(f[0].kind == FieldKind::kVotes);
  CHECK(f[1].kind == FieldKind::kId);
  CHECK(f[1].value == "2401.01234");
  CHECK(parse_fields("Unknown: plain label").empty());
  CHECK(parse_fields("Just a sentence.").empty());
}

TEST_CASE("find_references") {
  CHECK(ids("[x](https://arxiv.org/abs/2402.03620v2)")
        == Strings{"2402.03620"});
  CHECK(ids("https://arxiv.org/pdf/2402.03620v1.pdf") == Strings{"2402.03620"});
  CHECK(ids("https://huggingface.co/papers/2402.03620")
        == Strings{"2402.03620"});
  CHECK(ids("https://hf.co/papers/2402.03620") == Strings{"2402.03620"});
  SUBCASE("case variants of the host and path") {
    CHECK(ids("HTTPS://HF.CO/PAPERS/2402.03620") == Strings{"2402.03620"});
    CHECK(ids("https://huggingface.co/Papers/2402.03620")
          == Strings{"2402.03620"});
    CHECK(ids("https://HuggingFace.co/papers/2402.03620")
          == Strings{"2402.03620"});
    CHECK(ids("see ARXIV:2402.03620") == Strings{"2402.03620"});
    CHECK(ids("https://ARXIV.ORG/abs/2402.03620") == Strings{"2402.03620"});
    CHECK(ids("https://arXiv.Org/ABS/2402.03620") == Strings{"2402.03620"});
    CHECK(ids("arXiv:2402.03620v3 and arxiv:2401.00001")
          == Strings{"2402.03620", "2401.00001"});
  }
  SUBCASE("old-style ids") {
    CHECK(ids("https://arxiv.org/abs/hep-th/9901001")
          == Strings{"hep-th/9901001"});
    CHECK(ids("arXiv:hep-th/9901001v2") == Strings{"hep-th/9901001"});
  }
  SUBCASE("bare ids only where asked for") {
    CHECK(ids("2402.03620").empty());
    CHECK(ids("2402.03620", true) == Strings{"2402.03620"});
    CHECK(ids("arXiv 2402.03620v2", true) == Strings{"2402.03620"});
    CHECK(ids("not an id", true).empty());
  }
  SUBCASE("a reference keeps its URL") {
    const auto r = find_references("(https://arxiv.org/abs/2402.03620)", false);
    REQUIRE(r.size() == 1);
    REQUIRE(r[0].url);
    CHECK(*r[0].url == "https://arxiv.org/abs/2402.03620");
  }
  SUBCASE("no reference") {
    CHECK(ids("arxiv is a preprint server").empty());
    CHECK(ids("https://huggingface.co/papers/").empty());
    CHECK(ids("HF.CO/PAPERS/").empty());
    CHECK(ids("").empty());
    CHECK_FALSE(may_hold_reference("plain text"));
    CHECK(may_hold_reference("ARXIV:1"));
  }
  SUBCASE("a line of many links is one pass") {
    std::string line;
    for (int i = 0; i < 2000; ++i) {
      line += "[a](https://arxiv.org/abs/2402.03620) ";
    }
    CHECK(find_references(line, false).size() >= 1);
  }
}

TEST_CASE("vote readers") {
  CHECK(find_vote_token("Title ⬆️ 42") == 42);
  CHECK(find_vote_token("👍 12") == 12);
  CHECK(find_vote_token("▲ 3") == 3);
  CHECK(find_vote_token("*(175 votes)*") == 175);
  CHECK(find_vote_token("42 upvotes") == 42);
  CHECK_FALSE(find_vote_token("score 84/100"));
  CHECK_FALSE(find_vote_token("⭐ 4"));
  CHECK_FALSE(find_vote_token("no votes here"));
  CHECK(parse_vote_value("42") == 42);
  CHECK(parse_vote_value(" ⬆️ 42 ") == 42);
  CHECK(parse_vote_value("42 votes") == 42);
  CHECK(parse_vote_value("1,234") == 1234);
  CHECK_FALSE(parse_vote_value("84/100"));
  CHECK_FALSE(parse_vote_value("many"));
  CHECK_FALSE(parse_vote_value(""));
  SUBCASE("overflow is no count, never a wrapped one") {
    CHECK_FALSE(parse_vote_value("99999999999999999999999"));
    CHECK_FALSE(find_vote_token("⬆️ 99999999999999999999999"));
    CHECK_FALSE(parse_vote_value("9,223,372,036,854,775,808"));
    // Counts are bounded well inside int64: 10^13 reads, 10^14 does not.
    CHECK(parse_vote_value("10000000000000") == 10'000'000'000'000);
    CHECK_FALSE(parse_vote_value("100000000000000"));
    CHECK_FALSE(find_vote_token("▲ 100000000000000"));
  }
}

TEST_CASE("dates in text and paths") {
  CHECK(find_date("Digest 2026-06-03") == Date::parse("2026-06-03"));
  CHECK(find_date("2026/06/03") == Date::parse("2026-06-03"));
  CHECK(find_date("2026.06.03") == Date::parse("2026-06-03"));
  CHECK(find_date("2026_06_03") == Date::parse("2026-06-03"));
  CHECK(find_date("2026年6月3日 论文") == Date::parse("2026-06-03"));
  CHECK_FALSE(find_date("2026-02-30"));
  CHECK_FALSE(find_date("no date"));
  CHECK(date_in_path("notes/2026-06-03.md") == Date::parse("2026-06-03"));
  CHECK(date_in_path("2026/06/03.md") == Date::parse("2026-06-03"));
  CHECK(date_in_path("2026-06-03/papers.md") == Date::parse("2026-06-03"));
  CHECK(date_in_path("daily_20260603.md") == Date::parse("2026-06-03"));
  CHECK_FALSE(date_in_path("notes/readme.md"));
  CHECK(canonical_path_date("x/2024-02-07.md") == Date::parse("2024-02-07"));
  CHECK(canonical_path_date("2024/02/07.MARKDOWN")
        == Date::parse("2024-02-07"));
  CHECK_FALSE(canonical_path_date("2024-02-07.txt"));
  CHECK_FALSE(canonical_path_date("x2024-02-07.md"));
  CHECK_FALSE(canonical_path_date("2024-02/07.md"));
}

TEST_CASE("clean_title and author fields") {
  CHECK(clean_title("1. **[A Title](https://arxiv.org/abs/2401.01234)**")
        == "A Title");
  CHECK(clean_title("[Title] ⬆️ 42") == "Title");
  CHECK(clean_title("Title *(12 votes)*") == "Title");
  CHECK(clean_title("R\\&amp;D") == "R&amp;D");
  CHECK(clean_title("https://arxiv.org/abs/2401.01234").empty());
  auto a = parse_author_field("A. One, B. Two et al.");
  CHECK(a.names == Strings{"A. One", "B. Two"});
  CHECK(a.truncated);
  a = parse_author_field("张三、李四等");
  CHECK(a.truncated);
  CHECK(a.names.size() == 2);
  a = parse_author_field("[A](https://x), **B**；C");
  CHECK(a.names == Strings{"A", "B", "C"});
  CHECK_FALSE(a.truncated);
  CHECK(parse_author_field("Not provided").names.empty());
}

TEST_CASE("entity_length and is_escapable") {
  CHECK(entity_length("&amp;", 0) == 5);
  CHECK(entity_length("x &#233; y", 2) == 6);
  CHECK(entity_length("&;", 0) == 0);
  CHECK(entity_length("& amp;", 0) == 0);
  CHECK(entity_length("&" + std::string(60, 'a') + ";", 0) == 0);
  CHECK(is_escapable('*'));
  CHECK(is_escapable('~'));
  CHECK_FALSE(is_escapable('a'));
  CHECK_FALSE(is_escapable(' '));
}

TEST_CASE("decode_link_text") {
  SUBCASE("backslash escapes of ASCII punctuation") {
    CHECK(decode_link_text(R"(\[IDK\] \* \_ \\ \` \& \<)")
          == R"([IDK] * _ \ ` & <)");
  }
  SUBCASE("a backslash before anything else stays") {
    CHECK(decode_link_text(R"(C:\path \한 \1)") == R"(C:\path \한 \1)");
    CHECK(decode_link_text("trailing \\") == "trailing \\");
  }
  SUBCASE("entity references") {
    CHECK(decode_link_text("R&amp;D &lt;b&gt; &quot;q&quot; &apos;")
          == "R&D <b> \"q\" '");
    CHECK(decode_link_text("Caf&#233; &#xE9; &#XE9; &copy; &nbsp;|")
          == "Café é é © \u00A0|");
  }
  SUBCASE("things that are not entity references stay") {
    CHECK(decode_link_text("R&D & &; &bogus; &amp &#; &#x; &#12345678;")
          == "R&D & &; &bogus; &amp &#; &#x; &#12345678;");
  }
  SUBCASE("an escaped ampersand is not an entity") {
    CHECK(decode_link_text(R"(\&amp;)") == "&amp;");
  }
  SUBCASE("everything else is literal") {
    CHECK(decode_link_text("AtP*: M$^{2}$UGen $L_2$ `cat.n.01` <think> **b**")
          == "AtP*: M$^{2}$UGen $L_2$ `cat.n.01` <think> **b**");
  }
  SUBCASE("a long run of ampersands") {
    const std::string text(200000, '&');
    CHECK(decode_link_text(text) == text);
  }
}

}  // namespace
}  // namespace papers::syntax
