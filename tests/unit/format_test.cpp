// The output writers: every format on the testdata fixtures and on papers
// built here, the table's width rules, the card, the markdown round trip,
// and the guarantee that no raw control byte reaches a terminal.
#include "text_width.hpp"

#include <papers/format.hpp>
#include <papers/loader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using papers::Field;
using papers::FormatOptions;
using papers::OutputFormat;
using papers::Paper;
using papers::View;

const std::string kTestdata = PAPERS_TESTDATA_DIR;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The records of one digest (diagnostics are the parser tests' business).
std::vector<Paper> parse(std::string_view name, std::string_view bytes) {
  papers::LoadResult load;
  papers::load_buffer(name, bytes, load);
  const auto list = load.table.papers();
  return {list.begin(), list.end()};
}

std::vector<Paper> fixture(const std::string& relative) {
  return parse(relative, read_file(kTestdata + "/" + relative));
}

std::vector<const Paper*> pointers(const std::vector<Paper>& papers) {
  std::vector<const Paper*> out;
  for (const auto& paper : papers) {
    out.push_back(&paper);
  }
  return out;
}

std::string render(OutputFormat format,
                   const std::vector<Paper>& papers,
                   const FormatOptions& options = {}) {
  const auto rows = pointers(papers);
  std::string out;
  papers::format_papers(format, rows, options, out);
  return out;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

FormatOptions with_fields(std::string_view list) {
  FormatOptions options;
  auto fields = papers::parse_fields(list);
  REQUIRE(fields.has_value());
  options.fields = fields.value();
  return options;
}

// Bytes a terminal would act on: C0 (but newline, and tab where it is the
// TSV separator), DEL, C1, bidi controls.
std::vector<std::string> terminal_controls(std::string_view text,
                                           bool tabs_allowed = false) {
  std::vector<std::string> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && b != '\n' && !(tabs_allowed && b == '\t')) || b == 0x7F) {
      found.push_back("byte " + std::to_string(b));
    }
    if (b == 0xC2 && i + 1 < text.size()
        && static_cast<unsigned char>(text[i + 1]) >= 0x80
        && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      found.push_back("C1 control");
    }
  }
  for (std::string_view bidi : {"\u202A",
                                "\u202B",
                                "\u202C",
                                "\u202D",
                                "\u202E",
                                "\u2066",
                                "\u2067",
                                "\u2068",
                                "\u2069"}) {
    if (text.find(bidi) != std::string_view::npos) {
      found.push_back("bidi control");
    }
  }
  return found;
}

// A record without the fields that name where it was read.
// What the markdown writer keeps: it writes the canonical layout, which
// has no place for other layouts' labelled facts or a truncation mark.
Paper without_source(Paper paper) {
  paper.source = {};
  paper.fields = {};
  paper.authors_truncated = false;
  return paper;
}

class CountingSink final : public papers::OutputSink {
 public:
  explicit CountingSink(std::size_t accept) : accept_(accept) {}

  bool write(std::string_view text) override {
    ++writes;
    received += text;
    return writes < accept_;
  }

  std::size_t writes = 0;
  std::string received;

 private:
  std::size_t accept_;
};

}  // namespace

TEST_CASE("parse_fields") {
  SUBCASE("names in the given order") {
    auto fields = papers::parse_fields("votes,id, title");
    REQUIRE(fields.has_value());
    CHECK(fields.value()
          == std::vector<Field>{Field::kVotes, Field::kId, Field::kTitle});
  }
  SUBCASE("an unknown name lists the valid ones") {
    auto fields = papers::parse_fields("id,name");
    REQUIRE_FALSE(fields.has_value());
    CHECK(fields.error().message
          == "unknown field 'name'; valid fields: rank, period, id, date, "
             "title, url, votes, authors, authors_truncated, thumbnail, "
             "video, summary, fields, file, line, score, snippet");
  }
  SUBCASE("empty names and repeats are errors") {
    CHECK_FALSE(papers::parse_fields("").has_value());
    CHECK_FALSE(papers::parse_fields("id,,title").has_value());
    CHECK_FALSE(papers::parse_fields("id,id").has_value());
  }
}

