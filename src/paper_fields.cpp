#include "paper_fields.hpp"

#include "format_writers.hpp"
#include "text_width.hpp"

#include <papers/summary.hpp>

#include <algorithm>
#include <array>

namespace papers {
namespace {

// Authors shown before "+N" when the table is fitted to a width.
constexpr std::size_t kShownAuthors = 3;

using Ctx = FieldContext;

std::string text_or(const std::optional<std::string_view>& value,
                    std::string_view unknown) {
  return std::string(value.value_or(unknown));
}

std::string number_or(const std::optional<std::int64_t>& value,
                      std::string_view unknown) {
  return value ? std::to_string(*value) : std::string(unknown);
}

std::string date_or(const std::optional<Date>& date, std::string_view unknown) {
  return date ? date->to_string() : std::string(unknown);
}

void json_date(const std::optional<Date>& date, std::string& out) {
  if (date) {
    append_json_string(date->to_string(), out);
  } else {
    out += "null";
  }
}

void json_summary(std::string_view raw, std::string& out) {
  const auto summary = split_summary(raw);
  out += '[';
  for (std::size_t i = 0; i < summary.size(); ++i) {
    if (i > 0) {
      out += ", ";
    }
    out += '{';
    append_json_key("label", out);
    append_json_optional(summary[i].label, out);
    out += ", ";
    append_json_key("text", out);
    append_json_string(summary[i].text, out);
    out += '}';
  }
  out += ']';
}

// The labelled facts: [{"label": string, "value": string}].
void json_fields(const Paper& paper, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < paper.fields.size(); ++i) {
    out += i > 0 ? ", {" : "{";
    append_json_key("label", out);
    append_json_string(paper.fields[i].label, out);
    out += ", ";
    append_json_key("value", out);
    append_json_string(paper.fields[i].value, out);
    out += '}';
  }
  out += ']';
}

// At most kShownAuthors names, then "+N" for the others: as many names as
// fit `width` (0: no limit), so that the count survives a narrow column.
std::string shortened_authors(const std::vector<std::string_view>& authors,
                              std::size_t width) {
  const std::size_t n = authors.size();
  if (n == 0) {
    return "-";
  }
  std::string out;
  for (std::size_t k = std::min(n, kShownAuthors); k >= 1; --k) {
    out.clear();
    for (std::size_t i = 0; i < k; ++i) {
      out += i > 0 ? ", " : "";
      out += sanitize_for_terminal(authors[i], true);
    }
    if (k == n - 1) {  // "+1" is no shorter than the name it replaces
      out += ", " + sanitize_for_terminal(authors[k], true);
    } else if (k < n) {
      out += " +" + std::to_string(n - k);
    }
    if (width == 0 || display_width(out) <= width) {
      return out;
    }
  }
  // Not even one name fits: cut it, keep the count.
  const std::string more = n > 1 ? " +" + std::to_string(n - 1) : "";
  const std::string first = sanitize_for_terminal(authors.front(), true);
  if (width > more.size() + 1) {
    return truncate_to_width(first, width - more.size()) + more;
  }
  return truncate_to_width(first + more, width);
}

std::string score_or(const Hit* hit, std::string_view unknown) {
  return hit != nullptr && hit->score ? score_text(*hit->score)
                                      : std::string(unknown);
}

// The MATCH cell cut to `width` around its first match, so the column
// shows it.
std::string cut_snippet(const Ctx& c, std::size_t width) {
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  const std::string text = sanitized_snippet(*c.hit, marks);
  if (marks.empty()) {
    return truncate_to_width(text, width);
  }
  const auto first = marks.front();
  return truncate_to_width(cut_around(text, first, width, marks), width);
}

// One row per Field, in Field order: name, header, column, JSON type, then
// how to write the JSON value, the CSV/TSV cell and the table cell.
constexpr std::array kSpecs = {
    FieldSpec{
        Field::kRank,
        "rank",
        "#",
        ColumnKind::kNumber,
        JsonType::kInteger,
        [](const Ctx& c, std::string& out) {
          append_json_int(static_cast<std::int64_t>(c.rank), out);
        },
        [](const Ctx& c) { return std::to_string(c.rank); },
        [](const Ctx& c) { return std::to_string(c.rank); },
    },
    FieldSpec{
        Field::kPeriod,
        "period",
        "PERIOD",
        ColumnKind::kText,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) {
          append_json_optional(c.period.empty()
                                   ? std::nullopt
                                   : std::optional<std::string_view>(c.period),
                               out);
        },
        [](const Ctx& c) { return std::string(c.period); },
        [](const Ctx& c) {
          return c.period.empty() ? std::string("-") : std::string(c.period);
        },
    },
    FieldSpec{
        Field::kId,
        "id",
        "ID",
        ColumnKind::kText,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) {
          append_json_optional(c.paper.id, out);
        },
        [](const Ctx& c) { return text_or(c.paper.id, ""); },
        [](const Ctx& c) { return text_or(c.paper.id, "-"); },
    },
    FieldSpec{
        Field::kDate,
        "date",
        "DATE",
        ColumnKind::kText,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) { json_date(c.paper.date, out); },
        [](const Ctx& c) { return date_or(c.paper.date, ""); },
        [](const Ctx& c) { return date_or(c.paper.date, "-"); },
    },
    FieldSpec{
        Field::kTitle,
        "title",
        "TITLE",
        ColumnKind::kFree,
        JsonType::kString,
        [](const Ctx& c, std::string& out) {
          append_json_string(c.paper.title, out);
        },
        [](const Ctx& c) { return std::string(c.paper.title); },
        [](const Ctx& c) { return std::string(c.paper.title); },
    },
    FieldSpec{
        Field::kUrl,
        "url",
        "URL",
        ColumnKind::kFree,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) {
          append_json_optional(c.paper.url, out);
        },
        [](const Ctx& c) { return text_or(c.paper.url, ""); },
        [](const Ctx& c) { return text_or(c.paper.url, "-"); },
    },
    FieldSpec{
        Field::kVotes,
        "votes",
        "VOTES",
        ColumnKind::kNumber,
        JsonType::kIntegerOrNull,
        [](const Ctx& c, std::string& out) {
          append_json_optional(c.paper.votes, out);
        },
        [](const Ctx& c) { return number_or(c.paper.votes, ""); },
        [](const Ctx& c) { return number_or(c.paper.votes, "-"); },
    },
    FieldSpec{
        Field::kAuthors,
        "authors",
        "AUTHORS",
        ColumnKind::kFree,
        JsonType::kStringList,
        [](const Ctx& c, std::string& out) {
          append_json_strings(c.paper.authors, out);
        },
        [](const Ctx& c) { return join_authors(c.paper.authors, "; "); },
        [](const Ctx& c) {
          if (c.paper.authors.empty()) {
            return std::string("-");
          }
          return c.shorten ? shortened_authors(c.paper.authors, 0)
                           : join_authors(c.paper.authors, ", ");
        },
        [](const Ctx& c, std::size_t width) {
          return shortened_authors(c.paper.authors, width);
        },
    },
    FieldSpec{
        Field::kAuthorsTruncated,
        "authors_truncated",
        "ET AL",
        ColumnKind::kText,
        JsonType::kBoolean,
        [](const Ctx& c, std::string& out) {
          out += c.paper.authors_truncated ? "true" : "false";
        },
        [](const Ctx& c) {
          return std::string(c.paper.authors_truncated ? "true" : "false");
        },
        [](const Ctx& c) {
          return std::string(c.paper.authors_truncated ? "yes" : "no");
        },
    },
    FieldSpec{
        Field::kThumbnail,
        "thumbnail",
        "THUMBNAIL",
        ColumnKind::kFree,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) {
          append_json_optional(c.paper.thumbnail, out);
        },
        [](const Ctx& c) { return text_or(c.paper.thumbnail, ""); },
        [](const Ctx& c) { return text_or(c.paper.thumbnail, "-"); },
    },
    FieldSpec{
        Field::kVideo,
        "video",
        "VIDEO",
        ColumnKind::kFree,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) {
          append_json_optional(c.paper.video, out);
        },
        [](const Ctx& c) { return text_or(c.paper.video, ""); },
        [](const Ctx& c) { return text_or(c.paper.video, "-"); },
    },
    FieldSpec{
        Field::kSummary,
        "summary",
        "SUMMARY",
        ColumnKind::kFree,
        JsonType::kObjectList,
        [](const Ctx& c, std::string& out) {
          json_summary(c.paper.summary, out);
        },
        [](const Ctx& c) { return plain_summary(c.paper, "\n"); },
        [](const Ctx& c) {
          return c.paper.summary.empty() ? std::string("-")
                                         : plain_summary(c.paper, "; ");
        },
    },
    FieldSpec{
        Field::kFields,
        "fields",
        "FIELDS",
        ColumnKind::kFree,
        JsonType::kObjectList,
        [](const Ctx& c, std::string& out) { json_fields(c.paper, out); },
        [](const Ctx& c) { return join_fields(c.paper, "; "); },
        [](const Ctx& c) {
          return c.paper.fields.empty() ? std::string("-")
                                        : join_fields(c.paper, "; ");
        },
    },
    FieldSpec{
        Field::kFile,
        "file",
        "FILE",
        ColumnKind::kFree,
        JsonType::kString,
        [](const Ctx& c, std::string& out) {
          append_json_string(c.paper.source.file, out);
        },
        [](const Ctx& c) { return std::string(c.paper.source.file); },
        [](const Ctx& c) { return std::string(c.paper.source.file); },
    },
    FieldSpec{
        Field::kLine,
        "line",
        "LINE",
        ColumnKind::kNumber,
        JsonType::kInteger,
        [](const Ctx& c, std::string& out) {
          append_json_int(c.paper.source.line, out);
        },
        [](const Ctx& c) { return std::to_string(c.paper.source.line); },
        [](const Ctx& c) { return std::to_string(c.paper.source.line); },
    },
    FieldSpec{
        Field::kScore,
        "score",
        "SCORE",
        ColumnKind::kNumber,
        JsonType::kNumberOrNull,
        [](const Ctx& c, std::string& out) { out += score_or(c.hit, "null"); },
        [](const Ctx& c) { return score_or(c.hit, ""); },
        [](const Ctx& c) { return score_or(c.hit, "-"); },
    },
    FieldSpec{
        Field::kSnippet,
        "snippet",
        "MATCH",
        ColumnKind::kFree,
        JsonType::kStringOrNull,
        [](const Ctx& c, std::string& out) {
          if (c.hit != nullptr) {
            append_json_string(c.hit->snippet, out);
          } else {
            out += "null";
          }
        },
        [](const Ctx& c) {
          return c.hit != nullptr ? c.hit->snippet : std::string();
        },
        [](const Ctx& c) {
          return c.hit != nullptr ? c.hit->snippet : std::string("-");
        },
        [](const Ctx& c, std::size_t width) {
          return c.hit != nullptr ? cut_snippet(c, width)
                                  : truncate_to_width("-", width);
        },
    },
};

