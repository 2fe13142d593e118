// Finding and reading inputs: the directory walk (sorted, hidden entries and
// symlink loops skipped, only regular digest files) and read_input (whole
// or in chunks, files that change while read, reads that stop early).
#include "temp_dir.hpp"

#include <papers/source.hpp>

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace papers {
namespace {

using Strings = std::vector<std::string>;
using test::TempDir;

InputList find(const std::vector<std::string>& paths) {
  return find_inputs(paths);
}

Strings messages(const InputList& list) {
  Strings out;
  for (const auto& error : list.errors) {
    out.push_back(error.message);
  }
  return out;
}

}  // namespace

TEST_CASE("find_inputs walks directories") {
  TempDir dir;
  const std::string root = dir.path().string();
  dir.write("b.md");
  dir.write("a.markdown");
  dir.write("Z.MD");
  dir.write("c.txt");
  dir.write("notes.md.bak");
  dir.write(".hidden.md");
  dir.write(".git/x.md");
  dir.write("sub/d.md");
  dir.write("sub/.h/e.md");
  dir.write("sub/deeper/f.md");
  REQUIRE(symlink(root.c_str(), (dir.path() / "loop").c_str()) == 0);
  REQUIRE(mkfifo((dir.path() / "fifo.md").c_str(), 0600) == 0);

  SUBCASE("sorted, hidden entries skipped, symlink loops and FIFOs ignored") {
    // A second way into a directory already walked is skipped too.
    REQUIRE(symlink(root.c_str(), (dir.path() / "sub/deeper/up").c_str()) == 0);
    const auto list = find({root});
    CHECK(list.errors.empty());
    CHECK(list.files
          == Strings{root + "/Z.MD",
                     root + "/a.markdown",
                     root + "/b.md",
                     root + "/sub/d.md",
                     root + "/sub/deeper/f.md"});
  }
  SUBCASE("a trailing slash does not double the separator") {
    const auto list = find({root + "/sub/"});
    CHECK(list.files == Strings{root + "/sub/d.md", root + "/sub/deeper/f.md"});
  }
  SUBCASE("a file named explicitly is taken whatever its name") {
    const auto list = find({root + "/c.txt", root + "/.hidden.md"});
    CHECK(list.files == Strings{root + "/.hidden.md", root + "/c.txt"});
  }
  SUBCASE("repeats are dropped and the result is sorted") {
    const auto list = find({root + "/sub", root + "/b.md", root + "/sub/d.md"});
    CHECK(list.files
          == Strings{
              root + "/b.md", root + "/sub/d.md", root + "/sub/deeper/f.md"});
  }
}

TEST_CASE("find_inputs errors and standard input") {
  TempDir dir;
  const std::string root = dir.path().string();
  SUBCASE("a missing path is an error") {
    const auto list = find({root + "/missing.md"});
    CHECK(list.files.empty());
    CHECK(messages(list)
          == Strings{root + "/missing.md: No such file or directory"});
  }
  SUBCASE("a dangling link that looks like a digest is an error") {
    REQUIRE(symlink("nowhere", (dir.path() / "gone.md").c_str()) == 0);
    REQUIRE(symlink("nowhere", (dir.path() / "gone.txt").c_str()) == 0);
    const auto list = find({root});
    CHECK(messages(list)
          == Strings{root + "/gone.md: No such file or directory"});
  }
  SUBCASE("a directory without digest files is an error") {
    dir.write("notes.txt");
    dir.write(".hidden/x.md");
    dir.write("sub/readme.rst");
    const auto list = find({root});
    CHECK(list.files.empty());
    CHECK(messages(list)
          == Strings{root + ": no digest files (*.md, *.markdown) found"});
  }
  SUBCASE("a directory given again, or inside one given, is no error") {
    dir.write("sub/a.md");
    const auto list = find({root, root + "/sub", root});
    CHECK(list.errors.empty());
    CHECK(list.files == Strings{root + "/sub/a.md"});
  }
  SUBCASE("- is standard input, listed first and once") {
    dir.write("a.md");
    const auto list = find({root, "-", "-"});
    CHECK(list.files == Strings{"-", root + "/a.md"});
    CHECK(display_name("-") == "<stdin>");
    CHECK(display_name(root) == root);
  }
}

TEST_CASE("read_input") {
  TempDir dir;
  std::string seen;
  int calls = 0;
  auto collect = [&](std::string_view chunk) {
    seen.append(chunk);
    ++calls;
  };
  SUBCASE("a regular file arrives whole") {
    const auto file = dir.write("a.md", "line 1\nline 2\n");
    REQUIRE(read_input(file.string(), collect).has_value());
    CHECK(seen == "line 1\nline 2\n");
    CHECK(calls == 1);
  }
  SUBCASE("an empty file gives no bytes") {
    const auto file = dir.write("empty.md");
    REQUIRE(read_input(file.string(), collect).has_value());
    CHECK(seen.empty());
  }
  SUBCASE("a directory is an error") {
    const auto result = read_input(dir.path().string(), collect);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == dir.path().string() + ": Is a directory");
  }
  SUBCASE("a missing file is an error") {
    const auto path = (dir.path() / "missing.md").string();
    const auto result = read_input(path, collect);
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().message == path + ": No such file or directory");
  }
}

