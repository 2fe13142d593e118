#include "commands.hpp"
#include "text_width.hpp"

#include <papers/source.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace papers::cli {

void add_common_options(CLI::App& cmd, CommonOptions& options) {
  cmd.add_option("-d,--data",
                 options.data,
                 "Digest file or directory (searched recursively for *.md and "
                 "*.markdown); '-' reads standard input. Repeatable.")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->group("Input");
  cmd.add_flag("--strict",
               options.strict,
               "Treat warnings about the input as errors: results are still "
               "printed, but the exit status is 2")
      ->group("Input");
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
  if (isatty(STDIN_FILENO) == 0) {
    return {"-"};
  }
  return {"."};
}

std::string printable(std::string_view message) {
  return sanitize_for_terminal(message, true);
}

LoadResult load_quietly(const CommonOptions& options) {
  return load_inputs(resolve_data_paths(options));
}

const LoadResult& load_and_report(const CommonOptions& options) {
  // Kept to the end of the process and never freed: the kernel takes back
  // the records and the mappings of thousands of inputs at once, where
  // freeing them one by one costs a second pass over the heap and a TLB
  // flush per mapping. A global points at it, so leak checkers see it as
  // reachable.
  static LoadResult* kept = nullptr;
  kept = new LoadResult(load_quietly(options));
  LoadResult& load = *kept;
  for (const auto& diagnostic : load.diagnostics) {
    fmt::print(stderr, "{}\n", printable(to_string(diagnostic)));
  }
  for (const auto& error : load.errors) {
    fmt::print(stderr, "papers: {}\n", printable(error.message));
  }
  if (load.table.size() == 0 && !load.inputs.empty()) {
    // Never silent: an archive no paper came out of is said to be one, in
    // one line, rather than left to look like an empty query result.
    if (load.inputs.size() == 1) {
      fmt::print(stderr,
                 "papers: {}: no papers found (see the warnings above)\n",
                 printable(load.inputs.front()));
    } else {
      fmt::print(stderr,
                 "papers: no papers found in any of the {} inputs (see the "
                 "warnings above)\n",
                 load.inputs.size());
    }
  }
  if (options.strict && !load.diagnostics.empty()) {
    load.errors.push_back(
        Error{fmt::format("{} warning{} about the input (--strict)",
                          load.diagnostics.size(),
                          load.diagnostics.size() == 1 ? "" : "s")});
    fmt::print(stderr, "papers: {}\n", load.errors.back().message);
  }
  return load;
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
    fmt::print(
        stderr, "papers: error writing output: {}\n", std::strerror(err));
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
