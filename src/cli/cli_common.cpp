#include "commands.hpp"
#include "text_width.hpp"

#include <papers/source.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <system_error>

namespace papers::cli {

void add_layout_option(CLI::App& cmd, CommonOptions& options) {
  cmd.add_option("--layout",
                 options.layout,
                 "auto: read each file in the layout its first lines show "
                 "(the canonical one, or headed entries, numbered items, "
                 "one-paper notes); canonical: the canonical grammar only")
      ->type_name("LAYOUT")
      ->check(CLI::IsMember({"auto", "canonical"}))
      ->capture_default_str()
      ->group("Input");
}

void add_common_options(CLI::App& cmd, CommonOptions& options) {
  cmd.add_option(
         "-d,--data",
         options.data,
         "Digest file or directory (searched recursively for *.md and "
         "*.markdown); '-' reads standard input. Give --data again for more "
         "inputs")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->group("Input");
  add_layout_option(cmd, options);
  cmd.add_flag("--strict",
               options.strict,
               "Treat warnings about the input as errors: results are still "
               "printed, then every warning, and the exit status is 2")
      ->group("Input");
  cmd.add_flag("-W,--warnings",
               options.warnings,
               "Print every warning about the input on stderr, not one "
               "summary line")
      ->group("Input");
  add_allow_option(cmd, options.allow);
  cmd.add_flag("-q,--quiet",
               options.quiet,
               "Print nothing on stderr but errors; listing commands print "
               "nothing at all and only set the exit status (0: a match, "
               "even if an input failed, as rg -q)")
      ->group("Input");
}

void add_allow_option(CLI::App& cmd, std::vector<std::string>& allow) {
  cmd.add_option("--allow",
                 allow,
                 "Leave out warnings of kind CODE (e.g. broken-video-link; "
                 "papers(1) lists them). Several: a comma list, or --allow "
                 "again")
      ->type_name("CODE")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            if (parse_diagnostic_code(value)) {
              return {};
            }
            std::vector<std::string_view> names;
            for (const auto& kind : diagnostic_kinds()) {
              names.push_back(kind.name);
            }
            return fmt::format("'{}' is not a warning code{}",
                               value,
                               did_you_mean(value, names));
          },
          ""))
      ->group("Input");
}

std::string integer_problem(std::string_view value,
                            std::int64_t minimum,
                            std::int64_t maximum) {
  const bool negative = value.starts_with('-');
  const std::string_view digits = value.substr(negative ? 1 : 0);
  const bool number =
      !digits.empty()
      && digits.find_first_not_of("0123456789") == std::string_view::npos;
  std::int64_t n = 0;
  const bool out_of_range =
      number
      && std::from_chars(value.data(), value.data() + value.size(), n).ec
             == std::errc::result_out_of_range;
  // --width's bounds are part of its contract: say them.
  if (maximum < std::numeric_limits<std::int64_t>::max()
      && (!number || out_of_range || n < minimum || n > maximum)) {
    return fmt::format(
        "'{}' is not a number from {} to {}", value, minimum, maximum);
  }
  if (!number) {
    return fmt::format("'{}' is not a number", value);
  }
  if (out_of_range && !negative) {
    return fmt::format(
        "'{}' is too large a number (at most {})", value, maximum);
  }
  if (out_of_range || n < minimum) {
    return fmt::format("must be {} or more, got {}", minimum, value);
  }
  return {};
}

std::int64_t parse_integer(std::string_view value) {
  std::int64_t n = 0;
  std::from_chars(value.data(), value.data() + value.size(), n);
  return n;
}

CLI::Validator integer_check(std::int64_t minimum, std::int64_t maximum) {
  return CLI::Validator(
      [minimum, maximum](std::string& value) -> std::string {
        if (value.empty()) {
          return {};
        }
        std::string problem = integer_problem(value, minimum, maximum);
        if (problem.empty()) {
          // CLI11 converts with base 0, which reads 010 as octal eight:
          // hand it the number in plain decimal.
          value = std::to_string(parse_integer(value));
        }
        return problem;
      },
      "");
}

