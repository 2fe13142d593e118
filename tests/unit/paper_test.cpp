// The value types of the record model and their normalisers: dates, arXiv
// ids, vote counts, author lists and the diagnostic text.
#include <papers/paper.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace papers {
namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("Date::parse") {
  SUBCASE("valid dates") {
    const auto date = Date::parse("2024-02-07");
    REQUIRE(date.has_value());
    CHECK(date->year == 2024);
    CHECK(date->month == 2);
    CHECK(date->day == 7);
    CHECK(date->to_string() == "2024-02-07");
    CHECK(Date::parse("0001-01-01").has_value());
    CHECK(Date::parse("9999-12-31").has_value());
  }
  SUBCASE("leap years") {
    CHECK(Date::parse("2024-02-29").has_value());        // divisible by 4
    CHECK_FALSE(Date::parse("2023-02-29").has_value());  // not
    CHECK_FALSE(Date::parse("1900-02-29").has_value());  // by 100, not 400
    CHECK(Date::parse("2000-02-29").has_value());        // by 400
  }
  SUBCASE("impossible days and months") {
    CHECK_FALSE(Date::parse("2024-02-30").has_value());
    CHECK_FALSE(Date::parse("2024-04-31").has_value());
    CHECK(Date::parse("2024-03-31").has_value());
    CHECK_FALSE(Date::parse("2024-13-01").has_value());
    CHECK_FALSE(Date::parse("2024-00-10").has_value());
    CHECK_FALSE(Date::parse("2024-01-00").has_value());
    CHECK_FALSE(Date::parse("0000-01-01").has_value());
  }
  SUBCASE("garbage") {
    CHECK_FALSE(Date::parse("").has_value());
    CHECK_FALSE(Date::parse("yesterday").has_value());
    CHECK_FALSE(Date::parse("2024-2-07").has_value());
    CHECK_FALSE(Date::parse("2024/02/07").has_value());
    CHECK_FALSE(Date::parse("2024-02-07 ").has_value());
    CHECK_FALSE(Date::parse(" 2024-02-07").has_value());
    CHECK_FALSE(Date::parse("2024-02-0x").has_value());
    CHECK_FALSE(Date::parse("+024-02-07").has_value());
    CHECK_FALSE(Date::parse("2024-02-07T00:00").has_value());
    CHECK_FALSE(Date::parse("２０２４-02-07").has_value());
  }
}

TEST_CASE("Date ordering and day arithmetic") {
  const Date a = *Date::parse("2024-02-28");
  const Date b = *Date::parse("2024-03-01");
  CHECK(a < b);
  CHECK(b.days_since_epoch() - a.days_since_epoch() == 2);  // leap day between
  CHECK(Date::parse("1970-01-01")->days_since_epoch() == 0);
  CHECK(Date::parse("1969-12-31")->days_since_epoch() == -1);
  CHECK(Date::from_days(a.days_since_epoch()) == a);
  CHECK(Date::from_days(19760).to_string() == "2024-02-07");
}

TEST_CASE("is_valid_date") {
  CHECK(is_valid_date(2024, 2, 29));
  CHECK_FALSE(is_valid_date(2023, 2, 29));
  CHECK_FALSE(is_valid_date(2024, 6, 31));
  CHECK_FALSE(is_valid_date(10000, 1, 1));
  CHECK_FALSE(is_valid_date(2024, 1, -1));
}

