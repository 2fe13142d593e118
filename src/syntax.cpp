#include "syntax.hpp"

#include "ascii.hpp"
#include "paper_parse.hpp"

#include <cmark.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace papers::syntax {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Case-insensitive ASCII search.
std::size_t find_nocase(std::string_view s,
                        std::string_view needle,
                        std::size_t from = 0) {
  if (needle.empty() || s.size() < needle.size()) {
    return std::string_view::npos;
  }
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < needle.size(); ++k) {
      if (ascii_lower(s[i + k]) != ascii_lower(needle[k])) {
        match = false;
        break;
      }
    }
    if (match) {
      return i;
    }
  }
  return std::string_view::npos;
}

// The label as looked up: ASCII lower case, runs of spaces folded to one,
// a trailing `(s)` kept (it is in the tables).
std::string fold_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (const char c : trim(label)) {
    if (c == ' ' || c == '\t' || c == '_') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
    space = false;
    out += ascii_lower(c);
  }
  return out;
}

struct Synonyms {
  FieldKind kind;
  std::vector<std::string_view> names;  // folded
};

// One table of synonyms per field. Extend here: the man page lists them
// (papers --help does not), and tests/unit/syntax_test.cpp checks a few.
const std::vector<Synonyms>& synonym_tables() {
  static const std::vector<Synonyms> kTables = {
      {FieldKind::kAuthors,
       {"authors",  "author",        "author(s)", "authors list",
        "by",       "written by",    "作者",      "作者们",
        "作者列表", "研究机构/作者", "作者/机构", "作者与机构",
        "著者",     "著者名",        "저자",      "저자들",
        "tác giả",  "nhóm tác giả",  "auteurs",   "auteur",
        "autoren",  "autor",         "autores",   "авторы"}},
      {FieldKind::kVotes,
       {"vote",       "votes",          "upvote",    "upvotes",  "hf upvotes",
        "likes",      "like",           "👍",         "⬆️",   "⬆",
        "点赞",       "点赞数",         "赞",        "赞同",     "票数",
        "投票数",     "得票",           "いいね",    "いいね数", "추천",
        "추천 수",    "추천수",         "좋아요",    "득표",     "투표",
        "lượt thích", "lượt bình chọn", "bình chọn", "votos"}},
      {FieldKind::kId,
       {"arxiv id",
        "arxiv",
        "arxiv-id",
        "arxiv 编号",
        "arxiv编号",
        "arxiv 号",
        "论文id",
        "论文 id",
        "论文编号",
        "paper id",
        "id",
        "arxiv 번호",
        "논문 id",
        "mã arxiv",
        "arxiv番号"}},
      {FieldKind::kTitle,
       {"title",
        "paper title",
        "标题",
        "论文标题",
        "題名",
        "タイトル",
        "論文タイトル",
        "제목",
        "논문 제목",
        "tiêu đề",
        "titre",
        "titel"}},
      {FieldKind::kLink,
       {"link",
        "links",
        "url",
        "paper",
        "paper link",
        "paper url",
        "arxiv link",
        "arxiv 链接",
        "arxiv链接",
        "arxiv url",
        "arxiv 링크",
        "hf link",
        "huggingface",
        "hugging face",
        "huggingface link",
        "huggingface 链接",
        "hf 链接",
        "链接",
        "论文链接",
        "原文链接",
        "论文地址",
        "地址",
        "pdf",
        "abs",
        "링크",
        "논문 링크",
        "liên kết",
        "đường dẫn",
        "リンク",
        "論文リンク"}},
      {FieldKind::kMeta,
       {// affiliation
        "affiliation",
        "affiliations",
        "institution",
        "institutions",
        "organization",
        "organisation",
        "机构",
        "单位",
        "作者机构",
        "所属机构",
        "研究机构",
        "所属",
        "所属機関",
        "소속",
        "기관",
        "cơ quan",
        "đơn vị",
        // the paper's own dates (never the digest's)
        "published",
        "publication date",
        "published on",
        "date",
        "submitted",
        "submitted on",
        "submission date",
        "updated",
        "日期",
        "发布日期",
        "发表日期",
        "提交日期",
        "发布时间",
        "公開日",
        "投稿日",
        "게시일",
        "발행일",
        "날짜",
        "ngày",
        "ngày xuất bản",
        "ngày đăng",
        // source, score, tags
        "source",
        "来源",
        "출처",
        "nguồn",
        "情報源",
        "score",
        "rating",
        "评分",
        "得分",
        "分数",
        "점수",
        "평점",
        "điểm",
        "スコア",
        "tags",
        "tag",
        "keywords",
        "categories",
        "category",
        "subjects",
        "标签",
        "关键词",
        "分类",
        "领域",
        "类别",
        "태그",
        "키워드",
        "분야",
        "카테고리",
        "từ khóa",
        "thẻ",
        "lĩnh vực",
        "タグ",
        "キーワード",
        "分野",
        // submitter, code, notes
        "submitted by",
        "submitter",
        "提交者",
        "推荐人",
        "投稿者",
        "제출자",
        "người gửi",
        "code",
        "github",
        "repo",
        "repository",
        "project",
        "project page",
        "homepage",
        "代码",
        "项目",
        "项目主页",
        "代码链接",
        "코드",
        "mã nguồn",
        "コード",
        "notes",
        "note",
        "笔记",
        "备注",
        "메모",
        "ghi chú"}},
  };
  return kTables;
}