TEST_CASE("table: columns line up by display width") {
  const auto papers = fixture("format/korean.md");
  SUBCASE("with a right-aligned last column every line is equally wide") {
    const auto out = render(
        OutputFormat::kTable, papers, with_fields("title,authors,votes"));
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == papers.size() + 1);
    for (const auto& line : lines) {
      CAPTURE(line);
      CHECK(papers::display_width(line) == papers::display_width(lines[0]));
    }
  }
  SUBCASE("numbers are right-aligned, unknown votes are '-'") {
    const auto out =
        render(OutputFormat::kTable, papers, with_fields("votes,id"));
    CHECK(out
          == "VOTES  ID\n"
             "   42  2403.00101\n"
             "    7  2403.00102\n"
             "    -  2403.00103\n"
             "   19  2403.01104\n");
  }
  SUBCASE("without a width nothing is cut") {
    const auto out = render(OutputFormat::kTable, papers);
    CHECK(out.find("Careful Evaluation") != std::string::npos);
    CHECK(out.find("…") == std::string::npos);
  }
}

TEST_CASE("table: fitting a width") {
  const auto papers = fixture("format/korean.md");
  FormatOptions options;
  options.width = 60;
  const auto out = render(OutputFormat::kTable, papers, options);
  const auto lines = lines_of(out);
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(papers::display_width(line) <= 60);
  }
  CHECK(out.find("A Very Long Title That Is Mu…\n") != std::string::npos);
  CHECK(out.find("Careful Evaluation") == std::string::npos);
  CHECK(out.find("…\n") != std::string::npos);
  SUBCASE("the widest text column gives way first") {
    auto narrow = with_fields("votes,title,authors");
    narrow.width = 70;
    const auto fitted = render(OutputFormat::kTable, papers, narrow);
    CAPTURE(fitted);
    for (const auto& line : lines_of(fitted)) {
      CHECK(papers::display_width(line) <= 70);
    }
    // Authors are cut to whole names with the count of the others.
    CHECK(fitted.find("Alice Smith, Bob Jones +6") != std::string::npos);
  }
  SUBCASE("no_truncate keeps every cell whole") {
    options.truncate = false;
    const auto whole = render(OutputFormat::kTable, papers, options);
    CHECK(whole.find("Careful Evaluation") != std::string::npos);
    CHECK(whole.find("…") == std::string::npos);
  }
  SUBCASE("a width too small for the fixed columns still prints them") {
    options.width = 10;
    const auto tiny = render(OutputFormat::kTable, papers, options);
    CHECK(tiny.find("2403.00101") != std::string::npos);
  }
}

TEST_CASE("table: the top view") {
  auto papers = fixture("format/korean.md");
  FormatOptions options;
  options.view = View::kTop;
  options.width = 120;
  SUBCASE("rank, votes, date when the rows span days, id, title, authors") {
    const auto out = render(OutputFormat::kTable, papers, options);
    CHECK(lines_of(out)[0].starts_with("#  VOTES  DATE        ID"));
    CHECK(lines_of(out)[1].starts_with("1     42  2024-03-01  2403.00101"));
    CHECK(out.find("Alice Smith, Bob Jones, Carol White +5")
          != std::string::npos);
  }
  SUBCASE("no date column when every row has the same date") {
    papers.pop_back();  // the only paper of 2024-03-02
    const auto out = render(OutputFormat::kTable, papers, options);
    CHECK(lines_of(out)[0].starts_with("#  VOTES  ID"));
    CHECK(out.find("2024-03-01") == std::string::npos);
  }
  SUBCASE("all authors when nothing is truncated") {
    options.width = 0;
    const auto out = render(OutputFormat::kTable, papers, options);
    CHECK(out.find("Grace Hopper, Heidi Klum") != std::string::npos);
  }
}

