// The subcommands: each has an options struct, a setup_* function that
// declares its options and help text, and a run_* function that builds the
// query and prints. Shared plumbing lives beside them: data sources,
// diagnostics and exit statuses in cli_common.cpp, the filter and order
// options of every listing command in cli_query.cpp, output in
// cli_output.cpp. The insight commands (authors, coauthors, dates, trend,
// stats) take the same filters and print through the insight writers.
#pragma once

#include <papers/aggregate.hpp>
#include <papers/format.hpp>
#include <papers/loader.hpp>
#include <papers/query.hpp>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace papers::cli {

/// Exit statuses, like grep: see EXIT STATUS in the man page.
inline constexpr int kExitMatch = 0;
inline constexpr int kExitNoMatch = 1;
inline constexpr int kExitError = 2;

/// Where the data comes from (cli_common.cpp).
struct CommonOptions {
  std::vector<std::string> data;
  bool strict = false;    ///< warnings are errors: exit 2 after the results
  bool warnings = false;  ///< -W: print every warning, not a summary line
  bool quiet = false;     ///< -q: errors only on stderr (listings: no stdout)
  std::vector<std::string> allow;  ///< --allow: rule codes left out
  std::string layout = "auto";     ///< --layout: auto or canonical
  /// Standard input holds something else (`show -`: ids): the data never
  /// comes from it, so without --data or $PAPERS_DATA it is the directory.
  bool stdin_taken = false;
};

/// Declares --data, --layout, --strict, -W/--warnings, --allow and
/// -q/--quiet on `cmd`.
void add_common_options(CLI::App& cmd, CommonOptions& options);

/// Declares --layout on `cmd` (check has no --strict).
void add_layout_option(CLI::App& cmd, CommonOptions& options);

/// Declares --allow CODE (repeatable, or a comma list), checked against
/// the table of rule codes, on `cmd`.
void add_allow_option(CLI::App& cmd, std::vector<std::string>& allow);

/// What is wrong with `value` as the value of a whole-number option that
/// takes `minimum` to `maximum`, or "" when nothing is: decimal digits
/// only, a '-' before them for a negative (no spaces, '+', 0x or octal:
/// `-n 010` is ten), never saturated (`-n 99999999999999999999` is an
/// error, not the largest number). When `maximum` is small enough to be
/// part of the contract (--width), a value outside says "from MIN to MAX".
std::string integer_problem(std::string_view value,
                            std::int64_t minimum,
                            std::int64_t maximum);

/// `value` as checked by integer_problem() (which must have passed).
std::int64_t parse_integer(std::string_view value);

/// A CLI11 check of integer_problem() for an option of a whole number
/// (-n/--limit, --min-votes, --width, ...); an empty value is left to the
/// empty-value check.
CLI::Validator integer_check(
    std::int64_t minimum,
    std::int64_t maximum = std::numeric_limits<std::int64_t>::max());

/// `'X' is not one of a, b, c; did you mean 'b'?` for a `value` that is
/// none of `names`, or "" when it is one.
std::string choice_problem(std::string_view value,
                           std::span<const std::string_view> names);

/// A CLI11 check of choice_problem() against `names`; a value in `passed`
/// is let through too, for a later check to explain (`--sort relevance`
/// without a search TERM).
CLI::Validator choice_check(std::vector<std::string_view> names,
                            std::vector<std::string_view> passed = {});

/// Removes the diagnostics whose rule code `allow` names.
void drop_allowed(std::vector<Diagnostic>& diagnostics,
                  const std::vector<std::string>& allow);

/// How results are printed (cli_output.cpp): the values of --format,
/// --fields, --color, --width, --no-truncate and --csv-safe as given.
/// print_papers() turns them, with the terminal and the environment, into
/// FormatOptions.
struct OutputOptions {
  std::string format = "table";
  std::string fields;          ///< comma-separated; empty: the view's default
  std::string color = "auto";  ///< auto, always or never
  long width = -1;             ///< --width; -1: not given
  bool no_truncate = false;
  bool ascii = false;      ///< --ascii (charts): `#` bars
  bool csv_safe = false;   ///< --csv-safe: defuse formula-like cells
  bool no_header = false;  ///< --no-header: table, csv, tsv without one
  bool null = false;       ///< -0/--null: ids end in NUL, not newline
};

