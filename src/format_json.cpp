// JSON and JSON Lines of papers: the fixed record (the schema in the man
// page) or an object of just the --fields keys, each value written as the
// field table says (paper_fields.cpp) by the engine's JSON writer.
#include "format_writers.hpp"
#include "paper_fields.hpp"

namespace papers {
namespace {

void append_field(Field field, const FieldContext& context, std::string& out) {
  const FieldSpec& spec = field_spec(field);
  append_json_key(spec.name, out);
  spec.json(context, out);
}

// The whole record, or an object of just the --fields keys in their order.
void append_object(const Paper& paper,
                   const RowPlace& place,
                   const Hit* hit,
                   const FormatOptions& options,
                   std::string& out) {
  const FieldContext context{paper, place.rank, false, place.period, hit};
  if (options.fields.empty()) {
    if (options.per) {
      // The record, led by where it stands: {"period": ..., "rank": ..., ...
      out += '{';
      append_field(Field::kPeriod, context, out);
      out += ", ";
      append_field(Field::kRank, context, out);
      out += ", ";
      const std::size_t at = out.size();
      append_json_record(paper, out);
      out.erase(at, 1);  // the record's own '{'
      return;
    }
    append_json_record(paper, out);
    if (hit != nullptr) {
      // A search record: the fixed record, then score and snippet.
      out.pop_back();
      for (const Field field : {Field::kScore, Field::kSnippet}) {
        out += ", ";
        append_field(field, context, out);
      }
      out += '}';
    }
    return;
  }
  out += '{';
  for (std::size_t i = 0; i < options.fields.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    append_field(options.fields[i], context, out);
  }
  out += '}';
}

void write_papers_json(std::span<const Paper* const> papers,
                       const FormatOptions& options,
                       bool lines,
                       Output& out) {
  const auto places = row_places(papers, options);
  write_json_records(
      papers.size(), lines, out, [&](std::size_t i, std::string& text) {
        append_object(*papers[i], places[i], hit_of(options, i), options, text);
      });
}

}  // namespace

void append_json_record(const Paper& paper, std::string& out) {
  // The fixed record shape: these keys in this order, then "source".
  const FieldContext context{paper};
  out += '{';
  for (const Field field : record_fields()) {
    append_field(field, context, out);
    out += ", ";
  }
  append_json_key("source", out);
  out += '{';
  append_field(Field::kFile, context, out);
  out += ", ";
  append_field(Field::kLine, context, out);
  out += "}}";
}

void write_json(std::span<const Paper* const> papers,
                const FormatOptions& options,
                Output& out) {
  write_papers_json(papers, options, /*lines=*/false, out);
}

void write_jsonl(std::span<const Paper* const> papers,
                 const FormatOptions& options,
                 Output& out) {
  write_papers_json(papers, options, /*lines=*/true, out);
}

}  // namespace papers
