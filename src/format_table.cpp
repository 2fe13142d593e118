// The table: a header row and columns aligned by display width (so Hangul
// and combining marks line up), numbers right-aligned. Given a width, the
// widest text column shrinks until the table fits, its cells cut with "…".
// Every cell is sanitised: a table is for reading, never raw control bytes.
#include "format_writers.hpp"
#include "paper_fields.hpp"
#include "text_width.hpp"

#include <algorithm>
#include <vector>

namespace papers {
namespace {

bool spans_days(std::span<const Paper* const> papers) {
  return std::any_of(papers.begin(), papers.end(), [&](const Paper* p) {
    return p->date != papers.front()->date;
  });
}

// The narrowest a column of `field` gets when the table is fitted: free
// text its header or 8 columns (as the layout cuts it), the rest whole.
std::size_t narrowest(Field field,
                      std::span<const Paper* const> papers,
                      std::span<const RowPlace> places) {
  const FieldSpec& spec = field_spec(field);
  std::size_t width = display_width(spec.header);
  if (spec.column == ColumnKind::kFree) {
    return std::max<std::size_t>(width, 8);
  }
  for (std::size_t r = 0; r < papers.size(); ++r) {
    const FieldContext context{
        *papers[r], places[r].rank, true, places[r].period};
    width = std::max(
        width, display_width(sanitize_for_terminal(spec.cell(context), true)));
  }
  return width;
}

// Leaves out AUTHORS, then DATE, while the narrowest table is wider than
// the width: a narrow terminal keeps the id and the title.
void drop_to_fit(std::vector<Field>& fields,
                 std::span<const Paper* const> papers,
                 const FormatOptions& options) {
  if (options.width == 0 || !options.truncate) {
    return;
  }
  const auto places = row_places(papers, options);
  auto total = [&] {
    std::size_t sum = 2 * (fields.size() - 1);
    for (const Field field : fields) {
      sum += narrowest(field, papers, places);
    }
    return sum;
  };
  for (const Field drop : {Field::kAuthors, Field::kDate}) {
    if (total() <= options.width) {
      return;
    }
    std::erase(fields, drop);
  }
}

std::vector<Field> columns_for(std::span<const Paper* const> papers,
                               const FormatOptions& options) {
  if (!options.fields.empty()) {
    return options.fields;
  }
  switch (options.view) {
  case View::kTop: {
    std::vector<Field> fields;
    if (options.per && *options.per != Period::kDay) {
      fields.push_back(Field::kPeriod);  // for days, DATE is the period
    }
    fields.insert(fields.end(), {Field::kRank, Field::kVotes});
    if (spans_days(papers)) {
      fields.push_back(Field::kDate);
    }
    fields.insert(fields.end(), {Field::kId, Field::kTitle, Field::kAuthors});
    drop_to_fit(fields, papers, options);
    return fields;
  }
  case View::kSearch: {
    std::vector<Field> fields = {Field::kRank, Field::kVotes};
    if (spans_days(papers)) {
      fields.push_back(Field::kDate);
    }
    fields.insert(fields.end(), {Field::kId, Field::kTitle, Field::kSnippet});
    drop_to_fit(fields, papers, options);  // DATE goes first; MATCH stays
    return fields;
  }
  case View::kList:
  case View::kCard:  // a card view with --fields never gets here
    break;
  }
  return {Field::kDate, Field::kVotes, Field::kId, Field::kTitle};
}

// `text` (a MATCH cell as shown, perhaps cut) with every occurrence of the
// hit's matched strings in kStyleMatch: the cut moved the matches, but
// not what they say.
std::string highlighted(std::string_view text, const Hit* hit) {
  if (hit == nullptr || hit->marks.empty()) {
    return std::string(text);
  }
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  const std::string clean = sanitized_snippet(*hit, marks);
  std::vector<std::string_view> words;
  for (const auto& [begin, end] : marks) {
    words.push_back(std::string_view(clean).substr(begin, end - begin));
  }
  std::sort(words.begin(), words.end(), [](auto a, auto b) {
    return a.size() > b.size();
  });
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto word =
        std::find_if(words.begin(), words.end(), [&](std::string_view w) {
          return !w.empty() && text.substr(i, w.size()) == w;
        });
    if (word != words.end()) {
      out += kStyleMatch;
      out += *word;
      out += kStyleReset;
      i += word->size();
    } else {
      out += text[i];
      ++i;
    }
  }
  return out;
}

}  // namespace

void write_table(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 Output& out) {
  if (papers.empty()) {
    return;  // no header without rows, like ls and grep print nothing
  }
  const bool fit = options.width > 0 && options.truncate;
  std::vector<const FieldSpec*> specs;
  std::vector<TableColumn> columns;
  for (const Field field : columns_for(papers, options)) {
    const FieldSpec& spec = field_spec(field);
    specs.push_back(&spec);
    columns.push_back({spec.header,
                       spec.column,
                       0,
                       field == Field::kVotes ? kStyleVotes : ""});
  }
  TableLayout table(std::move(columns));
  const auto places = row_places(papers, options);
  auto context_of = [&](std::size_t r) {
    return FieldContext{
        *papers[r], places[r].rank, fit, places[r].period, hit_of(options, r)};
  };
  for (std::size_t r = 0; r < papers.size(); ++r) {
    if (places[r].first_of_period) {
      table.add_break();  // periods apart, under one header
    }
    const FieldContext context = context_of(r);
    for (const FieldSpec* spec : specs) {
      table.add_cell(spec->cell(context));
    }
    table.end_row();
  }
  table.write(
      options,
      out,
      /*trim=*/false,
      [&](std::size_t row,
          std::size_t column,
          std::string_view text,
          std::size_t width) {
        const FieldSpec& spec = *specs[column];
        if (spec.cut == nullptr) {
          return truncate_to_width(text, width);
        }
        return spec.cut(context_of(row), width);
      },
      [&](std::size_t row, std::size_t column, std::string_view text) {
        return specs[column]->field == Field::kSnippet
                   ? highlighted(text, hit_of(options, row))
                   : std::string(text);
      });
}

}  // namespace papers
