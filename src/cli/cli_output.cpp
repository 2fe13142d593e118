#include "commands.hpp"

#include <unistd.h>

namespace papers::cli {
namespace {

OutputFormat parse_format(const std::string& name) {
  const auto names = output_format_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) {
      return static_cast<OutputFormat>(i);
    }
  }
  return OutputFormat::kTable;
}

}  // namespace

void add_output_options(CLI::App& cmd, OutputOptions& options) {
  std::string names;
  for (auto name : output_format_names()) {
    names += names.empty() ? "" : ", ";
    names += name;
  }
  cmd.add_option("-f,--format", options.format, "Output format: " + names)
      ->type_name("FORMAT")
      ->check(CLI::IsMember(std::vector<std::string>(
          output_format_names().begin(), output_format_names().end())))
      ->capture_default_str()
      ->group("Output");
}

bool print_papers(std::span<const Paper* const> rows,
                  const OutputOptions& options) {
  FormatOptions format_options;
  format_options.terminal = isatty(STDOUT_FILENO) != 0;
  std::string out;
  format_papers(parse_format(options.format), rows, format_options, out);
  return write_stdout(out);
}

}  // namespace papers::cli