TEST_CASE("normalize_arxiv_id") {
  using Id = std::optional<std::string>;
  SUBCASE("bare new-style ids, with and without version") {
    CHECK(normalize_arxiv_id("2402.03620") == Id("2402.03620"));
    CHECK(normalize_arxiv_id("2402.03620v2") == Id("2402.03620"));
    CHECK(normalize_arxiv_id("2402.03620v12") == Id("2402.03620"));
    CHECK(normalize_arxiv_id("0704.0001") == Id("0704.0001"));  // 4.4 digits
    CHECK(normalize_arxiv_id("  2402.03620  ") == Id("2402.03620"));
  }
  SUBCASE("arXiv: prefix") {
    CHECK(normalize_arxiv_id("arXiv:2402.03620") == Id("2402.03620"));
    CHECK(normalize_arxiv_id("arxiv: 2402.03620v1") == Id("2402.03620"));
    CHECK(normalize_arxiv_id("ARXIV:hep-th/9901001") == Id("hep-th/9901001"));
  }
  SUBCASE("old-style ids") {
    CHECK(normalize_arxiv_id("hep-th/9901001") == Id("hep-th/9901001"));
    CHECK(normalize_arxiv_id("hep-th/9901001v3") == Id("hep-th/9901001"));
    CHECK(normalize_arxiv_id("math.AG/0601001") == Id("math.AG/0601001"));
    CHECK(normalize_arxiv_id("solv-int/9901001") == Id("solv-int/9901001"));
  }
  SUBCASE("urls") {
    CHECK(normalize_arxiv_id("https://arxiv.org/abs/2402.03620")
          == Id("2402.03620"));
    CHECK(normalize_arxiv_id("https://arxiv.org/pdf/2402.03620v1.pdf")
          == Id("2402.03620"));
    CHECK(normalize_arxiv_id("https://huggingface.co/papers/2402.03620")
          == Id("2402.03620"));
  }
  SUBCASE("invalid") {
    CHECK_FALSE(normalize_arxiv_id("").has_value());
    CHECK_FALSE(normalize_arxiv_id("2402.0362").has_value());    // 3 digits
    CHECK_FALSE(normalize_arxiv_id("2402.036201").has_value());  // 6 digits
    CHECK_FALSE(normalize_arxiv_id("2413.03620").has_value());   // month 13
    CHECK_FALSE(normalize_arxiv_id("2400.03620").has_value());   // month 0
    CHECK_FALSE(normalize_arxiv_id("240.03620").has_value());
    CHECK_FALSE(normalize_arxiv_id("2402.03620v").has_value());
    CHECK_FALSE(normalize_arxiv_id("2402.03620v2x").has_value());
    CHECK_FALSE(normalize_arxiv_id("2402-03620").has_value());
    CHECK_FALSE(normalize_arxiv_id("hep-th/990100").has_value());   // 6 digits
    CHECK_FALSE(normalize_arxiv_id("hep-th/9913001").has_value());  // month 13
    CHECK_FALSE(normalize_arxiv_id("Hep-th/9901001").has_value());
    CHECK_FALSE(normalize_arxiv_id("hep_th/9901001").has_value());
    CHECK_FALSE(normalize_arxiv_id("/9901001").has_value());
    CHECK_FALSE(normalize_arxiv_id("not an id").has_value());
  }
}

