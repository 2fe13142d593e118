// Finding and reading inputs: files, directories searched recursively for
// digests, and `-` for standard input. Hands over bytes, never lines: a
// whole small file read into a buffer the records may keep, or chunks of a
// large file, a pipe or a device; never a mapping.
#pragma once

#include <papers/error.hpp>

#include <cstddef>
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

/// A regular file of at most this many bytes is read whole into one buffer
/// that its records may point into; larger files, pipes and devices are
/// read in chunks, so that what one input costs stays bounded.
inline constexpr std::size_t kWholeReadLimit = std::size_t{16} << 20;

/// The size of the chunks of an input read in chunks.
inline constexpr std::size_t kReadChunkSize = std::size_t{256} << 10;

/// How many times an input that changes while it is read is read again
/// from its start before it is taken as it was read last.
inline constexpr int kReadAttempts = 3;

/// A whole input read into memory: `bytes` stay valid while `owner` lives.
/// The bytes are a copy made by read(): nothing maps the file, so a file
/// rewritten or truncated meanwhile changes none of them.
struct OwnedInput {
  std::string_view bytes;
  std::shared_ptr<const void> owner;
};

/// What read_input() hands its bytes to.
struct InputReader {
  /// The whole input, when it is a regular file of 1 to kWholeReadLimit
  /// bytes.
  std::function<void(OwnedInput&&)> on_whole;
  /// Else each chunk (at most kReadChunkSize bytes; the buffer is reused
  /// once the call returns); return false to stop reading the input.
  std::function<bool(std::string_view)> on_chunk;
  /// The input changed while it was read and is read again from its
  /// start: forget what the calls above were given.
  std::function<void()> on_restart;
  /// Tests only: called before each read of the input, once its size and
  /// time are taken, so a test can change the file at that point.
  std::function<void()> before_read;
};

/// How reading an input went.
enum class ReadStatus {
  kComplete,  ///< every byte was read, or on_chunk() stopped the read
  kChanged,   ///< the file changed while read, every attempt: the bytes
              ///< given are those of the last attempt, possibly torn
};

/// Reads one input, opening it once (a FIFO or a `<(...)` path has one
/// reader, so it must not be opened twice), with read() into buffers of
/// our own: never a mapping, which a file truncated meanwhile would turn
/// into SIGBUS. A regular file whose size or modification time differs
/// after the read from before it, or that ends before its size or goes on
/// past it, changed while read: it is read again from its start, up to
/// kReadAttempts times in all.
Result<ReadStatus> read_input(const std::string& path,
                              const InputReader& reader);

/// read_input() with every byte passed to `on_chunk`, the whole input at
/// once when it is read whole (for tests and tools).
Result<ReadStatus> read_input(
    const std::string& path,
    const std::function<void(std::string_view)>& on_chunk);

/// The name an input has in diagnostics: the path, or "<stdin>" for "-".
std::string display_name(const std::string& path);

}  // namespace papers