// Strips a leading list marker, quote marker, numbering and symbols
// (emoji) before a label.
std::string_view strip_line_prefix(std::string_view line) {
  std::string_view s = trim(line);
  if (s.starts_with("> ")) {
    s = trim(s.substr(2));
  }
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+')
      && (s[1] == ' ' || s[1] == '\t')) {
    s = trim(s.substr(2));
  }
  // Emoji and other symbols before the label (`📒 **笔记**`): any
  // multi-byte character that is not a letter of a script we know labels
  // in, up to three of them. CJK, Hangul and Latin letters stop it.
  for (int n = 0; n < 4 && !s.empty(); ++n) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0xE2 || c > 0xF0 || c == 0xE3 || c == 0xE4 || c == 0xE5 || c == 0xE6
        || c == 0xE7 || c == 0xE8 || c == 0xE9 || c == 0xEA || c == 0xEB
        || c == 0xEC || c == 0xED || c == 0xEF) {
      // 0xEF: full-width forms; 0xE3-0xED: CJK, kana, Hangul.
      break;
    }
    std::size_t len = c >= 0xF0 ? 4 : 3;
    while (len < s.size()
           && (static_cast<unsigned char>(s[len]) == 0xEF
               || (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80)) {
      // a variation selector (EF B8 8F) or a continuation byte
      len += static_cast<unsigned char>(s[len]) == 0xEF ? std::size_t{3}
                                                        : std::size_t{1};
    }
    s = trim(s.substr(std::min(len, s.size())));
  }
  return s;
}

constexpr std::string_view kFullColon = "\xEF\xBC\x9A";  // ：

// Length of a colon (ASCII or full-width) at s[i], or 0.
std::size_t colon_at(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == ':') {
    return 1;
  }
  if (s.substr(i, kFullColon.size()) == kFullColon) {
    return kFullColon.size();
  }
  return 0;
}

// One `**Label**: value` / `**Label:** value` / `Label: value` at the start
// of `s`; the rest of the line after the value is the caller's.
std::optional<Field> parse_one_field(std::string_view s, bool plain_ok) {
  for (const std::string_view wrap : {"**", "__"}) {
    if (!s.starts_with(wrap)) {
      continue;
    }
    const auto close = s.find(wrap, wrap.size());
    if (close == std::string_view::npos || close == wrap.size()) {
      return std::nullopt;
    }
    auto label = s.substr(wrap.size(), close - wrap.size());
    auto rest = s.substr(close + wrap.size());
    // `**Label:**` or `**Label**:`
    std::size_t inner = 0;
    if (label.size() >= 1 && label.back() == ':') {
      inner = 1;
    } else if (label.size() >= kFullColon.size()
               && label.ends_with(kFullColon)) {
      inner = kFullColon.size();
    }
    if (inner > 0) {
      label.remove_suffix(inner);
    } else {
      rest = trim(rest);
      const auto colon = colon_at(rest, 0);
      if (colon == 0) {
        return std::nullopt;
      }
      rest = rest.substr(colon);
    }
    label = trim(label);
    if (label.empty() || label.size() > 80 || label.find('[') != label.npos) {
      return std::nullopt;
    }
    return Field{label, trim(rest), label_kind(label)};
  }
  if (!plain_ok) {
    return std::nullopt;
  }
  // `Label: value`, a known label only.
  for (std::size_t i = 0; i < s.size() && i < 48; ++i) {
    if (const auto colon = colon_at(s, i); colon > 0) {
      const auto label = trim(s.substr(0, i));
      const auto kind = label_kind(label);
      if (kind == FieldKind::kNone || label.empty()) {
        return std::nullopt;
      }
      return Field{label, trim(s.substr(i + colon)), kind};
    }
    if (s[i] == '*' || s[i] == '[' || s[i] == '(' || s[i] == '`') {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Heading> parse_heading(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') {
    ++i;
  }
  std::size_t level = 0;
  while (i + level < line.size() && line[i + level] == '#') {
    ++level;
  }
  if (level == 0 || level > 6) {
    return std::nullopt;
  }
  const std::size_t after = i + level;
  if (after < line.size() && line[after] != ' ' && line[after] != '\t') {
    return std::nullopt;
  }
  return Heading{static_cast<int>(level), trim(line.substr(after))};
}

std::optional<Fence> parse_fence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') {
    ++i;
  }
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) {
    return std::nullopt;
  }
  const char ch = line[i];
  std::size_t n = 0;
  while (i + n < line.size() && line[i + n] == ch) {
    ++n;
  }
  if (n < 3) {
    return std::nullopt;
  }
  // A backtick fence's info string holds no backtick: "```a``` b" is a
  // code span in a paragraph, not a fence (CommonMark 4.5).
  if (ch == '`' && line.find('`', i + n) != std::string_view::npos) {
    return std::nullopt;
  }
  return Fence{ch, n, i, 0, 0};
}

bool closes_fence(const Fence& fence, std::string_view line) {
  const auto close = parse_fence(line);
  return close && close->ch == fence.ch && close->length >= fence.length
         && trim(line).size() == close->length;
}

std::optional<std::string_view> bullet_text(std::string_view line) {
  if (line.empty() || (line[0] != '-' && line[0] != '*' && line[0] != '+')) {
    return std::nullopt;
  }
  if (line.size() == 1) {
    return std::string_view{};
  }
  if (line[1] != ' ' && line[1] != '\t') {
    return std::nullopt;
  }
  return trim(line.substr(2));
}

