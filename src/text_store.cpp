#include "text_store.hpp"

#include <cstring>
#include <utility>

namespace papers {
namespace {

// Small enough that a store for a few decoded titles stays small, large
// enough that a file read from a pipe needs few blocks.
constexpr std::size_t kBlockSize = 16 * 1024;

}  // namespace

std::string_view TextStore::copy(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  if (text.size() > left_) {
    if (text.size() > kBlockSize / 4) {
      // A large piece gets a block of its own; the current one stays open.
      auto& block = blocks_.emplace_back(new char[text.size()]);
      std::memcpy(block.get(), text.data(), text.size());
      return {block.get(), text.size()};
    }
    next_ = blocks_.emplace_back(new char[kBlockSize]).get();
    left_ = kBlockSize;
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
