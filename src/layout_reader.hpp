// The reader of digests in layouts other than the canonical one
// (docs: layouts.md): headed entries, numbered items and one-paper notes,
// read by the principles there rather than by one generator's strings.
// It sees a whole file's lines at once (an entry is known to be a paper
// only once its lines have been read), after the parser has repaired
// their bytes; it reports papers and diagnostics through callbacks.
#pragma once

#include <papers/paper.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

class TextStore;

/// One line of the input: repaired text without its line end, trailing
/// blanks removed, and its number.
struct HeldLine {
  std::string_view text;
  std::uint32_t number = 0;
};

/// What a layout read gives back to the parser.
struct LayoutRead {
  std::string_view layout;  ///< "headed-entries", "numbered-items", "note"
  std::size_t papers = 0;
};

struct LayoutContext {
  std::string_view file;  ///< as named in records (kept in `store`)
  std::string_view path;  ///< the path, for its date
  TextStore* store = nullptr;
  std::shared_ptr<const void> bytes;  ///< what records keep alive
  std::function<bool(Paper&&)> emit;  ///< false: stop
  std::function<void(std::uint32_t, DiagnosticCode, std::string)> warn;
};

/// Reads `lines` as a digest in any layout; every paper goes to
/// `context.emit`, every irregularity to `context.warn`, and a file that
/// gives no paper gets one warning that says why.
LayoutRead read_layout(const std::vector<HeldLine>& lines,
                       const LayoutContext& context);

}  // namespace papers
