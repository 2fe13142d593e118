// Fuzz target: the author-list parser (comma form and the bracketed
// list-literal form) on any bytes. Properties: no crash; every name is
// non-empty, trimmed, not `+`, and appears once.
#include <papers/paper.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto authors = papers::parse_authors(text);
  for (const auto& a : authors) {
    const bool trimmed = a.front() != ' ' && a.back() != ' '
                         && a.front() != '\t' && a.back() != '\t';
    if (a.empty() || a == "+" || !trimmed
        || std::count(authors.begin(), authors.end(), a) != 1) {
      std::abort();
    }
  }
  return 0;
}
