#include "text_width.hpp"

#include "utf8.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace papers {
namespace {

std::size_t char_width(utf8proc_int32_t cp) {
  const int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : static_cast<std::size_t>(w);
}

bool is_regional_indicator(utf8proc_int32_t cp) {
  return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

struct Cluster {
  std::size_t end = 0;    // one past its last byte
  std::size_t width = 0;  // display columns
};

// The grapheme cluster that starts at text[i] (i < text.size()).
Cluster next_cluster(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  // ASCII followed by ASCII, a Hangul syllable or the end is a cluster of
  // its own, except CR LF, which only matters for cutting and is never
  // shown raw anyway.
  if (c < 0x80
      && (i + 1 == text.size() || static_cast<unsigned char>(text[i + 1]) < 0x80
          || hangul_syllable_at(text, i + 1))) {
    return Cluster{i + 1, (c >= 0x20 && c != 0x7F) ? 1U : 0U};
  }
  // A Hangul syllable followed by ASCII, another syllable or the end is a
  // cluster of two columns: only conjoining jamo, marks or a joiner extend
  // it, and none of them is ASCII or a precomposed syllable (UAX #29 GB6-9).
  // Korean summaries are mostly syllables: this skips utf8proc for them.
  if (hangul_syllable_at(text, i)
      && (i + 3 == text.size() || static_cast<unsigned char>(text[i + 3]) < 0x80
          || hangul_syllable_at(text, i + 3))) {
    return Cluster{i + 3, 2};
  }
  const auto first = decode_at(text, i);
  std::size_t end = i + first.length;
  if (first.cp < 0) {
    return Cluster{end, 1};  // shown as U+FFFD
  }
  std::size_t width = char_width(first.cp);
  bool widened = false;  // emoji presentation selector or a flag pair
  utf8proc_int32_t prev = first.cp;
  utf8proc_int32_t state = 0;
  while (end < text.size()) {
    const auto d = decode_at(text, end);
    if (d.cp < 0 || utf8proc_grapheme_break_stateful(prev, d.cp, &state)) {
      break;
    }
    width = std::max(width, char_width(d.cp));
    widened = widened || d.cp == 0xFE0F
              || (is_regional_indicator(d.cp) && is_regional_indicator(prev));
    prev = d.cp;
    end += d.length;
  }
  if (widened && width == 1) {
    width = 2;
  }
  return Cluster{end, width};
}

void append_code_point(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Bidirectional embeddings, overrides and isolates: a terminal that applies
// them shows text in an order other than the bytes' ("Trojan Source").
bool is_bidi_control(utf8proc_int32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

constexpr std::string_view kReplacement = "\uFFFD";

// Combining marks kept in a row; a grapheme cluster of real text (Vietnamese,
// Hebrew with points, Indic) has far fewer.
constexpr std::size_t kMaxMarks = 16;

// A letter, mark, digit or symbol (emoji): what may stand on both sides of
// a ZWJ or ZWNJ that belongs to a word. -1 (no character, a bad byte) is not.
bool word_char(utf8proc_int32_t cp) {
  if (is_letter_or_number(cp)) {
    return true;
  }
  switch (cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
  case UTF8PROC_CATEGORY_SO:
    return true;
  default:
    return false;
  }
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto cluster = next_cluster(text, i);
    width += cluster.width;
    i = cluster.end;
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) {
    return std::string(text);
  }
  if (columns == 0) {
    return {};
  }
  const std::size_t budget = columns - 1;  // room for the ellipsis
  std::size_t width = 0;
  std::size_t cut = 0;
  while (cut < text.size()) {
    const auto cluster = next_cluster(text, cut);
    if (width + cluster.width > budget) {
      break;
    }
    width += cluster.width;
    cut = cluster.end;
  }
  // "word …" reads worse than "word…", and the space would be wasted.
  while (cut > 0 && text[cut - 1] == ' ') {
    --cut;
  }
  std::string out(text.substr(0, cut));
  out += "…";
  return out;
}

std::vector<std::string> wrap_to_width(std::string_view text,
                                       std::size_t columns) {
  std::vector<std::string> lines;
  if (columns == 0) {
    lines.emplace_back(text);
    return lines;
  }
  std::string line;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    const auto end = std::min(text.find(' ', i), text.size());
    const auto word = text.substr(i, end - i);
    i = end;
    const std::size_t width = display_width(word);
    if (!line.empty() && line_width + 1 + width <= columns) {
      line += ' ';
      line += word;
      line_width += 1 + width;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (width <= columns) {
      line.assign(word);
      line_width = width;
      continue;
    }
    // A word wider than a line: cut it between grapheme clusters, each
    // piece holding at least one cluster so that a narrow width progresses.
    std::size_t k = 0;
    while (k < word.size()) {
      const auto cluster = next_cluster(word, k);
      if (!line.empty() && line_width + cluster.width > columns) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
      }
      line.append(word.substr(k, cluster.end - k));
      line_width += cluster.width;
      k = cluster.end;
    }
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string sanitize_for_terminal(std::string_view text, bool one_line) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  std::size_t marks = 0;       // combining marks in a row so far
  utf8proc_int32_t prev = -1;  // the code point before text[i]
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      marks = 0;
      prev = c;
      ++i;
      continue;
    }
    if (c < 0x80) {
      marks = 0;
      prev = c;
      if (c == '\n') {
        out += one_line ? ' ' : '\n';
      } else if (c == '\t') {
        out += ' ';  // its width depends on the column: unknowable here
      } else if (c == 0x7F) {
        out += "\u2421";  // ␡
      } else {
        // U+2400 + c: the Control Pictures block (␛ for ESC, ␈ for BS).
        append_code_point(out, 0x2400 + c);
      }
      ++i;
      continue;
    }
    const auto len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += kReplacement;
      prev = -1;
      ++i;
      continue;
    }
    const auto cp = decode_at(text, i).cp;
    const auto category = utf8proc_category(cp);
    const bool mark = category == UTF8PROC_CATEGORY_MN
                      || category == UTF8PROC_CATEGORY_MC
                      || category == UTF8PROC_CATEGORY_ME;
    marks = mark ? marks + 1 : 0;
    if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      out += kReplacement;  // C1 controls include CSI and OSC (0x9B, 0x9D)
    } else if (cp == 0x2028 || cp == 0x2029) {
      out += one_line ? ' ' : '\n';
    } else if (cp == 0xAD) {
      // A soft hyphen only says where a word may break: dropped.
    } else if (category == UTF8PROC_CATEGORY_CF
               && !((cp == 0x200C || cp == 0x200D) && word_char(prev)
                    && i + len < text.size()
                    && word_char(decode_at(text, i + len).cp))) {
      // Invisible format characters (marks of direction, the BOM, tags,
      // word joiners) can hide or reorder text; ZWJ and ZWNJ inside a word
      // (emoji sequences, Indic and Persian spelling) are part of it.
      out += kReplacement;
    } else if (mark && marks > kMaxMarks) {
      // Dropped: one cluster of thousands of marks ("Zalgo" text) would be
      // a line of megabytes that is still 1 column wide.
    } else {
      out.append(text.substr(i, len));
    }
    prev = cp;
    i += len;
  }
  return out;
}

