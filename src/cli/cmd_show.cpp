#include "commands.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <set>

namespace papers::cli {
namespace {

struct ShowOptions {
  CommonOptions common;
  OutputOptions output;
  std::vector<std::string> ids;
};

// The most standard input may hold for `show -`: ids are short, and a
// mistake (a digest piped in) must not be read whole into memory.
constexpr std::size_t kMaxIdInput = std::size_t{16} << 20;

// Reads the ids on standard input into `ids`: separated by whitespace or
// NUL bytes (`-f ids -0`), a `#` starting a word comments out the rest of
// its line. Returns an error message, or "".
std::string read_stdin_ids(std::vector<std::string>& ids) {
  std::string text;
  std::vector<char> buffer(65536);
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return fmt::format("show: cannot read ids from standard input: {}",
                         std::strerror(errno));
    }
    if (n == 0) {
      break;
    }
    text.append(buffer.data(), static_cast<std::size_t>(n));
    if (text.size() > kMaxIdInput) {
      return "show: standard input holds more than 16 MiB; ids expected";
    }
  }
  const auto separator = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0'
           || c == '\v' || c == '\f';
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (separator(text[i])) {
      ++i;
    } else if (text[i] == '#') {
      const auto end = text.find('\n', i);
      i = end == std::string::npos ? text.size() : end;
    } else {
      const std::size_t start = i;
      while (i < text.size() && !separator(text[i])) {
        ++i;
      }
      ids.push_back(text.substr(start, i - start));
    }
  }
  return {};
}

int run_show(ShowOptions options) {
  // `show -`, or `show` with no ID and ids piped in: the ids come from
  // standard input (`-` in its place among others), the data never does.
  const bool dash = std::find(options.ids.begin(), options.ids.end(), "-")
                    != options.ids.end();
  if (options.ids.empty() && !stdin_has_data()) {
    return usage_error(Error{
        "'papers show' needs an ID, or '-' to read ids from standard input "
        "(see 'papers show --help')"});
  }
  if (options.ids.empty() || dash) {
    const auto& data = options.common.data;
    if (std::find(data.begin(), data.end(), "-") != data.end()) {
      return usage_error(Error{
          "show: standard input holds the ids; it cannot be --data - too"});
    }
    std::vector<std::string> ids;
    bool read = false;
    for (const auto& id : options.ids) {
      if (id != "-") {
        ids.push_back(id);
      } else if (!read) {  // a second '-' finds standard input at its end
        read = true;
        if (const auto error = read_stdin_ids(ids); !error.empty()) {
          return usage_error(Error{error});
        }
      }
    }
    if (options.ids.empty()) {
      if (const auto error = read_stdin_ids(ids); !error.empty()) {
        return usage_error(Error{error});
      }
    }
    options.common.stdin_taken = true;
    options.ids = std::move(ids);
    if (options.ids.empty()) {
      if (!options.common.quiet) {
        print_stderr("papers: show: no ids on standard input\n");
      }
      return kExitNoMatch;
    }
  }
  // Every ID is checked before any input is read.
  std::vector<QueryOptions> queries;
  for (const auto& id : options.ids) {
    QueryOptions query;
    query.ids.push_back(id);
    query.default_sort = SortKey::kDate;
    if (!normalize_arxiv_id(id)) {
      return usage_error(Error{"show: '" + id + "' is not an arXiv id"});
    }
    queries.push_back(std::move(query));
  }
  // The workers keep only the records of these ids.
  QueryOptions any_id;
  any_id.ids = options.ids;
  const auto wanted = compile_or_report(any_id);
  if (!wanted) {
    return kExitError;
  }
  const LoadResult& load = load_and_report(
      options.common, record_filter(*wanted, FilterScope::kAll));
  std::vector<const Paper*> rows;
  std::set<const Paper*> shown;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const auto query = compile_or_report(queries[i]);
    if (!query) {
      return kExitError;
    }
    const auto found = run_query(load.table, *query);
    if (found.empty() && !options.common.quiet) {
      eprint("papers: {}: no such paper\n", options.ids[i]);
    }
    for (const Paper* paper : found) {
      if (shown.insert(paper).second) {
        rows.push_back(paper);
      }
    }
  }
  if (options.common.quiet) {
    // As rg -q: a match is the answer, whatever else went wrong.
    return rows.empty() ? exit_status(0, load) : kExitMatch;
  }
  if (!print_papers(rows, options.output, View::kCard)) {
    return kExitError;
  }
  return exit_status(rows.size(), load);
}

}  // namespace

std::function<int()> setup_show(CLI::App& cmd) {
  auto options = std::make_shared<ShowOptions>();
  cmd.add_option("ID",
                 options->ids,
                 "arXiv id in any spelling: 2402.03620, 2402.03620v2, "
                 "arXiv:2402.03620, an arxiv.org abs or pdf URL, a "
                 "huggingface.co/papers URL; '-' (or no ID, with ids "
                 "piped in) reads ids from standard input");
  add_common_options(cmd, options->common);
  add_output_options(cmd, options->output);
  cmd.footer(command_footer(
      R"(The full record of each paper, in the order the IDs are given. A paper
featured on several dates shows every appearance, oldest first. An ID not in
the data is reported on standard error; the exit status is 1 only when none
was found.

`papers show -`, or `papers show` with no ID and a pipe or file on standard
input, reads the ids from standard input: separated by spaces, newlines or
NUL bytes, a `#` word commenting out the rest of its line. The data then
comes from --data, $PAPERS_DATA or the current directory, never from
standard input. Without an ID and with nothing piped in (a terminal,
</dev/null, as under xargs) it is a usage error.

Examples:
  papers show 2402.03620
  papers show https://arxiv.org/pdf/2402.03620v1.pdf arXiv:2402.04248
  papers show https://huggingface.co/papers/2402.03620 --format json
  papers search mamba -f ids | papers show -
  papers search mamba -f ids | xargs papers show)",
      false));
  return [options] { return run_show(*options); };
}

}  // namespace papers::cli
