// The reference for `papers` parsing speed: a bare mmap + memchr line scan
// over digest files that picks out paper headings, vote lines and author
// lines and counts them. `papers top` should cost a small multiple of this.
//
//   papers_line_probe FILE...
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string_view>

int main(int argc, char** argv) {
  long headings = 0;
  long votes = 0;
  long authors = 0;
  long vote_sum = 0;
  for (int i = 1; i < argc; ++i) {
    const int fd = open(argv[i], O_RDONLY);

    struct stat st {};

    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0) {
      if (fd >= 0) {
        close(fd);
      }
      continue;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* map = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
      continue;
    }
    const char* p = static_cast<const char*>(map);
    const char* end = p + size;
    while (p < end) {
      const auto* nl = static_cast<const char*>(
          std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      const char* line_end = nl ? nl : end;
      const std::string_view line(p, static_cast<std::size_t>(line_end - p));
      if (line.starts_with("### [")) {
        ++headings;
      } else if (line.starts_with("Vote: ")) {
        ++votes;
        long v = 0;
        for (char c : line.substr(6)) {
          if (c < '0' || c > '9') {
            break;
          }
          v = v * 10 + (c - '0');
        }
        vote_sum += v;
      } else if (line.starts_with("Authors: ")) {
        ++authors;
      }
      p = line_end + 1;
    }
    munmap(map, size);
  }
  std::printf("%ld headings, %ld votes (sum %ld), %ld author lines\n",
              headings,
              votes,
              vote_sum,
              authors);
  return 0;
}
