// Horizontal bars for the charts of `papers trend` and `papers dates`:
// Unicode block characters with eighth-of-a-column precision (U+2588 FULL
// BLOCK down to U+258F LEFT ONE EIGHTH BLOCK), or `#` for terminals that
// cannot show them. Pure functions: the caller picks the width and the
// character set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace papers {

/// A bar for `value` on a scale where `max` fills `width` columns, rounded
/// to the nearest eighth of a column (whole columns when `ascii`). Any value
/// above zero shows at least an eighth (one `#`), so a small count never
/// looks like none; zero, and a `max` or `width` of zero, give "". Values
/// above `max` are drawn as `max`.
std::string render_bar(std::uint64_t value,
                       std::uint64_t max,
                       std::size_t width,
                       bool ascii);

}  // namespace papers
