// Splits a byte stream fed in chunks of any size into lines. Lines end at
// LF, CRLF or a lone CR; the terminator is not part of the line. Only the
// partial last line is kept between chunks, so memory stays at the longest
// line, and complete lines inside a chunk are handed out as views into it.
// A line longer than a cap (kMaxLineLength) is not kept at all: it is
// counted and reported by its length, so no input costs more memory than
// the cap, whatever its lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace papers {

/// The longest line a LineSplitter hands out by default: 16 MiB.
inline constexpr std::size_t kMaxLineLength = std::size_t{16} << 20;

class LineSplitter {
 public:
  /// Lines longer than `max_line` bytes are reported by length only.
  explicit LineSplitter(std::size_t max_line = kMaxLineLength)
      : max_line_(max_line) {}

  /// Calls `on_line(std::string_view)` for each line completed by `chunk`,
  /// and `on_long(std::uint64_t length)` instead for a line longer than
  /// the cap.
  template <typename OnLine, typename OnLong>
  void feed(std::string_view chunk, OnLine&& on_line, OnLong&& on_long);

  /// feed() with a line longer than the cap handed out as an empty line.
  template <typename OnLine>
  void feed(std::string_view chunk, OnLine&& on_line) {
    feed(chunk, on_line, [&on_line](std::uint64_t /*length*/) {
      on_line(std::string_view{});
    });
  }

  /// Calls `on_line` (or `on_long`) for a final line without a
  /// terminator, if any.
  template <typename OnLine, typename OnLong>
  void finish(OnLine&& on_line, OnLong&& on_long);

  /// finish() with a line longer than the cap handed out as an empty line.
  template <typename OnLine>
  void finish(OnLine&& on_line) {
    finish(on_line, [&on_line](std::uint64_t /*length*/) {
      on_line(std::string_view{});
    });
  }

  /// True when no partial line is held: the next chunk starts a line.
  bool at_line_start() const { return partial_.empty() && !in_long_; }

  /// Total bytes fed so far.
  std::uint64_t bytes() const { return bytes_; }

 private:
  std::string partial_;
  std::uint64_t bytes_ = 0;
  std::size_t max_line_;
  std::uint64_t long_length_ = 0;  // of the line over the cap, so far
  bool in_long_ = false;           // in a line over the cap
  bool skip_lf_ = false;           // the previous chunk ended in CR
};

/// Finds line ends in one buffer in linear time overall: the buffer is
/// scanned 64 bytes at a time into a bit mask of its CR and LF bytes (SSE2
/// compares), and each line end is the next set bit. Every byte is looked
/// at once, however the lines end (a search for LF afresh at every lone CR
/// would be quadratic), and a short line costs a few instructions rather
/// than a call to memchr.
class LineEndFinder {
 public:
  explicit LineEndFinder(std::string_view s) : s_(s) {}

  /// Index of the first CR or LF at or after `from`, or npos. Calls must
  /// pass non-decreasing `from`.
  std::size_t next(std::size_t from) {
    while (from < s_.size()) {
      const std::size_t base = from & ~std::size_t{63};
      if (base != base_ || !loaded_) {
        mask_ = scan(base);
        base_ = base;
        loaded_ = true;
      }
      const std::uint64_t bits = mask_ >> (from - base);
      if (bits != 0) {
        return from + static_cast<std::size_t>(__builtin_ctzll(bits));
      }
      from = base + 64;
    }
    return std::string_view::npos;
  }

 private:
  /// Bit i set when s_[base + i] is CR or LF.
  std::uint64_t scan(std::size_t base) const;

  std::string_view s_;
  std::size_t base_ = 0;
  std::uint64_t mask_ = 0;
  bool loaded_ = false;
};

template <typename OnLine, typename OnLong>
void LineSplitter::feed(std::string_view chunk,
                        OnLine&& on_line,
                        OnLong&& on_long) {
  bytes_ += chunk.size();
  std::size_t pos = 0;
  LineEndFinder finder(chunk);
  if (skip_lf_ && !chunk.empty()) {
    skip_lf_ = false;
    if (chunk.front() == '\n') {
      pos = 1;
    }
  }
  while (pos < chunk.size()) {
    const std::size_t end = finder.next(pos);
    const std::size_t piece =
        (end == std::string_view::npos ? chunk.size() : end) - pos;
    if (in_long_ || partial_.size() + piece > max_line_) {
      // Over the cap: count the line's bytes, keep none of them.
      if (!in_long_) {
        in_long_ = true;
        long_length_ = partial_.size();
        std::string().swap(partial_);
      }
      long_length_ += piece;
      if (end == std::string_view::npos) {
        return;
      }
      in_long_ = false;
      on_long(long_length_);
    } else if (end == std::string_view::npos) {
      partial_.append(chunk.substr(pos));
      return;
    } else if (partial_.empty()) {
      on_line(chunk.substr(pos, piece));
    } else {
      partial_.append(chunk.substr(pos, piece));
      on_line(std::string_view(partial_));
      partial_.clear();
    }
    pos = end + 1;
    if (chunk[end] == '\r') {
      if (pos < chunk.size()) {
        if (chunk[pos] == '\n') {
          ++pos;
        }
      } else {
        skip_lf_ = true;
      }
    }
  }
}

template <typename OnLine, typename OnLong>
void LineSplitter::finish(OnLine&& on_line, OnLong&& on_long) {
  if (in_long_) {
    in_long_ = false;
    on_long(long_length_);
  } else if (!partial_.empty()) {
    on_line(std::string_view(partial_));
    partial_.clear();
  }
  skip_lf_ = false;
}

}  // namespace papers
