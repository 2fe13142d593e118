// The paper fields, described once: each Field's name (the --fields name,
// JSON key and CSV header), table header and column kind, JSON type, and
// how it is written in each shape (a JSON value, a flat CSV/TSV cell, a
// table cell). Every paper writer reads this table; adding a field is one
// enum entry in format.hpp and one row in paper_fields.cpp.
#pragma once

#include "output_engine.hpp"

#include <papers/format.hpp>
#include <papers/paper.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace papers {

/// What a field's writers may look at: the paper and its place in the
/// output. (A field computed by a query, such as a score, adds its input
/// here.)
struct FieldContext {
  const Paper& paper;
  std::size_t rank = 0;  ///< 1-based position in the output
  /// Table fitted to a width: lists may be shortened (authors "A, B +3").
  bool shorten = false;
  /// Under top --per: the name of the paper's period ("" for none).
  std::string_view period = {};
  /// Search results: the row's score and snippet (null elsewhere).
  const Hit* hit = nullptr;
};

/// The JSON type of a field's value (documented in the man page; also the
/// column type of a typed export).
enum class JsonType {
  kInteger,
  kIntegerOrNull,
  kNumberOrNull,  ///< the search score
  kString,
  kStringOrNull,
  kStringList,
  kObjectList,  ///< the summary: [{"label": string|null, "text": string}]
  kBoolean,
};

struct FieldSpec {
  Field field;
  std::string_view name;    ///< --fields name, JSON key, CSV/TSV header
  std::string_view header;  ///< table header
  ColumnKind column;        ///< table layout: kNumber, kFree or kText
  JsonType json_type;
  /// Appends the JSON value.
  void (*json)(const FieldContext&, std::string& out);
  /// The text of a CSV/TSV cell: lists joined, unknown values empty.
  std::string (*flat)(const FieldContext&);
  /// The text of a table cell: unknown values "-".
  std::string (*cell)(const FieldContext&);
  /// Cuts a table cell to `width` columns when it does not fit; nullptr:
  /// the cell text cut with "…".
  std::string (*cut)(const FieldContext&, std::size_t width) = nullptr;
};

/// The description of `field`.
const FieldSpec& field_spec(Field field);

/// The snippet of `hit` sanitised for a terminal a piece at a time, with
/// its marks moved to the sanitised text.
std::string sanitized_snippet(
    const Hit& hit, std::vector<std::pair<std::size_t, std::size_t>>& marks);

/// Every field, in Field order.
std::span<const FieldSpec> field_specs();

/// The top-level keys of the fixed JSON record, in order (its "source"
/// object holds file and line).
std::span<const Field> record_fields();

}  // namespace papers