TEST_CASE("arxiv_id_from_url") {
  using Id = std::optional<std::string>;
  SUBCASE("every accepted form") {
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("http://arxiv.org/abs/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("arxiv.org/abs/2402.03620") == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://www.arxiv.org/abs/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://export.arxiv.org/abs/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2402.03620v2")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/2402.03620.pdf")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/2402.03620v3.pdf")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/2402.03620v3.PDF")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/html/2402.03620v1")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://huggingface.co/papers/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://www.huggingface.co/papers/2402.03620")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("/papers/2402.03620") == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/hep-th/9901001")
          == Id("hep-th/9901001"));
    CHECK(arxiv_id_from_url("https://arxiv.org/pdf/hep-th/9901001v2.pdf")
          == Id("hep-th/9901001"));
    CHECK(arxiv_id_from_url("HTTPS://ArXiv.org/ABS/2402.03620")
          == Id("2402.03620"));
  }
  SUBCASE("query, fragment and trailing slash are ignored") {
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2402.03620/")
          == Id("2402.03620"));
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2402.03620?context=cs")
          == Id("2402.03620"));
    CHECK(
        arxiv_id_from_url("https://huggingface.co/papers/2402.03620#community")
        == Id("2402.03620"));
  }
  SUBCASE("not paper links") {
    CHECK_FALSE(arxiv_id_from_url("").has_value());
    CHECK_FALSE(arxiv_id_from_url("2402.03620").has_value());  // bare id
    CHECK_FALSE(arxiv_id_from_url("arXiv:2402.03620").has_value());
    CHECK_FALSE(
        arxiv_id_from_url("https://example.com/2402.03620").has_value());
    CHECK_FALSE(
        arxiv_id_from_url("https://example.com/papers/2402.03620").has_value());
    CHECK_FALSE(
        arxiv_id_from_url("https://arxiv.org/list/cs.CL/recent").has_value());
    CHECK_FALSE(arxiv_id_from_url("https://arxiv.org/abs/").has_value());
    CHECK_FALSE(
        arxiv_id_from_url("https://arxiv.org/abs/2413.00001").has_value());
    CHECK_FALSE(arxiv_id_from_url("https://arxiv.org.evil.com/abs/2402.03620")
                    .has_value());
    CHECK_FALSE(
        arxiv_id_from_url("https://huggingface.co.evil.com/papers/2402.03620")
            .has_value());
    CHECK_FALSE(arxiv_id_from_url("https://huggingface.co/models/2402.03620")
                    .has_value());
    CHECK_FALSE(arxiv_id_from_url("papers/2402.03620").has_value());
    CHECK_FALSE(arxiv_id_from_url("/avatars/2402.03620").has_value());
    CHECK_FALSE(
        arxiv_id_from_url("ftp://arxiv.org/abs/2402.03620").has_value());
  }
  SUBCASE("the common form's fast path decides as the general rules do") {
    // Each id as a plain abs link (the fast path) and with a trailing
    // slash (the general one): the answers must agree.
    for (const char* id : {"2402.03620",
                           "2402.03620v12",
                           "0704.0001",
                           "1412.9999",
                           "1501.00001",
                           "1501.0001",
                           "1412.00001",
                           "0703.0001",
                           "2413.00001",
                           "2400.00001",
                           "2402.0362",
                           "2402.036200",
                           "2402..3620",
                           "24020.3620",
                           "2402.03620v",
                           "2402.03620vv2",
                           "v2402.03620",
                           "2402.036v20",
                           "."}) {
      CAPTURE(id);
      const std::string fast = std::string("https://arxiv.org/abs/") + id;
      CHECK(arxiv_id_from_url(fast) == arxiv_id_from_url(fast + "/"));
      CHECK(arxiv_id_from_url(fast) == normalize_arxiv_id(id));
    }
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/1501.0001") == Id());
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/0704.0001")
          == Id("0704.0001"));
    CHECK(arxiv_id_from_url("https://arxiv.org/abs/2402.03620v12")
          == Id("2402.03620"));
  }
}

TEST_CASE("parse_votes") {
  SUBCASE("counts") {
    const auto v = parse_votes("23");
    CHECK(v.valid);
    CHECK(v.votes == std::optional<std::int64_t>(23));
    CHECK(parse_votes(" 0 ").votes == std::optional<std::int64_t>(0));
    CHECK(parse_votes("007").votes == std::optional<std::int64_t>(7));
    CHECK(parse_votes("9223372036854775807").votes
          == std::optional<std::int64_t>(
              std::numeric_limits<std::int64_t>::max()));
  }
  SUBCASE("a dash is valid and unknown") {
    const auto v = parse_votes("-");
    CHECK(v.valid);
    CHECK_FALSE(v.votes.has_value());
  }
  SUBCASE("anything else is invalid and unknown") {
    for (const char* text : {"",
                             " ",
                             "-5",
                             "+5",
                             "5.0",
                             "1,234",
                             "1 234",
                             "many",
                             "--",
                             "9223372036854775808",
                             "99999999999999999999"}) {
      CAPTURE(text);
      const auto v = parse_votes(text);
      CHECK_FALSE(v.valid);
      CHECK_FALSE(v.votes.has_value());
    }
  }
}