TEST_CASE("top --per: ranks restart, periods apart, period keys") {
  const auto records = fixture("2024-02-07.md");
  REQUIRE(records.size() >= 3);
  Paper first = records[0];
  Paper second = records[1];
  Paper third = records[2];
  first.date = papers::Date{2024, 1, 29};  // 2024-W05
  second.date = papers::Date{2024, 2, 4};  // 2024-W05, a Sunday
  third.date = papers::Date{2024, 2, 5};   // 2024-W06
  const std::vector<const Paper*> ordered = {&first, &second, &third};
  FormatOptions options;
  options.view = papers::View::kTop;
  options.per = papers::Period::kWeek;
  options.fields = {
      papers::Field::kPeriod, papers::Field::kRank, papers::Field::kDate};
  std::string table;
  papers::format_papers(papers::OutputFormat::kTable, ordered, options, table);
  CHECK(table
        == "PERIOD    #  DATE\n"
           "2024-W05  1  2024-01-29\n"
           "2024-W05  2  2024-02-04\n"
           "\n"
           "2024-W06  1  2024-02-05\n");
  std::string jsonl;
  papers::format_papers(papers::OutputFormat::kJsonl, ordered, options, jsonl);
  CHECK(jsonl
        == "{\"period\": \"2024-W05\", \"rank\": 1, \"date\": \"2024-01-29\"}\n"
           "{\"period\": \"2024-W05\", \"rank\": 2, \"date\": \"2024-02-04\"}\n"
           "{\"period\": \"2024-W06\", \"rank\": 1, \"date\": \"2024-02-05\"}\n");
  options.fields.clear();
  std::string csv;
  papers::format_papers(papers::OutputFormat::kCsv, ordered, options, csv);
  CHECK(csv.starts_with("period,rank,id,date,"));
  CHECK(csv.find("\n2024-W06,1,") != std::string::npos);
  std::string json;
  papers::format_papers(papers::OutputFormat::kJson, ordered, options, json);
  CHECK(
      json.starts_with("[\n{\"period\": \"2024-W05\", \"rank\": 1, \"id\": "));
  // Without per, period is null and ranks run on.
  options.per.reset();
  options.fields = {papers::Field::kPeriod, papers::Field::kRank};
  jsonl.clear();
  papers::format_papers(papers::OutputFormat::kJsonl, ordered, options, jsonl);
  CHECK(jsonl
        == "{\"period\": null, \"rank\": 1}\n{\"period\": null, \"rank\": 2}\n"
           "{\"period\": null, \"rank\": 3}\n");
}

TEST_CASE("table: colour only on the header and the votes") {
  const auto papers = fixture("format/korean.md");
  FormatOptions options = with_fields("votes,id");
  SUBCASE("off: no escape at all") {
    CHECK(render(OutputFormat::kTable, papers, options).find('\x1b')
          == std::string::npos);
  }
  SUBCASE("on") {
    options.color = true;
    const auto out = render(OutputFormat::kTable, papers, options);
    CHECK(lines_of(out)[0] == "\x1b[1mVOTES\x1b[0m  \x1b[1mID\x1b[0m");
    CHECK(lines_of(out)[1] == "   \x1b[32m42\x1b[0m  2403.00101");
    CHECK(lines_of(out)[3] == "    -  2403.00103");  // unknown: plain
  }
}

TEST_CASE("table: no rows, no header") {
  CHECK(render(OutputFormat::kTable, {}).empty());
}

