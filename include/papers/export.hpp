// A typed SQLite database of papers (`papers export --sqlite FILE`), for
// sqlite3, Datasette, sqlite-utils or DuckDB: votes are integers, ids text,
// authors and summary bullets tables of their own, a full-text index of
// titles and summaries. The schema is documented in the man page (EXPORT)
// and versioned in the meta table. The database is written in one
// transaction into a temporary file beside FILE and renamed over it at the
// end, so FILE is never half-written.
#pragma once

#include <papers/error.hpp>
#include <papers/paper.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace papers {

/// The schema version written to meta; raised on any change to a table.
inline constexpr int kSqliteSchemaVersion = 1;

struct ExportOptions {
  std::string path;                 ///< the database to write
  bool force = false;               ///< replace an existing file
  std::string papers_version;       ///< written to meta
  std::vector<std::string> inputs;  ///< the input paths, written to meta
  std::string created;              ///< ISO 8601 UTC time, written to meta
};

/// Writes `papers` as a new database at options.path. An existing file is
/// an error unless options.force; on any error nothing is left behind (the
/// temporary file is removed) and options.path is untouched.
Result<std::size_t> export_sqlite(std::span<const Paper* const> papers,
                                  const ExportOptions& options);

}  // namespace papers