Labelled split_label(std::string_view text) {
  std::size_t open = 0;
  while (open < text.size() && text[open] == '*') {
    ++open;
  }
  if (open < 2 || open > 3) {
    return {std::nullopt, text};
  }
  const auto close = text.find('*', open);
  if (close == std::string_view::npos || close == open) {
    return {std::nullopt, text};
  }
  std::size_t stars = 0;
  while (close + stars < text.size() && text[close + stars] == '*') {
    ++stars;
  }
  const std::size_t colon = close + stars;
  const auto label = trim(text.substr(open, close - open));
  const bool is_label = stars <= 3 && colon < text.size() && text[colon] == ':'
                        && (colon + 1 == text.size() || text[colon + 1] == ' ')
                        && !label.empty();
  if (!is_label) {
    return {std::nullopt, text};
  }
  return {label, trim(text.substr(colon + 1))};
}

std::optional<std::string_view> date_heading_value(std::string_view text) {
  constexpr std::string_view kDatePrefix = "Daily Papers (";
  if (!starts_with(text, kDatePrefix) || !text.ends_with(')')) {
    return std::nullopt;
  }
  return text.substr(kDatePrefix.size(), text.size() - kDatePrefix.size() - 1);
}

std::optional<HeadingLink> heading_link(std::string_view text) {
  const auto mid = text.rfind("](");
  if (!text.starts_with('[') || mid == std::string_view::npos
      || !text.ends_with(')')) {
    return std::nullopt;
  }
  return HeadingLink{text.substr(1, mid - 1),
                     trim(text.substr(mid + 2, text.size() - mid - 3))};
}

namespace {

// The `src` attribute of a `<video ...>` line, trimmed like every other
// URL; empty when there is none or it is blank.
std::string_view video_src(std::string_view line) {
  const auto at = line.find("src=");
  if (at == std::string_view::npos || at + 4 >= line.size()) {
    return {};
  }
  const char quote = line[at + 4];
  if (quote != '"' && quote != '\'') {
    return {};
  }
  const auto end = line.find(quote, at + 5);
  if (end == std::string_view::npos) {
    return {};
  }
  return trim(line.substr(at + 5, end - at - 5));
}

}  // namespace

EntryLine parse_entry_line(std::string_view line) {
  const auto field = trim(line);
  if (starts_with(field, "Vote:")) {
    return {EntryLineKind::kVote, field.substr(5), false};
  }
  if (starts_with(field, "Authors:")) {
    return {EntryLineKind::kAuthors, field.substr(8), false};
  }
  if (starts_with(field, "![") && field.ends_with(')')) {
    const auto mid = field.find("](");
    if (mid != std::string_view::npos) {
      return {EntryLineKind::kThumbnail,
              trim(field.substr(mid + 2, field.size() - mid - 3)),
              false};
    }
  }
  constexpr std::string_view kWatch = "[Watch Video]";
  if (starts_with(field, kWatch)) {
    auto rest = field.substr(kWatch.size());
    const bool wrapped = rest.starts_with('(') && rest.ends_with(')');
    if (wrapped) {
      rest = rest.substr(1, rest.size() - 2);
    }
    return {EntryLineKind::kVideoLink, trim(rest), !wrapped};
  }
  if (starts_with(field, "<div><video") || starts_with(field, "<video")) {
    return {EntryLineKind::kVideoTag, video_src(field), false};
  }
  return {};
}

bool only_links(std::string_view line) {
  auto s = trim(line);
  if (s.starts_with("- ") || s.starts_with("* ")) {
    s = trim(s.substr(2));
  }
  if (s.starts_with("http://") || s.starts_with("https://")) {
    return s.find(' ') == std::string_view::npos;
  }
  if (!s.starts_with('[')) {
    return false;
  }
  // Every non-separator character lies inside a link.
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '|' || s[i] == '/' || s[i] == '-' || s[i] == ','
        || s[i] == '\xC2' || s[i] == '\xB7') {
      ++i;
      continue;
    }
    if (s[i] != '[') {
      return false;
    }
    const auto mid = s.find("](", i);
    const auto close = mid == std::string_view::npos ? mid : s.find(')', mid);
    if (close == std::string_view::npos) {
      return false;
    }
    i = close + 1;
  }
  return true;
}

bool is_thematic_break(std::string_view line) {
  const auto s = trim(line);
  if (s.size() < 3) {
    return false;
  }
  const char c = s[0];
  if (c != '-' && c != '*' && c != '_') {
    return false;
  }
  return std::all_of(
      s.begin(), s.end(), [c](char x) { return x == c || x == ' '; });
}

std::optional<std::string_view> image_url(std::string_view line) {
  const auto field = parse_entry_line(line);
  if (field.kind != EntryLineKind::kThumbnail || field.value.empty()
      || field.value.find(' ') != std::string_view::npos) {
    return std::nullopt;
  }
  return field.value;
}

std::optional<Date> canonical_path_date(std::string_view path) {
  std::string_view stem = path;
  bool has_extension = false;
  for (std::string_view ext : {".md", ".markdown"}) {
    if (stem.size() > ext.size()
        && std::equal(ext.begin(),
                      ext.end(),
                      stem.end() - static_cast<std::ptrdiff_t>(ext.size()),
                      [](char a, char b) { return a == ascii_lower(b); })) {
      stem.remove_suffix(ext.size());
      has_extension = true;
      break;
    }
  }
  constexpr std::size_t kDateLength = 10;  // YYYY-MM-DD
  if (!has_extension || stem.size() < kDateLength) {
    return std::nullopt;
  }
  const bool whole_name =
      stem.size() == kDateLength || stem[stem.size() - kDateLength - 1] == '/';
  std::string tail(stem.substr(stem.size() - kDateLength));
  if (!whole_name || tail[4] != tail[7] || (tail[4] != '-' && tail[4] != '/')) {
    return std::nullopt;
  }
  tail[4] = '-';
  tail[7] = '-';
  return Date::parse(tail);
}

