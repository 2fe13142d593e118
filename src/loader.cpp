#include <papers/digest_parser.hpp>
#include <papers/loader.hpp>
#include <papers/source.hpp>

namespace papers {
namespace {

// Collects one file's records and diagnostics, so that a file found to be
// binary half-way through can be dropped whole.
class FileCollector final : public PaperSink, public DiagnosticSink {
 public:
  explicit FileCollector(LoadResult& out) : out_(out) {}

  bool on_paper(Paper&& paper) override {
    papers_.push_back(std::move(paper));
    return true;
  }

  void on_diagnostic(Diagnostic&& diagnostic) override {
    diagnostics_.push_back(std::move(diagnostic));
  }

  /// Hands the file's records and diagnostics to the result. A binary file
  /// is skipped whole: no records, and of its diagnostics only the last,
  /// which says so (the parser reports nothing after the NUL byte), since
  /// the others describe text that is not used.
  void commit(bool binary) {
    if (binary) {
      if (!diagnostics_.empty()) {
        out_.diagnostics.push_back(std::move(diagnostics_.back()));
      }
    } else {
      for (auto& diagnostic : diagnostics_) {
        out_.diagnostics.push_back(std::move(diagnostic));
      }
      for (auto& paper : papers_) {
        out_.table.add(std::move(paper));
      }
    }
    papers_.clear();
    diagnostics_.clear();
  }

 private:
  LoadResult& out_;
  std::vector<Paper> papers_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

void load_buffer(std::string_view name,
                 std::string_view bytes,
                 LoadResult& out) {
  FileCollector collector(out);
  DigestParser parser(std::string(name), collector, collector);
  parser.feed(bytes);
  parser.finish();
  collector.commit(parser.binary());
  out.inputs.emplace_back(name);
}

LoadResult load_inputs(std::span<const std::string> paths) {
  LoadResult out;
  InputList inputs = find_inputs(paths);
  out.errors = std::move(inputs.errors);
  for (const auto& path : inputs.files) {
    FileCollector collector(out);
    DigestParser parser(display_name(path), collector, collector);
    auto read = read_input(
        path, [&parser](std::string_view chunk) { parser.feed(chunk); });
    if (!read) {
      out.errors.push_back(read.error());
      continue;
    }
    parser.finish();
    collector.commit(parser.binary());
    out.inputs.push_back(display_name(path));
  }
  return out;
}

}  // namespace papers
