// Loading: finds the inputs, reads each one through the digest parser and
// collects the records into a PaperTable, with the diagnostics of every file
// in input order and the errors of the paths that could not be read.
#pragma once

#include <papers/digest_parser.hpp>
#include <papers/error.hpp>
#include <papers/paper.hpp>
#include <papers/paper_table.hpp>

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace papers {

/// What one input was read as.
struct InputInfo {
  std::string_view layout;  ///< DigestParser::layout()
  std::size_t papers = 0;   ///< records it gave
};

struct LoadResult {
  PaperTable table;
  std::vector<Diagnostic> diagnostics;  ///< warnings, in input order
  std::vector<Error> errors;            ///< unreadable paths, binary inputs
  std::vector<std::string> inputs;      ///< names of the inputs read, in order
  std::vector<InputInfo> input_info;    ///< beside `inputs`
};

/// Loads every input named by `paths` (see find_inputs()). An input that
/// changed while it was read is read again; one that kept changing is used
/// as last read, with the warning `changed-while-reading`.
/// An exception thrown while reading (std::bad_alloc) reaches the caller
/// once every worker thread has stopped.
LoadResult load_inputs(std::span<const std::string> paths,
                       ParseOptions options = {});

/// Tests only: called with an input's path before each read of it (see
/// InputReader::before_read).
using ReadHook = std::function<void(const std::string& path)>;

/// load_inputs() calling `before_read` before each read of an input.
LoadResult load_inputs(std::span<const std::string> paths,
                       const ReadHook& before_read,
                       ParseOptions options = {});

/// Parses one in-memory digest named `name` into `out` (for tests and tools).
void load_buffer(std::string_view name,
                 std::string_view bytes,
                 LoadResult& out,
                 ParseOptions options = {});

}  // namespace papers
