// Finding and reading inputs: files, directories searched recursively for
// digests, and `-` for standard input. Hands over bytes, never lines: a
// whole mapped file, or 64 KiB chunks from a pipe.
#pragma once

#include <papers/error.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// The name standard input gets in diagnostics and records.
inline constexpr std::string_view kStdinName = "<stdin>";

/// The inputs found for a list of paths, and the paths that failed.
struct InputList {
  std::vector<std::string> files;  ///< sorted, without repeats; "-" is stdin
  std::vector<Error> errors;       ///< one per path that could not be used
};

/// Expands paths: a file is taken as it is (whatever its name), a directory
/// is searched recursively for `*.md` and `*.markdown`, skipping hidden
/// entries and symlink loops; `-` means standard input. A directory that
/// holds no digest file is an error.
InputList find_inputs(std::span<const std::string> paths);

/// Reads one input and passes its bytes to `on_chunk`: the whole file at
/// once when it can be mapped, else chunks of at most 64 KiB.
Result<void> read_input(const std::string& path,
                        const std::function<void(std::string_view)>& on_chunk);

/// A whole input in memory: `bytes` stay valid while `owner` lives.
struct MappedInput {
  std::string_view bytes;
  std::shared_ptr<const void> owner;
};

/// Reads one input, opening it once (a FIFO or a `<(...)` path has one
/// reader, so it must not be opened twice): `on_mapped` gets the whole input
/// when it can be mapped (a regular, non-empty file, or standard input when
/// it is one), else `on_chunk` gets chunks of at most 64 KiB.
Result<void> read_input(const std::string& path,
                        const std::function<void(MappedInput&&)>& on_mapped,
                        const std::function<void(std::string_view)>& on_chunk);

/// The name an input has in diagnostics: the path, or "<stdin>" for "-".
std::string display_name(const std::string& path);

}  // namespace papers
