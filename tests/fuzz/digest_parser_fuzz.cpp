// Fuzz target: the digest parser on any bytes, fed whole and in chunks of
// sizes drawn from the input. Properties: no crash, no sanitizer report,
// and the chunked parse gives exactly the records and diagnostics of the
// whole-buffer parse.
#include <papers/digest_parser.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

struct Collect final : papers::PaperSink, papers::DiagnosticSink {
  std::vector<papers::Paper> papers;
  std::vector<papers::Diagnostic> diagnostics;

  bool on_paper(papers::Paper&& p) override {
    papers.push_back(std::move(p));
    return true;
  }

  void on_diagnostic(papers::Diagnostic&& d) override {
    diagnostics.push_back(std::move(d));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte seeds the chunk sizes; the rest is the digest.
  const std::uint8_t seed = data[0];
  const std::string_view input(reinterpret_cast<const char*>(data + 1),
                               size - 1);

  Collect whole;
  {
    papers::DigestParser parser("2024-02-07.md", whole, whole);
    parser.feed(input);
    parser.finish();
  }
  Collect chunked;
  {
    papers::DigestParser parser("2024-02-07.md", chunked, chunked);
    std::size_t pos = 0;
    std::uint32_t state = seed;
    while (pos < input.size()) {
      state = state * 1103515245U + 12345U;
      const std::size_t n = 1 + (state >> 16) % 97;
      const std::size_t take = n < input.size() - pos ? n : input.size() - pos;
      parser.feed(input.substr(pos, take));
      pos += take;
    }
    parser.finish();
  }
  if (whole.papers != chunked.papers
      || whole.diagnostics != chunked.diagnostics) {
    std::abort();
  }
  return 0;
}
