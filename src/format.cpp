#include "format_writers.hpp"

#include <papers/format.hpp>

#include <array>

namespace papers {

std::span<const std::string_view> output_format_names() {
  static constexpr std::array<std::string_view, 3> kNames = {
      "table", "json", "jsonl"};
  return kNames;
}

void format_papers(OutputFormat format,
                   std::span<const Paper* const> papers,
                   const FormatOptions& options,
                   std::string& out) {
  switch (format) {
  case OutputFormat::kTable:
    write_table(papers, options, out);
    return;
  case OutputFormat::kJson:
    write_json(papers, out);
    return;
  case OutputFormat::kJsonl:
    write_jsonl(papers, out);
    return;
  }
}

}  // namespace papers
