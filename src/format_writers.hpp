// The writers behind format_papers(), one source file each, and what they
// share: the output engine (output_engine.hpp) and the paper fields
// (paper_fields.hpp).
#pragma once

#include "output_engine.hpp"

#include <papers/format.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace papers {

void write_table(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 Output& out);
void write_card(std::span<const Paper* const> papers,
                const FormatOptions& options,
                Output& out);
void write_json(std::span<const Paper* const> papers,
                const FormatOptions& options,
                Output& out);
void write_jsonl(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 Output& out);
void write_csv(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out);
void write_tsv(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out);
void write_markdown(std::span<const Paper* const> papers,
                    const FormatOptions& options,
                    Output& out);
void write_bibtex(std::span<const Paper* const> papers,
                  const FormatOptions& options,
                  Output& out);
void write_csl_json(std::span<const Paper* const> papers,
                    const FormatOptions& options,
                    Output& out);
void write_ids(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out);

/// The columns of CSV and TSV without --fields: the JSON record, flattened.
std::vector<Field> default_flat_fields();

/// The same, led by period and rank under FormatOptions::per.
std::vector<Field> default_flat_fields(const FormatOptions& options);

/// Where a row stands in the output.
struct RowPlace {
  std::size_t rank = 0;  ///< 1-based; restarts in each period under per
  std::string period;    ///< under per: the period's name; "" undated/none
  bool first_of_period = false;  ///< under per: a new period (not the first)
};

/// The place of every row of `papers`.
std::vector<RowPlace> row_places(std::span<const Paper* const> papers,
                                 const FormatOptions& options);
/// The search hit of output row `row`, or null when there are none.
const Hit* hit_of(const FormatOptions& options, std::size_t row);

/// A score as JSON and cells write it: at most 3 decimals, no trailing
/// zeros (`2.5`, `0.125`, `3`).
std::string score_text(double score);

/// A search match in a MATCH cell or a card: bold red, as rg shows them.
inline constexpr std::string_view kStyleMatch = "\x1b[1;31m";

/// A paper's labelled facts as `Label: value` joined by `separator`.
std::string join_fields(const Paper& paper, std::string_view separator);

/// Authors joined by `separator`.
std::string join_authors(const std::vector<std::string_view>& authors,
                         std::string_view separator);

/// One summary bullet as plain text: `Label: text` (markdown rendered).
std::string plain_summary_item(const SummaryItem& item);

/// One summary bullet as the markdown writer writes it (`- **Label**: text`
/// and its continuation lines, each ending in '\n'), in a form the digest
/// parser reads back; `last`: no bullet or paper follows it (see
/// format_markdown.cpp). Returns false when it left a code fence open.
bool append_markdown_bullet(const SummaryItem& item,
                            bool last,
                            std::string& out);

/// All summary bullets as plain text, joined by `separator`.
std::string plain_summary(const Paper& paper, std::string_view separator);

}  // namespace papers