namespace {

// Words a snippet may show before its first match, at most.
constexpr std::size_t kLeadColumns = 40;
constexpr std::string_view kEllipsis = "…";

struct SnippetCluster {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t width = 0;
};

std::vector<SnippetCluster> clusters_of(std::string_view text) {
  std::vector<SnippetCluster> out;
  out.reserve(text.size() / 2 + 1);
  std::size_t i = 0;
  while (i < text.size()) {
    const Cluster c = next_cluster(text, i);
    out.push_back({i, c.end, c.width});
    i = c.end;
  }
  return out;
}

}  // namespace

std::string cut_around(
    std::string_view text,
    std::pair<std::size_t, std::size_t> first,
    std::size_t columns,
    std::vector<std::pair<std::size_t, std::size_t>>& marks) {
  const auto clusters = clusters_of(text);
  std::size_t total = 0;
  for (const auto& c : clusters) {
    total += c.width;
  }
  if (total <= columns || clusters.empty()) {
    return std::string(text);
  }
  const std::size_t ellipsis = 1;
  // The cluster holding the match's first byte.
  std::size_t at = 0;
  while (at + 1 < clusters.size() && clusters[at].end <= first.first) {
    ++at;
  }
  // Start up to std::min<std::size_t>(kLeadColumns, columns / 4) before the
  // match, at a word if there is one.
  std::size_t start = at;
  std::size_t lead = 0;
  while (start > 0
         && lead + clusters[start - 1].width
                <= std::min<std::size_t>(kLeadColumns, columns / 4)) {
    lead += clusters[start - 1].width;
    --start;
  }
  if (start > 0) {
    for (std::size_t k = start; k < at; ++k) {
      if (text[clusters[k].begin] == ' ') {
        start = k + 1;
        break;
      }
    }
  }
  // Extend right as far as the width allows; when the text ends first,
  // give the rest of the room to the left.
  auto budget = [&](std::size_t s, bool cut_right) {
    return columns - (s > 0 ? ellipsis : 0) - (cut_right ? ellipsis : 0);
  };
  std::size_t end = start;
  std::size_t used = 0;
  while (end < clusters.size()
         && used + clusters[end].width <= budget(start, true)) {
    used += clusters[end].width;
    ++end;
  }
  if (end < clusters.size() && end + 1 == clusters.size()
      && used + clusters[end].width <= budget(start, false)) {
    used += clusters[end].width;
    ++end;
  }
  if (end == clusters.size()) {
    while (start > 0
           && used + clusters[start - 1].width <= budget(start - 1, false)) {
      used += clusters[start - 1].width;
      --start;
    }
  }
  // "… word" reads worse than "…word".
  while (start > 0 && start < at && text[clusters[start].begin] == ' ') {
    ++start;
  }
  const std::size_t from = clusters[start].begin;
  const std::size_t to =
      end < clusters.size() ? clusters[end].begin : text.size();
  std::string out;
  std::size_t shift = 0;
  if (start > 0) {
    out += kEllipsis;
    shift = kEllipsis.size();
  }
  out.append(text.substr(from, to - from));
  if (to < text.size()) {
    out += kEllipsis;
  }
  std::vector<std::pair<std::size_t, std::size_t>> kept;
  for (const auto& [b, e] : marks) {
    const std::size_t cb = std::max(b, from);
    const std::size_t ce = std::min(e, to);
    if (cb < ce) {
      kept.emplace_back(cb - from + shift, ce - from + shift);
    }
  }
  marks = std::move(kept);
  return out;
}

}  // namespace papers
