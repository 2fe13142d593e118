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
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

namespace papers::cli {
namespace {

const std::array<Command, 17> kCommands = {{
    {"top", "The most-voted papers (default: 10)", setup_top},
    {"author", "The papers of one author", setup_author},
    {"search",
     "Papers whose title or summary contains every TERM",
     setup_search},
    {"related",
     "The papers most like one paper (TF-IDF over title and summary)",
     setup_related},
    {"glossary",
     "English-Korean term pairs mined from the summaries (search --expand)",
     setup_glossary},
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
    {"help",
     "Help on a command (papers help top) or the output formats (papers "
     "help formats)",
     setup_help},
}};

// The options every command that reads digests takes, accepted before the
// command too (`papers -d DIR top`): those with a value, then the flags.
constexpr std::array<std::string_view, 7> kGlobalValueOptions = {
    "-d", "--data", "--color", "--width", "-f", "--format", "--allow"};
constexpr std::array<std::string_view, 6> kGlobalFlags = {
    "-q", "--quiet", "-W", "--warnings", "--strict", "--json"};

bool is_command(std::string_view name) {
  return std::any_of(kCommands.begin(), kCommands.end(), [&](const auto& c) {
    return name == c.name;
  });
}

// Moves the global options given before the command to just after it, so
// that the command's own parser takes them (an option given again after
// the command still wins: the last value is taken). Returns an error
// message for an argument before the command that is none of them.
std::optional<std::string> hoist_global_options(
    std::vector<std::string>& args) {
  std::vector<std::string> hoisted;
  std::size_t i = 0;
  while (i < args.size() && args[i].size() > 1 && args[i][0] == '-') {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help" || arg == "-V" || arg == "--version") {
      return std::nullopt;  // the main app's own: left to it
    }
    const std::string_view name = std::string_view(arg).substr(
        0, arg.starts_with("--") ? arg.find('=') : 2);
    const bool joined = name.size() < arg.size();  // --data=X, -dX
    if (std::find(kGlobalFlags.begin(), kGlobalFlags.end(), arg)
        != kGlobalFlags.end()) {
      hoisted.push_back(arg);
      ++i;
    } else if (std::find(
                   kGlobalValueOptions.begin(), kGlobalValueOptions.end(), name)
               != kGlobalValueOptions.end()) {
      hoisted.push_back(arg);
      ++i;
      if (!joined) {
        if (i == args.size()) {
          return fmt::format("{} needs a value", arg);
        }
        hoisted.push_back(args[i++]);
      }
    } else {
      std::vector<std::string_view> names(kGlobalValueOptions.begin(),
                                          kGlobalValueOptions.end());
      names.insert(names.end(), kGlobalFlags.begin(), kGlobalFlags.end());
      for (std::string_view own : {"--help", "--version"}) {
        names.push_back(own);
      }
      const std::string hint = did_you_mean(name, names);
      return fmt::format(
          "unknown option '{}' before the command{}",
          name,
          hint.empty() ? "; a command's own options go after it" : hint);
    }
  }
  if (hoisted.empty()) {
    return std::nullopt;
  }
  if (i == args.size()) {
    return std::string("no command given; 'papers --help' lists them");
  }
  std::vector<std::string> out;
  out.push_back(args[i]);
  out.insert(out.end(), hoisted.begin(), hoisted.end());
  out.insert(
      out.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
  args = std::move(out);
  return std::nullopt;
}

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

int run(int argc, char** argv) {
  CLI::App app{
      "papers: answer questions about a folder of Daily Papers digests.\n"
      "Each digest is one markdown file a day listing papers with their arXiv\n"
      "link, votes, authors and summary.",
      "papers"};
  // Before the commands are added: each takes its parent's formatter.
  app.formatter(std::make_shared<HelpFormatter>());
  app.set_version_flag("-V,--version", version_text());
  app.require_subcommand(1);
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
  std::vector<std::string> args(argv + 1, argv + argc);
  if (auto error = hoist_global_options(args)) {
    eprint("papers: error: {}\n", printable(*error));
    return kExitError;
  }
  if (!args.empty() && !args[0].starts_with('-') && !is_command(args[0])) {
    std::vector<std::string_view> names;
    for (const auto& command : kCommands) {
      names.emplace_back(command.name);
    }
    const std::string hint = did_you_mean(args[0], names);
    eprint("papers: error: '{}' is not a command{}\n",
           printable(args[0]),
           hint.empty() ? "; 'papers --help' lists them" : hint);
    return kExitError;
  }
  // Start-up is mostly building commands, so a run builds only what it
  // can reach. The command is the first argument once the global options
  // before it are moved after it. A command's options are built when it
  // is the one invoked, when `help` names it (`papers help top`), and
  // for `completions`, which reads them all. The other commands are
  // registered, with their summary and no options, only when the run may
  // list or name them: `papers` alone or with an option (`--help`),
  // `help` and `completions`; a run of `top` has `top` alone (CLI11 never
  // takes a second command once one is parsed: require_subcommand(1)),
  // and `papers --version` none (its callback ends the parse before a
  // command is required).
  // A copy, not a view: `args.empty() ? "" : args[0]` is a std::string
  // temporary, and a view of it dangles (release builds then matched no
  // command and built no command's options).
  const std::string invoked = args.empty() ? std::string() : args[0];
  const bool build_all = invoked == "completions";
  const bool version_only =
      args.size() == 1 && (invoked == "-V" || invoked == "--version");
  const bool register_all =
      !version_only && (build_all || invoked == "help" || !is_command(invoked));
  for (const auto& command : kCommands) {
    const bool is_invoked = invoked == command.name;
    if (!register_all && !is_invoked) {
      subcommands.push_back(nullptr);
      runners.emplace_back();
      continue;
    }
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    // Arguments a command does not take are reported after parsing, with
    // the nearest option (leftover_message()).
    sub->allow_extras();
    subcommands.push_back(sub);
    const bool named_by_help =
        invoked == "help"
        && std::find(args.begin() + 1, args.end(), command.name) != args.end();
    if (!build_all && !is_invoked && !named_by_help) {
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
  CLI::App* command = !args.empty() && is_command(args[0])
                          ? app.get_subcommand(args[0])
                          : nullptr;
  try {
    // CLI11 takes the arguments last first.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    app.exit(e);
    return write_stdout("") ? 0 : kExitError;
  } catch (const CLI::CallForAllHelp& e) {
    app.exit(e);
    return write_stdout("") ? 0 : kExitError;
  } catch (const CLI::CallForVersion& e) {
    app.exit(e);
    // --version: its output is the result, so a failed write is an error
    // like any other.
    return write_stdout("") ? 0 : kExitError;
  } catch (const CLI::ParseError& e) {
    eprint("papers: error: {}\n",
           printable(parse_error_message(e, command, args)));
    return kExitError;
  }
  if (command != nullptr) {
    auto leftovers = command->remaining();
    // CLI11 lists a `--` it passed among them.
    std::erase(leftovers, std::string("--"));
    if (!leftovers.empty()) {
      eprint("papers: error: {}\n",
             printable(leftover_message(*command, args, leftovers)));
      return kExitError;
    }
  }
  for (std::size_t i = 0; i < subcommands.size(); ++i) {
    if (subcommands[i] != nullptr && subcommands[i]->parsed() && runners[i]) {
      return runners[i]();
    }
  }
  return kExitError;
}

}  // namespace
}  // namespace papers::cli

int main(int argc, char** argv) {
  papers::cli::reserve_stderr();
  // Into a pipe or a file, stdio would write 4 KiB at a time: 3,000
  // write() calls for the JSON lines of a 10 MB archive. A terminal stays
  // line-buffered, so what is printed there shows at once.
  if (isatty(STDOUT_FILENO) == 0) {
    static char buffer[std::size_t{1} << 16];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  }
  try {
    return papers::cli::run(argc, argv);
  } catch (const std::bad_alloc&) {
    // Formatting could need the memory there is none of.
    papers::cli::print_stderr("papers: out of memory\n");
    return papers::cli::kExitError;
  } catch (const std::exception& e) {
    papers::cli::eprint("papers: internal error: {}\n", e.what());
    return papers::cli::kExitError;
  }
}
