// export_sqlite(): typed columns (votes INTEGER or NULL, ids TEXT), one row
// per author and bullet, the FTS5 index, meta, an existing file refused
// without force and replaced with it, no temporary file left, and the mode
// of a new file.
#include "temp_dir.hpp"

#include <papers/export.hpp>

#include <doctest/doctest.h>

#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace papers {
namespace {

Paper paper(std::optional<std::string_view> id,
            std::string_view title,
            std::optional<std::int64_t> votes) {
  Paper p;
  p.id = id;
  p.title = title;
  p.votes = votes;
  p.date = Date{2024, 2, 7};
  p.source = PaperSource{"day.md", 3};
  return p;
}

// The rows of `sql`, each row's columns joined with '|', rows with ','.
std::string query(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr)
          == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out += out.empty() ? "" : ",";
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = sqlite3_column_text(stmt, c);
      out += c > 0 ? "|" : "";
      out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("export_sqlite: typed rows, authors, bullets, FTS, meta") {
  test::TempDir dir;
  Paper a = paper("2311.10770", "Sparse Mixtures of Experts", 97);
  a.authors = {"Ana Lima", "Bo Chen"};
  a.summary = "- **What's New**: a *new* router.\n- Faster.\n";
  const Paper b = paper(std::nullopt, "No Id Here", std::nullopt);
  const Paper c = paper("2402.03620", "Self-Discover", 291);
  const std::vector<const Paper*> rows = {&a, &b, &c};
  ExportOptions options;
  options.path = (dir.path() / "p.db").string();
  options.papers_version = "9.9";
  options.inputs = {"day.md"};
  options.created = "2024-02-07T00:00:00Z";
  const auto written = export_sqlite(rows, options);
  REQUIRE(written);
  CHECK(*written == 3);
  const std::string& db = options.path;
  CHECK(query(db, "SELECT typeof(id), typeof(votes) FROM papers ORDER BY rowid")
        == "text|integer,null|null,text|integer");
  // The id keeps its trailing zero; votes sort as numbers.
  CHECK(query(db, "SELECT id FROM papers WHERE rowid = 1") == "2311.10770");
  CHECK(query(db, "SELECT votes FROM papers ORDER BY votes DESC LIMIT 2")
        == "291,97");
  CHECK(query(db, "SELECT position, name, name_key FROM paper_authors")
        == "1|Ana Lima|ana lima,2|Bo Chen|bo chen");
  CHECK(query(db, "SELECT position, label, text FROM bullets")
        == "1|What's New|a new router.,2|NULL|Faster.");
  CHECK(query(db, "SELECT summary FROM papers WHERE rowid = 1")
        == "What's New: a new router.\nFaster.");
  // summary_md is a markdown list, as -f markdown writes the bullets.
  CHECK(query(db, "SELECT summary_md FROM papers WHERE rowid = 1")
        == "- **What's New**: a *new* router.\n- Faster.");
  CHECK(
      query(db, "SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'router'")
      == "1");
  CHECK(query(db, "SELECT key, value FROM meta ORDER BY key")
        == "created|2024-02-07T00:00:00Z,inputs|day.md,papers_version|9.9,"
           "schema_version|"
               + std::to_string(kSqliteSchemaVersion));
  // Nothing but the database in the directory.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(dir.path())) {
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("export_sqlite: an existing file needs force") {
  test::TempDir dir;
  const auto path = dir.write("p.db", "not a database");
  const Paper a = paper("2402.03620", "T", 1);
  const std::vector<const Paper*> rows = {&a};
  ExportOptions options;
  options.path = path.string();
  const auto refused = export_sqlite(rows, options);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("file exists") != std::string::npos);
  CHECK(read_file(path) == "not a database");
  options.force = true;
  REQUIRE(export_sqlite(rows, options));
  CHECK(query(options.path, "SELECT count(*) FROM papers") == "1");
}

TEST_CASE("export_sqlite: a new file's mode is 0666 less the umask") {
  test::TempDir dir;
  const Paper a = paper("2402.03620", "T", 1);
  const std::vector<const Paper*> rows = {&a};
  ExportOptions options;
  options.path = (dir.path() / "p.db").string();
  const mode_t old = umask(022);
  const auto written = export_sqlite(rows, options);
  umask(old);
  REQUIRE(written);

  struct stat st {};

  REQUIRE(stat(options.path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
}

TEST_CASE("export_sqlite: an unwritable place leaves nothing behind") {
  test::TempDir dir;
  const Paper a = paper("2402.03620", "T", 1);
  const std::vector<const Paper*> rows = {&a};
  ExportOptions options;
  options.path = (dir.path() / "no" / "p.db").string();
  const auto written = export_sqlite(rows, options);
  REQUIRE_FALSE(written);
  CHECK(written.error().message.find(options.path) == 0);
  CHECK(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace papers