TEST_CASE("control characters never reach a terminal raw") {
  const auto papers = fixture("format/control.md");
  REQUIRE(papers.size() == 2);
  REQUIRE(papers[0].title.find("\x1b]52;") != std::string::npos);
  FormatOptions terminal;
  terminal.terminal = true;
  terminal.width = 80;
  SUBCASE("table (always sanitised)") {
    for (const bool on_terminal : {true, false}) {
      FormatOptions options = with_fields("title,authors,summary");
      options.terminal = on_terminal;
      const auto out = render(OutputFormat::kTable, papers, options);
      CAPTURE(out);
      CHECK(terminal_controls(out).empty());
      CHECK(out.find("Evil ␛]52;c;SGVsbG8=␇Clipboard and ␛[2J Clear Screen")
            != std::string::npos);
      CHECK(out.find("Eve␈␈␈Bob") != std::string::npos);
      CHECK(out.find("form␌feed and back␈space") != std::string::npos);
    }
  }
  SUBCASE("card") {
    const auto out = render(OutputFormat::kTable, papers, [&] {
      auto o = terminal;
      o.view = View::kCard;
      return o;
    }());
    CAPTURE(out);
    CHECK(terminal_controls(out).empty());
    CHECK(out.find("␛[2J") != std::string::npos);
    CHECK(out.find("Mallory ␛[31mRed␛[0m") != std::string::npos);
  }
  SUBCASE("markdown, csv and tsv on a terminal") {
    for (auto format :
         {OutputFormat::kMarkdown, OutputFormat::kCsv, OutputFormat::kTsv}) {
      const auto out = render(format, papers, terminal);
      CAPTURE(out);
      CHECK(terminal_controls(out, format == OutputFormat::kTsv).empty());
      CHECK(out.find("␛") != std::string::npos);
      CHECK(out.find("Eve␈␈␈Bob") != std::string::npos);
    }
  }
  SUBCASE("json and jsonl escape them everywhere") {
    for (auto format : {OutputFormat::kJson, OutputFormat::kJsonl}) {
      const auto out = render(format, papers);
      CHECK(terminal_controls(out).empty());
      CHECK(out.find(R"(Evil \u001b]52;c;SGVsbG8=\u0007Clipboard)")
            != std::string::npos);
      CHECK(out.find(R"(C1 \u009b31m CSI)") != std::string::npos);
    }
  }
  SUBCASE("markdown to a file keeps the data as it is") {
    const auto out = render(OutputFormat::kMarkdown, papers);
    // The brackets are unbalanced, so they are escaped in the heading.
    CHECK(out.find("### [Evil \x1b\\]52;c;SGVsbG8=\x07"
                   "Clipboard and "
                   "\x1b\\[2J Clear Screen](")
          != std::string::npos);
  }
}

