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
  cmd.add_option("-f,--format",
                 options->format,
                 "Output format: text (diagnostics and a summary line per "
                 "file), json (one array of diagnostic records) or jsonl")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->capture_default_str()
      ->group("Output");
  cmd.footer(
      R"(A lint mode for people who write digests: prints every diagnostic as
FILE:LINE: warning: MESSAGE, then one summary line per file (FILE: ok, or
FILE: N warnings). JSON records are {"file", "line", "severity", "message"};
line is null for problems of a whole file or path.

Exit status: 0 every file is clean, 1 there were warnings, 2 a path could
not be read or holds no digest.

Examples:
  papers check ~/digests
  papers check 2024-02-07.md --format json | jq -r '.[].message')");
  return [options] {
    CommonOptions common = options->common;
    common.data.insert(
        common.data.end(), options->paths.begin(), options->paths.end());
    const LoadResult load = load_quietly(common);
    std::string out;
    if (options->format == "text") {
      std::map<std::string_view, std::size_t> counts;
      for (const auto& d : load.diagnostics) {
        out += printable(to_string(d));
        out += '\n';
        ++counts[d.where.file];
      }
      for (const auto& e : load.errors) {
        out += fmt::format("papers: {}\n", printable(e.message));
      }
      for (const auto& input : load.inputs) {
        const auto it = counts.find(input);
        const std::size_t n = it == counts.end() ? 0 : it->second;
        out += n == 0 ? fmt::format("{}: ok\n", printable(input))
                      : fmt::format("{}: {} warning{}\n",
                                    printable(input),
                                    n,
                                    n == 1 ? "" : "s");
      }
    } else {
      // One record shape for both kinds: {"file", "line", "severity",
      // "message"}, line null for a whole file or path.
      static constexpr std::array<std::string_view, 4> kKeys = {
          "file", "line", "severity", "message"};
      std::vector<std::vector<Value>> records;
      for (const auto& d : load.diagnostics) {
        records.push_back(
            {std::string(d.where.file),
             d.where.line > 0 ? Value(std::int64_t{d.where.line}) : Value(),
             std::string("warning"),
             d.message});
      }
      for (const auto& e : load.errors) {
        const auto [path, reason] = split_path_error(e);
        records.push_back({std::string(path),
                           Value(),
                           std::string("error"),
                           std::string(reason)});
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
