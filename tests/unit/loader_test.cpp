// Loading: the reference digest end to end through load_inputs, and the
// per-file rules of the loader (binary files dropped whole, duplicates,
// errors, diagnostics in input order).
#include "dump.hpp"
#include "temp_dir.hpp"

#include <papers/digest_parser.hpp>
#include <papers/loader.hpp>
#include <papers/summary.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>
#include <vector>

namespace papers {
namespace {

using Strings = std::vector<std::string>;

const std::filesystem::path kTestdata = PAPERS_TESTDATA_DIR;

Strings warnings(const LoadResult& load) {
  Strings out;
  for (const auto& d : load.diagnostics) {
    out.push_back(to_string(d));
  }
  return out;
}

struct FileSinks final : public PaperSink, public DiagnosticSink {
  std::vector<Diagnostic> diagnostics;

  bool on_paper(Paper&& /*paper*/) override { return true; }

  void on_diagnostic(Diagnostic&& diagnostic) override {
    diagnostics.push_back(std::move(diagnostic));
  }
};

}  // namespace

TEST_CASE("the reference digest, testdata/2024-02-07.md") {
  const std::string path = (kTestdata / "2024-02-07.md").string();
  const LoadResult load = load_inputs(std::vector<std::string>{path});
  CHECK(load.errors.empty());
  CHECK(load.diagnostics.empty());
  CHECK(load.inputs.size() == 1);
  CHECK(load.table.duplicates() == 0);
  const auto papers = load.table.papers();
  REQUIRE(papers.size() == 12);

  struct Want {
    const char* id;
    std::int64_t votes;
    std::size_t bullets;
  };

  // In document order; bullet counts from `awk` over the file.
  const Want want[] = {{"2402.03620", 23, 5},
                       {"2402.04248", 14, 7},
                       {"2402.04229", 10, 7},
                       {"2402.04252", 8, 4},
                       {"2402.04177", 8, 7},
                       {"2402.03749", 8, 7},
                       {"2402.03570", 6, 7},
                       {"2402.04141", 5, 7},
                       {"2402.03766", 5, 4},
                       {"2402.03944", 3, 8},
                       {"2402.03908", 3, 7},
                       {"2402.04236", 3, 6}};
  for (std::size_t i = 0; i < papers.size(); ++i) {
    const Paper& p = papers[i];
    CAPTURE(i);
    CHECK(p.id == want[i].id);
    CHECK(p.votes == std::optional<std::int64_t>(want[i].votes));
    const auto items = papers::split_summary(p.summary);
    CHECK(items.size() == want[i].bullets);
    CHECK(p.date == Date::parse("2024-02-07"));
    CHECK(p.url == "https://arxiv.org/abs/" + std::string(want[i].id));
    CHECK(p.source.file == path);
    CHECK_FALSE(p.authors.empty());
    for (const auto& item : items) {
      CHECK_FALSE(item.label.has_value());
      CHECK_FALSE(item.text.empty());
    }
  }
  SUBCASE("first paper in detail") {
    const Paper& p = papers[0];
    CHECK(p.title
          == "Self-Discover: Large Language Models Self-Compose Reasoning "
             "Structures");
    CHECK(p.source.line == 3);
    CHECK(p.authors.size() == 10);
    CHECK(p.authors.front() == "Heng-Tze Cheng");
    CHECK(p.authors.back() == "Xinyun Chen");
    CHECK(p.thumbnail
          == "https://cdn-uploads.huggingface.co/production/uploads/"
             "60f1abe7544c2adfd699860c/-JXIkLf1Pwi-5NdZ3rOyU.png");
    CHECK_FALSE(p.video.has_value());
  }
  SUBCASE("IMUSIC has a video and no thumbnail") {
    const auto imusic =
        std::find_if(papers.begin(), papers.end(), [](const Paper& p) {
          return p.id == "2402.03944";
        });
    REQUIRE(imusic != papers.end());
    CHECK(imusic->title == "IMUSIC: IMU-based Facial Expression Capture");
    CHECK(imusic->video
          == "https://cdn-uploads.huggingface.co/production/uploads/"
             "60f1abe7544c2adfd699860c/Qw6ZHpM_Rv9tHDJvbNX16.mp4");
    CHECK_FALSE(imusic->thumbnail.has_value());
    // Every other paper has a thumbnail and no video.
    for (const Paper& p : papers) {
      if (&p != &*imusic) {
        CAPTURE(p.title);
        CHECK(p.thumbnail.has_value());
        CHECK_FALSE(p.video.has_value());
      }
    }
  }
  SUBCASE("accented authors survive") {
    CHECK(std::find(papers[2].authors.begin(),
                    papers[2].authors.end(),
                    "Léonard Hussenot")
          != papers[2].authors.end());
  }
}

TEST_CASE("load_buffer drops a binary file whole") {
  const std::string bytes =
      test::read_file(kTestdata / "parser" / "warn_nul_byte.md");
  LoadResult load;
  load_buffer("x.md", bytes, load);
  // Not an input but an error, in the words of the NUL warning; the
  // invalid UTF-8 before it is not reported.
  CHECK(load.inputs.empty());
  CHECK(load.input_info.empty());
  CHECK(load.table.size() == 0);
  CHECK(warnings(load).empty());
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].message
        == "x.md:9: binary data (NUL byte); file skipped");
}