TEST_CASE("json and jsonl") {
  const auto papers = fixture("format/quotes.md");
  SUBCASE("the record shape") {
    const auto out = render(OutputFormat::kJsonl, {papers[2]});
    CHECK(out
          == R"({"id": "hep-th/9901001", "date": "2024-04-10", )"
             R"("title": "Old-style id and no votes", )"
             R"("url": "https://arxiv.org/abs/hep-th/9901001", )"
             R"("votes": null, "authors": ["Edward Witten"], )"
             R"("authors_truncated": false, )"
             R"("thumbnail": null, "video": null, "summary": [], )"
             R"("fields": [], )"
             R"("source": {"file": "format/quotes.md", "line": 25}})"
             "\n");
  }
  SUBCASE("an array, one record per line") {
    const auto out = render(OutputFormat::kJson, papers);
    CHECK(out.starts_with("[\n{\"id\": \"2404.05001\""));
    CHECK(out.ends_with("}\n]\n"));
    CHECK(lines_of(out).size() == papers.size() + 2);
    CHECK(render(OutputFormat::kJson, {}) == "[]\n");
    CHECK(render(OutputFormat::kJsonl, {}).empty());
  }
  SUBCASE("fields pick and order the keys") {
    const auto out = render(
        OutputFormat::kJsonl, papers, with_fields("rank,votes,id,authors"));
    CHECK(lines_of(out)[0]
          == R"({"rank": 1, "votes": 12, "id": "2404.05001", "authors": )"
             R"(["Sean O'Brien", "D'Angelo, Maria", "Marc'Aurelio Ranzato"]})");
    CHECK(lines_of(out)[2]
          == R"({"rank": 3, "votes": null, "id": "hep-th/9901001", )"
             R"("authors": ["Edward Witten"]})");
  }
  SUBCASE("invalid UTF-8 is replaced, not copied") {
    Paper paper;
    paper.title = "bad \xff\xfe bytes \xc3(";
    const auto out = render(OutputFormat::kJsonl, {paper});
    CHECK(out.find("bad \uFFFD\uFFFD bytes \uFFFD(") != std::string::npos);
  }
}

TEST_CASE("jsonl is handed on record by record") {
  const auto papers = fixture("2024-02-07.md");
  const auto rows = pointers(papers);
  SUBCASE("one piece per record") {
    CountingSink sink(1000);
    CHECK(papers::format_papers(OutputFormat::kJsonl, rows, {}, sink));
    CHECK(sink.writes == papers.size());
  }
  SUBCASE("a sink that refuses stops the writer") {
    CountingSink sink(1);
    CHECK_FALSE(papers::format_papers(OutputFormat::kJsonl, rows, {}, sink));
    CHECK(sink.writes == 1);
    CHECK(lines_of(sink.received).size() == 1);
  }
  SUBCASE("other formats gather small records into one piece") {
    CountingSink sink(1000);
    CHECK(papers::format_papers(OutputFormat::kCsv, rows, {}, sink));
    CHECK(sink.writes == 1);
  }
}

TEST_CASE("csv") {
  const auto papers = fixture("format/quotes.md");
  const auto out = render(OutputFormat::kCsv, papers);
  SUBCASE("header row of field names") {
    CHECK(out.starts_with(
        "id,date,title,url,votes,authors,thumbnail,video,summary,file,line\n"));
  }
  SUBCASE("quotes only where needed, embedded quotes doubled") {
    CHECK(
        out.find(R"(2404.05001,2024-04-10,"Say ""Cheese"", Please: Quotes, )"
                 R"(Commas; and Semicolons",https://arxiv.org/abs/2404.05001,)"
                 R"(12,"Sean O'Brien; D'Angelo, Maria; Marc'Aurelio Ranzato",)")
        != std::string::npos);
    CHECK(out.find("\nhep-th/9901001,2024-04-10,Old-style id and no votes,"
                   "https://arxiv.org/abs/hep-th/9901001,,Edward Witten,,,,"
                   "format/quotes.md,25\n")
          != std::string::npos);
  }
  SUBCASE("summary bullets are plain-text lines inside one quoted cell") {
    CHECK(out.find("\"What's New: 제목에 \"\"따옴표\"\"와 쉼표, 가 들어 "
                   "있습니다.\nTechnical Details: 여러 줄 요약:\n"
                   "1) 첫째 줄은 들여쓰기 됨\n1. Tokenizer: 느슨한 연속 줄\n"
                   "Performance Highlights: code span과 링크, & 엔티티, "
                   "$x^2$ 수식.\"")
          != std::string::npos);
  }
  SUBCASE("a lone empty cell is quoted, so the row is not a blank line") {
    const auto votes = render(OutputFormat::kCsv, papers, with_fields("votes"));
    CHECK(votes == "votes\n12\n0\n\"\"\n");
  }
  SUBCASE("no rows: the header alone") {
    CHECK(render(OutputFormat::kCsv, {}, with_fields("id,title"))
          == "id,title\n");
  }
}

TEST_CASE("csv_safe: formula-like cells get a leading quote") {
  Paper paper;
  paper.title = "=1+2";
  paper.authors = {"@handle", "Ana Lima"};
  paper.url = "+cmd";
  paper.thumbnail = "-2";
  paper.video = "\tx";
  paper.summary = "- =y\n";
  paper.source = {"a=b.md", 3};
  const std::vector<Paper> papers = {paper};
  auto options =
      with_fields("title,authors,url,thumbnail,video,summary,file,votes");
  SUBCASE("off: the data as it is") {
    CHECK(render(OutputFormat::kCsv, papers, options)
          == "title,authors,url,thumbnail,video,summary,file,votes\n"
             "=1+2,@handle; Ana Lima,+cmd,-2,\tx,=y,a=b.md,\n");
  }
  options.csv_safe = true;
  SUBCASE("csv") {
    CHECK(render(OutputFormat::kCsv, papers, options)
          == "title,authors,url,thumbnail,video,summary,file,votes\n"
             "'=1+2,'@handle; Ana Lima,'+cmd,'-2,'\tx,'=y,a=b.md,\n");
  }
  SUBCASE("tsv: the quote goes before the escape") {
    CHECK(lines_of(render(OutputFormat::kTsv, papers, options))[1]
          == "'=1+2\t'@handle; Ana Lima\t'+cmd\t'-2\t'\\tx\t'=y\t"
             "a=b.md\t");
  }
}

TEST_CASE("tsv escapes tab, newline and backslash") {
  const auto papers = fixture("format/quotes.md");
  const auto out =
      render(OutputFormat::kTsv, papers, with_fields("rank,id,title,summary"));
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "rank\tid\ttitle\tsummary");
  CHECK(lines[2]
        == "2\t2404.05002\tTeaching Models to Say [IDK] & Mean It: A\\\\B "
           "Tests with `cat.n.01` and <think> Tags\t"
           "Tab\\tseparated\\tvalues and a backslash \\\\ in text.");
  CHECK(lines[1].find("Semicolons\tWhat's New: ") != std::string::npos);
  CHECK(lines[1].find("있습니다.\\nTechnical Details") != std::string::npos);
  for (const auto& line : lines) {
    CHECK(std::count(line.begin(), line.end(), '\t') == 3);
  }
}

