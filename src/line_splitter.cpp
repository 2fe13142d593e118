#include "line_splitter.hpp"

#include <cstring>

namespace papers {

std::size_t find_line_end(std::string_view s, std::size_t from) {
  const char* begin = s.data() + from;
  const std::size_t n = s.size() - from;
  const auto* lf = static_cast<const char*>(std::memchr(begin, '\n', n));
  // A lone CR is rare: look for one only before the LF (or to the end).
  const std::size_t span = lf ? static_cast<std::size_t>(lf - begin) : n;
  const auto* cr = static_cast<const char*>(std::memchr(begin, '\r', span));
  const char* hit = cr ? cr : lf;
  return hit ? static_cast<std::size_t>(hit - s.data())
             : std::string_view::npos;
}

}  // namespace papers
