// The writers behind format_papers(), one source file each.
#pragma once

#include <papers/format.hpp>

namespace papers {

void write_table(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 std::string& out);
void write_json(std::span<const Paper* const> papers, std::string& out);
void write_jsonl(std::span<const Paper* const> papers, std::string& out);

}  // namespace papers
