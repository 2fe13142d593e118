// The writers behind format_papers(), one source file each, and what they
// share: the buffered Output they write to and the text of each field.
#pragma once

#include <papers/format.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// Collects a writer's text and passes it to the sink in pieces, so that
/// nothing holds the whole output and a gone reader stops the writer early.
class Output {
 public:
  explicit Output(OutputSink& sink) : sink_(sink) {}

  /// Where the writer appends.
  std::string& text() { return buffer_; }

  /// False once the sink refused a piece: stop writing.
  bool ok() const { return ok_; }

  /// A record is complete: passes the text on now, or once 64 KiB gathered.
  void end_record(bool now = false);

  /// Passes on the rest; returns ok().
  bool finish();

 private:
  void flush();

  OutputSink& sink_;
  std::string buffer_;
  bool ok_ = true;
};

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

/// The --fields name of `field` (also the CSV header and the JSON key).
std::string_view field_name(Field field);

/// The columns of CSV and TSV without --fields: the JSON record, flattened.
std::vector<Field> default_flat_fields();

/// Authors joined by `separator`.
std::string join_authors(const std::vector<std::string_view>& authors,
                         std::string_view separator);

/// One summary bullet as plain text: `Label: text` (markdown rendered).
std::string plain_summary_item(const SummaryItem& item);

/// All summary bullets as plain text, joined by `separator`.
std::string plain_summary(const Paper& paper, std::string_view separator);

/// The colour escapes of the table and card (SGR): bold headers, votes.
inline constexpr std::string_view kStyleHeader = "\x1b[1m";
inline constexpr std::string_view kStyleVotes = "\x1b[32m";
inline constexpr std::string_view kStyleReset = "\x1b[0m";

/// One RFC 4180 cell: quoted when it holds `,`, `"`, CR or LF, quotes
/// doubled (format_csv.cpp; the insight writers use it too).
void append_csv_cell(std::string_view value, std::string& out);

/// One TSV cell: tab, newline, CR and backslash escaped as \t \n \r \\.
void append_tsv_cell(std::string_view value, std::string& out);

}  // namespace papers
