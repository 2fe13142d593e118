// The output options and every decision that needs the terminal or the
// environment: whether stdout is a terminal, its width (--width, COLUMNS,
// the terminal size), colour (--color, NO_COLOR, CLICOLOR_FORCE), whether
// charts may use Unicode blocks (--ascii, the locale), and how a failed
// write is reported. The writers in src/format*.cpp only see the
// resulting FormatOptions.
#include "commands.hpp"

#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace papers::cli {
namespace {

constexpr std::size_t kFallbackWidth = 80;

OutputFormat parse_format(const std::string& name) {
  const auto names = output_format_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) {
      return static_cast<OutputFormat>(i);
    }
  }
  return OutputFormat::kTable;
}

std::string_view env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string_view{} : std::string_view(value);
}

// The most columns a table is laid out for, as --width allows.
constexpr std::size_t kMaxWidth = 100000;

// COLUMNS when it holds a positive number (at most kMaxWidth, as for
// --width: COLUMNS=99999999999 must not size a giant line), else the
// terminal's size; garbage in COLUMNS is ignored.
std::size_t terminal_width() {
  const auto columns = env("COLUMNS");
  std::size_t width = 0;
  const auto [end, ec] =
      std::from_chars(columns.data(), columns.data() + columns.size(), width);
  if (end == columns.data() + columns.size() && !columns.empty()
      && ec == std::errc::result_out_of_range) {
    return kMaxWidth;
  }
  if (ec == std::errc{} && end == columns.data() + columns.size()
      && width > 0) {
    return std::min(width, kMaxWidth);
  }
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return kFallbackWidth;
}

// --color wins; under `auto`, NO_COLOR (non-empty) turns colour off, then
// CLICOLOR_FORCE (non-empty, not "0") turns it on, else only a terminal
// gets colour (https://no-color.org, https://bixense.com/clicolors).
bool use_color(const std::string& flag, bool terminal) {
  if (flag == "always") {
    return true;
  }
  if (flag == "never") {
    return false;
  }
  if (!env("NO_COLOR").empty()) {
    return false;
  }
  if (const auto force = env("CLICOLOR_FORCE");
      !force.empty() && force != "0") {
    return true;
  }
  // A terminal that says it cannot do escape sequences (as rg reads it).
  if (env("TERM") == "dumb") {
    return false;
  }
  return terminal;
}

// Standard output through stdio's buffer. The first failed write is
// reported once and stops the writer; a closed pipe (EPIPE, when SIGPIPE is
// ignored) stops it silently: the reader has all it wanted.
class StdoutSink final : public OutputSink {
 public:
  bool write(std::string_view text) override {
    if (failed_) {
      return false;
    }
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
      fail(errno);
      return false;
    }
    return true;
  }

  /// Flushes; false when the output failed (a message was printed).
  bool finish() {
    if (!failed_ && std::fflush(stdout) != 0) {
      fail(errno);
    }
    return !failed_ || quiet_;
  }

 private:
  void fail(int err) {
    failed_ = true;
    quiet_ = err == EPIPE;
    if (!quiet_) {
      eprint("papers: error writing output: {}\n", std::strerror(err));
    }
  }

  bool failed_ = false;
  bool quiet_ = false;
};

// "a, b, c" broken into lines of about 50 characters for --help.
std::string joined(std::span<const std::string_view> names) {
  std::string out;
  std::size_t line = 0;
  for (auto name : names) {
    if (line > 0 && line + name.size() + 2 > 50) {
      out += ",\n";
      line = 0;
    } else if (line > 0) {
      out += ", ";
      line += 2;
    }
    out += name;
    line += name.size();
  }
  return out;
}

// The FormatOptions of `options` for standard output as it is now.
FormatOptions format_options(const OutputOptions& options, View view) {
  FormatOptions format_options;
  format_options.view = view;
  format_options.terminal = isatty(STDOUT_FILENO) != 0;
  if (options.width >= 0) {
    format_options.width = static_cast<std::size_t>(options.width);
  } else if (format_options.terminal) {
    format_options.width = terminal_width();
  }
  format_options.truncate = !options.no_truncate;
  format_options.color = use_color(options.color, format_options.terminal);
  format_options.ascii = options.ascii || !utf8_locale();
  format_options.csv_safe = options.csv_safe;
  format_options.header = !options.no_header;
  format_options.terminator = options.null ? '\0' : '\n';
  return format_options;
}