TEST_CASE("load_buffer: an input that is not UTF-8 text is binary") {
  const std::string digest = test::read_file(kTestdata / "2024-02-07.md");
  // Bytes no text has, and no NUL among them: a third of them or more is
  // binary, whether the input is short or long, fed whole or byte by byte.
  std::string noise;
  std::uint32_t state = 1;
  while (noise.size() < 20000) {
    state = state * 1103515245U + 12345U;
    noise += static_cast<char>(0x80U | ((state >> 16) & 0x7FU));
    if (noise.size() % 40 == 0) {
      noise += '\n';
    }
  }
  for (const std::size_t size : {std::size_t{300}, noise.size()}) {
    CAPTURE(size);
    LoadResult load;
    load_buffer("n.md", digest.substr(0, 200) + noise.substr(0, size), load);
    CHECK(load.table.size() == 0);
    CHECK(warnings(load).empty());
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].message.starts_with("n.md: binary data ("));
    CHECK(
        load.errors[0].message.ends_with(" are not UTF-8 text); file skipped"));
    // The same, fed a byte at a time.
    FileSinks sinks;
    DigestParser parser("n.md", sinks, sinks);
    const std::string bytes = digest.substr(0, 200) + noise.substr(0, size);
    for (const char c : bytes) {
      parser.feed(std::string_view(&c, 1));
    }
    parser.finish();
    CHECK(parser.binary());
    REQUIRE(!sinks.diagnostics.empty());
    CHECK("n.md: " + sinks.diagnostics.back().message
          == load.errors[0].message);
  }
  // Latin-1 prose among UTF-8: a few bad bytes are text, replaced.
  std::string latin1 = digest;
  for (std::size_t i = 100; i < latin1.size(); i += 40) {
    latin1[i] = '\xE9';
  }
  LoadResult load;
  load_buffer("l.md", latin1, load);
  CHECK(load.errors.empty());
  CHECK(load.table.size() > 0);
}

TEST_CASE("load_inputs over several files") {
  test::TempDir dir;
  const std::string root = dir.path().string();
  const std::string digest =
      "## Daily Papers (2024-02-07)\n"
      "### [A](https://arxiv.org/abs/2402.00001)\nVote: x\n";
  dir.write("2024-02-07.md", digest);
  dir.write("copy/README.md", digest);  // the same records again
  dir.write("empty.md");
  dir.write("binary.md", std::string("\xFF\n\0", 3));
  const LoadResult load =
      load_inputs(std::vector<std::string>{root, root + "/missing"});
  // The binary file, found in a directory, is an input with a warning.
  CHECK(load.inputs.size() == 4);
  CHECK(load.table.size() == 1);
  CHECK(load.table.duplicates() == 1);
  CHECK(warnings(load)
        == Strings{root
                       + "/2024-02-07.md:3: warning[invalid-votes]: invalid "
                         "vote count 'x'; votes "
                         "unknown",
                   root
                       + "/binary.md:2: warning[binary-file]: binary data (NUL "
                         "byte); file skipped",
                   root
                       + "/copy/README.md:3: warning[invalid-votes]: invalid "
                         "vote count 'x'; votes "
                         "unknown",
                   root + "/empty.md: warning[empty-file]: empty file"});
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].message == root + "/missing: No such file or directory");
  // Named, the same file is an error, and no input.
  const LoadResult named =
      load_inputs(std::vector<std::string>{root + "/binary.md"});
  CHECK(named.inputs.empty());
  REQUIRE(named.errors.size() == 1);
  CHECK(named.errors[0].message
        == root + "/binary.md:2: binary data (NUL byte); file skipped");
}

TEST_CASE("load_inputs and a file that changes while read") {
  test::TempDir dir;
  const std::string old_digest =
      "## Daily Papers (2024-02-07)\n"
      "### [Old](https://arxiv.org/abs/2402.00001)\nVote: 1\n";
  const std::string new_digest =
      "## Daily Papers (2024-02-07)\n"
      "### [New title](https://arxiv.org/abs/2402.00002)\nVote: 2\n";
  const auto file = dir.write("2024-02-07.md", old_digest);
  int reads = 0;
  SUBCASE("rewritten once: the new file, read consistently") {
    const auto load = load_inputs(
        std::vector<std::string>{file.string()}, [&](const std::string&) {
          if (reads++ == 0) {
            std::ofstream(file, std::ios::trunc) << new_digest;
          }
        });
    CHECK(warnings(load).empty());
    REQUIRE(load.table.size() == 1);
    CHECK(load.table.papers()[0].title == "New title");
    CHECK(reads == 2);
  }
  SUBCASE("changing at every read: the last read, and a warning") {
    const auto load = load_inputs(std::vector<std::string>{file.string()},
                                  [&](const std::string&) {
                                    ++reads;
                                    std::ofstream(file, std::ios::app) << "\n";
                                  });
    CHECK(warnings(load)
          == Strings{
              file.string()
              + ": warning[changed-while-reading]: changed while reading"});
    CHECK(load.table.size() == 1);
  }
}

TEST_CASE("an exception in a worker reaches the caller, workers joined") {
  test::TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 8; ++i) {
    paths.push_back(dir.write("d" + std::to_string(i) + ".md", "x\n").string());
  }
  CHECK_THROWS_AS(load_inputs(paths,
                              [&](const std::string& path) {
                                if (path == paths[3]) {
                                  throw std::bad_alloc();
                                }
                              }),
                  std::bad_alloc);
}

}  // namespace papers
