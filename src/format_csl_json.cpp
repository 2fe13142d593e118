// CSL-JSON (the Citation Style Language's item format, read by pandoc
// --citeproc, Zotero and citeproc-js): one array of items, `id` the
// citation key (citation.hpp), `type` "article", title, authors as
// {family, given} split on the last space (organisations and one-word
// names as {literal}), `issued` date-parts from the arXiv id (else the
// digest date), URL, `number` the arXiv id, and the Daily Papers note.
#include "citation.hpp"
#include "format_writers.hpp"

namespace papers {
namespace {

void append_item(const Paper& paper, std::string_view key, std::string& out) {
  out += '{';
  append_json_key("id", out);
  append_json_string(key, out);
  out += ", ";
  append_json_key("type", out);
  out += "\"article\", ";
  append_json_key("title", out);
  append_json_string(paper.title, out);
  out += ", ";
  append_json_key("author", out);
  out += '[';
  for (std::size_t i = 0; i < paper.authors.size(); ++i) {
    out += i > 0 ? ", {" : "{";
    const NameParts name = split_name(paper.authors[i]);
    if (!name.literal.empty()) {
      append_json_key("literal", out);
      append_json_string(name.literal, out);
    } else {
      append_json_key("family", out);
      append_json_string(name.family, out);
      out += ", ";
      append_json_key("given", out);
      append_json_string(name.given, out);
    }
    out += '}';
  }
  out += ']';
  const Issued when = issued(paper);
  if (when.year > 0) {
    out += ", ";
    append_json_key("issued", out);
    out += "{\"date-parts\": [[";
    append_json_int(when.year, out);
    if (when.month > 0) {
      out += ", ";
      append_json_int(when.month, out);
      if (when.day > 0) {
        out += ", ";
        append_json_int(when.day, out);
      }
    }
    out += "]]}";
  }
  const std::string url = abstract_url(paper);
  if (!url.empty()) {
    out += ", ";
    append_json_key("URL", out);
    append_json_string(url, out);
  }
  if (paper.id) {
    out += ", ";
    append_json_key("number", out);
    append_json_string(*paper.id, out);
    out += ", ";
    append_json_key("publisher", out);
    out += "\"arXiv\"";
  }
  out += ", ";
  append_json_key("note", out);
  append_json_string(daily_papers_note(paper), out);
  out += '}';
}

}  // namespace

void write_csl_json(std::span<const Paper* const> papers,
                    const FormatOptions& /*options*/,
                    Output& out) {
  const std::vector<std::string> keys = citation_keys(papers);
  write_json_records(papers.size(),
                     /*lines=*/false,
                     out,
                     [&](std::size_t i, std::string& text) {
                       append_item(*papers[i], keys[i], text);
                     });
}

}  // namespace papers