void add_color_width_options(CLI::App& cmd,
                             OutputOptions& options,
                             const std::string& width_help) {
  cmd.add_option("--color",
                 options.color,
                 "Colour the table header and votes: auto (on a\n"
                 "terminal, unless NO_COLOR; CLICOLOR_FORCE forces it),\n"
                 "always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str()
      ->group("Output");
  cmd.add_option("--width", options.width, width_help)
      ->type_name("N")
      ->transform(integer_check(0, 100000))
      ->group("Output");
  cmd.add_flag("--no-truncate",
               options.no_truncate,
               "Never shorten table cells or author lists")
      ->group("Output");
}

// --json, declared just after --format: the same as --format json.
void add_json_flag(CLI::App& cmd, OutputOptions& options) {
  CLI::Option* format = cmd.get_option("--format");
  cmd.add_flag_callback(
         "--json",
         [&options] { options.format = "json"; },
         "The same as --format json")
      ->excludes(format)
      ->group("Output");
}

// --no-header, declared after --format so that its check sees the format.
void add_no_header_flag(CLI::App& cmd, OutputOptions& options) {
  cmd.add_flag("--no-header",
               options.no_header,
               "table, csv and tsv: leave out the header row")
      ->check(CLI::Validator(
          [&options](std::string&) -> std::string {
            const auto& f = options.format;
            if (f != "table" && f != "csv" && f != "tsv" && f != "ids") {
              return "only for --format table, csv or tsv";
            }
            return {};
          },
          ""))
      ->group("Output");
}

}  // namespace

bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const auto value = env(name);
    if (value.empty()) {
      continue;
    }
    std::string lower;
    for (const char c : value) {
      lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return lower.find("utf-8") != std::string::npos
           || lower.find("utf8") != std::string::npos;
  }
  return false;
}

// `papers help formats`: every format with an example.
constexpr const char* kFormatList =
    "Output formats of the listing commands (top, author, search, list,\n"
    "show), for -f/--format FORMAT, with an example each:\n"
    "  table     aligned columns (show: a card); the default\n"
    "            papers list --width 80\n"
    "  json      one array of records\n"
    "            papers list -f json | jq '.[0].title'\n"
    "  jsonl     one record per line, as each is ready\n"
    "            papers list -f jsonl | jq -r 'select(.votes >= 10) | .id'\n"
    "  csv       RFC 4180 with a header row (--no-header: none)\n"
    "            papers list -f csv --fields id,votes,title\n"
    "  tsv       tab-separated, a header row; \\t \\n \\\\ escaped\n"
    "            papers list -f tsv > papers.tsv\n"
    "  markdown  a digest that reads back the same\n"
    "            papers list -f markdown > digest.md\n"
    "  bibtex    a BibTeX @misc entry per paper\n"
    "            papers top -n 3 -f bibtex >> refs.bib\n"
    "  csl-json  CSL-JSON items, for pandoc --citeproc\n"
    "            papers show 2402.03620 -f csl-json > refs.json\n"
    "  ids       one arXiv id a line, no header (-0: NUL after each)\n"
    "            papers search mamba -f ids | xargs papers show\n"
    "Names are taken in any case (-f JSON); --json is -f json.\n"
    "The JSON record is described in papers(1).";

// {table, json, ...}: the names `format` takes.
std::string braced(std::span<const std::string_view> names) {
  return fmt::format("{{{}}}", fmt::join(names, ", "));
}

