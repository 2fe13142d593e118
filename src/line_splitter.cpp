#include "line_splitter.hpp"

#include <algorithm>
#include <cstring>

namespace papers {

std::size_t LineEndFinder::find(char c, std::size_t from) const {
  if (from >= s_.size()) {
    return std::string_view::npos;
  }
  const char* begin = s_.data() + from;
  const auto* hit =
      static_cast<const char*>(std::memchr(begin, c, s_.size() - from));
  return hit ? static_cast<std::size_t>(hit - s_.data())
             : std::string_view::npos;
}

std::size_t LineEndFinder::next(std::size_t from) {
  if (!lf_known_ || (lf_ != std::string_view::npos && lf_ < from)) {
    lf_ = find('\n', from);
    lf_known_ = true;
  }
  if (!cr_known_ || (cr_ != std::string_view::npos && cr_ < from)) {
    cr_ = find('\r', from);
    cr_known_ = true;
  }
  return std::min(lf_, cr_);
}

}  // namespace papers