bool is_escapable(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@')
         || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

namespace {

// Decodes one entity reference (`&amp;`, `&#233;`, `&#xE9;`) through cmark,
// which holds the full HTML5 entity table; "" when it is not a valid one.
// The entities titles use most skip the cmark round trip.
std::string decode_entity(std::string_view entity) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5>
      kCommon = {{{"&amp;", "&"},
                  {"&lt;", "<"},
                  {"&gt;", ">"},
                  {"&quot;", "\""},
                  {"&apos;", "'"}}};
  for (const auto& [name, value] : kCommon) {
    if (entity == name) {
      return std::string(value);
    }
  }
  std::string doc(entity);
  cmark_node* root =
      cmark_parse_document(doc.data(), doc.size(), CMARK_OPT_DEFAULT);
  std::string out;
  cmark_node* para = cmark_node_first_child(root);
  if (para != nullptr && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
    cmark_node* text = cmark_node_first_child(para);
    if (text != nullptr && cmark_node_next(text) == nullptr
        && cmark_node_get_type(text) == CMARK_NODE_TEXT) {
      const char* literal = cmark_node_get_literal(text);
      if (literal != nullptr && doc != literal) {
        out = literal;
      }
    }
  }
  cmark_node_free(root);
  return out;
}

// The longest entity reference cmark knows is 33 bytes with `&` and `;`.
constexpr std::size_t kMaxEntityLength = 40;

}  // namespace

// The search for ';' is bounded: a title full of `&` must not cost O(n^2).
std::size_t entity_length(std::string_view s, std::size_t i) {
  const auto semi = s.substr(0, i + kMaxEntityLength).find(';', i + 1);
  if (semi == std::string_view::npos || semi == i + 1) {
    return 0;
  }
  for (std::size_t k = i + 1; k < semi; ++k) {
    const char c = s[k];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || (k == i + 1 && c == '#');
    if (!ok) {
      return 0;
    }
  }
  return semi - i + 1;
}

std::string decode_link_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && is_escapable(text[i + 1])) {
      out += text[++i];
    } else if (c == '&') {
      const auto len = entity_length(text, i);
      std::string decoded =
          len ? decode_entity(text.substr(i, len)) : std::string();
      if (decoded.empty()) {
        out += c;
      } else {
        out += decoded;
        i += len - 1;
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::size_t numbered_prefix(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 4 && is_digit(text[i])) {
    ++i;
  }
  if (i == 0 || i >= text.size()) {
    return 0;
  }
  std::size_t after = 0;
  if (text[i] == '.' || text[i] == ')') {
    after = i + 1;
  } else if (text.substr(i, 3) == "\xE3\x80\x81"        // 、
             || text.substr(i, 3) == "\xEF\xBC\x8E") {  // ．
    after = i + 3;
  } else {
    return 0;
  }
  if (after == text.size()) {
    return after;
  }
  if (text[after] != ' ' && text[after] != '\t' && after == i + 1) {
    return 0;
  }
  while (after < text.size() && is_blank_char(text[after])) {
    ++after;
  }
  return after;
}

FieldKind label_kind(std::string_view label) {
  const std::string folded = fold_label(label);
  for (const auto& table : synonym_tables()) {
    for (const auto name : table.names) {
      if (folded == name) {
        return table.kind;
      }
    }
  }
  return FieldKind::kNone;
}

std::vector<std::string_view> label_synonyms(FieldKind kind) {
  for (const auto& table : synonym_tables()) {
    if (table.kind == kind) {
      return table.names;
    }
  }
  return {};
}

std::vector<Field> parse_fields(std::string_view line) {
  std::vector<Field> out;
  const auto s = strip_line_prefix(line);
  auto first = parse_one_field(s, true);
  if (!first) {
    return out;
  }
  out.push_back(*first);
  // `**A**: x | **B**: y`: more labelled segments after a `|`.
  while (true) {
    auto& last = out.back();
    const auto bar = last.value.find("| **");
    if (bar == std::string_view::npos) {
      break;
    }
    auto next = parse_one_field(trim(last.value.substr(bar + 1)), false);
    if (!next) {
      break;
    }
    last.value = trim(last.value.substr(0, bar));
    out.push_back(*next);
  }
  return out;
}

bool may_hold_reference(std::string_view text) {
  return find_nocase(text, "arxiv") != std::string_view::npos
         || find_nocase(text, "huggingface.co/papers/")
                != std::string_view::npos
         || find_nocase(text, "hf.co/papers/") != std::string_view::npos;
}

namespace {

// Where a URL or id token ends.
std::size_t token_end(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == ')' || c == ']' || c == '>' || c == '"'
        || c == '\'' || c == '|' || c == ',' || c == '*' || c == '`' || c == ';'
        || c == '<' || static_cast<unsigned char>(c) >= 0x80) {
      break;
    }
    ++i;
  }
  // A sentence's full stop is not part of the URL.
  while (i > from && (s[i - 1] == '.' || s[i - 1] == ':')) {
    --i;
  }
  return i;
}

