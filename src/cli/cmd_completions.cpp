// `papers completions bash|zsh|fish`: shell completion scripts generated
// from the CLI11 definition itself, so they cannot drift from the options.
// Choices come from each option's IsMember validator (its type name reads
// `FORMAT:{table,json}`), and options whose value is a PATH complete files.
#include "commands.hpp"

#include <fmt/format.h>

#include <memory>

namespace papers::cli {
namespace {

struct OptionInfo {
  std::vector<std::string> names;  // "--format", "-f"
  std::string description;
  bool takes_value = false;
  bool is_path = false;
  bool list = false;  // a comma list of the choices: --fields a,b,c
  std::vector<std::string> choices;
};

struct CommandInfo {
  std::string name;
  std::string description;
  std::vector<OptionInfo> options;
  bool positional_paths = false;
  std::vector<std::string> positional_choices;
};

// The values an option takes, from its type name: `NAME:{a,b,c}` (an
// IsMember validator) or `a|b|c` (choices checked when the query compiles).
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  auto split = [&out](std::string_view list, char sep) {
    std::string item;
    for (char c : list) {
      if (c == sep) {
        out.push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
    if (!item.empty()) {
      out.push_back(item);
    }
  };
  const auto open = type_name.find('{');
  const auto close = type_name.find('}', open);
  if (open != std::string::npos && close != std::string::npos) {
    split(std::string_view(type_name).substr(open + 1, close - open - 1), ',');
    return out;
  }
  const bool alternatives =
      type_name.find('|') != std::string::npos
      && type_name.find_first_not_of("abcdefghijklmnopqrstuvwxyz|")
             == std::string::npos;
  if (alternatives) {
    split(type_name, '|');
  }
  return out;
}

// One line of help for a completion menu: the option's help with its
// lines joined, cut at a word boundary.
std::string one_line(std::string_view text) {
  constexpr std::size_t kMax = 72;
  std::string out;
  for (char c : text) {
    const bool space = c == '\n' || c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) {
      continue;
    }
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  if (out.size() > kMax) {
    auto cut = out.rfind(' ', kMax - 1);
    out.resize(cut == std::string::npos ? kMax - 1 : cut);
    while (!out.empty()
           && (out.back() == ',' || out.back() == ':' || out.back() == ';')) {
      out.pop_back();
    }
    out += "...";
  }
  return out;
}

std::vector<CommandInfo> describe(const CLI::App& root) {
  std::vector<CommandInfo> commands;
  for (const CLI::App* sub :
       root.get_subcommands([](const CLI::App*) { return true; })) {
    CommandInfo info{sub->get_name(), sub->get_description(), {}, false, {}};
    for (const CLI::Option* opt : sub->get_options()) {
      const std::string type = opt->get_type_name();
      if (opt->get_positional()) {
        info.positional_paths =
            info.positional_paths || type.starts_with("PATH");
        const auto choices = choices_of(type);
        info.positional_choices.insert(
            info.positional_choices.end(), choices.begin(), choices.end());
        continue;
      }
      OptionInfo o;
      for (const auto& l : opt->get_lnames()) {
        o.names.push_back("--" + l);
      }
      for (const auto& s : opt->get_snames()) {
        o.names.push_back("-" + s);
      }
      o.description = one_line(opt->get_description());
      o.takes_value = opt->get_items_expected_max() > 0;
      o.is_path = type.starts_with("PATH");
      o.choices = choices_of(type);
      // Comma lists, whose names are not in their type name.
      if (opt->check_lname("fields")) {
        o.list = true;
        o.choices.assign(field_names().begin(), field_names().end());
      } else if (opt->check_lname("allow")) {
        o.list = true;
        for (const auto& kind : diagnostic_kinds()) {
          o.choices.emplace_back(kind.name);
        }
      }
      info.options.push_back(std::move(o));
    }
    commands.push_back(std::move(info));
  }
  return commands;
}

// Single-quoted for the shells (a ' becomes '\'').
std::string quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  out += '\'';
  return out;
}

std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> names;
  for (const auto& c : commands) {
    names.push_back(c.name);
  }
  std::string values;
  std::string options;
  for (const auto& c : commands) {
    std::vector<std::string> all;
    for (const auto& o : c.options) {
      all.insert(all.end(), o.names.begin(), o.names.end());
      if (!o.takes_value) {
        continue;
      }
      for (const auto& n : o.names) {
        if (o.list) {
          values += fmt::format("    {}:{}) _papers_list {}; return ;;\n",
                                c.name,
                                n,
                                quote(join_words(o.choices, " ")));
        } else if (!o.choices.empty()) {
          values += fmt::format("    {}:{}) _papers_words {}; return ;;\n",
                                c.name,
                                n,
                                quote(join_words(o.choices, " ")));
        } else if (o.is_path) {
          values +=
              fmt::format("    {}:{}) _papers_files; return ;;\n", c.name, n);
        } else {
          values += fmt::format("    {}:{}) return ;;\n", c.name, n);
        }
      }
    }
    options += fmt::format("    {}) opts={}; paths={}; words={} ;;\n",
                           c.name,
                           quote(join_words(all, " ")),
                           c.positional_paths ? 1 : 0,
                           quote(join_words(c.positional_choices, " ")));
  }
  return fmt::format(
      R"(# bash completion for papers (generated by `papers completions bash`)
# The word being completed without its quoting: `my\ d` and `"my d` are
# `my d` (no eval: the word is only ever data).
_papers_dequote() {{
  local s=$1 c
  REPLY=
  while [[ -n $s ]]; do
    c=${{s:0:1}}
    s=${{s:1}}
    case $c in
      \\) REPLY+=${{s:0:1}}; s=${{s:1}} ;;
      \"|\') ;;
      *) REPLY+=$c ;;
    esac
  done
}}
# COMPREPLY from the lines of a command, one reply a line (never split at
# spaces), each after $_papers_prefix.
_papers_reply() {{
  local line
  COMPREPLY=()
  while IFS= read -r line; do
    COMPREPLY+=("$_papers_prefix$line")
  done
}}
_papers_words() {{
  _papers_reply < <(compgen -W "$1" -- "$cur")
}}
# A comma list: complete the item after the last comma, keep the others.
_papers_list() {{
  local done="" item=$cur
  if [[ $cur == *,* ]]; then
    done=${{cur%,*}},
    item=${{cur##*,}}
  fi
  _papers_prefix=$_papers_prefix$done
  _papers_reply < <(compgen -W "$1" -- "$item")
  compopt -o nospace 2>/dev/null
}}
_papers_files() {{
  _papers_dequote "$cur"
  compopt -o filenames 2>/dev/null
  _papers_reply < <(compgen -f -- "$REPLY")
}}
_papers() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
  local cmd="" i opts="" paths=0 words="" _papers_prefix=""
  # --format=VALUE: bash splits it at '=' (COMP_WORDBREAKS) into --format,
  # = and VALUE; else it is one word.
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    prev=${{COMP_WORDS[COMP_CWORD-2]}}
  elif [[ $cur == --*=* ]]; then
    prev=${{cur%%=*}}
    _papers_prefix=$prev=
    cur=${{cur#*=}}
  fi
  # The command: the first word that is neither an option nor the value
  # of an option given before it (papers -d DIR top).
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      -d|--data|--color|--width|-f|--format|--allow) ((i++)) ;;
      -*) ;;
      *) cmd=${{COMP_WORDS[i]}}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    case $prev in
      -d|--data) _papers_files; return ;;
      -f|--format) _papers_words {}; return ;;
      --color) _papers_words 'auto always never'; return ;;
      --width|--allow) return ;;
    esac
    _papers_words {}
    return
  fi
  case "$cmd:$prev" in
{}  esac
  case $cmd in
{}  esac
  if [[ $cur != -* && -n $words ]]; then
    _papers_words "$words"
  elif [[ $cur == -* || $paths == 0 ]]; then
    _papers_words "$opts"
  else
    _papers_files
  fi
}}
complete -F _papers papers
)",
      quote(fmt::format("{}", fmt::join(output_format_names(), " "))),
      quote(join_words(names, " ") + " --help --version"),
      values,
      options);
}

