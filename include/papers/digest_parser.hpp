// The digest parser: a streaming, line-oriented reader of the Daily Papers
// digest format (docs: digest-format.md, summarised in the man page). Feed
// it bytes in chunks of any size; it hands each Paper to a sink as soon as
// the entry closes and reports every irregularity as a Diagnostic. The
// result never depends on how the input was chunked.
#pragma once

#include <papers/paper.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// Receives finished papers; return false to stop parsing.
class PaperSink {
 public:
  virtual ~PaperSink() = default;
  virtual bool on_paper(Paper&& paper) = 0;
};

/// Receives diagnostics in input order.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void on_diagnostic(Diagnostic&& diagnostic) = 0;
};

/// Which layouts a parser may read a file as.
enum class LayoutChoice {
  kAuto,       ///< canonical when the first lines say so, else any (layouts.md)
  kCanonical,  ///< the canonical grammar only (digest-format.md)
};

struct ParseOptions {
  LayoutChoice layout = LayoutChoice::kAuto;
};

class DigestParser {
 public:
  /// `file` names the input in diagnostics and records; a `YYYY-MM-DD.md`
  /// or `YYYY/MM/DD.md` name is checked against the section dates (and,
  /// in other layouts, gives the digest's date when nothing inside does).
  DigestParser(std::string file,
               PaperSink& papers,
               DiagnosticSink& diagnostics,
               ParseOptions options = {});
  ~DigestParser();
  DigestParser(const DigestParser&) = delete;
  DigestParser& operator=(const DigestParser&) = delete;

  /// Parses the next chunk of the input. What the records keep of it is
  /// copied: the chunk may go once the call returns.
  void feed(std::string_view chunk);
  /// Parses bytes that stay where they are for as long as `owner` lives
  /// (a file read whole): the records point into them instead of copying, and
  /// keep `owner` alive. The result is the one feed() would give.
  void feed_stable(std::string_view bytes, std::shared_ptr<const void> owner);
  /// Ends the input: flushes the last line and the last paper.
  void finish();
  /// True when the input was found to be binary (a NUL byte, or more than
  /// a third of its first 8 KiB not UTF-8 text): the parser stopped
  /// emitting papers, and the caller should drop the file's records.
  bool binary() const;
  /// The layout the file was read as, once finish() returned: "canonical",
  /// "headed-entries", "numbered-items", "note", or "none" (no paper).
  std::string_view layout() const;

 private:
  struct State;

  std::unique_ptr<State> state_;
};

}  // namespace papers