/// Declares --format (values in any case), --json, --fields, --color,
/// --width, --no-truncate, --csv-safe, --no-header and -0/--null on `cmd`.
/// `options` must stay where it is until parsing ends: the --fields check
/// reads the format stored there.
void add_output_options(CLI::App& cmd, OutputOptions& options);

/// What a command shows (papers::View): kList for list, kTop for top,
/// author and search, kCard for show. It picks the table's columns.
using papers::View;

/// Prints `rows` as the output options say, in `view` (with `per`: rows
/// of a per-period query, period by period); false when the output failed
/// (after one message on stderr). A reader that went away
/// (`papers list | head -1`) is not a failure and gets no message.
bool print_papers(std::span<const Paper* const> rows,
                  const OutputOptions& options,
                  View view,
                  std::optional<Period> per = std::nullopt,
                  std::span<const Hit> hits = {});

/// Declares the output options of an insight command: --format (table,
/// json, jsonl, csv or tsv), --color, --width, --no-truncate and, for a
/// command that draws a chart, --ascii.
void add_insight_output_options(CLI::App& cmd,
                                OutputOptions& options,
                                bool chart);

/// Writes through one of the insight writers of format.hpp.
using InsightWriter = std::function<bool(
    OutputFormat format, const FormatOptions& options, OutputSink& sink)>;

/// Prints with `write` as the output options say (charts in ASCII with
/// --ascii or when the locale is not UTF-8); false when the output failed
/// (after one message on stderr), as for print_papers().
bool print_insight(const OutputOptions& options, const InsightWriter& write);

/// True when the locale's character set is UTF-8: the first of LC_ALL,
/// LC_CTYPE and LANG that is set and not empty names UTF-8 (or utf8, in
/// any case).
bool utf8_locale();

/// The inputs: --data, else PAPERS_DATA, else stdin when it has data
/// (stdin_has_data()), else the current directory.
std::vector<std::string> resolve_data_paths(const CommonOptions& options);

/// The stdin rule of ripgrep: standard input is read only when it is a
/// pipe (or FIFO), or a regular file with data after its current offset;
/// never a terminal, /dev/null or another device, a socket, or a closed
/// descriptor (a program run from cron, systemd, `</dev/null` or xargs).
bool stdin_has_data();

/// Loads the inputs and reports on stderr: every error, and the warnings
/// left after --allow as one summary line (`papers: N warnings in M files
/// (run 'papers check' to see them)`), or each of them with -W or
/// --strict, or nothing with -q. Under --strict, warnings also count as an
/// error in the result. The result lives until the process exits (once per
/// process: a command's one load).
const LoadResult& load_and_report(const CommonOptions& options);

/// load_and_report() keeping only the records `filter` accepts (see
/// record_filter() in query.hpp), and of those only what `keep` says
/// (keep_best() in query.hpp).
const LoadResult& load_and_report(const CommonOptions& options,
                                  const RecordFilterFactory& filter,
                                  const KeepBest& keep = {});

/// True when every input can be read a second time: no standard input, and
/// no pipe or device named as an input (directories give regular files).
bool inputs_rereadable(const CommonOptions& options);

/// `N warnings in M files` for `diagnostics`, singular where it applies.
std::string warning_summary(std::span<const Diagnostic> diagnostics);

/// `message` (a diagnostic, an error quoting input text or a file name)
/// with control characters and escape sequences made visible, so a crafted
/// digest cannot act on the terminal through stderr.
std::string printable(std::string_view message);

/// `words` with `separator` between them (option names, choices).
inline std::string join_words(const std::vector<std::string>& words,
                              std::string_view separator) {
  return fmt::format("{}", fmt::join(words, separator));
}

