// Output formats: one writer per format behind one entry point,
// format_papers(). Writers know nothing of files, argv, environment
// variables or terminals: the caller decides (in src/cli/cli_output.cpp)
// how wide the output may be, whether to colour it and whether it goes to a
// terminal, and says so in FormatOptions. Output goes to an OutputSink piece
// by piece, so a long listing reaches its reader while it is being written.
// The insight commands' rows (aggregate.hpp) have writers of their own
// here too, format_authors() and the like, in the same formats.
#pragma once

#include <papers/aggregate.hpp>
#include <papers/calendar.hpp>
#include <papers/error.hpp>
#include <papers/hit.hpp>
#include <papers/paper.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace papers {

enum class OutputFormat {
  kTable,     ///< aligned columns for people (a card per paper for kCard)
  kJson,      ///< one JSON array of records
  kJsonl,     ///< one JSON record per line
  kCsv,       ///< RFC 4180 comma-separated values with a header row
  kTsv,       ///< tab-separated values, `\t` `\n` `\\` escaped
  kMarkdown,  ///< the papers as a digest that parses back to the same records
  kBibtex,    ///< one BibTeX @misc entry per paper
  kCslJson,   ///< one JSON array of CSL-JSON items (pandoc --citeproc)
  kIds,       ///< one arXiv id a row, no header (papers without one left out)
};

/// The names --format accepts, in OutputFormat order.
std::span<const std::string_view> output_format_names();

/// What the command shows, which picks the table's default columns.
enum class View {
  kList,  ///< every paper in input order: date, votes, id, title
  kTop,   ///< a ranking: rank, votes, date (when it varies), id, title, authors
  kCard,  ///< one readable card per paper (papers show)
  /// search results: rank, votes, date (when it varies), id, title, and
  /// the snippet (MATCH)
  kSearch,
};

/// The fields --fields can pick, in the order of the JSON record.
enum class Field {
  kRank,    ///< 1-based position in the output (in its period, with per)
  kPeriod,  ///< with per: the name of the row's period; else null
  kId,
  kDate,
  kTitle,
  kUrl,
  kVotes,
  kAuthors,
  kAuthorsTruncated,  ///< the author list ended in `et al.` or the like
  kThumbnail,
  kVideo,
  kSummary,
  kFields,   ///< labelled facts no other field holds
  kFile,     ///< source file
  kLine,     ///< line of the paper heading in the source file
  kScore,    ///< search relevance (FormatOptions::hits); null elsewhere
  kSnippet,  ///< search: where the terms matched; null elsewhere
};

/// The names --fields accepts, in Field order.
std::span<const std::string_view> field_names();

/// Parses a comma-separated field list (`votes,id,title`); an unknown or
/// empty name is an error that lists the valid ones.
Result<std::vector<Field>> parse_fields(std::string_view list);

struct FormatOptions {
  View view = View::kList;
  std::vector<Field> fields;  ///< empty: the view's or format's default
  std::size_t width = 0;      ///< columns available; 0: unlimited
  bool truncate = true;   ///< table: shrink the widest text column to `width`
  bool color = false;     ///< table and card: colour the header and votes
  bool terminal = false;  ///< output goes to a terminal: no raw controls
  bool ascii = false;     ///< charts: `#` bars, not Unicode block characters
  /// csv and tsv: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
  /// leading `'`, so a spreadsheet shows it as text instead of running it
  /// as a formula (--csv-safe).
  bool csv_safe = false;
  /// table, csv and tsv (papers and insight rows): the header row; false
  /// leaves it out (--no-header).
  bool header = true;
  /// ids: what ends each id, '\n' or (-0/--null) '\0'.
  char terminator = '\n';
  /// `top --per`: the rows come period by period; the rank restarts in
  /// each, the table leaves a blank line between periods (and shows a
  /// PERIOD column unless the DATE column is the period), and JSON, CSV
  /// and TSV rows start with `period` and `rank`.
  std::optional<Period> per;
  /// Search results: one Hit per paper (its score and snippet), or empty.
  /// With hits, records gain `score` and `snippet`.
  std::span<const Hit> hits;
};

/// Receives a writer's output in pieces: whole records (whole lines of
/// JSON Lines as each is ready, other formats about 64 KiB at a time).
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Takes the next piece; returning false stops the writer (the output is
  /// gone: a closed pipe, a full disk).
  virtual bool write(std::string_view text) = 0;
};

/// Writes `papers` in `format` to `sink`; false when the sink stopped it.
bool format_papers(OutputFormat format,
                   std::span<const Paper* const> papers,
                   const FormatOptions& options,
                   OutputSink& sink);