std::string zsh_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') {
      out += '\\';
    }
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out;
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::string list;
  std::string cases;
  for (const auto& c : commands) {
    list += fmt::format("    '{}:{}'\n", c.name, zsh_escape(c.description));
    std::string args;
    for (const auto& o : c.options) {
      std::string action;
      // An option's value in the next word or, after `=` (--format=json)
      // or right after a short option (-fjson), in the same one.
      std::vector<std::string> forms;
      for (const auto& n : o.names) {
        forms.push_back(!o.takes_value        ? n
                        : n.starts_with("--") ? n + "="
                                              : n + "+");
      }
      if (o.takes_value) {
        action = o.list ? fmt::format(":value:_values -s , value {}",
                                      join_words(o.choices, " "))
                 : !o.choices.empty()
                     ? fmt::format(":value:({})", join_words(o.choices, " "))
                 : o.is_path ? ":path:_files"
                             : ":value: ";
      }
      const std::string spec =
          o.names.size() == 1 ? fmt::format(
              "'{}[{}]{}'", forms[0], zsh_escape(o.description), action)
                              : fmt::format("'({0})'{{{1}}}'[{2}]{3}'",
                                            join_words(o.names, " "),
                                            join_words(forms, ","),
                                            zsh_escape(o.description),
                                            action);
      args += "        " + spec + " \\\n";
    }
    if (c.positional_paths) {
      args += "        '*:path:_files' \\\n";
    }
    if (!c.positional_choices.empty()) {
      args += fmt::format("        '1:value:({})' \\\n",
                          join_words(c.positional_choices, " "));
    }
    cases += fmt::format(
        "      {})\n        _arguments \\\n{}        && return 0 ;;\n",
        c.name,
        args);
  }
  return fmt::format(R"(#compdef papers
# zsh completion for papers (generated by `papers completions zsh`)
_papers() {{
  local -a commands
  commands=(
{}  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
{}  esac
}}
_papers "$@"
)",
                     list,
                     cases);
}

