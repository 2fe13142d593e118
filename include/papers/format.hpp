// Output formats: one writer per format behind one entry point. Writers
// know nothing of files, argv or terminals; the caller says how wide the
// output may be and whether it goes to a terminal.
#pragma once

#include <papers/paper.hpp>

#include <span>
#include <string>
#include <string_view>

namespace papers {

enum class OutputFormat {
  kTable,  ///< aligned columns for people
  kJson,   ///< one JSON array of records
  kJsonl,  ///< one JSON record per line
};

/// The names --format accepts, in OutputFormat order.
std::span<const std::string_view> output_format_names();

struct FormatOptions {
  bool terminal = false;  ///< output goes to a terminal: sanitise control chars
};

/// Writes `papers` in `format` to `out`.
void format_papers(OutputFormat format,
                   std::span<const Paper* const> papers,
                   const FormatOptions& options,
                   std::string& out);

/// Appends one record as a JSON object (the schema in the man page).
void append_json_record(const Paper& paper, std::string& out);

/// Appends `text` as a JSON string: quoted, escaped, valid UTF-8.
void append_json_string(std::string_view text, std::string& out);

}  // namespace papers