/// Writes `papers` in `format` to the end of `out`.
void format_papers(OutputFormat format,
                   std::span<const Paper* const> papers,
                   const FormatOptions& options,
                   std::string& out);

/// One value of a generic record (insight rows, diagnostics): null, a
/// boolean, an integer, a number, a string or a list of strings.
using Value = std::variant<std::monostate,
                           bool,
                           std::int64_t,
                           double,
                           std::string,
                           std::vector<std::string>>;

/// Writes generic records, `keys` and one Value per key a row, in `format`:
/// json an array of objects, jsonl an object a line, csv and tsv a header
/// row of the keys and lists joined with "; ", table (and markdown) an
/// aligned table headed by the keys in capitals.
bool format_records(OutputFormat format,
                    std::span<const std::string_view> keys,
                    std::span<const std::vector<Value>> rows,
                    const FormatOptions& options,
                    OutputSink& sink);

/// Writes generic records to the end of `out`.
void format_records(OutputFormat format,
                    std::span<const std::string_view> keys,
                    std::span<const std::vector<Value>> rows,
                    const FormatOptions& options,
                    std::string& out);

/// Appends one record as a JSON object (the schema in the man page).
void append_json_record(const Paper& paper, std::string& out);

/// Appends `text` as a JSON string: quoted, escaped, valid UTF-8.
void append_json_string(std::string_view text, std::string& out);

// The insight writers (format_insights.cpp). Each takes every format but
// kMarkdown, kBibtex and kCslJson, which have no form for these rows and
// are written as kTable.
// JSON keys come in the order given (the schema is in the man page); json
// is an array of objects, jsonl an object a line, csv and tsv a header row
// of the keys, lists joined with "; ". Tables are fitted like the paper
// table; a bar column is scaled to `width` (80 when it is 0).

/// Authors as ranked by rank_authors(). Table: #, NAME, PAPERS, VOTES,
/// BEST PAPER (id and title). Keys: rank, name, variants, papers, votes,
/// best_id, best_title, best_votes.
bool format_authors(OutputFormat format,
                    std::span<const AuthorRow> rows,
                    const FormatOptions& options,
                    OutputSink& sink);

/// Co-authors as ranked by rank_coauthors(). Table: #, NAME, PAPERS, VOTES,
/// IDS. Keys: rank, name, variants, papers, votes, ids.
bool format_coauthors(OutputFormat format,
                      std::span<const AuthorRow> rows,
                      const FormatOptions& options,
                      OutputSink& sink);

/// Papers per period (`papers dates`). Table: DATE (WEEK, MONTH), PAPERS, a
/// bar of PAPERS, VOTES, TOP VOTES, TOP PAPER (id and title). Keys: period,
/// start, end, papers, votes, top_id, top_title, top_votes.
bool format_dates(OutputFormat format,
                  std::span<const PeriodRow> rows,
                  Period by,
                  const FormatOptions& options,
                  OutputSink& sink);

/// How a trend is drawn.
struct TrendStyle {
  bool share = false;  ///< bars of the share, not of the count
  bool each = false;   ///< one series per TERM: a column and key each
};

/// A trend (`papers trend`). Table: DATE (WEEK, MONTH, YEAR), TERM (with
/// each), DAYS, TOTAL, PAPERS, SHARE, a bar filling the rest of the width
/// and NOTE ("partial"); a gap (no digest) has no counts and "no digest"
/// for a bar. Narrow widths drop DAYS, then TOTAL, then SHARE (PAPERS with
/// share). With `each`: a row per period and a column per TERM (its count,
/// or share, and a bar; narrow widths shorten the bars, drop DAYS, TOTAL,
/// the bars, then cut the TERM headers), or, when that cannot fit, a TERM
/// column and one block of rows per TERM, a blank line apart. Keys: period,
/// start, end, [term,] digests, total, papers, share, partial; a gap has total,
/// papers and share null, and share is null when total is 0.
bool format_trend(OutputFormat format,
                  std::span<const TrendRow> rows,
                  Period by,
                  TrendStyle style,
                  const FormatOptions& options,
                  OutputSink& sink);

/// The summary of `papers stats`. Table: one labelled line per value; json
/// and jsonl: one object; csv and tsv: a header row and one row. Keys:
/// files, first_date, last_date, dates, papers, distinct_ids,
/// featured_more_than_once, unknown_votes, distinct_authors, median_votes,
/// max_votes, warnings.
bool format_summary(OutputFormat format,
                    const Summary& summary,
                    const FormatOptions& options,
                    OutputSink& sink);

}  // namespace papers
