// The SQLite export. One prepared statement per table, bound per paper, in
// one transaction; FTS5's external-content table papers_fts indexes title
// and summary through triggers, so it stays in sync when rows change later.
#include "format_writers.hpp"
#include "utf8.hpp"

#include <papers/export.hpp>
#include <papers/markup.hpp>
#include <papers/summary.hpp>
#include <papers/text_fold.hpp>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace papers {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE papers (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT,
  date       TEXT,
  title      TEXT NOT NULL,
  url        TEXT,
  votes      INTEGER,
  thumbnail  TEXT,
  video      TEXT,
  summary    TEXT NOT NULL,
  summary_md TEXT NOT NULL,
  file       TEXT NOT NULL,
  line       INTEGER NOT NULL
);
CREATE TABLE paper_authors (
  paper    INTEGER NOT NULL REFERENCES papers(rowid),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  name_key TEXT NOT NULL,
  PRIMARY KEY (paper, position)
);
CREATE TABLE bullets (
  paper    INTEGER NOT NULL REFERENCES papers(rowid),
  position INTEGER NOT NULL,
  label    TEXT,
  text     TEXT NOT NULL,
  PRIMARY KEY (paper, position)
);
CREATE INDEX papers_date ON papers(date);
CREATE INDEX papers_id ON papers(id);
CREATE INDEX paper_authors_name_key ON paper_authors(name_key);
CREATE VIRTUAL TABLE papers_fts USING fts5(
  title, summary, content='papers', content_rowid='rowid');
CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
  INSERT INTO papers_fts(rowid, title, summary)
  VALUES (new.rowid, new.title, new.summary);
END;
CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, summary)
  VALUES ('delete', old.rowid, old.title, old.summary);
END;
CREATE TRIGGER papers_fts_update AFTER UPDATE ON papers BEGIN
  INSERT INTO papers_fts(papers_fts, rowid, title, summary)
  VALUES ('delete', old.rowid, old.title, old.summary);
  INSERT INTO papers_fts(rowid, title, summary)
  VALUES (new.rowid, new.title, new.summary);
END;
)sql";

struct DbClose {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

struct StmtFinalize {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}

  bool exec(const char* sql) {
    return check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr));
  }

  Stmt prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    check(sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr));
    return Stmt(stmt);
  }

  void text(sqlite3_stmt* stmt, int column, std::string_view value) {
    check(sqlite3_bind_text64(stmt,
                              column,
                              value.data(),
                              value.size(),
                              SQLITE_TRANSIENT,
                              SQLITE_UTF8));
  }

  void optional_text(sqlite3_stmt* stmt,
                     int column,
                     const std::optional<std::string_view>& value) {
    if (value) {
      text(stmt, column, *value);
    } else {
      check(sqlite3_bind_null(stmt, column));
    }
  }

  void integer(sqlite3_stmt* stmt, int column, std::int64_t value) {
    check(sqlite3_bind_int64(stmt, column, value));
  }

  void step(sqlite3_stmt* stmt) {
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_DONE) {
      check(rc);
    }
    sqlite3_reset(stmt);
  }

  bool ok() const { return error_.empty(); }

  const std::string& error() const { return error_; }

 private:
  bool check(int rc) {
    if (rc != SQLITE_OK && error_.empty()) {
      error_ = sqlite3_errmsg(db_);
    }
    return rc == SQLITE_OK;
  }

  sqlite3* db_;
  std::string error_;
};

// Strings from the input are UTF-8 already (the parser repairs them).
std::string repaired(std::string_view text) {
  std::string out;
  append_utf8_repaired(out, text);
  return out;
}

