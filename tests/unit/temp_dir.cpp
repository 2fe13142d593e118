#include "temp_dir.hpp"

#include "dump.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <system_error>

namespace papers::test {

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "papers-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(std::string_view relative,
                                     std::string_view text) const {
  const auto file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  write_file(file, text);
  return file;
}

}  // namespace papers::test