TEST_CASE("card") {
  const auto papers = fixture("format/korean.md");
  FormatOptions options;
  options.view = View::kCard;
  options.width = 40;
  const auto out = render(OutputFormat::kTable, {papers[0]}, options);
  CAPTURE(out);
  SUBCASE("title, values, then labelled bullets") {
    const auto lines = lines_of(out);
    CHECK(lines[0] == "한국어 대형 언어 모델의 추론 능력 평가:");
    CHECK(lines[1] == "벤치마크와 분석");
    CHECK(lines[2].empty());
    CHECK(lines[3] == "ID       2403.00101");
    CHECK(lines[4] == "Date     2024-03-01");
    CHECK(lines[5] == "Votes    42");
    CHECK(lines[6] == "Authors  김민준, 이서연, José Álvarez,");
    CHECK(lines[7] == "         Zoe\u0301 Cafe\u0301");
    CHECK(lines[8] == "URL      https://arxiv.org/abs/2403.00101");
    CHECK(out.find("\n- What's New: 한국어 추론 벤치마크\n"
                   "  KoReason을 새로 제안하고 20개 모델을\n"
                   "  평가했습니다.\n")
          != std::string::npos);
    CHECK(out.find("- Technical Details: 수학, 상식, 법률")
          != std::string::npos);
  }
  SUBCASE("no line is wider than the width") {
    for (const auto& line : lines_of(out)) {
      if (line.starts_with("URL") || line.starts_with("Image")) {
        continue;  // links are never broken
      }
      CAPTURE(line);
      CHECK(papers::display_width(line) <= 40);
    }
  }
  SUBCASE("unknown values, video, unlabelled bullets, several cards") {
    const auto all = render(OutputFormat::kTable, papers, options);
    CHECK(all.find("\nVotes    -\n") != std::string::npos);
    CHECK(all.find("\nVideo    https://cdn-uploads.huggingface.co/production/"
                   "uploads/kr/demo.mp4\n")
          != std::string::npos);
    CHECK(all.find("\n- 라벨이 없는 요약 문장입니다.\n") != std::string::npos);
    CHECK(all.find("\n\nCafé: Combining Marks") != std::string::npos);
  }
  SUBCASE("width 0: nothing wrapped") {
    options.width = 0;
    const auto wide = render(OutputFormat::kTable, {papers[0]}, options);
    CHECK(lines_of(wide)[0] == papers[0].title);
  }
  SUBCASE("--fields turns the card into a table") {
    auto fields = with_fields("id,votes");
    fields.view = View::kCard;
    CHECK(render(OutputFormat::kTable, {papers[0]}, fields)
          == "ID          VOTES\n2403.00101     42\n");
  }
}