void add_output_options(CLI::App& cmd, OutputOptions& options) {
  const auto formats = output_format_names();
  cmd.add_option("-f,--format",
                 options.format,
                 "Output format, one of " + braced(formats)
                     + ", in any case (default table); 'papers help formats' "
                       "describes each")
      ->type_name("FORMAT")
      ->transform(CLI::IsMember(
          std::vector<std::string>(formats.begin(), formats.end()),
          CLI::ignore_case))
      ->capture_default_str()
      ->group("Output");
  add_json_flag(cmd, options);
  // Declared after --format: CLI11 stores option values in declaration
  // order, so the check below sees the format already.
  cmd.add_option("--fields",
                 options.fields,
                 "Fields to print, in this order (table, csv, tsv, json, "
                 "jsonl), e.g. --fields votes,id,title; 'papers help "
                 "formats' lists them")
      ->type_name("LIST")
      ->check(CLI::Validator(
          [&options](std::string& value) -> std::string {
            if (options.format == "markdown") {
              return "a markdown digest always has every field; --fields "
                     "does not apply to --format markdown";
            }
            if (options.format == "ids") {
              return "an id list has one field; --fields does not apply to "
                     "--format ids";
            }
            if (options.format == "bibtex" || options.format == "csl-json") {
              return "a citation has its fixed fields; --fields does not "
                     "apply to --format "
                     + options.format;
            }
            auto fields = parse_fields(value);
            return fields ? std::string() : fields.error().message;
          },
          ""))
      ->group("Output");
  add_color_width_options(cmd,
                          options,
                          "Fit tables and wrap cards to N columns (0: no "
                          "limit).\n"
                          "Default: on a terminal $COLUMNS or its width, else\n"
                          "no limit");
  // Declared after --format, like --fields, so the check sees the format.
  cmd.add_flag("--csv-safe",
               options.csv_safe,
               "csv and tsv: prefix ' to cells that start with = + - @\n"
               "(or a tab or CR), so a spreadsheet shows them as text\n"
               "instead of running them as formulas")
      ->check(CLI::Validator(
          [&options](std::string&) -> std::string {
            if (options.format != "csv" && options.format != "tsv") {
              return "only for --format csv or tsv";
            }
            return {};
          },
          ""))
      ->group("Output");
  add_no_header_flag(cmd, options);
  cmd.add_flag("-0,--null",
               options.null,
               "--format ids: end each id with a NUL byte, not a newline "
               "(for xargs -0)")
      ->check(CLI::Validator(
          [&options](std::string&) -> std::string {
            if (options.format != "ids") {
              return "only for --format ids";
            }
            return {};
          },
          ""))
      ->group("Output");
}

void add_count_option(CLI::App& cmd, bool& count) {
  cmd.add_flag("--count",
               count,
               "Print only the number of matching papers (filters, --unique, "
               "--per and an explicit -n apply; top's default limit does "
               "not); exit status 1 when it is 0")
      ->group("Output");
}

void add_insight_output_options(CLI::App& cmd,
                                OutputOptions& options,
                                bool chart) {
  cmd.add_option("-f,--format",
                 options.format,
                 std::string("Output format, one of "
                             "{table, json, jsonl, csv, tsv}, in any case "
                             "(default table): ")
                     + (chart ? "aligned columns and bars" : "aligned columns")
                     + (cmd.get_name() == "stats" ? ", one object"
                                                  : ", an array of objects")
                     + ", an object a line, RFC 4180 "
                       "CSV or TSV with a header row; papers(1) lists the "
                       "JSON keys")
      ->type_name("FORMAT")
      ->transform(CLI::IsMember({"table", "json", "jsonl", "csv", "tsv"},
                                CLI::ignore_case))
      ->capture_default_str()
      ->group("Output");
  add_json_flag(cmd, options);
  add_no_header_flag(cmd, options);
  add_color_width_options(
      cmd,
      options,
      chart ? "Fit the table to N columns and scale the bars to\n"
              "it (0: no limit, bars as for 80). Default: on a\n"
              "terminal $COLUMNS or its width, else no limit"
            : "Fit the table to N columns (0: no limit). Default:\n"
              "on a terminal $COLUMNS or its width, else no limit");
  if (chart) {
    cmd.add_flag("--ascii",
                 options.ascii,
                 "Draw bars with '#' instead of Unicode block\n"
                 "characters (the default when the locale is not UTF-8)")
        ->group("Output");
  }
}

bool print_insight(const OutputOptions& options, const InsightWriter& write) {
  StdoutSink sink;
  write(
      parse_format(options.format), format_options(options, View::kList), sink);
  return sink.finish();
}

bool print_papers(std::span<const Paper* const> rows,
                  const OutputOptions& options,
                  View view,
                  std::optional<Period> per,
                  std::span<const Hit> hits) {
  const OutputFormat format = parse_format(options.format);
  FormatOptions chosen = format_options(options, view);
  chosen.per = per;
  if (!options.fields.empty() && format != OutputFormat::kMarkdown
      && format != OutputFormat::kBibtex && format != OutputFormat::kCslJson
      && format != OutputFormat::kIds) {
    // Validated when the command line was parsed.
    if (auto fields = parse_fields(options.fields)) {
      chosen.fields = std::move(fields.value());
    }
  }
  chosen.hits = hits;
  StdoutSink sink;
  format_papers(format, rows, chosen, sink);
  return sink.finish();
}

std::string formats_help() {
  return std::string(kFormatList)
         + "\n\n--fields LIST picks the fields of table, csv, tsv, json and "
           "jsonl, in order:\n"
         + joined(field_names())
         + "\n\nThe insight commands (authors, coauthors, dates, trend, stats, "
           "glossary)\ntake table, json, jsonl, csv and tsv; papers check "
           "takes text, json and\njsonl. See OUTPUT FORMATS in papers(1).\n";
}

}  // namespace papers::cli
