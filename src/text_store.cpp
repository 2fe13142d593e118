#include "text_store.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace papers {
namespace {

// Blocks start small, since most inputs are read whole and their store holds
// only the file name and a few decoded titles (a year of digests is
// thousands of stores), and double up to a size at which a file read from
// a pipe needs few blocks.
constexpr std::size_t kFirstBlockSize = 256;
constexpr std::size_t kBlockSize = 16 * 1024;

}  // namespace

std::string_view TextStore::copy(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  if (text.size() > left_) {
    const std::size_t size = block_size_ == 0
                                 ? kFirstBlockSize
                                 : std::min(kBlockSize, 2 * block_size_);
    if (text.size() > size / 4) {
      // A large piece gets a block of its own; the current one stays open.
      auto& block = blocks_.emplace_back(new char[text.size()]);
      std::memcpy(block.get(), text.data(), text.size());
      return {block.get(), text.size()};
    }
    next_ = blocks_.emplace_back(new char[size]).get();
    left_ = size;
    block_size_ = size;
  }
  std::memcpy(next_, text.data(), text.size());
  const std::string_view out(next_, text.size());
  next_ += text.size();
  left_ -= text.size();
  return out;
}

void TextStore::hold(std::shared_ptr<const void> owner) {
  held_.push_back(std::move(owner));
}

}  // namespace papers
