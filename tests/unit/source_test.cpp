// Finding and reading inputs: the directory walk (sorted, hidden entries and
// symlink loops skipped, only regular digest files) and read_input.
#include "temp_dir.hpp"

#include <papers/source.hpp>

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
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

}  // namespace papers