/// Loads the inputs without printing anything, on $PAPERS_THREADS worker
/// threads when it is set (a number from 1 to 64), else one per core.
LoadResult load_quietly(const CommonOptions& options,
                        const RecordFilterFactory& filter = {},
                        const KeepBest& keep = {});

/// Writes `text` to standard error, the one way anything reaches it: it
/// never throws and never fails the command. A closed or full stderr
/// (`2>&-`, `2>/dev/full`, a reader that went away) loses the text, and
/// the exit status and stdout stay what they would have been.
void print_stderr(std::string_view text) noexcept;

/// print_stderr() of fmt::format(`format`, `args`...).
template <typename... Args>
void eprint(fmt::format_string<Args...> format, Args&&... args) {
  print_stderr(fmt::format(format, std::forward<Args>(args)...));
}

/// Makes sure descriptor 2 is open (on /dev/null when it was closed), so
/// that no file opened later takes its number and gets stderr's text.
void reserve_stderr() noexcept;

/// Writes `text` to stdout; false (after a message) when it failed.
bool write_stdout(std::string_view text);

/// The exit status for a run that printed `results` rows after `load`.
int exit_status(std::size_t results, const LoadResult& load);

/// One subcommand: how to declare it and how to run it.
struct Command {
  const char* name;
  const char* summary;
  std::function<std::function<int()>(CLI::App&)> setup;
};

/// What every listing command (list, top, author, search) holds.
struct ListingOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;  ///< its presets are set before add_filter_options()
  bool count = false;  ///< --count: print the number of rows instead
};

/// Declares --count (print the number of matching papers) on `cmd`.
void add_count_option(CLI::App& cmd, bool& count);

/// Declares the filters (--date, --since, --until, --author, --keyword,
/// --min-votes, --id) and the order options (--sort, --reverse, --limit,
/// --unique) on `cmd` (cli_query.cpp).
void add_filter_options(CLI::App& cmd, QueryOptions& query);

/// Declares how TERMs match (--any with `any_help`, --in, --regex), for the
/// commands that take TERMs (search, trend; cli_query.cpp).
void add_match_options(CLI::App& cmd,
                       QueryOptions& query,
                       const std::string& any_help);

/// Declares the filters alone (for the insight commands, whose rows are
/// not papers): --date, --since, --until, --author, --keyword, --min-votes
/// and --id.
void add_filters(CLI::App& cmd, QueryOptions& query);

/// Declares -n/--limit as a limit on the rows of `what` ("authors"),
/// stored in query.limit with query.default_limit as its default. The
/// command takes the compiled limit for its rows and runs the query itself
/// without one.
void add_row_limit(CLI::App& cmd, QueryOptions& query, std::string_view what);

/// Declares --sort papers|votes|name for authors and coauthors, stored in
/// `sort` (default papers).
void add_author_sort(CLI::App& cmd, std::string& sort);

/// The AuthorOrder called `name` (checked by add_author_sort()).
AuthorOrder author_order(std::string_view name);

/// Declares --by PERIOD (day, week or month), stored in `by`, which holds
/// the command's default.
void add_period_option(CLI::App& cmd, std::string& by);

/// For an empty result: says on stderr which --author names are nobody in
/// `table`, with the nearest names (did you mean ...?).
void explain_no_match(const PaperTable& table, const QueryOptions& query);

/// The help paragraphs every command ends with: the date forms (when
/// `dates`: the command takes the date filters), data sources and exit
/// statuses, after `text` (the command's own description and examples).
std::string command_footer(std::string_view text, bool dates = true);

/// `; did you mean 'X'?` for the candidate nearest to `word` by edit
/// distance when it is near enough to be a typo of it, else "".
std::string did_you_mean(std::string_view word,
                         std::span<const std::string_view> candidates);

/// `unknown option '--limt'; did you mean '--limit'?` for `arg` given to
/// `cmd` (cli_errors.cpp).
std::string unknown_option_message(const CLI::App& cmd, std::string_view arg);

