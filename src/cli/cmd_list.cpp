#include "commands.hpp"

#include <memory>

namespace papers::cli {
namespace {

struct ListOptions {
  CommonOptions common;
  OutputOptions output;
};

}  // namespace

std::function<int()> setup_list(CLI::App& cmd) {
  auto options = std::make_shared<ListOptions>();
  add_common_options(cmd, options->common);
  add_output_options(cmd, options->output);
  cmd.footer(
      R"(Every paper of the inputs, in input order: files in sorted path order,
papers in document order. Exact repeats (same id and date) are listed once.

Examples:
  papers list --data ~/digests
  papers list --data 2024-02-07.md --format jsonl | jq -r .id)");
  return [options] {
    const LoadResult load = load_and_report(options->common);
    std::vector<const Paper*> rows;
    rows.reserve(load.table.size());
    for (const auto& paper : load.table.papers()) {
      rows.push_back(&paper);
    }
    if (!print_papers(rows, options->output, View::kList)) {
      return kExitError;
    }
    return exit_status(rows.size(), load);
  };
}

}  // namespace papers::cli
