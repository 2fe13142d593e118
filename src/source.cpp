#include <papers/source.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <set>
#include <utility>

namespace papers {
namespace {

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
    PAPERS_TRY(stat());
    if (S_ISDIR(st_.st_mode)) {
      return Error{display_name(path_) + ": Is a directory"};
    }
    if (S_ISREG(st_.st_mode)) {
      // Standard input may be a file read part of the way already: its
      // bytes start where its offset is.
      const off_t at = lseek(fd_, 0, SEEK_CUR);
      start_ = at > 0 ? at : 0;
    }
    return {};
  }

  /// Takes the input's status afresh.
  Result<void> stat() {
    if (fstat(fd_, &st_) != 0) {
      return errno_error(display_name(path_));
    }
    return {};
  }

  bool is_stdin() const { return path_ == "-"; }

  bool is_regular() const { return S_ISREG(st_.st_mode); }

  /// The bytes a regular input holds from its start.
  std::size_t size() const {
    return st_.st_size > start_ ? static_cast<std::size_t>(st_.st_size - start_)
                                : 0;
  }

  /// True when the input's size or modification time is not `before`'s.
  bool differs_from(const struct stat& before) const {
    return st_.st_size != before.st_size
           || st_.st_mtim.tv_sec != before.st_mtim.tv_sec
           || st_.st_mtim.tv_nsec != before.st_mtim.tv_nsec;
  }

  const struct stat& status() const { return st_; }

  /// Leaves a regular file on standard input at its end, as `cat` would
  /// (its bytes were read with pread(), which moves no offset).
  void leave_at_end() const {
    if (is_stdin() && is_regular()) {
      lseek(fd_, 0, SEEK_END);
    }
  }

  /// Reads up to `n` bytes at `offset` from the input's start (a regular
  /// file) or at the current position (anything else); 0 at the end.
  Result<std::size_t> read(char* out, std::size_t n, std::size_t offset) {
    for (;;) {
      const ssize_t got =
          is_regular() ? pread(fd_, out, n, start_ + static_cast<off_t>(offset))
                       : ::read(fd_, out, n);
      if (got >= 0) {
        return static_cast<std::size_t>(got);
      }
      if (errno != EINTR) {
        return errno_error(display_name(path_));
      }
    }
  }

 private:
  const std::string& path_;
  int fd_ = -1;
  off_t start_ = 0;

  struct stat st_ {};
};

// Fills `out` with `n` bytes from `offset`; fewer only at the end.
Result<std::size_t> read_full(OpenInput& input,
                              char* out,
                              std::size_t n,
                              std::size_t offset) {
  std::size_t done = 0;
  while (done < n) {
    auto got_result = input.read(out + done, n - done, offset + done);
    if (!got_result) {
      return got_result.error();
    }
    const auto got = *got_result;
    if (got == 0) {
      break;
    }
    done += got;
  }
  return done;
}

// Whole files are read into 4 MiB slabs each thread carves up, asked for
// in huge pages where the kernel has them (MADV_HUGEPAGE): a buffer of
// each file's own took a page fault for every 4 KiB read() copied into,
// which doubled the system time of `top` over a 10 MB archive (with 2 MiB
// pages it is below that of the mmap reader before). The memory is
// anonymous: no file stays mapped.
constexpr std::size_t kSlabSize = std::size_t{4} << 20;

class SlabAllocator {
 public:
  /// `size` bytes that live as long as the returned owner.
  std::pair<char*, std::shared_ptr<const void>> allocate(std::size_t size) {
    if (size > kSlabSize / 4) {
      std::shared_ptr<char[]> own(new char[size]);
      char* data = own.get();
      return {data, std::shared_ptr<const void>(std::move(own))};
    }
    if (size > left_) {
      void* slab = nullptr;
      if (posix_memalign(&slab, std::size_t{2} << 20, kSlabSize) != 0) {
        throw std::bad_alloc();
      }
      madvise(slab, kSlabSize, MADV_HUGEPAGE);
      slab_ = std::shared_ptr<char>(static_cast<char*>(slab),
                                    [](char* p) { std::free(p); });
      next_ = slab_.get();
      left_ = kSlabSize;
    }
    char* data = next_;
    next_ += size;
    left_ -= size;
    return {data, std::shared_ptr<const void>(slab_, data)};
  }

 private:
  std::shared_ptr<char> slab_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

// One attempt at a whole regular file of `size` bytes: true when it held
// exactly that many.
Result<bool> read_whole(OpenInput& input,
                        std::size_t size,
                        const InputReader& reader) {
  thread_local SlabAllocator slabs;
  auto [data, owner] = slabs.allocate(size);
  auto got_result = read_full(input, data, size, 0);
  if (!got_result) {
    return got_result.error();
  }
  const auto got = *got_result;
  char probe = 0;
  bool exact = got == size;
  if (exact) {
    // One byte more would mean the file grew while read.
    auto more_result = input.read(&probe, 1, size);
    if (!more_result) {
      return more_result.error();
    }
    const auto more = *more_result;
    exact = more == 0;
  }
  reader.on_whole(OwnedInput{std::string_view(data, got), std::move(owner)});
  return exact;
}

// One attempt in chunks, into a buffer each thread keeps: true unless a
// regular file held fewer or more bytes than its status said (a pipe has
// no size to compare).
Result<bool> read_chunks(OpenInput& input, const InputReader& reader) {
  thread_local std::unique_ptr<char[]> buffer(new char[kReadChunkSize]);
  std::size_t total = 0;
  for (;;) {
    auto got_result = read_full(input, buffer.get(), kReadChunkSize, total);
    if (!got_result) {
      return got_result.error();
    }
    const auto got = *got_result;
    if (got == 0) {
      break;
    }
    total += got;
    if (!reader.on_chunk(std::string_view(buffer.get(), got))) {
      return true;  // stopped: what was not read cannot have been torn
    }
    if (got < kReadChunkSize) {
      break;  // read_full() saw the end
    }
  }
  // A regular file of size 0 may be one whose size is not known (/proc).
  return !input.is_regular() || input.size() == 0 || total == input.size();
}

}  // namespace

Result<ReadStatus> read_input(const std::string& path,
                              const InputReader& reader) {
  OpenInput input(path);
  PAPERS_TRY(input.open());
  for (int attempt = 1;; ++attempt) {
    const struct stat before = input.status();
    if (reader.before_read) {
      reader.before_read();
    }
    const std::size_t size = input.size();
    auto complete = input.is_regular() && size > 0 && size <= kWholeReadLimit
                        ? read_whole(input, size, reader)
                        : read_chunks(input, reader);
    if (!complete) {
      return complete.error();
    }
    if (!input.is_regular()) {
      return ReadStatus::kComplete;
    }
    PAPERS_TRY(input.stat());
    if (*complete && !input.differs_from(before)) {
      input.leave_at_end();
      return ReadStatus::kComplete;
    }
    if (attempt == kReadAttempts) {
      input.leave_at_end();
      return ReadStatus::kChanged;
    }
    if (reader.on_restart) {
      reader.on_restart();
    }
  }
}

Result<ReadStatus> read_input(
    const std::string& path,
    const std::function<void(std::string_view)>& on_chunk) {
  InputReader reader;
  reader.on_whole = [&on_chunk](OwnedInput&& input) { on_chunk(input.bytes); };
  reader.on_chunk = [&on_chunk](std::string_view chunk) {
    on_chunk(chunk);
    return true;
  };
  return read_input(path, reader);
}

}  // namespace papers