std::string fish_script(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> names;
  for (const auto& c : commands) {
    names.push_back(c.name);
  }
  const std::string all = join_words(names, " ");
  std::string out =
      "# fish completion for papers (generated by `papers completions fish`)\n";
  out += "complete -c papers -f\n";
  for (const auto& c : commands) {
    out += fmt::format(
        "complete -c papers -n 'not __fish_seen_subcommand_from {}' -a {} -d "
        "{}\n",
        all,
        c.name,
        quote(c.description));
  }
  for (const auto& c : commands) {
    for (const auto& o : c.options) {
      std::string line = fmt::format(
          "complete -c papers -n '__fish_seen_subcommand_from {}'", c.name);
      for (const auto& n : o.names) {
        line +=
            n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1);
      }
      if (o.takes_value) {
        line += o.is_path ? " -r -F" : " -x";
        if (!o.choices.empty()) {
          line += " -a " + quote(join_words(o.choices, " "));
        }
      }
      line += " -d " + quote(o.description);
      out += line + '\n';
    }
    if (c.positional_paths) {
      out += fmt::format(
          "complete -c papers -n '__fish_seen_subcommand_from {}' -F\n",
          c.name);
    }
    if (!c.positional_choices.empty()) {
      out += fmt::format(
          "complete -c papers -n '__fish_seen_subcommand_from {}' -a {}\n",
          c.name,
          quote(join_words(c.positional_choices, " ")));
    }
  }
  return out;
}

}  // namespace

std::function<int()> setup_completions(CLI::App& cmd) {
  auto shell = std::make_shared<std::string>();
  cmd.add_option("shell", *shell, "The shell: bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd.footer(
      R"(Prints a completion script generated from papers' own option definitions.

Examples:
  source <(papers completions bash)
  papers completions zsh > "${fpath[1]}/_papers"
  papers completions fish > ~/.config/fish/completions/papers.fish)");
  return [shell, &cmd] {
    const auto commands = describe(*cmd.get_parent());
    const std::string script = *shell == "bash"  ? bash_script(commands)
                               : *shell == "zsh" ? zsh_script(commands)
                                                 : fish_script(commands);
    return write_stdout(script) ? kExitMatch : kExitError;
  };
}

}  // namespace papers::cli
