// The value parsers of paper.hpp in the form the digest parser uses: they
// return views into their input instead of fresh strings, so that a record
// can point into the buffer the file was read into.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace papers {

class TextStore;

/// arxiv_id_from_url(), as a view into `url`.
std::optional<std::string_view> arxiv_id_view(std::string_view url);

/// parse_authors() into `out` (cleared first): names as written are views
/// into `text`; names with backslash escapes are decoded into `store`.
void split_authors(std::string_view text,
                   TextStore& store,
                   std::vector<std::string_view>& out);

}  // namespace papers
