// Test support: a temporary directory, removed with its content at the end
// of the scope, and a helper to write files into it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace papers::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `text` to `relative` below the directory, creating parents.
  std::filesystem::path write(std::string_view relative,
                              std::string_view text = "") const;

 private:
  std::filesystem::path path_;
};

}  // namespace papers::test
