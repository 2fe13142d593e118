// papers help [TOPIC]: the help of a command (the same text as
// `papers COMMAND --help`), of the main program, or of the output formats.
#include "commands.hpp"

#include <memory>

namespace papers::cli {

std::function<int()> setup_help(CLI::App& cmd) {
  auto topic = std::make_shared<std::string>();
  cmd.add_option("TOPIC",
                 *topic,
                 "A command (papers help top is papers top --help), or "
                 "'formats' for the output formats and fields");
  cmd.footer(
      R"(Examples:
  papers help
  papers help search
  papers help formats)");
  CLI::App* app = cmd.get_parent();
  return [topic, app] {
    if (topic->empty()) {
      // Not app->help(): it hands over to the command being run (help).
      return write_stdout(app->get_formatter()->make_help(
                 app, app->get_name(), CLI::AppFormatMode::Normal))
                 ? kExitMatch
                 : kExitError;
    }
    if (*topic == "formats") {
      return write_stdout(formats_help()) ? kExitMatch : kExitError;
    }
    std::vector<std::string_view> names{"formats"};
    for (const CLI::App* sub : app->get_subcommands({})) {
      if (sub->get_name() == *topic) {
        return write_stdout(sub->help(app->get_name())) ? kExitMatch
                                                        : kExitError;
      }
      names.emplace_back(sub->get_name());
    }
    const std::string hint = did_you_mean(*topic, names);
    return usage_error(Error{fmt::format(
        "'{}' is not a command or help topic{}",
        *topic,
        hint.empty() ? "; 'papers --help' lists the commands" : hint)});
  };
}

}  // namespace papers::cli
