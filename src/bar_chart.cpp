#include "bar_chart.hpp"

#include <algorithm>

namespace papers {

std::string render_bar(std::uint64_t value,
                       std::uint64_t max,
                       std::size_t width,
                       bool ascii) {
  if (value == 0 || max == 0 || width == 0) {
    return {};
  }
  value = std::min(value, max);
  // Keep value * units * 2 inside 64 bits: scale huge counts down together.
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 40;
  while (max > kLimit) {
    max >>= 1;
    value >>= 1;
  }
  const std::uint64_t columns = std::min<std::uint64_t>(width, 1U << 20);
  const std::uint64_t units = ascii ? columns : columns * 8;
  const std::uint64_t filled =
      std::max<std::uint64_t>(1, (2 * value * units + max) / (2 * max));
  if (ascii) {
    return std::string(static_cast<std::size_t>(filled), '#');
  }
  std::string bar;
  bar.reserve(static_cast<std::size_t>(filled / 8 + 1) * 3);
  for (std::uint64_t i = 0; i < filled / 8; ++i) {
    bar += "\u2588";
  }
  if (const auto eighths = filled % 8; eighths > 0) {
    // U+2589 (seven eighths) .. U+258F (one eighth): 0x2590 - eighths,
    // whose UTF-8 is E2 96 (0x90 - eighths).
    bar += '\xE2';
    bar += '\x96';
    bar += static_cast<char>(0x90 - eighths);
  }
  return bar;
}

}  // namespace papers
