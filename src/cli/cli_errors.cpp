// Usage errors in one voice: CLI11's exceptions and leftover arguments
// turned into `papers: error: ...` in the project's words, naming the
// option before the bad value, with the nearest command or option when a
// name was mistyped.
#include "commands.hpp"

#include <algorithm>

namespace papers::cli {
namespace {

bool looks_like_option(std::string_view arg) {
  if (arg.size() < 2 || arg[0] != '-') {
    return false;
  }
  // A negative number is a value, not an option.
  return !(arg[1] >= '0' && arg[1] <= '9');
}

// Every spelling of every option of `cmd`: `--limit`, `-n`.
std::vector<std::string> option_spellings(const CLI::App& cmd) {
  std::vector<std::string> out;
  for (const CLI::Option* option : cmd.get_options()) {
    for (const auto& name : option->get_lnames()) {
      out.push_back("--" + name);
    }
    for (const auto& name : option->get_snames()) {
      out.push_back("-" + name);
    }
  }
  return out;
}

const CLI::Option* find_option(const CLI::App& cmd, std::string_view name) {
  for (const CLI::Option* option : cmd.get_options()) {
    for (const auto& l : option->get_lnames()) {
      if (name == "--" + l) {
        return option;
      }
    }
    for (const auto& s : option->get_snames()) {
      if (name == "-" + s) {
        return option;
      }
    }
  }
  return nullptr;
}

bool takes_arguments(const CLI::App& cmd) {
  for (const CLI::Option* option : cmd.get_options()) {
    if (option->get_positional()) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string unknown_option_message(const CLI::App& cmd, std::string_view arg) {
  const std::string_view name = arg.substr(0, arg.find('='));
  const auto spellings = option_spellings(cmd);
  const std::vector<std::string_view> views(spellings.begin(), spellings.end());
  std::string message = fmt::format("unknown option '{}'", name);
  const std::string hint = did_you_mean(name, views);
  message += hint;
  if (hint.empty() && takes_arguments(cmd) && !cmd.get_name().empty()) {
    message += fmt::format(
        " (an argument that starts with '-' goes after '--': papers {} -- {})",
        cmd.get_name(),
        arg);
  }
  return message;
}

std::string leftover_message(const CLI::App& cmd,
                             std::span<const std::string> args,
                             std::span<const std::string> leftovers) {
  const std::string& first = leftovers.front();
  if (looks_like_option(first)) {
    return unknown_option_message(cmd, first);
  }
  std::string message = fmt::format("unexpected argument '{}'", first);
  // Where it stands: after an option's value, it is most likely the rest
  // of a value with spaces that was not quoted.
  const auto at = std::find(args.begin(), args.end(), first);
  if (at != args.end()) {
    auto option = at;
    while (option != args.begin() && !looks_like_option(*option)) {
      --option;
    }
    const CLI::Option* found =
        looks_like_option(*option) ? find_option(cmd, *option) : nullptr;
    if (found != nullptr && found->get_items_expected_max() > 0
        && option + 1 < at) {
      std::vector<std::string> words(option + 1, at + 1);
      for (auto next = at + 1; next != args.end() && !looks_like_option(*next);
           ++next) {
        words.push_back(*next);
      }
      const bool name = *option == "--author";
      return message
             + fmt::format(" (quote a {} with spaces: {} \"{}\")",
                           name ? "name" : "value",
                           *option,
                           join_words(words, " "));
    }
  }
  if (!takes_arguments(cmd)) {
    message += fmt::format(
        " ('papers {}' takes no arguments; see 'papers {} "
        "--help')",
        cmd.get_name(),
        cmd.get_name());
  }
  return message;
}

std::string parse_error_message(const CLI::ParseError& error,
                                const CLI::App* cmd,
                                std::span<const std::string> args) {
  // CLI11's messages are taken apart by hand, not with std::regex, whose
  // recursion a long argument could overflow.
  const std::string what = error.what();
  const std::string kind = error.get_name();
  const bool top_level = cmd == nullptr || cmd->get_name().empty();
  if (kind == "RequiredError") {
    if (top_level) {
      return "no command given; 'papers --help' lists them";
    }
    // `search -based`: the unknown option is the real problem.
    auto leftovers = cmd->remaining();
    std::erase(leftovers, std::string("--"));
    if (!leftovers.empty()) {
      return leftover_message(*cmd, args, leftovers);
    }
    const auto is = what.rfind(" is required");
    if (is != std::string::npos && is + 12 == what.size()) {
      const std::string missing = what.substr(0, is);
      const bool vowel = !missing.empty()
                         && std::string_view("AEIOU").find(missing[0])
                                != std::string_view::npos;
      return fmt::format("'papers {}' needs {}{} (see 'papers {} --help')",
                         cmd->get_name(),
                         missing.starts_with('-') ? ""
                         : vowel                  ? "an "
                                                  : "a ",
                         missing,
                         cmd->get_name());
    }
  }
  const auto colon = what.find(": ");
  const std::string name = what.substr(0, colon);
  const std::string rest =
      colon == std::string::npos ? std::string() : what.substr(colon + 2);
  if (kind == "ConversionError" && name == "Could not convert") {
    const auto eq = rest.find(" = ");
    if (eq != std::string::npos) {
      const std::string option_name = rest.substr(0, eq);
      const std::string value = rest.substr(eq + 3);
      const CLI::Option* option =
          cmd != nullptr ? find_option(*cmd, option_name) : nullptr;
      if (option != nullptr && option->get_items_expected_max() == 0) {
        return fmt::format(
            "{} takes no value (given '{}')", option_name, value);
      }
      const bool digits =
          !value.empty()
          && value.find_first_not_of("+-0123456789") == std::string::npos;
      return fmt::format("{}: '{}' is {}",
                         option_name,
                         value,
                         digits ? "too large a number" : "not a number");
    }
  }
  if (kind == "ValidationError" && colon != std::string::npos) {
    if (const auto in = rest.rfind(" not in {");
        in != std::string::npos && rest.ends_with('}')) {
      std::vector<std::string> choices;
      const std::string list = rest.substr(in + 9, rest.size() - in - 10);
      for (std::size_t start = 0; start <= list.size();) {
        const auto comma = std::min(list.find(',', start), list.size());
        choices.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
      const std::vector<std::string_view> views(choices.begin(), choices.end());
      const std::string value = rest.substr(0, in);
      return fmt::format("{}: '{}' is not one of {}{}",
                         name,
                         value,
                         join_words(choices, ", "),
                         did_you_mean(value, views));
    }
    if (const auto range = rest.rfind(" not in range ");
        rest.starts_with("Value ") && range != std::string::npos) {
      const std::string bounds = rest.substr(range + 14);
      const auto to = bounds.find(" to ");
      return fmt::format(
          "{}: '{}' is not a number from {} to {}",
          name,
          rest.substr(6, range - 6),
          bounds.substr(0, to),
          to == std::string::npos ? std::string() : bounds.substr(to + 4));
    }
    if (rest == "empty value") {
      return fmt::format("{}: the value is empty", name);
    }
    return fmt::format("{}: {}", name, rest);
  }
  if (const auto excludes = what.find(" excludes ");
      kind == "ExcludesError" && excludes != std::string::npos) {
    return fmt::format("{} cannot be combined with {}",
                       what.substr(0, excludes),
                       what.substr(excludes + 10));
  }
  if (kind == "ArgumentMismatch" && colon != std::string::npos) {
    const auto required = rest.find(" required ");
    const auto missing = rest.rfind(" missing");
    if (required != std::string::npos && missing != std::string::npos
        && missing > required) {
      return fmt::format("{} needs a value ({})",
                         name,
                         rest.substr(required + 10, missing - required - 10));
    }
  }
  return what;
}

}  // namespace papers::cli
