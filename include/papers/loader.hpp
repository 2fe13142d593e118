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

/// Decides, in the worker thread that parsed it, whether a record is kept
/// in the table (query.hpp: record_filter()). Each worker gets its own
/// from the factory, so it may keep caches.
using RecordFilter = std::function<bool(const Paper&)>;
using RecordFilterFactory = std::function<RecordFilter()>;

/// How load_inputs() reads.
struct LoadOptions {
  ParseOptions parse;
  /// Empty: every record is kept. Else the records it rejects are dropped
  /// as soon as they are parsed, leaving only their key (DroppedRecord),
  /// so that repeats and the newest date come out as without it.
  RecordFilterFactory filter;
  /// Keep only the best records (query.hpp: keep_best()) of those the
  /// filter passes: the table keeps those, as copies, and every key.
  KeepBest keep;
  /// Worker threads; 0: one per core, at most 16. The result is the same
  /// for any number.
  unsigned threads = 0;
};

struct LoadResult {
  PaperTable table;
  std::size_t filtered = 0;             ///< records LoadOptions::filter dropped
  std::vector<Diagnostic> diagnostics;  ///< warnings, in input order
  std::vector<Error> errors;            ///< unreadable paths, binary inputs
  std::vector<std::string> inputs;      ///< names of the inputs read, in order
  std::vector<InputInfo> input_info;    ///< beside `inputs`
};

/// Loads every input named by `paths` (see find_inputs()). An input that
/// changed while it was read is read again; one that kept changing is used
/// as last read, with the warning `changed-while-reading`.
/// Each input's records go to the table as soon as it and every input
/// before it are parsed, so what waits is a few inputs, not all of them.
/// With a filter or a bound, the records kept are copies of their own
/// (with_own_text()): no read buffer outlives the parse of its inputs.
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

/// load_inputs() with a filter and a thread count.
LoadResult load_inputs(std::span<const std::string> paths,
                       const LoadOptions& options,
                       const ReadHook& before_read = {});

/// Parses one in-memory digest named `name` into `out` (for tests and tools).
void load_buffer(std::string_view name,
                 std::string_view bytes,
                 LoadResult& out,
                 ParseOptions options = {});

}  // namespace papers