// Start of the URL that `at` lies in (back to a scheme, a `(`, `<` or space).
std::size_t token_start(std::string_view s, std::size_t at) {
  std::size_t i = at;
  while (i > 0) {
    const char c = s[i - 1];
    if (c == ' ' || c == '\t' || c == '(' || c == '<' || c == '[' || c == '"'
        || c == '\'' || c == '|' || c == '*' || c == '`'
        || static_cast<unsigned char>(c) >= 0x80) {
      break;
    }
    --i;
  }
  return i;
}

void add_reference(std::vector<Reference>& out,
                   std::string_view id,
                   std::optional<std::string_view> url) {
  out.push_back(Reference{std::string(id), url});
}

}  // namespace

std::vector<Reference> find_references(std::string_view text, bool bare_ok) {
  std::vector<Reference> out;
  if (!may_hold_reference(text) && !bare_ok) {
    return out;
  }
  std::size_t i = 0;
  // The next match of each needle, searched again only once passed: a
  // line of a million links costs one pass, not one per link.
  std::size_t a = 0;
  std::size_t h = 0;
  std::size_t f = 0;
  bool first = true;
  while (i < text.size()) {
    if (first || (a != std::string_view::npos && a < i)) {
      a = find_nocase(text, "arxiv", i);
    }
    if (first || (h != std::string_view::npos && h < i)) {
      h = find_nocase(text, "huggingface.co/papers/", i);
    }
    if (first || (f != std::string_view::npos && f < i)) {
      f = find_nocase(text, "hf.co/papers/", i);
    }
    first = false;
    const auto at = std::min({a, h, f});
    if (at == std::string_view::npos) {
      break;
    }
    // The host in any case, as the needle was found: `ARXIV.ORG/abs/...`.
    if (at == a && find_nocase(text.substr(at + 5, 5), ".org/") == 0) {
      const auto start = token_start(text, at);
      const auto end = token_end(text, at);
      const auto url = text.substr(start, end - start);
      if (auto id = arxiv_id_view(text.substr(at, end - at))) {
        add_reference(out, *id, url);
      }
      i = end > at ? end : at + 1;
      continue;
    }
    if (at == a && (text.substr(at + 5, 1) == ":")) {
      // arXiv:2401.01234
      const auto end = token_end(text, at + 6);
      if (auto id = normalize_arxiv_id(text.substr(at + 6, end - at - 6))) {
        add_reference(out, *id, std::nullopt);
      }
      i = end > at ? end : at + 1;
      continue;
    }
    if (at == h || at == f) {
      const auto start = token_start(text, at);
      const auto end = token_end(text, at);
      const auto url = text.substr(start, end - start);
      const auto path = text.substr(at, end - at);
      // The needle matched without regard to case (`HF.CO/PAPERS/`): the
      // path starts where it does, not where a case-exact find puts it.
      const std::size_t slash = at == h ? 14 : 5;
      // The view that arxiv_id_view() returns points into its argument:
      // the URL it reads must outlive the id.
      const std::string canonical =
          "huggingface.co" + std::string(path.substr(slash));
      if (auto id = arxiv_id_view(canonical)) {
        add_reference(out, *id, url);
      }
      i = end > at ? end : at + 1;
      continue;
    }
    i = at + 5;
  }
  if (out.empty() && bare_ok) {
    // The value of an id field: `2603.01234`, `arXiv 2603.01234v2`.
    std::size_t k = 0;
    while (k < text.size()) {
      while (k < text.size() && !is_digit(text[k])
             && !(text[k] >= 'a' && text[k] <= 'z')) {
        ++k;
      }
      std::size_t e = k;
      while (e < text.size()
             && (is_alnum(text[e]) || text[e] == '.' || text[e] == '/'
                 || text[e] == '-')) {
        ++e;
      }
      auto token = text.substr(k, e - k);
      while (!token.empty() && token.back() == '.') {
        token.remove_suffix(1);
      }
      if (auto id = normalize_arxiv_id(token)) {
        add_reference(out, *id, std::nullopt);
        break;
      }
      k = e > k ? e : k + 1;
    }
  }
  return out;
}

namespace {

std::optional<std::int64_t> read_count(std::string_view s, std::size_t& i) {
  std::int64_t value = 0;
  std::size_t digits = 0;
  while (i < s.size() && (is_digit(s[i]) || (s[i] == ',' && digits > 0))) {
    if (s[i] != ',') {
      if (value > 1'000'000'000'000LL) {
        return std::nullopt;
      }
      value = value * 10 + (s[i] - '0');
      ++digits;
    }
    ++i;
  }
  if (digits == 0) {
    return std::nullopt;
  }
  return value;
}

// Vote marks a count may follow: ⬆️ ⬆ 👍 ▲ 🔼.
constexpr std::array<std::string_view, 5> kVoteMarks = {
    "\xE2\xAC\x86",      // ⬆
    "\xF0\x9F\x91\x8D",  // 👍
    "\xE2\x96\xB2",      // ▲
    "\xF0\x9F\x94\xBC",  // 🔼
    "\xF0\x9F\x91\x8D"};

bool is_score_after(std::string_view s, std::size_t i) {
  // `84/100`, `8.5/10`, `84 / 100`, `84分`: a score, not votes.
  while (i < s.size() && (s[i] == ' ' || s[i] == '.' || is_digit(s[i]))) {
    ++i;
  }
  return (i < s.size() && s[i] == '/')
         || s.substr(i, 3) == "\xE5\x88\x86";  // 分
}

}  // namespace