TEST_CASE("markdown: the reference digest comes back byte for byte") {
  const std::string original = read_file(kTestdata + "/2024-02-07.md");
  const auto papers = parse("2024-02-07.md", original);
  REQUIRE(papers.size() == 12);
  CHECK(render(OutputFormat::kMarkdown, papers) == original);
}

TEST_CASE("markdown: every fixture parses back to the same records") {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(kTestdata)) {
    const auto ext = entry.path().extension();
    if (entry.is_regular_file() && (ext == ".md" || ext == ".markdown")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  for (const auto& path : files) {
    CAPTURE(path.string());
    const auto papers = parse(path.string(), read_file(path.string()));
    const auto markdown = render(OutputFormat::kMarkdown, papers);
    const auto again = parse("again.md", markdown);
    REQUIRE(again.size() == papers.size());
    // Dates are grouped, so compare in the writer's order: undated first,
    // then by first appearance of each date (stable).
    std::vector<Paper> expected;
    for (const auto& paper : papers) {
      if (!paper.date) {
        expected.push_back(without_source(paper));
      }
    }
    std::vector<papers::Date> dates;
    for (const auto& paper : papers) {
      if (paper.date
          && std::find(dates.begin(), dates.end(), *paper.date)
                 == dates.end()) {
        dates.push_back(*paper.date);
      }
    }
    for (const auto& date : dates) {
      for (const auto& paper : papers) {
        if (paper.date == date) {
          expected.push_back(without_source(paper));
        }
      }
    }
    for (std::size_t i = 0; i < again.size(); ++i) {
      CAPTURE(i);
      CHECK(without_source(again[i]) == expected[i]);
    }
  }
}

TEST_CASE("markdown: awkward values survive the round trip") {
  Paper a;
  a.id = "2401.00001";
  a.date = papers::Date::parse("2024-01-02");
  a.title = R"(Esc\*aped \\ [unbalanced & &amp; ends with \)";
  a.url = "https://arxiv.org/abs/2401.00001";
  a.authors = {"Plain Name", "Last, First", "O'Neil \"Q\" \\n"};
  // Bullet text the parser produces comes back exactly: `####` lines,
  // fenced code holding headings, bullets and blank lines, and lines with
  // a code span that only looks like a fence.
  a.summary =
      "- **What's New**: line one\n  indented two\n#### heading-like\n"
      "###### x\n"
      "-\n"
      "- **Empty**:\n"
      "- **Code**: fenced:\n```\n## not a heading\n- nor a bullet\n\n"
      "# nor this\n```\nafter\n"
      "- ```a``` span\n  ```b``` span, no fence\n"
      "- opens\n  ~~~~\n  ## literal inside\n"
      "- last\n";
  // A fence left open in an indented bullet ends at the next bullet, in
  // the parser as in CommonMark: it needs no closing line.
  Paper b;  // no date, no link: before any date heading
  b.title = "[Not] a link](x)";
  b.votes = 3;
  Paper c;
  c.id = "2401.00003";
  c.date = papers::Date::parse("2024-01-01");
  c.title = "Video paper";
  c.url = "https://arxiv.org/abs/2401.00003";
  c.video = "https://example.com/v.mp4";
  Paper d = c;  // same date as a, after c: grouped under a's heading
  d.id = "2401.00004";
  d.url = "https://arxiv.org/abs/2401.00004";
  d.date = a.date;
  d.summary = "- opening\n```\nnever closed\n";
  const std::vector<Paper> papers = {a, b, c, d};
  const auto markdown = render(OutputFormat::kMarkdown, papers);
  CAPTURE(markdown);
  const auto again = parse("again.md", markdown);
  REQUIRE(again.size() == 4);
  CHECK(without_source(again[0]) == b);
  CHECK(without_source(again[1]) == a);
  // An open fence is closed, or it would swallow paper c.
  d.summary = "- opening\n```\nnever closed\n```\n";
  CHECK(without_source(again[2]) == d);
  CHECK(without_source(again[3]) == c);
  CHECK(markdown.find("## Daily Papers (2024-01-02)")
        < markdown.find("(2024-01-01)"));
}