/// The message for the arguments `cmd` did not take (`leftovers`, in
/// order) out of the command line `args`: an unknown option with the
/// nearest one, or an unexpected argument with a hint (quote a value with
/// spaces).
std::string leftover_message(const CLI::App& cmd,
                             std::span<const std::string> args,
                             std::span<const std::string> leftovers);

/// A CLI11 parse error of `cmd` (nullptr or the main app: before any
/// command), in the project's words: `--limit: 'five' is not a number`.
std::string parse_error_message(const CLI::ParseError& error,
                                const CLI::App* cmd,
                                std::span<const std::string> args);

/// The most columns --help is laid out for, as for --width.
inline constexpr std::size_t kMaxHelpWidth = 100000;

/// The width --help is laid out for: COLUMNS when it holds a positive
/// number (capped at kMaxHelpWidth; garbage is ignored), else the size of
/// the terminal on standard output, else 80 (cli_help.cpp).
std::size_t help_width();

/// `text` refilled to `columns`: lines that start with a space (lists,
/// examples) are kept as they are, the other lines are prose, joined into
/// paragraphs and wrapped at spaces, never inside a word (a word wider
/// than a line gets a line of its own). No trailing newline.
std::string wrap_help(std::string_view text, std::size_t columns);

/// The layout of every --help: descriptions wrapped to help_width() beside
/// the option names (under them when the width is below 60), value names
/// alone (`--author NAME`, `--per PERIOD N`: none of CLI11's `...`, `x 2`,
/// `=default`, `:{choices}`, `Excludes:`), a default the description does
/// not state appended as `(default: X)`, and `TERM...` for a positional
/// that takes several.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();
  std::string make_option(const CLI::Option* opt,
                          bool is_positional) const override;
  std::string make_option_name(const CLI::Option* opt,
                               bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_option_desc(const CLI::Option* opt) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;

 private:
  std::string two_columns(const std::string& name,
                          const std::string& description) const;
  std::size_t width_;
};

/// The text of `papers help formats`: the output formats and fields.
std::string formats_help();

/// Prints `papers: error: MESSAGE` for a usage error; returns kExitError.
int usage_error(const Error& error);

/// Compiles `options`, reporting a usage error; nullopt when it failed.
std::optional<Query> compile_or_report(const QueryOptions& options);

/// compile_or_report() for a command whose -n counts its own rows
/// (authors, periods, pairs, related papers), not papers: the Query
/// selects every paper the filters take, and `limit` gets the row limit
/// (0: none).
std::optional<Query> compile_rows_query(const QueryOptions& options,
                                        std::size_t& limit);

/// The body of a listing command: compile, load, run, print, and explain
/// an empty result (did you mean ...?). With `loose_hint`, also says when
/// --loose would find more papers. Returns the exit status.
int run_listing(const ListingOptions& options, View view, bool loose_hint);

/// The line on stderr that names a search's mined translations (`found`,
/// per TERM): with --expand, what it also matched; without, how many more
/// papers (`extra`) --expand would find, when any.
void explain_expansion(const QueryOptions& options,
                       const std::vector<std::vector<std::string>>& found,
                       std::size_t extra);

std::function<int()> setup_glossary(CLI::App& cmd);

std::function<int()> setup_list(CLI::App& cmd);
std::function<int()> setup_top(CLI::App& cmd);
std::function<int()> setup_author(CLI::App& cmd);
std::function<int()> setup_search(CLI::App& cmd);
std::function<int()> setup_related(CLI::App& cmd);
std::function<int()> setup_show(CLI::App& cmd);
std::function<int()> setup_authors(CLI::App& cmd);
std::function<int()> setup_coauthors(CLI::App& cmd);
std::function<int()> setup_dates(CLI::App& cmd);
std::function<int()> setup_trend(CLI::App& cmd);
std::function<int()> setup_stats(CLI::App& cmd);
std::function<int()> setup_check(CLI::App& cmd);
std::function<int()> setup_export(CLI::App& cmd);
std::function<int()> setup_open(CLI::App& cmd);
std::function<int()> setup_completions(CLI::App& cmd);
std::function<int()> setup_help(CLI::App& cmd);

}  // namespace papers::cli