std::optional<std::int64_t> find_vote_token(std::string_view text) {
  for (const auto mark : kVoteMarks) {
    for (auto at = text.find(mark); at != std::string_view::npos;
         at = text.find(mark, at + 1)) {
      std::size_t i = at + mark.size();
      // a variation selector, then spaces or a colon
      if (text.substr(i, 3) == "\xEF\xB8\x8F") {
        i += 3;
      }
      while (i < text.size() && (text[i] == ' ' || text[i] == ':')) {
        ++i;
      }
      const std::size_t start = i;
      if (auto n = read_count(text, i); n && !is_score_after(text, start)) {
        return n;
      }
    }
  }
  // `(175 votes)`, `175 upvotes`, `12 likes`.
  for (const std::string_view word : {"vote", "upvote", "like", "票", "赞"}) {
    for (auto at = find_nocase(text, word); at != std::string_view::npos;
         at = find_nocase(text, word, at + 1)) {
      std::size_t j = at;
      while (j > 0 && text[j - 1] == ' ') {
        --j;
      }
      std::size_t k = j;
      while (k > 0 && (is_digit(text[k - 1]) || text[k - 1] == ',')) {
        --k;
      }
      if (k == j || (k > 0 && is_alnum(text[k - 1]))) {
        continue;
      }
      // "vote" must not be the tail of a longer word ("upvotes" is found
      // as "upvote" too; "devote" is not a vote).
      if (at > 0 && j == at && is_alnum(text[at - 1])) {
        continue;
      }
      std::size_t i = k;
      if (auto n = read_count(text, i)) {
        return n;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_vote_value(std::string_view text) {
  text = trim(text);
  std::size_t i = 0;
  if (auto n = read_count(text, i)) {
    const auto rest = trim(text.substr(i));
    if (!is_score_after(text, 0) && rest.find('/') == std::string_view::npos) {
      return n;
    }
    return std::nullopt;
  }
  return find_vote_token(text);
}

namespace {

std::optional<Date> make_date(int y, int m, int d) {
  if (y < 1900 || y > 2999 || !is_valid_date(y, m, d)) {
    return std::nullopt;
  }
  return Date{y, m, d};
}

int digits_at(std::string_view s, std::size_t i, std::size_t n) {
  if (i + n > s.size()) {
    return -1;
  }
  int v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_digit(s[i + k])) {
      return -1;
    }
    v = v * 10 + (s[i + k] - '0');
  }
  return v;
}

// A date starting at s[i] (a 4-digit year not preceded by a digit).
std::optional<Date> date_at(std::string_view s, std::size_t i, bool compact) {
  if (i > 0 && is_digit(s[i - 1])) {
    return std::nullopt;
  }
  const int y = digits_at(s, i, 4);
  if (y < 0) {
    return std::nullopt;
  }
  std::size_t j = i + 4;
  if (j < s.size()
      && (s[j] == '-' || s[j] == '/' || s[j] == '.' || s[j] == '_')) {
    const char sep = s[j];
    const int m = digits_at(s, j + 1, 2);
    if (m < 0 || j + 3 >= s.size() || s[j + 3] != sep) {
      return std::nullopt;
    }
    const int d = digits_at(s, j + 4, 2);
    if (d < 0 || (j + 6 < s.size() && is_digit(s[j + 6]))) {
      return std::nullopt;
    }
    return make_date(y, m, d);
  }
  constexpr std::string_view kYear = "\xE5\xB9\xB4";   // 年
  constexpr std::string_view kMonth = "\xE6\x9C\x88";  // 月
  if (s.substr(j, 3) == kYear) {
    j += 3;
    const std::size_t mlen = digits_at(s, j, 2) >= 0 ? 2 : 1;
    const int m = digits_at(s, j, mlen);
    if (m < 0 || s.substr(j + mlen, 3) != kMonth) {
      return std::nullopt;
    }
    j += mlen + 3;
    const std::size_t dlen = digits_at(s, j, 2) >= 0 ? 2 : 1;
    const int d = digits_at(s, j, dlen);
    if (d < 0) {
      return std::nullopt;
    }
    return make_date(y, m, d);
  }
  if (compact) {
    const int m = digits_at(s, j, 2);
    const int d = digits_at(s, j + 2, 2);
    if (m >= 0 && d >= 0 && !(j + 4 < s.size() && is_digit(s[j + 4]))) {
      return make_date(y, m, d);
    }
  }
  return std::nullopt;
}

std::optional<Date> find_date_in(std::string_view text, bool compact) {
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    if ((text[i] == '1' || text[i] == '2') && is_digit(text[i + 1])) {
      if (auto d = date_at(text, i, compact)) {
        return d;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> find_date(std::string_view text) {
  return find_date_in(text, false);
}

std::optional<Date> date_in_path(std::string_view path) {
  // Components, nearest to the file first.
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (i > start) {
        parts.push_back(path.substr(start, i - start));
      }
      start = i + 1;
    }
  }
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (auto d = find_date_in(*it, true)) {
      return d;
    }
  }
  // YYYY/MM/DD.md (or YYYY/MM/DD/file.md).
  for (std::size_t k = parts.size(); k >= 3; --k) {
    const auto y = parts[k - 3];
    const auto m = parts[k - 2];
    auto d = parts[k - 1];
    if (const auto dot = d.find('.'); dot != std::string_view::npos) {
      d = d.substr(0, dot);
    }
    if (y.size() == 4 && m.size() == 2 && d.size() == 2) {
      const int yy = digits_at(y, 0, 4);
      const int mm = digits_at(m, 0, 2);
      const int dd = digits_at(d, 0, 2);
      if (yy > 0 && mm > 0 && dd > 0) {
        if (auto date = make_date(yy, mm, dd)) {
          return date;
        }
      }
    }
  }
  return std::nullopt;
}

namespace {

bool is_url(std::string_view s) {
  return starts_with(s, "http://") || starts_with(s, "https://")
         || starts_with(s, "www.");
}

// Drops separators left at the end of a title: `|`, `-`, `,`, `(`, `—`,
// `–`, `·`.
std::string_view strip_separator(std::string_view s) {
  s = trim(s);
  while (!s.empty()) {
    if (s.back() == '|' || s.back() == '-' || s.back() == ',' || s.back() == '('
        || s.back() == ':') {
      s = trim(s.substr(0, s.size() - 1));
    } else if (s.ends_with("\xE2\x80\x94") || s.ends_with("\xE2\x80\x93")) {
      s = trim(s.substr(0, s.size() - 3));
    } else if (s.ends_with("\xC2\xB7")) {
      s = trim(s.substr(0, s.size() - 2));
    } else {
      break;
    }
  }
  return s;
}

// Drops a trailing vote annotation: `*(175 votes)*`, `(12 upvotes)`,
// `⬆️ 42`, `👍 12`.
std::string_view strip_trailing_votes(std::string_view s) {
  s = trim(s);
  bool changed = true;
  while (changed) {
    changed = false;
    std::string_view t = s;
    while (!t.empty() && (t.back() == '*' || t.back() == '_')) {
      t.remove_suffix(1);
    }
    if (t.ends_with(")")) {
      const auto open = t.rfind('(');
      if (open != std::string_view::npos) {
        const auto inner = t.substr(open + 1, t.size() - open - 2);
        const bool votes = inner.size() < 40 && !trim(inner).empty()
                           && is_digit(trim(inner)[0])
                           && find_vote_token(inner).has_value();
        if (votes) {
          std::size_t cut = open;
          while (cut > 0 && (t[cut - 1] == '*' || t[cut - 1] == '_')) {
            --cut;
          }
          s = trim(t.substr(0, cut));
          changed = true;
          continue;
        }
      }
    }
    // `Title — 12 votes`, `Title | 12 upvotes`: a last segment that is only
    // a vote count.
    for (const std::string_view sep :
         {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | ", " \xC2\xB7 "}) {
      const auto at = s.rfind(sep);
      if (at == std::string_view::npos) {
        continue;
      }
      const auto tail = trim(s.substr(at + sep.size()));
      if (!tail.empty() && tail.size() < 24 && is_digit(tail[0])
          && find_vote_token(tail).has_value()) {
        s = strip_separator(s.substr(0, at));
        changed = true;
        break;
      }
    }
    if (changed) {
      continue;
    }
    for (const auto mark : kVoteMarks) {
      const auto at = s.rfind(mark);
      if (at != std::string_view::npos && at > 0) {
        std::size_t i = at + mark.size();
        if (s.substr(i, 3) == "\xEF\xB8\x8F") {
          i += 3;
        }
        while (i < s.size() && (s[i] == ' ' || s[i] == ':')) {
          ++i;
        }
        std::size_t j = i;
        if (read_count(s, j) && trim(s.substr(j)).empty()) {
          auto head = trim(s.substr(0, at));
          head = strip_separator(head);
          s = head;
          changed = true;
          break;
        }
      }
    }
  }
  return s;
}

// `**x**`, `__x__`, `*x*` around the whole text.
std::string_view unwrap_emphasis(std::string_view s) {
  for (const std::string_view w : {"**", "__", "*", "_"}) {
    if (s.size() > 2 * w.size() && s.starts_with(w) && s.ends_with(w)) {
      return trim(s.substr(w.size(), s.size() - 2 * w.size()));
    }
  }
  return s;
}

}  // namespace

std::string clean_title(std::string_view text) {
  std::string_view s = trim(text);
  // Closing ATX sequence.
  while (s.ends_with(" #") || s == "#") {
    while (!s.empty() && s.back() == '#') {
      s.remove_suffix(1);
    }
    s = trim(s);
  }
  // Numbering: `1. `, `1) `, `#1 `, `No. 1`, `[1] `.
  if (const auto n = numbered_prefix(s); n > 0) {
    s = trim(s.substr(n));
  } else if (s.size() > 2 && s[0] == '#' && is_digit(s[1])) {
    std::size_t i = 1;
    while (i < s.size() && is_digit(s[i])) {
      ++i;
    }
    if (i < s.size() && (s[i] == ' ' || s[i] == '.' || s[i] == ':')) {
      s = trim(s.substr(i + 1));
    }
  }
  for (int round = 0; round < 3; ++round) {
    s = strip_trailing_votes(s);
    // A trailing URL: `Title (https://...)`, `Title <https://...>`, or bare.
    if (s.ends_with(")") || s.ends_with(">")) {
      const char open_ch = s.back() == ')' ? '(' : '<';
      const auto open = s.rfind(open_ch);
      if (open != std::string_view::npos && open > 0
          && is_url(trim(s.substr(open + 1))) && s[open - 1] != ']') {
        s = trim(s.substr(0, open));
      }
    }
    if (const auto sp = s.rfind(' ');
        sp != std::string_view::npos && is_url(s.substr(sp + 1))) {
      s = trim(s.substr(0, sp));
    }
    s = unwrap_emphasis(s);
    // `[Title](url)` or `[Title]`.
    if (s.starts_with('[')) {
      const auto mid = s.rfind("](");
      if (mid != std::string_view::npos && s.ends_with(')')
          && s.substr(1, mid - 1).find("](") == std::string_view::npos) {
        s = trim(s.substr(1, mid - 1));
        continue;
      }
      // `[Title](url) and more text, maybe another [link](url)`: the
      // first link's text is the title.
      const auto first = s.find("](");
      if (first != std::string_view::npos
          && s.find(')', first) != std::string_view::npos) {
        s = trim(s.substr(1, first - 1));
        continue;
      }
      if (s.ends_with(']')) {
        s = trim(s.substr(1, s.size() - 2));
        continue;
      }
    }
  }
  // `Title [arXiv](url)` / `Title [PDF](url)`: a trailing link to the paper.
  if (s.ends_with(")")) {
    const auto mid = s.rfind("](");
    const auto open = mid == std::string_view::npos ? mid : s.rfind('[', mid);
    if (open != std::string_view::npos && open > 0
        && !find_references(s.substr(mid), false).empty()) {
      s = trim(s.substr(0, open));
      while (!s.empty() && (s.back() == '-' || s.back() == '|')) {
        s = trim(s.substr(0, s.size() - 1));
      }
    }
  }
  s = unwrap_emphasis(s);
  if (s.empty() || is_url(s)) {
    return {};
  }
  if (s.find('\\') == std::string_view::npos
      && s.find('&') == std::string_view::npos) {
    return std::string(s);
  }
  return decode_link_text(s);
}

namespace {

constexpr std::array<std::string_view, 10> kTruncationMarks = {"et al.",
                                                               "et al",
                                                               "and others",
                                                               "etc.",
                                                               "等人",
                                                               "等",
                                                               "외",
                                                               "...",
                                                               "…",
                                                               "ほか"};

// "not given" and the like, folded.
bool is_placeholder(std::string_view name) {
  static const std::array<std::string_view, 20> kPlaceholders = {
      "n/a",
      "na",
      "none",
      "unknown",
      "not provided",
      "not available",
      "not given",
      "-",
      "—",
      "tbd",
      "未在元数据中提供",
      "未提供",
      "暂无",
      "无",
      "未知",
      "不详",
      "정보 없음",
      "없음",
      "không có",
      "không rõ"};
  const std::string folded = fold_label(name);
  for (const auto p : kPlaceholders) {
    if (folded == p) {
      return true;
    }
  }
  return folded.find("未在") != std::string::npos
         || folded.find("not provided") != std::string::npos
         || folded.find("not available") != std::string::npos;
}

// A name reduced to its text: `[Name](url)` → Name, `**Name**` → Name.
std::string plain_name(std::string_view s) {
  s = trim(s);
  s = unwrap_emphasis(s);
  if (s.starts_with('[')) {
    const auto mid = s.find("](");
    if (mid != std::string_view::npos && s.ends_with(')')) {
      s = s.substr(1, mid - 1);
    }
  }
  return std::string(trim(s));
}

}  // namespace

AuthorList parse_author_field(std::string_view text) {
  AuthorList out;
  std::string_view s = trim(text);
  if (is_placeholder(s)) {
    return out;
  }
  // A trailing truncation mark on the whole list (`A, B 等`, `A et al.`).
  auto strip_mark = [&out](std::string_view& t) {
    bool again = true;
    while (again) {
      again = false;
      t = trim(t);
      while (!t.empty() && (t.back() == ',' || t.back() == ';')) {
        t.remove_suffix(1);
        t = trim(t);
      }
      for (const auto mark : kTruncationMarks) {
        if (t.size() >= mark.size() && t.ends_with(mark)) {
          t.remove_suffix(mark.size());
          out.truncated = true;
          again = true;
          break;
        }
      }
      // `외 3명` (Korean "and 3 others").
      if (const auto at = t.rfind("\xEC\x99\xB8 ");  // "외 "
          at != std::string_view::npos && t.ends_with("\xEB\xAA\x85")) {
        t = t.substr(0, at);
        out.truncated = true;
        again = true;
      }
    }
  };
  strip_mark(s);
  // The list form `['a', 'b']` is the canonical parser's.
  if (s.starts_with('[') && s.ends_with(']') && s.find("](") == s.npos) {
    for (auto& name : parse_authors(s)) {
      out.names.push_back(std::move(name));
    }
    return out;
  }
  std::string unified;
  unified.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "\xEF\xBC\x8C" || s.substr(i, 3) == "\xE3\x80\x81"
        || s.substr(i, 3) == "\xEF\xBC\x9B") {  // ， 、 ；
      unified += ',';
      i += 2;
    } else if (s[i] == ';') {
      unified += ',';
    } else {
      unified += s[i];
    }
  }
  std::string_view rest(unified);
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view part = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{}
                                           : rest.substr(comma + 1);
    strip_mark(part);
    // `and B` before the last name.
    if (starts_with(trim(part), "and ")) {
      part = trim(part).substr(4);
    }
    std::string name = plain_name(part);
    if (name.empty() || name == "+" || is_placeholder(name)) {
      continue;
    }
    if (std::find(out.names.begin(), out.names.end(), name)
        == out.names.end()) {
      out.names.push_back(std::move(name));
    }
  }
  return out;
}

}  // namespace papers::syntax