namespace {

// Everything read_input() hands over, attempt by attempt.
struct Reading {
  std::vector<std::string> attempts{1};
  int wholes = 0;
  int chunks = 0;
  int before = 0;
  InputReader reader;

  Reading() {
    reader.on_whole = [this](OwnedInput&& input) {
      ++wholes;
      attempts.back().append(input.bytes);
    };
    reader.on_chunk = [this](std::string_view chunk) {
      ++chunks;
      attempts.back().append(chunk);
      return true;
    };
    reader.on_restart = [this] { attempts.emplace_back(); };
  }
};

void overwrite(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

void append(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << text;
}

}  // namespace

TEST_CASE("read_input reads into buffers of its own") {
  TempDir dir;
  Reading r;
  SUBCASE("a small file whole, once") {
    const auto file = dir.write("a.md", "line 1\nline 2\n");
    const auto status = read_input(file.string(), r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kComplete);
    CHECK(r.attempts == Strings{"line 1\nline 2\n"});
    CHECK(r.wholes == 1);
    CHECK(r.chunks == 0);
  }
  SUBCASE("a file above kWholeReadLimit in chunks") {
    std::string big(kWholeReadLimit + 5, 'x');
    big[7] = '\n';
    const auto file = dir.write("big.md", big);
    const auto status = read_input(file.string(), r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kComplete);
    REQUIRE(r.attempts.size() == 1);
    CHECK(r.attempts[0] == big);
    CHECK(r.wholes == 0);
    CHECK(r.chunks == static_cast<int>(big.size() / kReadChunkSize + 1));
  }
  SUBCASE("a read that on_chunk stops reads no further") {
    r.reader.on_chunk = [&r](std::string_view chunk) {
      ++r.chunks;
      CHECK(chunk.size() == kReadChunkSize);
      return false;
    };
    const auto status = read_input("/dev/zero", r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kComplete);
    CHECK(r.chunks == 1);
  }
}

// The file is changed at a chosen point of the read (after its size and
// time are taken, before its bytes are read): deterministic, no timing.
TEST_CASE("read_input and a file that changes while read") {
  TempDir dir;
  Reading r;
  const auto file = dir.write("a.md", "first version\n");
  SUBCASE("truncated before the read: read again, consistently") {
    r.reader.before_read = [&] {
      if (r.before++ == 0) {
        overwrite(file, "v2\n");
      }
    };
    const auto status = read_input(file.string(), r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kComplete);
    // The first attempt read what was left; the second the new file.
    CHECK(r.attempts == Strings{"v2\n", "v2\n"});
  }
  SUBCASE("grown before the read: read again, whole") {
    r.reader.before_read = [&] {
      if (r.before++ == 0) {
        append(file, "more\n");
      }
    };
    const auto status = read_input(file.string(), r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kComplete);
    REQUIRE(r.attempts.size() == 2);
    CHECK(r.attempts[1] == "first version\nmore\n");
  }
  SUBCASE("a large file cut short: read again from its start") {
    const std::string big(kWholeReadLimit + 1, 'y');
    overwrite(file, big);
    r.reader.before_read = [&] {
      if (r.before++ == 0) {
        overwrite(file, big.substr(0, 10));
      }
    };
    const auto status = read_input(file.string(), r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kComplete);
    CHECK(r.attempts == Strings{big.substr(0, 10), big.substr(0, 10)});
  }
  SUBCASE("changing at every attempt: reported, last attempt kept") {
    r.reader.before_read = [&] {
      ++r.before;
      append(file, "x");
    };
    const auto status = read_input(file.string(), r.reader);
    REQUIRE(status.has_value());
    CHECK(*status == ReadStatus::kChanged);
    CHECK(r.before == kReadAttempts);
    REQUIRE(r.attempts.size() == static_cast<std::size_t>(kReadAttempts));
    // Each attempt read the size it saw; the byte added after it is not
    // part of that attempt.
    CHECK(r.attempts.back() == "first version\nxx");
  }
}

}  // namespace papers