// The bullets as a markdown list, as `-f markdown` writes them (without
// the last line end).
std::string summary_markdown(const SummaryItems& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    append_markdown_bullet(items[i], i + 1 == items.size(), out);
  }
  if (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

bool write_all(sqlite3* db,
               std::span<const Paper* const> papers,
               const ExportOptions& options,
               std::string& error) {
  Writer w(db);
  w.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
  if (!w.exec(kSchema) || !w.exec("BEGIN")) {
    error = w.error();
    return false;
  }
  {
    Stmt meta = w.prepare("INSERT INTO meta(key, value) VALUES (?, ?)");
    std::string inputs;
    for (const auto& input : options.inputs) {
      inputs += inputs.empty() ? "" : "\n";
      inputs += input;
    }
    const std::pair<const char*, std::string> rows[] = {
        {"schema_version", std::to_string(kSqliteSchemaVersion)},
        {"papers_version", options.papers_version},
        {"inputs", repaired(inputs)},
        {"created", options.created},
    };
    for (const auto& [key, value] : rows) {
      w.text(meta.get(), 1, key);
      w.text(meta.get(), 2, value);
      w.step(meta.get());
    }
    Stmt paper_stmt = w.prepare(
        "INSERT INTO papers(rowid, id, date, title, url, votes, thumbnail, "
        "video, summary, summary_md, file, line) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Stmt author_stmt = w.prepare(
        "INSERT INTO paper_authors(paper, position, name, name_key) "
        "VALUES (?, ?, ?, ?)");
    Stmt bullet_stmt = w.prepare(
        "INSERT INTO bullets(paper, position, label, text) VALUES (?, ?, ?, "
        "?)");
    if (!w.ok()) {
      error = w.error();
      return false;
    }
    for (std::size_t i = 0; i < papers.size() && w.ok(); ++i) {
      const Paper& paper = *papers[i];
      const auto row = static_cast<std::int64_t>(i + 1);
      sqlite3_stmt* p = paper_stmt.get();
      const SummaryItems items = split_summary(paper.summary);
      std::string plain;
      for (std::size_t b = 0; b < items.size(); ++b) {
        plain += b > 0 ? "\n" : "";
        plain += plain_summary_item(items[b]);
      }
      w.integer(p, 1, row);
      w.optional_text(p, 2, paper.id);
      if (paper.date) {
        w.text(p, 3, paper.date->to_string());
      } else {
        w.optional_text(p, 3, std::nullopt);
      }
      w.text(p, 4, paper.title);
      w.optional_text(p, 5, paper.url);
      if (paper.votes) {
        w.integer(p, 6, *paper.votes);
      } else {
        w.optional_text(p, 6, std::nullopt);
      }
      w.optional_text(p, 7, paper.thumbnail);
      w.optional_text(p, 8, paper.video);
      w.text(p, 9, plain);
      w.text(p, 10, summary_markdown(items));
      w.text(p, 11, repaired(paper.source.file));
      w.integer(p, 12, paper.source.line);
      w.step(p);
      for (std::size_t a = 0; a < paper.authors.size(); ++a) {
        sqlite3_stmt* s = author_stmt.get();
        w.integer(s, 1, row);
        w.integer(s, 2, static_cast<std::int64_t>(a + 1));
        w.text(s, 3, paper.authors[a]);
        w.text(s, 4, author_key(paper.authors[a]));
        w.step(s);
      }
      for (std::size_t b = 0; b < items.size(); ++b) {
        sqlite3_stmt* s = bullet_stmt.get();
        w.integer(s, 1, row);
        w.integer(s, 2, static_cast<std::int64_t>(b + 1));
        w.optional_text(s, 3, items[b].label);
        w.text(s, 4, markdown_to_plain(items[b].text));
        w.step(s);
      }
    }
  }
  if (!w.ok() || !w.exec("COMMIT")) {
    error = w.error();
    return false;
  }
  return true;
}

bool exists(const std::string& path) {
  struct stat st {};

  return lstat(path.c_str(), &st) == 0;
}

}  // namespace

Result<std::size_t> export_sqlite(std::span<const Paper* const> papers,
                                  const ExportOptions& options) {
  const std::string& path = options.path;
  if (!options.force && exists(path)) {
    return Error{path + ": file exists (use --force to replace it)"};
  }
  // A unique temporary file in the same directory, so the rename at the
  // end is atomic (one file system).
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) {
    return Error{path + ": " + std::strerror(errno)};
  }
  // mkstemp() makes the file 0600; the database gets the mode any new file
  // gets (0666 less the umask), as sqlite3 itself would give it.
  const mode_t mask = umask(0);
  umask(mask);
  const int chmod_rc = fchmod(fd, 0666 & ~mask);
  const int chmod_errno = errno;
  close(fd);
  if (chmod_rc != 0) {
    std::remove(tmp.c_str());
    return Error{path + ": " + std::strerror(chmod_errno)};
  }
  auto fail = [&](const std::string& why) {
    std::remove(tmp.c_str());
    return Error{path + ": " + why};
  };
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(
      tmp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return fail(raw != nullptr ? sqlite3_errmsg(raw) : "cannot open");
  }
  std::string error;
  if (!write_all(db.get(), papers, options, error)) {
    db.reset();
    return fail(error);
  }
  if (sqlite3_close(db.release()) != SQLITE_OK) {
    return fail("cannot close the database");
  }
  if (options.force) {
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      return fail(std::strerror(errno));
    }
  } else {
    // link() fails when the file appeared meanwhile: never replaced
    // without --force. File systems without hard links get a rename.
    if (link(tmp.c_str(), path.c_str()) == 0) {
      std::remove(tmp.c_str());
    } else if (errno == EEXIST) {
      return fail("file exists (use --force to replace it)");
    } else if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      return fail(std::strerror(errno));
    }
  }
  return papers.size();
}

}  // namespace papers
