#include <papers/source.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

namespace papers {
namespace {

constexpr std::size_t kChunkSize = 64 * 1024;

Error errno_error(const std::string& path) {
  return Error{path + ": " + std::strerror(errno)};
}

bool is_digest_name(std::string_view name) {
  auto ends_with_nocase = [name](std::string_view ext) {
    if (name.size() <= ext.size()) {
      return false;
    }
    const auto tail = name.substr(name.size() - ext.size());
    return std::equal(
        tail.begin(), tail.end(), ext.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a)
                 == b;
        });
  };
  return ends_with_nocase(".md") || ends_with_nocase(".markdown");
}

class Walker {
 public:
  explicit Walker(InputList& out) : out_(out) {}

  /// True when the directory was walked already (given twice, or inside
  /// a directory given before).
  bool walked(const struct stat& st) const {
    return visited_.contains({st.st_dev, st.st_ino});
  }

  void walk(const std::string& dir, const struct stat& st) {
    if (!visited_.insert({st.st_dev, st.st_ino}).second) {
      return;  // a symlink loop, or a directory reached twice
    }
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) {
      out_.errors.push_back(errno_error(dir));
      return;
    }
    // The entry's type, where the file system gives it, spares a stat()
    // of every file: only directories, links and unknown types need one.
    std::vector<std::pair<std::string, unsigned char>> entries;
    while (const dirent* entry = readdir(d)) {
      if (entry->d_name[0] != '.') {
        entries.emplace_back(entry->d_name, entry->d_type);
      }
    }
    closedir(d);
    std::sort(entries.begin(), entries.end());
    const std::string prefix = dir.ends_with('/') ? dir : dir + '/';
    for (const auto& [name, type] : entries) {
      if (type == DT_REG) {
        if (is_digest_name(name)) {
          out_.files.push_back(prefix + name);
        }
        continue;
      }
      if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN) {
        continue;  // a FIFO, socket or device: never an input of a walk
      }
      const std::string path = prefix + name;

      struct stat child {};

      if (stat(path.c_str(), &child) != 0) {
        // A dangling link is not worth an error unless it looks like a digest.
        if (is_digest_name(name)) {
          out_.errors.push_back(errno_error(path));
        }
        continue;
      }
      // Only regular files: a FIFO or device named *.md found by the walk
      // would block the read forever.
      if (S_ISDIR(child.st_mode)) {
        walk(path, child);
      } else if (is_digest_name(name) && S_ISREG(child.st_mode)) {
        out_.files.push_back(path);
      }
    }
  }

 private:
  InputList& out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

InputList find_inputs(std::span<const std::string> paths) {
  InputList out;
  Walker walker(out);
  bool stdin_seen = false;
  for (const auto& path : paths) {
    if (path == "-") {
      stdin_seen = true;
      continue;
    }

    struct stat st {};

    if (stat(path.c_str(), &st) != 0) {
      out.errors.push_back(errno_error(path));
    } else if (S_ISDIR(st.st_mode)) {
      if (walker.walked(st)) {
        continue;  // its files are in the list already
      }
      const auto files = out.files.size();
      const auto errors = out.errors.size();
      walker.walk(path, st);
      // A directory with nothing to read is most likely the wrong one: say
      // so rather than answer every query with silence.
      if (out.files.size() == files && out.errors.size() == errors) {
        out.errors.push_back(
            Error{path + ": no digest files (*.md, *.markdown) found"});
      }
    } else {
      out.files.push_back(path);
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()),
                  out.files.end());
  if (stdin_seen) {
    out.files.insert(out.files.begin(), "-");
  }
  return out;
}

std::string display_name(const std::string& path) {
  return path == "-" ? std::string(kStdinName) : path;
}

namespace {

// An open input: its descriptor and status, closed when done (unless it
// is standard input).
class OpenInput {
 public:
  explicit OpenInput(const std::string& path) : path_(path) {}

  OpenInput(const OpenInput&) = delete;
  OpenInput& operator=(const OpenInput&) = delete;

  ~OpenInput() {
    if (fd_ >= 0 && !is_stdin()) {
      close(fd_);
    }
  }

  Result<void> open() {
    fd_ =
        is_stdin() ? STDIN_FILENO : ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      return errno_error(path_);
    }
    if (fstat(fd_, &st_) != 0) {
      return errno_error(display_name(path_));
    }
    if (S_ISDIR(st_.st_mode)) {
      return Error{display_name(path_) + ": Is a directory"};
    }
    return {};
  }

  bool is_stdin() const { return path_ == "-"; }

  int fd() const { return fd_; }

  // Maps a regular, non-empty input whole; nullopt when it cannot be.
  // Standard input is read from its current offset, as `cat` reads it,
  // and left at its end.
  std::optional<MappedInput> map() const {
    if (!S_ISREG(st_.st_mode) || st_.st_size <= 0) {
      return std::nullopt;
    }
    const auto size = static_cast<std::size_t>(st_.st_size);
    std::size_t skip = 0;
    if (is_stdin()) {
      const off_t offset = lseek(fd_, 0, SEEK_CUR);
      skip = offset > 0 ? static_cast<std::size_t>(offset) : 0;
      if (skip >= size) {
        return std::nullopt;  // nothing left: read() says so
      }
    }
    // Every byte is read: fault the pages in with the mapping.
    void* map =
        mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, 0);
    if (map == MAP_FAILED) {
      return std::nullopt;
    }
    std::shared_ptr<const void> owner(
        map, [size](const void* p) { munmap(const_cast<void*>(p), size); });
    if (is_stdin()) {
      lseek(fd_, static_cast<off_t>(size), SEEK_SET);
    }
    return MappedInput{
        std::string_view(static_cast<const char*>(map) + skip, size - skip),
        std::move(owner)};
  }

 private:
  const std::string& path_;
  int fd_ = -1;

  struct stat st_ {};
};

}  // namespace

namespace {

Result<void> read_chunks(
    const OpenInput& input,
    const std::string& path,
    const std::function<void(std::string_view)>& on_chunk) {
  const int fd = input.fd();
  std::string buffer(kChunkSize, '\0');
  for (;;) {
    const ssize_t n = read(fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno_error(display_name(path));
    }
    if (n == 0) {
      return {};
    }
    on_chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
}

}  // namespace

Result<void> read_input(const std::string& path,
                        const std::function<void(MappedInput&&)>& on_mapped,
                        const std::function<void(std::string_view)>& on_chunk) {
  OpenInput input(path);
  if (auto opened = input.open(); !opened) {
    return opened.error();
  }
  if (auto mapped = input.map()) {
    on_mapped(std::move(*mapped));
    return {};
  }
  return read_chunks(input, path, on_chunk);
}

Result<void> read_input(const std::string& path,
                        const std::function<void(std::string_view)>& on_chunk) {
  return read_input(
      path,
      [&on_chunk](MappedInput&& mapped) { on_chunk(mapped.bytes); },
      on_chunk);
}

}  // namespace papers
