#include "commands.hpp"

#include <fmt/format.h>

#include <memory>
#include <set>

namespace papers::cli {
namespace {

struct ShowOptions {
  CommonOptions common;
  OutputOptions output;
  std::vector<std::string> ids;
};

int run_show(const ShowOptions& options) {
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
  const LoadResult& load = load_and_report(options.common);
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
                 "huggingface.co/papers URL")
      ->required();
  add_common_options(cmd, options->common);
  add_output_options(cmd, options->output);
  cmd.footer(command_footer(
      R"(The full record of each paper, in the order the IDs are given. A paper
featured on several dates shows every appearance, oldest first. An ID not in
the data is reported on standard error; the exit status is 1 only when none
was found.

Examples:
  papers show 2402.03620
  papers show https://arxiv.org/pdf/2402.03620v1.pdf arXiv:2402.04248
  papers show https://huggingface.co/papers/2402.03620 --format json)",
      false));
  return [options] { return run_show(*options); };
}

}  // namespace papers::cli
