// Loading: finds the inputs, reads each one through the digest parser and
// collects the records into a PaperTable, with the diagnostics of every file
// in input order and the errors of the paths that could not be read.
#pragma once

#include <papers/error.hpp>
#include <papers/paper.hpp>
#include <papers/paper_table.hpp>

#include <span>
#include <string>
#include <vector>

namespace papers {

struct LoadResult {
  PaperTable table;
  std::vector<Diagnostic> diagnostics;  ///< warnings, in input order
  std::vector<Error> errors;            ///< unreadable paths
  std::vector<std::string> inputs;      ///< names of the inputs read, in order
};

/// Loads every input named by `paths` (see find_inputs()).
LoadResult load_inputs(std::span<const std::string> paths);

/// Parses one in-memory digest named `name` into `out` (for tests and tools).
void load_buffer(std::string_view name,
                 std::string_view bytes,
                 LoadResult& out);

}  // namespace papers
