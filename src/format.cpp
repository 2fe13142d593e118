#include "format_writers.hpp"
#include "paper_fields.hpp"

#include <papers/format.hpp>
#include <papers/markup.hpp>
#include <papers/summary.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace papers {
namespace {

class StringSink final : public OutputSink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}

  bool write(std::string_view text) override {
    out_ += text;
    return true;
  }

 private:
  std::string& out_;
};

std::string valid_field_list() {
  std::string list;
  for (auto name : field_names()) {
    list += list.empty() ? "" : ", ";
    list += name;
  }
  return list;
}

}  // namespace

void write_ids(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out) {
  // Ids are normalised (digits, a dot, perhaps a slash and letters of an
  // old-style id), so they need no escaping; a paper without one has
  // nothing to hand on to `papers show` and is left out.
  for (const Paper* paper : papers) {
    if (!out.ok()) {
      return;
    }
    if (paper->id) {
      out.text() += *paper->id;
      out.text() += options.terminator;
      out.end_record();
    }
  }
}

std::span<const std::string_view> output_format_names() {
  static constexpr std::array<std::string_view, 9> kNames = {"table",
                                                             "json",
                                                             "jsonl",
                                                             "csv",
                                                             "tsv",
                                                             "markdown",
                                                             "bibtex",
                                                             "csl-json",
                                                             "ids"};
  return kNames;
}

Result<std::vector<Field>> parse_fields(std::string_view list) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto end = std::min(list.find(',', start), list.size());
    std::string_view name = list.substr(start, end - start);
    while (!name.empty() && name.front() == ' ') {
      name.remove_prefix(1);
    }
    while (!name.empty() && name.back() == ' ') {
      name.remove_suffix(1);
    }
    const auto names = field_names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      return Error{(name.empty() ? std::string("empty field name")
                                 : "unknown field '" + std::string(name) + "'")
                   + "; valid fields: " + valid_field_list()};
    }
    const auto field = static_cast<Field>(it - names.begin());
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) {
      // A JSON object cannot hold a key twice.
      return Error{"field '" + std::string(name) + "' given twice"};
    }
    fields.push_back(field);
    start = end + 1;
  }
  return fields;
}

std::vector<RowPlace> row_places(std::span<const Paper* const> papers,
                                 const FormatOptions& options) {
  std::vector<RowPlace> places;
  places.reserve(papers.size());
  for (std::size_t i = 0; i < papers.size(); ++i) {
    RowPlace place;
    place.rank = i + 1;
    if (options.per) {
      const Paper& paper = *papers[i];
      place.period =
          paper.date ? period_label(*paper.date, *options.per) : std::string();
      if (i > 0 && places.back().period == place.period) {
        place.rank = places.back().rank + 1;
      } else {
        place.rank = 1;
        place.first_of_period = i > 0;
      }
    }
    places.push_back(std::move(place));
  }
  return places;
}

std::vector<Field> default_flat_fields(const FormatOptions& options) {
  std::vector<Field> fields = default_flat_fields();
  if (options.per) {
    fields.insert(fields.begin(), {Field::kPeriod, Field::kRank});
  }
  if (options.view == View::kSearch || !options.hits.empty()) {
    fields.insert(fields.end(), {Field::kScore, Field::kSnippet});
  }
  return fields;
}

std::vector<Field> default_flat_fields() {
  // The JSON record's keys in order, with its "source" object flattened;
  // the keys of other layouts' extras only on request (--fields), so that
  // the columns stay those a canonical archive fills.
  std::vector<Field> fields;
  for (const Field field : record_fields()) {
    if (field != Field::kAuthorsTruncated && field != Field::kFields) {
      fields.push_back(field);
    }
  }
  fields.insert(fields.end(), {Field::kFile, Field::kLine});
  return fields;
}

std::string join_fields(const Paper& paper, std::string_view separator) {
  std::string out;
  for (const auto& field : paper.fields) {
    if (!out.empty()) {
      out += separator;
    }
    out += field.label;
    out += ": ";
    out += field.value;
  }
  return out;
}

const Hit* hit_of(const FormatOptions& options, std::size_t row) {
  return row < options.hits.size() ? &options.hits[row] : nullptr;
}

std::string score_text(double score) {
  // Rounded to 3 decimals already: print it so, without trailing zeros.
  std::string text = fmt::format("{:.3f}", score);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string join_authors(const std::vector<std::string_view>& authors,
                         std::string_view separator) {
  std::string out;
  for (const auto& author : authors) {
    if (!out.empty()) {
      out += separator;
    }
    out += author;
  }
  return out;
}

std::string plain_summary_item(const SummaryItem& item) {
  std::string out;
  if (item.label) {
    out += *item.label;
    out += ": ";
  }
  out += markdown_to_plain(item.text);
  return out;
}

std::string plain_summary(const Paper& paper, std::string_view separator) {
  std::string out;
  const auto items = split_summary(paper.summary);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += plain_summary_item(items[i]);
  }
  return out;
}

bool format_papers(OutputFormat format,
                   std::span<const Paper* const> papers,
                   const FormatOptions& options,
                   OutputSink& sink) {
  Output out(sink);
  switch (format) {
  case OutputFormat::kTable:
    if (options.view == View::kCard && options.fields.empty()) {
      write_card(papers, options, out);
    } else {
      write_table(papers, options, out);
    }
    break;
  case OutputFormat::kJson:
    write_json(papers, options, out);
    break;
  case OutputFormat::kJsonl:
    write_jsonl(papers, options, out);
    break;
  case OutputFormat::kCsv:
    write_csv(papers, options, out);
    break;
  case OutputFormat::kTsv:
    write_tsv(papers, options, out);
    break;
  case OutputFormat::kMarkdown:
    write_markdown(papers, options, out);
    break;
  case OutputFormat::kBibtex:
    write_bibtex(papers, options, out);
    break;
  case OutputFormat::kCslJson:
    write_csl_json(papers, options, out);
    break;
  case OutputFormat::kIds:
    write_ids(papers, options, out);
    break;
  }
  return out.finish();
}

void format_papers(OutputFormat format,
                   std::span<const Paper* const> papers,
                   const FormatOptions& options,
                   std::string& out) {
  StringSink sink(out);
  format_papers(format, papers, options, sink);
}

void format_records(OutputFormat format,
                    std::span<const std::string_view> keys,
                    std::span<const std::vector<Value>> rows,
                    const FormatOptions& options,
                    std::string& out) {
  StringSink sink(out);
  format_records(format, keys, rows, options, sink);
}

}  // namespace papers
