// The bytes behind Paper's views: the input itself when it stays in memory
// (a file read whole, held here), and an arena for text that had to be made
// (decoded titles and names, joined continuation lines, repaired UTF-8,
// and everything read from a pipe). Records of one input share one store
// through Paper::bytes; nothing in it moves or is freed before the last of
// them goes.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace papers {

class TextStore {
 public:
  TextStore() = default;
  TextStore(const TextStore&) = delete;
  TextStore& operator=(const TextStore&) = delete;

  /// A copy of `text` that lives as long as the store.
  std::string_view copy(std::string_view text);

  /// Keeps `owner` (say, a file mapping) alive as long as the store.
  void hold(std::shared_ptr<const void> owner);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t block_size_ = 0;  ///< of the block `next_` points into
  std::vector<std::shared_ptr<const void>> held_;
};

}  // namespace papers
