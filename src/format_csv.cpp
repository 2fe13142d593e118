// CSV (RFC 4180) and TSV of papers: one header row of field names, then one
// row per paper. Lists are joined (authors with "; ", summary bullets as
// "Label: text" lines), summaries are plain text, unknown values are empty
// (paper_fields.cpp); the engine writes the cells.
#include "format_writers.hpp"
#include "paper_fields.hpp"

namespace papers {
namespace {

void write_delimited(std::span<const Paper* const> papers,
                     const FormatOptions& options,
                     Output& out,
                     bool csv) {
  const std::vector<Field> fields =
      options.fields.empty() ? default_flat_fields(options) : options.fields;
  const auto places = row_places(papers, options);
  std::vector<std::string_view> keys;
  std::vector<const FieldSpec*> specs;
  for (const Field field : fields) {
    specs.push_back(&field_spec(field));
    keys.push_back(specs.back()->name);
  }
  write_delimited_records(
      keys,
      papers.size(),
      csv,
      options,
      out,
      [&](std::size_t row, std::size_t column) {
        const RowPlace& place = places[row];
        return specs[column]->flat(FieldContext{*papers[row],
                                                place.rank,
                                                false,
                                                place.period,
                                                hit_of(options, row)});
      });
}

}  // namespace

void write_csv(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out) {
  write_delimited(papers, options, out, /*csv=*/true);
}

void write_tsv(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out) {
  write_delimited(papers, options, out, /*csv=*/false);
}

}  // namespace papers
