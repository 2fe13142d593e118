// CSV (RFC 4180) and TSV: one header row of field names, then one row per
// paper. Lists are joined (authors with "; ", summary bullets as
// "Label: text" lines), summaries are plain text, unknown values are empty.
#include "format_writers.hpp"
#include "text_util.hpp"
#include "text_width.hpp"

namespace papers {
namespace {

// The text of one field in a flat (one value per cell) format.
std::string flat_value(Field field, const Paper& paper, std::size_t rank) {
  switch (field) {
  case Field::kRank:
    return std::to_string(rank);
  case Field::kId:
    return std::string(paper.id.value_or(""));
  case Field::kDate:
    return paper.date ? paper.date->to_string() : std::string();
  case Field::kTitle:
    return std::string(paper.title);
  case Field::kUrl:
    return std::string(paper.url.value_or(""));
  case Field::kVotes:
    return paper.votes ? std::to_string(*paper.votes) : std::string();
  case Field::kAuthors:
    return join_authors(paper.authors, "; ");
  case Field::kThumbnail:
    return std::string(paper.thumbnail.value_or(""));
  case Field::kVideo:
    return std::string(paper.video.value_or(""));
  case Field::kSummary:
    return plain_summary(paper, "\n");
  case Field::kFile:
    return std::string(paper.source.file);
  case Field::kLine:
    return std::to_string(paper.source.line);
  }
  return {};
}

// Values are UTF-8 even when a caller built a Paper from bad bytes.
std::string repaired(std::string value) {
  if (is_valid_utf8(value)) {
    return value;
  }
  std::string out;
  append_utf8_repaired(out, value);
  return out;
}

// Spreadsheets run a cell that starts with one of these as a formula
// (OWASP "CSV injection"): `=1+2`, `+cmd|...`, `-2+3`, `@SUM(...)`, and a
// tab or carriage return before any of them.
bool formula_like(std::string_view value) {
  return !value.empty()
         && std::string_view("=+-@\t\r").find(value.front())
                != std::string_view::npos;
}

enum class Flavor { kCsv, kTsv };

void write_delimited(std::span<const Paper* const> papers,
                     const FormatOptions& options,
                     Output& out,
                     Flavor flavor) {
  const char separator = flavor == Flavor::kCsv ? ',' : '\t';
  const std::vector<Field> fields =
      options.fields.empty() ? default_flat_fields() : options.fields;
  auto append_cell = [&](std::string value) {
    value = repaired(std::move(value));
    if (options.csv_safe && formula_like(value)) {
      value.insert(0, 1, '\'');
    }
    if (flavor == Flavor::kCsv && value.empty() && fields.size() == 1) {
      out.text() += "\"\"";  // a blank line would read as no row at all
      return;
    }
    if (flavor == Flavor::kCsv) {
      // On a terminal a person reads the cells: no raw control characters.
      if (options.terminal) {
        value = sanitize_for_terminal(value, false);
      }
      append_csv_cell(value, out.text());
    } else {
      std::string escaped;
      append_tsv_cell(value, escaped);
      if (options.terminal) {
        escaped = sanitize_for_terminal(escaped, false);
      }
      out.text() += escaped;
    }
  };
  // The header row is written even without rows: scripts see the columns.
  for (std::size_t c = 0; c < fields.size(); ++c) {
    if (c > 0) {
      out.text() += separator;
    }
    append_cell(std::string(field_name(fields[c])));
  }
  out.text() += '\n';
  for (std::size_t i = 0; i < papers.size() && out.ok(); ++i) {
    for (std::size_t c = 0; c < fields.size(); ++c) {
      if (c > 0) {
        out.text() += separator;
      }
      append_cell(flat_value(fields[c], *papers[i], i + 1));
    }
    out.text() += '\n';
    out.end_record();
  }
}

}  // namespace

void append_csv_cell(std::string_view value, std::string& out) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += value;
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
}

void append_tsv_cell(std::string_view value, std::string& out) {
  for (const char c : value) {
    switch (c) {
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\\':
      out += "\\\\";
      break;
    default:
      out += c;
      break;
    }
  }
}

void write_csv(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out) {
  write_delimited(papers, options, out, Flavor::kCsv);
}

void write_tsv(std::span<const Paper* const> papers,
               const FormatOptions& options,
               Output& out) {
  write_delimited(papers, options, out, Flavor::kTsv);
}

}  // namespace papers