std::string choice_problem(std::string_view value,
                           std::span<const std::string_view> names) {
  if (std::find(names.begin(), names.end(), value) != names.end()) {
    return {};
  }
  return fmt::format("'{}' is not one of {}{}",
                     value,
                     fmt::join(names, ", "),
                     did_you_mean(value, names));
}

CLI::Validator choice_check(std::vector<std::string_view> names,
                            std::vector<std::string_view> passed) {
  return CLI::Validator(
      [names = std::move(names),
       passed = std::move(passed)](std::string& value) -> std::string {
        if (value.empty()
            || std::find(passed.begin(), passed.end(), value) != passed.end()) {
          return {};
        }
        return choice_problem(value, names);
      },
      "");
}

void drop_allowed(std::vector<Diagnostic>& diagnostics,
                  const std::vector<std::string>& allow) {
  if (allow.empty()) {
    return;
  }
  std::vector<DiagnosticCode> codes;
  for (const auto& name : allow) {
    if (const auto code = parse_diagnostic_code(name)) {
      codes.push_back(*code);
    }
  }
  std::erase_if(diagnostics, [&codes](const Diagnostic& d) {
    return std::find(codes.begin(), codes.end(), d.code) != codes.end();
  });
}

namespace {

// The edit distance with a swap of two neighbours as one edit (optimal
// string alignment), so that `tpo` is one typo away from `top`. Commands,
// options and rule codes are ASCII, so bytes will do.
std::size_t typo_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(
      a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view word,
                         std::span<const std::string_view> candidates) {
  // Nothing typed that long is a typo of a short name.
  if (word.size() > 64) {
    return {};
  }
  std::string_view best;
  std::size_t best_distance = 0;
  for (const auto candidate : candidates) {
    const std::size_t d = typo_distance(word, candidate);
    if (best.empty() || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  // A typo: a third of the word's letters wrong at most (at least one, at
  // most three), as git and cargo judge it.
  const std::size_t limit =
      std::clamp<std::size_t>((word.size() + 1) / 3, 1, 3);
  if (best.empty() || best_distance > limit || best_distance == 0) {
    return {};
  }
  return fmt::format("; did you mean '{}'?", best);
}

std::string warning_summary(std::span<const Diagnostic> diagnostics) {
  std::set<std::string_view> files;
  for (const auto& d : diagnostics) {
    files.insert(d.where.file);
  }
  return fmt::format("{} warning{} in {} file{}",
                     diagnostics.size(),
                     diagnostics.size() == 1 ? "" : "s",
                     files.size(),
                     files.size() == 1 ? "" : "s");
}

std::vector<std::string> resolve_data_paths(const CommonOptions& options) {
  if (!options.data.empty()) {
    return options.data;
  }
  std::vector<std::string> paths;
  if (const char* env = std::getenv("PAPERS_DATA");
      env != nullptr && *env != '\0') {
    std::string_view rest(env);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const auto part = rest.substr(0, colon);
      if (!part.empty()) {
        paths.emplace_back(part);
      }
      if (colon == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(colon + 1);
    }
    if (!paths.empty()) {
      return paths;
    }
  }
  return !options.stdin_taken && stdin_has_data()
             ? std::vector<std::string>{"-"}
             : std::vector<std::string>{"."};
}

bool stdin_has_data() {
  struct stat st {};

  if (fstat(STDIN_FILENO, &st) != 0) {
    return false;  // closed
  }
  if (S_ISFIFO(st.st_mode)) {
    return true;
  }
  if (S_ISREG(st.st_mode)) {
    // Read from where the file stands, as `cat` would: data is what is
    // left after the offset (`{ read -r header; papers top; } < file`).
    const off_t offset = lseek(STDIN_FILENO, 0, SEEK_CUR);
    return st.st_size > (offset > 0 ? offset : 0);
  }
  return false;  // a terminal, /dev/null or another device, a socket
}

std::string printable(std::string_view message) {
  return sanitize_for_terminal(message, true);
}

LoadResult load_quietly(const CommonOptions& options,
                        const RecordFilterFactory& filter,
                        const KeepBest& keep) {
  LoadOptions load;
  load.parse.layout = options.layout == "canonical" ? LayoutChoice::kCanonical
                                                    : LayoutChoice::kAuto;
  load.filter = filter;
  load.keep = keep;
  std::optional<Error> threads_error;
  if (const char* env = std::getenv("PAPERS_THREADS");
      env != nullptr && *env != '\0') {
    const std::string_view value(env);
    unsigned n = 0;
    const auto [end, ec] =
        std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec == std::errc() && end == value.data() + value.size() && n >= 1
        && n <= 64) {
      load.threads = n;
    } else {
      threads_error = Error{"PAPERS_THREADS: '" + std::string(value)
                            + "' is not a number from 1 to 64"};
    }
  }
  LoadResult result = load_inputs(resolve_data_paths(options), load);
  if (threads_error) {
    result.errors.insert(result.errors.begin(), std::move(*threads_error));
  }
  return result;
}

bool inputs_rereadable(const CommonOptions& options) {
  for (const auto& path : resolve_data_paths(options)) {
    struct stat st {};

    if (path == "-") {
      return false;
    }
    if (stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)
        && !S_ISREG(st.st_mode)) {
      return false;
    }
  }
  return true;
}

const LoadResult& load_and_report(const CommonOptions& options) {
  return load_and_report(options, RecordFilterFactory{});
}

const LoadResult& load_and_report(const CommonOptions& options,
                                  const RecordFilterFactory& filter,
                                  const KeepBest& keep) {
  // Kept to the end of the process and never freed: the kernel takes back
  // the records and the mappings of thousands of inputs at once, where
  // freeing them one by one costs a second pass over the heap and a TLB
  // flush per mapping. A global points at it, so leak checkers see it as
  // reachable.
  static LoadResult* kept = nullptr;
  kept = new LoadResult(load_quietly(options, filter, keep));
  LoadResult& load = *kept;
  drop_allowed(load.diagnostics, options.allow);
  const bool every_warning = options.warnings || options.strict;
  // Never silent: an archive no paper came out of is said to be one, in
  // one line (in place of the summary), rather than left to look like an
  // empty query result.
  const bool no_papers =
      load.table.size() == 0 && load.filtered == 0 && !load.inputs.empty();
  if (every_warning) {
    for (const auto& diagnostic : load.diagnostics) {
      eprint("{}\n", printable(to_string(diagnostic)));
    }
  } else if (!options.quiet && !load.diagnostics.empty() && !no_papers) {
    eprint("papers: {} (run 'papers check' to see them)\n",
           warning_summary(load.diagnostics));
  }
  for (const auto& error : load.errors) {
    eprint("papers: {}\n", printable(error.message));
  }
  if (no_papers && !options.quiet) {
    const std::string_view why = every_warning
                                     ? "see the warnings above"
                                     : "run 'papers check' to see why";
    if (load.inputs.size() == 1) {
      eprint("papers: {}: no papers found ({})\n",
             printable(load.inputs.front()),
             why);
    } else {
      eprint("papers: no papers found in any of the {} inputs ({})\n",
             load.inputs.size(),
             why);
    }
  }
  if (options.strict && !load.diagnostics.empty()) {
    load.errors.push_back(
        Error{fmt::format("{} warning{} about the input (--strict)",
                          load.diagnostics.size(),
                          load.diagnostics.size() == 1 ? "" : "s")});
    eprint("papers: {}\n", load.errors.back().message);
  }
  return load;
}

void print_stderr(std::string_view text) noexcept {
  while (!text.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return;  // closed, full or gone: nowhere left to say anything
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void reserve_stderr() noexcept {
  if (fcntl(STDERR_FILENO, F_GETFD) != -1 || errno != EBADF) {
    return;
  }
  const int fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (fd >= 0 && fd != STDERR_FILENO) {
    dup2(fd, STDERR_FILENO);
    close(fd);
  }
}

bool write_stdout(std::string_view text) {
  if (!text.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    const int err = errno;
    if (err == EPIPE) {
      return true;  // the reader went away (SIGPIPE ignored): nothing to say
    }
    eprint("papers: error writing output: {}\n", std::strerror(err));
    return false;
  }
  return true;
}

int exit_status(std::size_t results, const LoadResult& load) {
  if (!load.errors.empty()) {
    return kExitError;
  }
  return results > 0 ? kExitMatch : kExitNoMatch;
}

}  // namespace papers::cli
