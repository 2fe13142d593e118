#include "commands.hpp"
#include "version.hpp"

#include <papers/export.hpp>

#include <ctime>
#include <filesystem>
#include <memory>

namespace papers::cli {
namespace {

struct ExportCommandOptions {
  CommonOptions common;
  QueryOptions query;
  std::string sqlite;
  bool force = false;
};

// Now as ISO 8601 UTC, or SOURCE_DATE_EPOCH's time when it is set (so a
// build of the same archive gives the same database).
std::string created_time() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && value >= 0) {
      now = static_cast<std::time_t>(value);
    }
  }
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

std::function<int()> setup_export(CLI::App& cmd) {
  auto options = std::make_shared<ExportCommandOptions>();
  options->query.default_sort = SortKey::kInput;
  add_common_options(cmd, options->common);
  add_filter_options(cmd, options->query);
  cmd.add_option("--sqlite",
                 options->sqlite,
                 "Write the papers as a SQLite database to FILE (tables\n"
                 "papers, paper_authors, bullets, papers_fts, meta; see\n"
                 "EXPORT in papers(1))")
      ->type_name("FILE")
      ->required()
      ->group("Output");
  cmd.add_flag("--force",
               options->force,
               "Replace FILE if it exists (else an existing FILE is an\n"
               "error)")
      ->group("Output");
  cmd.footer(command_footer(
      R"(Writes the papers that pass the filters (in input order, as papers list
prints them) to a new SQLite database: typed columns (votes INTEGER, ids
TEXT), one row per author and per summary bullet, and a full-text index of
titles and summaries (FTS5). It is written in one transaction into a
temporary file beside FILE and renamed at the end, so FILE is never
half-written. A one-line count goes to stderr; stdout stays empty.

Examples:
  papers export --sqlite papers.db --data ~/digests
  papers export --sqlite week.db --since 2024-W06 --force
  sqlite3 papers.db "SELECT id, votes, title FROM papers ORDER BY votes DESC LIMIT 5"
  datasette papers.db)"));
  return [options]() -> int {
    const auto query = compile_or_report(options->query);
    if (!query) {
      return kExitError;
    }
    // Refused before any input is read; export_sqlite() checks again
    // when it links the finished file into place.
    std::error_code ec;
    if (!options->force
        && std::filesystem::exists(
            std::filesystem::symlink_status(options->sqlite, ec))) {
      eprint("papers: {}: file exists (use --force to replace it)\n",
             printable(options->sqlite));
      return kExitError;
    }
    const LoadResult& load = load_and_report(options->common);
    const auto rows = run_query(load.table, *query);
    ExportOptions export_options;
    export_options.path = options->sqlite;
    export_options.force = options->force;
    export_options.papers_version = PAPERS_VERSION_STRING;
    export_options.inputs = resolve_data_paths(options->common);
    export_options.created = created_time();
    const auto written = export_sqlite(rows, export_options);
    if (!written) {
      eprint("papers: {}\n", printable(written.error().message));
      return kExitError;
    }
    if (!options->common.quiet) {
      eprint("papers: {} paper{} written to {}\n",
             *written,
             *written == 1 ? "" : "s",
             printable(options->sqlite));
    }
    if (rows.empty()) {
      explain_no_match(load.table, options->query);
    }
    return exit_status(rows.size(), load);
  };
}

}  // namespace papers::cli
