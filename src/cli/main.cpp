// papers: query a folder of Daily Papers digests. main() registers the
// subcommands from one table, parses argv, dispatches, and maps every
// failure to an exit status (0 match, 1 no match, 2 error).
#include "commands.hpp"
#include "version.hpp"

#include <cmark.h>
#include <fmt/format.h>
#include <utf8proc.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <new>

namespace papers::cli {
namespace {

const std::array<Command, 14> kCommands = {{
    {"top", "The most-voted papers (default: 10)", setup_top},
    {"author", "The papers of one author", setup_author},
    {"search",
     "Papers whose title or summary contains every TERM",
     setup_search},
    {"show", "The full record of papers given by arXiv id", setup_show},
    {"list", "Every paper of the inputs, filtered", setup_list},
    {"authors",
     "Authors ranked by number of papers, then votes",
     setup_authors},
    {"coauthors",
     "The people who share most papers with NAME",
     setup_coauthors},
    {"dates", "Papers and votes per date, week, month or year", setup_dates},
    {"trend",
     "Papers matching TERMs per month, week, day or year, and their share",
     setup_trend},
    {"stats", "A summary of the inputs", setup_stats},
    {"check", "Check digests and print every problem found", setup_check},
    {"export", "Write the papers to a typed SQLite database", setup_export},
    {"open",
     "Open papers in the browser (arXiv, PDF or Hugging Face)",
     setup_open},
    {"completions", "Print a shell completion script", setup_completions},
}};

std::string version_text() {
  return fmt::format(
      "papers {}\nbuilt with cmark {}, re2 {}, fmt {}.{}.{}, CLI11 {}, "
      "utf8proc {}",
      PAPERS_VERSION_STRING,
      cmark_version_string(),
      PAPERS_RE2_VERSION,
      FMT_VERSION / 10000,
      FMT_VERSION / 100 % 100,
      FMT_VERSION % 100,
      CLI11_VERSION,
      utf8proc_version());
}

// CLI11's own errors read like ours: `papers: --limit: ...`.
std::string failure_message(const CLI::App* /*app*/, const CLI::Error& e) {
  return std::string("papers: ") + e.what()
         + "\nRun with --help for more information.\n";
}

int run(int argc, char** argv) {
  CLI::App app{
      "papers: answer questions about a folder of Daily Papers digests.\n"
      "Each digest is one markdown file a day listing papers with their arXiv\n"
      "link, votes, authors and summary.",
      "papers"};
  app.set_version_flag("-V,--version", version_text());
  app.require_subcommand(1);
  app.failure_message(failure_message);
  // A value option given twice takes the last, as in most Unix tools (an
  // alias can set a default that the command line then overrides).
  // Repeatable options such as --data keep every value.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.footer(command_footer(
      R"(Every listing command (top, author, search, list) takes the same filters
(--date, --since, --until, --author, --keyword, --min-votes, --id) and order
options (--sort, --reverse, -n/--limit, --unique); `papers COMMAND --help`
lists them. The insight commands (authors, coauthors, dates, trend, stats)
take the same filters and print tables, bar charts, JSON or CSV.

Examples:
  papers top --date 2024-02-07 -n 5 --data testdata
  papers author "Quoc V. Le" --data ~/digests
  papers search mamba --since 2024-02
  papers show 2402.03620
  papers authors --since 2024-01 -n 20
  papers trend mamba --by week)")
             + "\n\nSee papers(1) for the digest format, the JSON schema and "
               "more examples.");
  std::vector<std::function<int()>> runners;
  std::vector<CLI::App*> subcommands;
  // An empty value ('--date ""') is never meant as "no filter": refuse it
  // for every option and argument, naming the option.
  const CLI::Validator non_empty(
      [](std::string& value) {
        return value.empty() ? std::string("empty value") : std::string();
      },
      "",
      "non-empty");
  // Only the invoked command's options are built: building all twelve
  // was about half of the start-up. The command is the first argument
  // (there are no global options but --help and --version, which end the
  // run before any command); `completions` reads every command's options.
  const std::string_view invoked = argc > 1 ? argv[1] : "";
  const bool build_all = invoked == "completions";
  for (const auto& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    subcommands.push_back(sub);
    if (!build_all && invoked != command.name) {
      runners.emplace_back();
      continue;
    }
    runners.push_back(command.setup(*sub));
    for (CLI::Option* option : sub->get_options()) {
      if (option->get_items_expected_max() > 0) {
        option->check(non_empty);
      }
    }
  }
  if (argc > 1 && argv[1][0] != '-'
      && std::none_of(
          kCommands.begin(), kCommands.end(), [&](const Command& c) {
            return std::string_view(c.name) == argv[1];
          })) {
    eprint("papers: '{}' is not a command; see 'papers --help' for the list\n",
           argv[1]);
    return kExitError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    if (code != 0) {
      return kExitError;
    }
    // --help and --version: their output is the result, so a failed write
    // is an error like any other.
    return write_stdout("") ? 0 : kExitError;
  }
  for (std::size_t i = 0; i < subcommands.size(); ++i) {
    if (subcommands[i]->parsed() && runners[i]) {
      return runners[i]();
    }
  }
  return kExitError;
}

}  // namespace
}  // namespace papers::cli

int main(int argc, char** argv) {
  papers::cli::reserve_stderr();
  try {
    return papers::cli::run(argc, argv);
  } catch (const std::bad_alloc&) {
    // Formatting could need the memory there is none of.
    std::fputs("papers: out of memory\n", stderr);
    return papers::cli::kExitError;
  } catch (const std::exception& e) {
    papers::cli::eprint("papers: internal error: {}\n", e.what());
    return papers::cli::kExitError;
  }
}
