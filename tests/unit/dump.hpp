// Test support: runs the digest parser over a buffer fed in chunks of a
// given size, and dumps what it produced (records, diagnostics, the binary
// flag) as canonical, human-readable text, one field per line, with every
// string escaped so that control characters and replacement characters are
// visible. The parser goldens in testdata/parser/*.expected are such dumps.
#pragma once

#include <papers/paper.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace papers::test {

/// Everything one parser run produced, in the order it was produced.
struct ParseOutput {
  std::string name;  ///< the file name the parser was given
  std::vector<Paper> papers;
  std::vector<Diagnostic> diagnostics;
  bool binary = false;
};

/// Parses `bytes` as the file `name`, fed `chunk_size` bytes at a time
/// (0: the whole buffer in one feed() call).
ParseOutput parse_chunked(std::string_view name,
                          std::string_view bytes,
                          std::size_t chunk_size = 0);

/// Parses `bytes` as the file `name` through feed_stable(), as a mapped
/// file is read: the records may point into `bytes`, which must outlive them.
ParseOutput parse_stable(std::string_view name, std::string_view bytes);

/// `text` between double quotes, with `"` `\` and control characters
/// escaped (`\n`, `\t`, `\r`, `\b`, `\f`, `\xHH`), invisible or suspicious
/// code points as `\u{HHHH}` (C1 controls, BOM, U+FFFD, zero-width and
/// line-separator characters) and bytes of invalid UTF-8 as `\xHH`.
std::string quote(std::string_view text);

/// The canonical dump of one parser run.
std::string dump(const ParseOutput& output);

/// The whole content of a file, as bytes; throws when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Writes `text` to a file, replacing it; throws on failure.
void write_file(const std::filesystem::path& path, std::string_view text);

/// "" when the two texts are equal, else where they first differ (line
/// number and both lines), for a readable failure message.
std::string first_difference(std::string_view expected,
                             std::string_view actual);

}  // namespace papers::test