TEST_CASE("parse_authors") {
  SUBCASE("comma form") {
    CHECK(parse_authors("Heng-Tze Cheng, Quoc V. Le, Pei Zhou")
          == Strings{"Heng-Tze Cheng", "Quoc V. Le", "Pei Zhou"});
    CHECK(parse_authors("  Plato  ") == Strings{"Plato"});
    CHECK(parse_authors("Marc'Aurelio Ranzato, Balázs Kégl")
          == Strings{"Marc'Aurelio Ranzato", "Balázs Kégl"});
  }
  SUBCASE("list form with both quotes and backslash escapes") {
    CHECK(parse_authors(R"(['Yiwei Chen', 'Zizhao Chen', "Sean O'Brien"])")
          == Strings{"Yiwei Chen", "Zizhao Chen", "Sean O'Brien"});
    CHECK(parse_authors(R"(['Marc\'Aurelio', "A \"B\" C", 'x\\y'])")
          == Strings{"Marc'Aurelio", "A \"B\" C", "x\\y"});
    CHECK(parse_authors(R"([ 'A' ,"B",  ])") == Strings{"A", "B"});
    CHECK(parse_authors("[]").empty());
  }
  SUBCASE("a list literal keeps commas inside quotes") {
    CHECK(parse_authors(R"(['Smith, Jr.', 'Lee'])")
          == Strings{"Smith, Jr.", "Lee"});
  }
  SUBCASE("clean-ups: + entries, exact repeats, spaces") {
    CHECK(parse_authors("+, Zhifang Sui, +, Lei Li, Zhifang Sui,  Lei Li ")
          == Strings{"Zhifang Sui", "Lei Li"});
    CHECK(parse_authors("['+', 'A', 'A', ' B ', 'A']") == Strings{"A", "B"});
    // Only exact repeats: spelling variants are the matcher's business.
    CHECK(parse_authors("Zejun MA, Zejun Ma")
          == Strings{"Zejun MA", "Zejun Ma"});
  }
  SUBCASE("empty") {
    CHECK(parse_authors("").empty());
    CHECK(parse_authors(" , ,, ").empty());
    CHECK(parse_authors("+").empty());
  }
  SUBCASE("unterminated list literal does not crash") {
    CHECK(parse_authors("['A', 'B") == Strings{"['A'", "'B"});
    CHECK(parse_authors("['A', 'B]") == Strings{"A", "B"});
  }
  SUBCASE("many names are de-duplicated in linear time") {
    std::string line;
    for (int i = 0; i < 100000; ++i) {
      line += "Name " + std::to_string(i % 50000) + ", ";
    }
    const auto authors = parse_authors(line);
    REQUIRE(authors.size() == 50000);
    CHECK(authors.front() == "Name 0");
    CHECK(authors.back() == "Name 49999");
  }
}

TEST_CASE("to_string(Diagnostic)") {
  CHECK(to_string(Diagnostic{
            {"a/b.md", 12}, DiagnosticCode::kBrokenVideoLink, "bad thing"})
        == "a/b.md:12: warning[broken-video-link]: bad thing");
  CHECK(to_string(
            Diagnostic{{"a/b.md", 0}, DiagnosticCode::kEmptyFile, "empty file"})
        == "a/b.md: warning[empty-file]: empty file");
}

TEST_CASE("diagnostic codes: one table, unique names, parsed back") {
  std::set<std::string_view> names;
  std::size_t index = 0;
  for (const auto& kind : diagnostic_kinds()) {
    CHECK(static_cast<std::size_t>(kind.code) == index++);
    CHECK(names.insert(kind.name).second);
    CHECK(code_name(kind.code) == kind.name);
    CHECK(parse_diagnostic_code(kind.name) == kind.code);
    CHECK(!kind.meaning.empty());
    // Rule codes are lower-case words joined by '-'.
    CHECK(kind.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-")
          == std::string_view::npos);
  }
  CHECK(names.size() > 10);
  CHECK(!parse_diagnostic_code("broken-video"));
  CHECK(!parse_diagnostic_code(""));
}

}  // namespace papers
