// The layout of --help: option descriptions wrapped to the terminal width
// (COLUMNS, else the terminal's size, else 80), never inside a word, and
// option names with their value names alone (`--author NAME`,
// `--per PERIOD N`), without CLI11's `x 2`, `...`, `=default`,
// `:{choices}` or `Excludes:` annotations: the descriptions say those.
#include "commands.hpp"
#include "text_width.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace papers::cli {
namespace {

constexpr std::size_t kNameColumn = 30;
// Narrower than this, a description goes under its option's name.
constexpr std::size_t kSideBySide = 60;
constexpr std::size_t kUnderIndent = 8;

// Greedy wrap of `paragraph` (words separated by spaces) into lines of at
// most `columns`; a word wider than a line gets a line of its own, whole.
std::vector<std::string> wrap_words(std::string_view paragraph,
                                    std::size_t columns) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;
  while (!paragraph.empty()) {
    const auto start = paragraph.find_first_not_of(' ');
    if (start == std::string_view::npos) {
      break;
    }
    paragraph.remove_prefix(start);
    const auto end = std::min(paragraph.find(' '), paragraph.size());
    const std::string_view word = paragraph.substr(0, end);
    paragraph.remove_prefix(end);
    const std::size_t width = display_width(word);
    if (used > 0 && used + 1 + width > columns) {
      lines.push_back(std::move(line));
      line.clear();
      used = 0;
    }
    if (used > 0) {
      line += ' ';
      ++used;
    }
    line += word;
    used += width;
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::size_t help_width() {
  if (const char* columns = std::getenv("COLUMNS");
      columns != nullptr && *columns != '\0') {
    const std::string_view text(columns);
    std::size_t width = 0;
    const auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), width);
    if (end == text.data() + text.size()
        && ec == std::errc::result_out_of_range) {
      return kMaxHelpWidth;
    }
    if (ec == std::errc{} && end == text.data() + text.size() && width > 0) {
      return std::min(width, kMaxHelpWidth);
    }
  }
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 80;
}

std::string wrap_help(std::string_view text, std::size_t columns) {
  // Lines that start with a space are laid out by hand (lists, examples)
  // and kept; the others are prose, joined into paragraphs and refilled.
  std::vector<std::string> out;
  std::string paragraph;
  const auto flush = [&] {
    if (!paragraph.empty()) {
      for (auto& line : wrap_words(paragraph, columns)) {
        out.push_back(std::move(line));
      }
      paragraph.clear();
    }
  };
  while (true) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    if (line.empty() || line.front() == ' ') {
      flush();
      out.emplace_back(line);
    } else {
      paragraph += paragraph.empty() ? "" : " ";
      paragraph += line;
    }
    if (newline == std::string_view::npos) {
      break;
    }
    text.remove_prefix(newline + 1);
  }
  flush();
  std::string joined;
  for (std::size_t i = 0; i < out.size(); ++i) {
    joined += i == 0 ? "" : "\n";
    joined += out[i];
  }
  return joined;
}

HelpFormatter::HelpFormatter() : width_(help_width()) {
  column_width(kNameColumn);
}

std::string HelpFormatter::two_columns(const std::string& name,
                                       const std::string& description) const {
  std::string out = "  " + name;
  if (description.empty()) {
    return out + "\n";
  }
  const bool side = width_ >= kSideBySide;
  const std::size_t indent = side ? kNameColumn : kUnderIndent;
  const std::string text =
      wrap_help(description, width_ > indent ? width_ - indent : 1);
  if (side && out.size() < kNameColumn) {
    out.append(kNameColumn - out.size(), ' ');
  } else {
    out += '\n';
    out.append(indent, ' ');
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n') {
      out.append(indent, ' ');
    }
  }
  return out + "\n";
}

std::string HelpFormatter::make_option(const CLI::Option* opt,
                                       bool is_positional) const {
  // `TERM...` for a positional that takes several.
  const bool several = is_positional && opt->get_expected_max() > 1;
  return two_columns(make_option_name(opt, is_positional)
                         + (several ? "..." : "") + make_option_opts(opt),
                     make_option_desc(opt));
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  if (opt->get_positional() || opt->get_type_size() == 0) {
    return {};
  }
  // The value names alone: `FORMAT`, not `FORMAT:{table,...}=table`.
  std::string type = opt->get_type_name();
  type = type.substr(0, type.find(':'));
  return type.empty() ? std::string() : " " + type;
}

std::string HelpFormatter::make_option_name(const CLI::Option* opt,
                                            bool is_positional) const {
  return is_positional ? opt->get_name(true, false)
                       : opt->get_name(false, true);
}

std::string HelpFormatter::make_option_desc(const CLI::Option* opt) const {
  std::string description = opt->get_description();
  const std::string& fallback = opt->get_default_str();
  if (!fallback.empty() && description.find("default") == std::string::npos
      && description.find("Default") == std::string::npos) {
    description += " (default: " + fallback + ")";
  }
  return description;
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return two_columns(sub->get_display_name(true), sub->get_description());
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string description = app->get_description();
  return description.empty() ? std::string()
                             : wrap_help(description, width_) + "\n";
}

}  // namespace papers::cli
