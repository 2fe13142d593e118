#include "commands.hpp"

#include <papers/format.hpp>

#include <fmt/format.h>

#include <array>
#include <map>
#include <memory>
#include <utility>

namespace papers::cli {
namespace {

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string format = "text";
  bool verbose = false;
  bool list_codes = false;
};

// An input error reads `PATH: REASON` (source.cpp); the reasons (strerror
// texts, "no digest files ...") hold no ": ", so the path is everything
// before the last one, whatever the path holds.
std::pair<std::string_view, std::string_view> split_path_error(
    const Error& error) {
  const std::string_view message = error.message;
  const auto colon = message.rfind(": ");
  if (colon == std::string_view::npos) {
    return {{}, message};
  }
  return {message.substr(0, colon), message.substr(colon + 2)};
}

}  // namespace

std::function<int()> setup_check(CLI::App& cmd) {
  auto options = std::make_shared<CheckOptions>();
  cmd.add_option(
         "paths",
         options->paths,
         "Digest files or directories to check (default: as for --data)")
      ->type_name("PATH");
  cmd.add_option("-d,--data",
                 options->common.data,
                 "Same as a PATH argument. Repeatable.")
      ->type_name("PATH")
      ->allow_extra_args(false)
      ->group("Input");
  add_allow_option(cmd, options->common.allow);
  add_layout_option(cmd, options->common);
  cmd.add_option("-f,--format",
                 options->format,
                 "Output format: text (the problems and a summary line), "
                 "json (one array of diagnostic records) or jsonl")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str()
      ->group("Output");
  cmd.add_flag("-v,--verbose",
               options->verbose,
               "text: also one line per file, FILE: ok or FILE: N warnings, "
               "with the layout it was read as and its papers")
      ->group("Output");
  cmd.add_flag("--list-codes",
               options->list_codes,
               "Print every warning code with its meaning, and exit")
      ->group("Output");
  cmd.add_flag("-q,--quiet",
               options->common.quiet,
               "Print nothing but errors (on stderr): the exit status says "
               "whether the files are clean")
      ->group("Output");
  cmd.footer(
      R"(A lint mode for people who write digests: prints every problem as
FILE:LINE: warning[CODE]: MESSAGE, then a summary line (N files, M warnings
in K files); -v adds a line per file with the layout it was read as (FILE:
ok (layout: canonical, 12 papers), or FILE: N warnings (layout: ...)). CODE
names the kind of problem (papers(1) lists them); --allow CODE leaves one
kind out. JSON records are {"file", "line", "severity", "code", "message",
"layout", "papers"}: line is null for problems of a whole file or path, code
for errors; each file read gets one record of severity "info" whose layout
and papers say how it was read (null in the other records).

Exit status: 0 every file is clean, 1 there were warnings, 2 a path could
not be read or holds no digest.

Examples:
  papers check ~/digests
  papers check ~/digests --allow broken-video-link
  papers check 2024-02-07.md --format json | jq -r '.[].code')");
  return [options] {
    if (options->list_codes) {
      std::string out;
      for (const auto& kind : diagnostic_kinds()) {
        out += fmt::format("{:<18} {}\n", kind.name, kind.meaning);
      }
      return write_stdout(out) ? kExitMatch : kExitError;
    }
    CommonOptions common = options->common;
    common.data.insert(
        common.data.end(), options->paths.begin(), options->paths.end());
    LoadResult load = load_quietly(common);
    drop_allowed(load.diagnostics, common.allow);
    std::string out;
    if (options->common.quiet) {
      for (const auto& e : load.errors) {
        eprint("papers: {}\n", printable(e.message));
      }
    } else if (options->format == "text") {
      std::map<std::string_view, std::size_t> counts;
      for (const auto& d : load.diagnostics) {
        out += printable(to_string(d));
        out += '\n';
        ++counts[d.where.file];
      }
      for (const auto& e : load.errors) {
        out += fmt::format("papers: {}\n", printable(e.message));
      }
      if (options->verbose) {
        for (std::size_t i = 0; i < load.inputs.size(); ++i) {
          const auto& input = load.inputs[i];
          const auto it = counts.find(input);
          const std::size_t n = it == counts.end() ? 0 : it->second;
          const auto& info = load.input_info[i];
          const std::string read_as = fmt::format("(layout: {}, {} paper{})",
                                                  info.layout,
                                                  info.papers,
                                                  info.papers == 1 ? "" : "s");
          out += n == 0 ? fmt::format("{}: ok {}\n", printable(input), read_as)
                        : fmt::format("{}: {} warning{} {}\n",
                                      printable(input),
                                      n,
                                      n == 1 ? "" : "s",
                                      read_as);
        }
      }
      const std::size_t files = load.inputs.size();
      out += fmt::format("{} file{}, ", files, files == 1 ? "" : "s");
      out += load.diagnostics.empty() ? std::string("no warnings")
                                      : warning_summary(load.diagnostics);
      if (!load.errors.empty()) {
        out += fmt::format(", {} error{}",
                           load.errors.size(),
                           load.errors.size() == 1 ? "" : "s");
      }
      out += '\n';
    } else {
      // One record shape for both kinds: {"file", "line", "severity",
      // "code", "message"}, line null for a whole file or path, code null
      // for an error.
      static constexpr std::array<std::string_view, 7> kKeys = {
          "file", "line", "severity", "code", "message", "layout", "papers"};
      std::vector<std::vector<Value>> records;
      for (const auto& d : load.diagnostics) {
        records.push_back(
            {std::string(d.where.file),
             d.where.line > 0 ? Value(std::int64_t{d.where.line}) : Value(),
             std::string("warning"),
             std::string(code_name(d.code)),
             d.message,
             Value(),
             Value()});
      }
      for (const auto& e : load.errors) {
        const auto [path, reason] = split_path_error(e);
        records.push_back({std::string(path),
                           Value(),
                           std::string("error"),
                           Value(),
                           std::string(reason),
                           Value(),
                           Value()});
      }
      // One record per file read: the layout it was read as, its papers.
      for (std::size_t i = 0; i < load.inputs.size(); ++i) {
        const auto& info = load.input_info[i];
        records.push_back({load.inputs[i],
                           Value(),
                           std::string("info"),
                           Value(),
                           fmt::format("read as {}, {} paper{}",
                                       info.layout,
                                       info.papers,
                                       info.papers == 1 ? "" : "s"),
                           std::string(info.layout),
                           Value(static_cast<std::int64_t>(info.papers))});
      }
      format_records(options->format == "jsonl" ? OutputFormat::kJsonl
                                                : OutputFormat::kJson,
                     kKeys,
                     records,
                     FormatOptions{},
                     out);
    }
    if (!write_stdout(out)) {
      return kExitError;
    }
    if (!load.errors.empty()) {
      return kExitError;
    }
    return load.diagnostics.empty() ? kExitMatch : kExitNoMatch;
  };
}

}  // namespace papers::cli