constexpr bool in_field_order() {
  for (std::size_t i = 0; i < kSpecs.size(); ++i) {
    if (static_cast<std::size_t>(kSpecs[i].field) != i) {
      return false;
    }
  }
  return true;
}

static_assert(in_field_order(), "kSpecs must list every Field in order");

}  // namespace

std::string sanitized_snippet(
    const Hit& hit, std::vector<std::pair<std::size_t, std::size_t>>& marks) {
  std::string out;
  marks.clear();
  const std::string_view snippet = hit.snippet;
  std::size_t at = 0;
  for (const auto& [begin, end] : hit.marks) {
    if (begin < at || end > snippet.size() || begin >= end) {
      continue;
    }
    out += sanitize_for_terminal(snippet.substr(at, begin - at), true);
    const std::size_t mark = out.size();
    out += sanitize_for_terminal(snippet.substr(begin, end - begin), true);
    marks.emplace_back(mark, out.size());
    at = end;
  }
  out += sanitize_for_terminal(snippet.substr(at), true);
  return out;
}

const FieldSpec& field_spec(Field field) {
  return kSpecs.at(static_cast<std::size_t>(field));
}

std::span<const FieldSpec> field_specs() { return kSpecs; }

std::span<const Field> record_fields() {
  static constexpr std::array kRecord = {Field::kId,
                                         Field::kDate,
                                         Field::kTitle,
                                         Field::kUrl,
                                         Field::kVotes,
                                         Field::kAuthors,
                                         Field::kAuthorsTruncated,
                                         Field::kThumbnail,
                                         Field::kVideo,
                                         Field::kSummary,
                                         Field::kFields};
  return kRecord;
}

std::span<const std::string_view> field_names() {
  static constexpr auto kNames = [] {
    std::array<std::string_view, kSpecs.size()> names{};
    for (std::size_t i = 0; i < kSpecs.size(); ++i) {
      names[i] = kSpecs[i].name;
    }
    return names;
  }();
  return kNames;
}

}  // namespace papers
