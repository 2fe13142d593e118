// Parser goldens: every testdata/parser/**/*.md fixture parses to the dump in
// its .expected file (PAPERS_UPDATE_GOLDEN=1 rewrites them; review the diff),
// and every digest under testdata/ gives the same dump whether it is fed in
// one buffer or in chunks of 1, 2, 7 or 4096 bytes.
#include "dump.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace papers::test {
namespace {

const fs::path kTestdata = PAPERS_TESTDATA_DIR;

// The fewest fixtures there can be: a broken glob or path must fail loudly
// rather than check nothing.
constexpr std::size_t kMinFixtures = 40;

std::vector<fs::path> files_under(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ext) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The name a fixture is parsed under: its path below testdata/, so that
// dated/2024-03-01.md keeps the date the file-name check looks for.
std::string name_of(const fs::path& path) {
  return path.lexically_relative(kTestdata).generic_string();
}

bool updating() {
  const char* env = std::getenv("PAPERS_UPDATE_GOLDEN");
  return env != nullptr && std::string_view(env) == "1";
}

}  // namespace

TEST_CASE("parser goldens: each fixture parses to its .expected dump") {
  const auto fixtures = files_under(kTestdata / "parser", ".md");
  REQUIRE(fixtures.size() >= kMinFixtures);
  for (const auto& fixture : fixtures) {
    const std::string name = name_of(fixture);
    CAPTURE(name);
    const std::string actual = dump(parse_chunked(name, read_file(fixture)));
    const fs::path expected_path =
        fs::path(fixture).replace_extension(".expected");
    if (updating()) {
      write_file(expected_path, actual);
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(expected_path),
                    "no .expected file; run with PAPERS_UPDATE_GOLDEN=1");
    const std::string difference =
        first_difference(read_file(expected_path), actual);
    CHECK_MESSAGE(difference.empty(), difference);
  }
}

TEST_CASE("parser goldens: every .expected file has its fixture") {
  const auto expected = files_under(kTestdata / "parser", ".expected");
  REQUIRE(expected.size() >= kMinFixtures);
  for (const auto& path : expected) {
    const std::string name = name_of(path);
    CAPTURE(name);
    CHECK(fs::exists(fs::path(path).replace_extension(".md")));
  }
}

TEST_CASE("chunked input gives the same dump as one buffer") {
  const auto digests = files_under(kTestdata, ".md");
  REQUIRE(digests.size() > kMinFixtures);
  REQUIRE(std::find(digests.begin(), digests.end(), kTestdata / "2024-02-07.md")
          != digests.end());
  for (const auto& digest : digests) {
    const std::string name = name_of(digest);
    const std::string bytes = read_file(digest);
    const std::string whole = dump(parse_chunked(name, bytes));
    for (const std::size_t chunk : {1U, 2U, 7U, 4096U}) {
      CAPTURE(name);
      CAPTURE(chunk);
      const std::string difference =
          first_difference(whole, dump(parse_chunked(name, bytes, chunk)));
      CHECK_MESSAGE(difference.empty(), difference);
    }
  }
}

TEST_CASE("bytes that stay (a mapped file) give the same dump as chunks") {
  std::size_t viewed = 0;  // summaries kept as views into the input
  for (const auto& digest : files_under(kTestdata, ".md")) {
    const std::string name = name_of(digest);
    CAPTURE(name);
    const std::string bytes = read_file(digest);
    const auto stable = parse_stable(name, bytes);
    const std::string difference =
        first_difference(dump(parse_chunked(name, bytes, 7)), dump(stable));
    CHECK_MESSAGE(difference.empty(), difference);
    for (const auto& paper : stable.papers) {
      const auto* begin = paper.summary.data();
      viewed += !paper.summary.empty() && begin >= bytes.data()
                && begin + paper.summary.size() <= bytes.data() + bytes.size();
    }
  }
  // The real digest alone has 20 summaries as written.
  CHECK(viewed >= 20);
}

}  // namespace papers::test
