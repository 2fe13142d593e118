#include "layout_reader.hpp"

#include "ascii.hpp"
#include "syntax.hpp"
#include "text_store.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <utility>

namespace papers {
namespace {

using syntax::FieldKind;

struct Block {
  int level = 0;          // 1-4
  std::size_t line = 0;   // index of the heading line
  std::size_t end = 0;    // next heading of any level (index)
  std::size_t range = 0;  // next heading of this level or higher (index)
  std::size_t after = 0;  // index of the next block of this level or higher
  std::string_view text;  // heading text
};

struct Entry {
  std::size_t line = 0;   // heading or item line index
  std::string_view text;  // heading or item text
  int level = 0;          // 5 for numbered items
  std::vector<std::pair<std::size_t, std::size_t>> body;  // line ranges
  std::optional<Date> heading_date;
  bool item = false;
};

class Reader {
 public:
  Reader(const std::vector<HeldLine>& lines, const LayoutContext& context)
      : lines_(lines), ctx_(context) {}

  LayoutRead run();

 private:
  const std::vector<HeldLine>& lines_;
  const LayoutContext& ctx_;
  std::size_t begin_ = 0;  // after the front matter
  std::optional<Date> front_date_;
  std::string_view front_title_;
  std::vector<char> code_;  // line is in a fence (or is one)
  std::vector<Block> blocks_;
  std::vector<std::vector<syntax::Reference>> refs_;
  std::vector<Entry> entries_;
  std::optional<Date> heading_date_;

  struct DatedSection {
    std::size_t line;
    std::size_t entries_before;
  };

  std::vector<DatedSection> dated_;
  std::string_view h1_;
  std::size_t h1_line_ = 0;

  std::string_view text(std::size_t i) const { return lines_[i].text; }

  void read_front_matter();
  void mark_code();
  void find_blocks();
  void find_refs();
  void walk();
  bool paper_like(const Block& b) const;
  /// How many headings of `level` refer to a paper, in their text or in
  /// the lines up to the next heading (counted up to 2, once per level).
  std::size_t linked_blocks(int level);
  std::array<int, 5> linked_at_{-1, -1, -1, -1, -1};
  /// The distinct ids in lines [from, to), at most `limit` of them (the
  /// callers need to know none, one or more).
  std::vector<std::string> ids_in(std::size_t from,
                                  std::size_t to,
                                  std::size_t limit = 2) const;
  std::vector<std::string> heading_ids(std::string_view heading) const;
  std::size_t take_items(std::size_t from, std::size_t to);
  void note_dated(std::string_view heading, std::size_t line);
  bool emit(const Entry& entry, std::size_t& emitted);
};

void Reader::read_front_matter() {
  if (lines_.empty() || trim(text(0)) != "---") {
    return;
  }
  for (std::size_t i = 1; i < lines_.size() && i < 400; ++i) {
    const auto line = trim(text(i));
    if (line == "---" || line == "...") {
      begin_ = i + 1;
      return;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      continue;
    }
    std::string key;
    for (const char c : trim(line.substr(0, colon))) {
      key += ascii_lower(c);
    }
    auto value = trim(line.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')
        && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "date" && !front_date_) {
      front_date_ = syntax::find_date(value);
    } else if (key == "title" && front_title_.empty()) {
      front_title_ = value;
    }
  }
  // No closing line: not front matter after all.
  front_date_.reset();
  front_title_ = {};
}

void Reader::mark_code() {
  code_.assign(lines_.size(), 0);
  std::optional<syntax::Fence> fence;
  for (std::size_t i = begin_; i < lines_.size(); ++i) {
    const auto line = text(i);
    if (fence) {
      code_[i] = 1;
      if (syntax::closes_fence(*fence, line)) {
        fence.reset();
      }
      continue;
    }
    if (!line.empty() && (line[0] == '`' || line[0] == '~' || line[0] == ' ')) {
      if (auto open = syntax::parse_fence(line); open && open->indent <= 3) {
        fence = open;
        code_[i] = 1;
      }
    }
  }
}

void Reader::find_blocks() {
  for (std::size_t i = begin_; i < lines_.size(); ++i) {
    if (code_[i] != 0 || text(i).empty()
        || (text(i)[0] != '#' && text(i)[0] != ' ')) {
      continue;
    }
    if (auto h = syntax::parse_heading(text(i)); h && h->level <= 4) {
      blocks_.push_back(Block{h->level, i, 0, 0, 0, h->text});
    }
  }
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    blocks_[b].end =
        b + 1 < blocks_.size() ? blocks_[b + 1].line : lines_.size();
    std::size_t k = b + 1;
    while (k < blocks_.size() && blocks_[k].level > blocks_[b].level) {
      ++k;
    }
    blocks_[b].after = k;
    blocks_[b].range = k < blocks_.size() ? blocks_[k].line : lines_.size();
  }
}

void Reader::find_refs() {
  refs_.resize(lines_.size());
  for (std::size_t i = begin_; i < lines_.size(); ++i) {
    if (code_[i] != 0) {
      continue;
    }
    const auto line = text(i);
    auto found = syntax::find_references(line, false);
    if (found.empty()) {
      // `arXiv ID: 2603.01234`: a bare id as an id field's value.
      for (const auto& field : syntax::parse_fields(line)) {
        if (field.kind == FieldKind::kId) {
          found = syntax::find_references(field.value, true);
          break;
        }
      }
    }
    refs_[i] = std::move(found);
  }
}

std::vector<std::string> Reader::ids_in(std::size_t from,
                                        std::size_t to,
                                        std::size_t limit) const {
  std::vector<std::string> out;
  for (std::size_t i = from; i < to; ++i) {
    for (const auto& r : refs_[i]) {
      if (std::find(out.begin(), out.end(), r.id) == out.end()) {
        out.push_back(r.id);
        if (out.size() >= limit) {
          return out;
        }
      }
    }
  }
  return out;
}

std::vector<std::string> Reader::heading_ids(std::string_view heading) const {
  std::vector<std::string> out;
  for (const auto& r : syntax::find_references(heading, false)) {
    if (std::find(out.begin(), out.end(), r.id) == out.end()) {
      out.push_back(r.id);
      if (out.size() >= 2) {
        break;
      }
    }
  }
  return out;
}

// A sub-heading that reads as a paper of its own rather than a part of
// one: numbered, linked, or followed by authors or votes.
bool Reader::paper_like(const Block& b) const {
  if (syntax::numbered_prefix(b.text) > 0 || !heading_ids(b.text).empty()) {
    return true;
  }
  for (std::size_t i = b.line + 1; i < b.end; ++i) {
    for (const auto& f : syntax::parse_fields(text(i))) {
      if (f.kind == FieldKind::kAuthors || f.kind == FieldKind::kVotes
          || f.kind == FieldKind::kTitle) {
        return true;
      }
    }
  }
  return false;
}

std::size_t Reader::linked_blocks(int level) {
  auto& count = linked_at_[static_cast<std::size_t>(level)];
  if (count < 0) {
    count = 0;
    for (const auto& b : blocks_) {
      if (b.level == level
          && (!heading_ids(b.text).empty()
              || !ids_in(b.line + 1, b.end, 1).empty())) {
        if (++count >= 2) {
          break;
        }
      }
    }
  }
  return static_cast<std::size_t>(count);
}

void Reader::note_dated(std::string_view heading, std::size_t line) {
  if (auto d = syntax::find_date(heading)) {
    heading_date_ = d;
    dated_.push_back(DatedSection{line, entries_.size()});
  }
}

// Numbered items (`1. …`) and link-titled bullets (`- [Title](…)`) in
// lines [from, to) that refer to a paper: each one an entry.
std::size_t Reader::take_items(std::size_t from, std::size_t to) {
  std::vector<std::size_t> starts;
  for (std::size_t i = from; i < to; ++i) {
    if (code_[i] != 0) {
      continue;
    }
    const auto line = text(i);
    if (line.empty() || line[0] == ' ' || line[0] == '\t') {
      continue;
    }
    if (syntax::numbered_prefix(line) > 0) {
      starts.push_back(i);
    } else if (auto b = syntax::bullet_text(line);
               b
               && (b->starts_with('[') || b->starts_with("**[")
                   || b->starts_with("__["))) {
      starts.push_back(i);
    }
  }
  std::size_t taken = 0;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t s = starts[k];
    const std::size_t e = k + 1 < starts.size() ? starts[k + 1] : to;
    if (ids_in(s, e).empty()) {
      continue;
    }
    auto line = text(s);
    std::string_view item;
    if (const auto n = syntax::numbered_prefix(line); n > 0) {
      item = trim(line.substr(n));
    } else {
      item = *syntax::bullet_text(line);
    }
    Entry entry;
    entry.line = s;
    entry.text = item;
    entry.level = 5;
    entry.item = true;
    entry.body.emplace_back(s + 1, e);
    entry.heading_date = heading_date_;
    entries_.push_back(std::move(entry));
    ++taken;
  }
  return taken;
}

void Reader::walk() {
  // Lines before the first heading: a list of papers, if anything.
  const std::size_t first =
      blocks_.empty() ? lines_.size() : blocks_.front().line;
  if (ids_in(begin_, first).size() >= 1) {
    take_items(begin_, first);
  }
  Entry* last = nullptr;
  std::size_t b = 0;
  while (b < blocks_.size()) {
    const Block& block = blocks_[b];
    if (block.level == 1) {
      if (h1_.empty()) {
        h1_ = block.text;
        h1_line_ = block.line;
      }
      note_dated(block.text, block.line);
      last = nullptr;
      if (ids_in(block.line + 1, block.end).size() >= 2) {
        take_items(block.line + 1, block.end);
      }
      ++b;
      continue;
    }
    auto direct = heading_ids(block.text);
    const bool linked = !direct.empty();
    for (auto& id : ids_in(block.line + 1, block.end)) {
      if (std::find(direct.begin(), direct.end(), id) == direct.end()) {
        direct.push_back(std::move(id));
      }
    }
    if (!direct.empty()) {
      if (!linked && direct.size() >= 2
          && take_items(block.line + 1, block.end) > 0) {
        last = nullptr;
        ++b;
        continue;
      }
      Entry entry;
      entry.line = block.line;
      entry.text = block.text;
      entry.level = block.level;
      entry.heading_date = heading_date_;
      // Its body runs to the next heading of its level or higher, except
      // that a sub-heading linking another paper is that paper's entry.
      std::size_t k = b + 1;
      while (k < block.after) {
        const auto ids = heading_ids(blocks_[k].text);
        if (!ids.empty()
            && std::find(ids.begin(), ids.end(), direct.front()) == ids.end()) {
          break;
        }
        ++k;
      }
      const std::size_t stop =
          k < blocks_.size() ? blocks_[k].line : lines_.size();
      entry.body.emplace_back(block.line + 1, std::min(stop, block.range));
      entries_.push_back(std::move(entry));
      last = &entries_.back();
      b = k < block.after ? k : block.after;
      continue;
    }
    const auto below = ids_in(block.line + 1, block.range);
    if (below.empty()) {
      if (last != nullptr && !last->item
          && (block.level > last->level
              || (block.level == last->level
                  && linked_blocks(block.level) < 2))) {
        // A heading without any reference after an entry, deeper than it:
        // more of that entry (an analysis, "Related Links"). At its own
        // level only in a one-paper note (`## Title`, then `## 解读`):
        // where that level holds several papers, it is what follows them
        // (`## Notes`), and ends the entry.
        last->body.emplace_back(block.line, block.range);
      } else {
        note_dated(block.text, block.line);
        last = nullptr;
      }
      b = block.after;
      continue;
    }
    if (below.size() == 1) {
      // One paper below: this heading is its entry unless the sub-heading
      // holding the reference reads as the paper itself.
      const Block* holder = nullptr;
      for (std::size_t k = b + 1; k < block.after && holder == nullptr; ++k) {
        if (!heading_ids(blocks_[k].text).empty()
            || !ids_in(blocks_[k].line + 1, blocks_[k].end).empty()) {
          holder = &blocks_[k];
        }
      }
      if (holder != nullptr && !paper_like(*holder)) {
        Entry entry;
        entry.line = block.line;
        entry.text = block.text;
        entry.level = block.level;
        entry.heading_date = heading_date_;
        entry.body.emplace_back(block.line + 1, block.range);
        entries_.push_back(std::move(entry));
        last = &entries_.back();
        b = block.after;
        continue;
      }
    }
    // A category: its sub-headings hold the papers.
    note_dated(block.text, block.line);
    last = nullptr;
    if (ids_in(block.line + 1, block.end).size() >= 2) {
      take_items(block.line + 1, block.end);
    }
    ++b;
  }
}

// Builds a summary from an entry's remaining lines in the canonical bullet
// form the summary splitter reads: each block (paragraph, bullet, quote,
// heading, table, code block) one bullet, labels as `**Label**: `.
class SummaryBuilder {
 public:
  void add(std::string_view line, bool code) {
    if (code) {
      if (!in_code_) {
        start_item(trim(line));
        in_code_ = true;
      } else {
        out_ += "  ";
        out_ += line;
        out_ += '\n';
        if (syntax::parse_fence(line)) {
          in_code_ = false;
          open_ = false;
        }
      }
      return;
    }
    in_code_ = false;
    if (trim(line).empty()) {
      open_ = false;
      return;
    }
    const auto t = trim(line);
    const bool indented = line[0] == ' ' || line[0] == '\t';
    if (auto b = syntax::bullet_text(t); b && (!indented || !open_)) {
      start_item(*b);
      return;
    }
    if (syntax::parse_heading(t)
        || (!indented && syntax::numbered_prefix(t) > 0)) {
      start_item(t);
      return;
    }
    if (open_) {
      // A continuation: indented so that it starts no construct.
      out_ += "  ";
      out_ += t;
      out_ += '\n';
      return;
    }
    start_item(t);
  }

  std::string take() { return std::move(out_); }

 private:
  void start_item(std::string_view t) {
    out_ += "- ";
    const auto fields = syntax::parse_fields(t);
    if (!fields.empty() && (t.starts_with("**") || t.starts_with("__"))) {
      const auto& f = fields.front();
      const auto rest =
          t.substr(static_cast<std::size_t>(f.value.data() - t.data()));
      out_ += "**";
      out_ += f.label;
      out_ += "**: ";
      out_ += rest;
    } else {
      out_ += t;
    }
    out_ += '\n';
    open_ = true;
  }

  std::string out_;
  bool open_ = false;
  bool in_code_ = false;
};

bool Reader::emit(const Entry& entry, std::size_t& emitted) {
  TextStore& store = *ctx_.store;
  Paper paper;
  paper.bytes = ctx_.bytes;
  paper.source = PaperSource{ctx_.file, lines_[entry.line].number};
  if (front_date_) {
    paper.date = front_date_;
  } else if (entry.heading_date) {
    paper.date = entry.heading_date;
  } else {
    paper.date = syntax::date_in_path(ctx_.path);
  }
  std::string title = syntax::clean_title(entry.text);
  std::optional<std::string> title_field;
  std::vector<syntax::Reference> refs;
  for (auto& r : syntax::find_references(entry.text, false)) {
    refs.push_back(std::move(r));
  }
  std::optional<std::int64_t> votes;
  std::vector<PaperField> kept_fields;  // labelled facts no field holds
  bool have_authors = false;
  SummaryBuilder summary;
  bool facts = true;
  std::vector<std::string> fact_ids;  // for the two-papers warning
  for (const auto& r : refs) {
    fact_ids.push_back(r.id);
  }
  for (const auto& [from, to] : entry.body) {
    for (std::size_t i = from; i < to; ++i) {
      const auto line = text(i);
      for (const auto& r : refs_[i]) {
        refs.push_back(r);
        if (facts) {
          fact_ids.push_back(r.id);
        }
      }
      if (code_[i] != 0) {
        facts = false;
        summary.add(entry.item ? trim(line) : line, true);
        continue;
      }
      if (syntax::is_thematic_break(line) || (facts && trim(line).empty())) {
        continue;
      }
      if (auto url = syntax::image_url(line); url && !paper.thumbnail) {
        paper.thumbnail = store.copy(*url);
        continue;
      }
      const auto fields = syntax::parse_fields(line);
      bool consumed = !fields.empty();
      for (const auto& f : fields) {
        if (f.kind == FieldKind::kNone) {
          consumed = false;
        }
      }
      if (consumed) {
        bool keep = false;
        for (const auto& f : fields) {
          switch (f.kind) {
          case FieldKind::kAuthors:
            if (!have_authors) {
              have_authors = true;
              auto list = syntax::parse_author_field(f.value);
              for (const auto& name : list.names) {
                paper.authors.push_back(store.copy(name));
              }
              paper.authors_truncated = list.truncated;
            }
            break;
          case FieldKind::kVotes:
            if (!votes) {
              votes = syntax::parse_vote_value(f.value);
            }
            if (!votes && facts) {
              kept_fields.push_back(
                  PaperField{store.copy(f.label), store.copy(f.value)});
            }
            break;
          case FieldKind::kTitle:
            if (!title_field) {
              title_field = syntax::clean_title(f.value);
            }
            break;
          case FieldKind::kId:
          case FieldKind::kLink:
            break;
          case FieldKind::kMeta:
            if (!votes) {
              votes = syntax::find_vote_token(f.value);
            }
            if (facts) {
              kept_fields.push_back(
                  PaperField{store.copy(f.label), store.copy(f.value)});
            } else {
              keep = true;
            }
            break;
          case FieldKind::kNone:
            break;
          }
        }
        if (!keep) {
          continue;
        }
      }
      if (facts && syntax::only_links(line)) {
        continue;
      }
      if (facts && !votes) {
        votes = syntax::find_vote_token(line);
      }
      facts = false;
      summary.add(entry.item ? trim(line) : line, false);
    }
  }
  if (title.empty() && title_field) {
    title = *title_field;
  }
  if (!votes) {
    votes = syntax::find_vote_token(entry.text);
  }
  paper.votes = votes;
  if (!refs.empty()) {
    const std::string& id = refs.front().id;
    paper.id = store.copy(id);
    std::optional<std::string_view> url;
    for (const auto& r : refs) {
      if (r.id == id && r.url) {
        if (!url
            || (r.url->find("/abs/") != std::string_view::npos
                && url->find("/abs/") == std::string_view::npos)) {
          url = r.url;
        }
      }
    }
    if (url) {
      paper.url = store.copy(*url);
    }
    for (const auto& other : fact_ids) {
      if (other != id) {
        ctx_.warn(lines_[entry.line].number,
                  DiagnosticCode::kTwoReferences,
                  "entry refers to two papers (" + id + " and " + other
                      + "); the first is used");
        break;
      }
    }
  }
  if (title.empty()) {
    ctx_.warn(lines_[entry.line].number,
              DiagnosticCode::kMissingTitle,
              "paper entry has no title");
  }
  paper.title = store.copy(title);
  paper.summary = store.copy(summary.take());
  if (!kept_fields.empty()) {
    auto kept =
        std::make_shared<const std::vector<PaperField>>(std::move(kept_fields));
    paper.fields = std::span<const PaperField>(*kept);
    store.hold(kept);
  }
  ++emitted;
  return ctx_.emit(std::move(paper));
}

LayoutRead Reader::run() {
  read_front_matter();
  mark_code();
  find_blocks();
  find_refs();
  walk();
  LayoutRead out;
  bool items = false;
  bool headings = false;
  for (const auto& e : entries_) {
    (e.item ? items : headings) = true;
  }
  out.layout = headings ? "headed-entries" : "numbered-items";
  if (entries_.empty()) {
    const auto all = ids_in(begin_, lines_.size(), 2);
    // A note of one paper: the file is the entry, its H1 (or first
    // heading, or front matter title) the title.
    if (all.size() == 1 && (!blocks_.empty() || !front_title_.empty())) {
      Entry entry;
      const bool from_heading = !blocks_.empty();
      const auto& head = from_heading ? blocks_.front() : Block{};
      entry.line = from_heading ? head.line : begin_ > 0 ? begin_ - 1 : 0;
      entry.text = !front_title_.empty() ? front_title_ : head.text;
      entry.level = 1;
      if (from_heading) {
        if (!h1_.empty() || head.level == 1) {
          entry.heading_date = syntax::find_date(head.text);
        }
        entry.body.emplace_back(head.line + 1, lines_.size());
        entry.body.front().first = head.line + 1;
      } else {
        entry.body.emplace_back(begin_, lines_.size());
      }
      entries_.push_back(std::move(entry));
      out.layout = "note";
    }
  }
  for (const auto& entry : entries_) {
    if (!emit(entry, out.papers)) {
      break;
    }
  }
  // Dated sections that hold no entry.
  for (std::size_t k = 0; k < dated_.size() && !entries_.empty(); ++k) {
    const std::size_t next =
        k + 1 < dated_.size() ? dated_[k + 1].entries_before : entries_.size();
    const bool nested_h1 = k + 1 < dated_.size()
                           && dated_[k].entries_before == next
                           && dated_[k].line == h1_line_;
    if (dated_[k].entries_before == next && !nested_h1) {
      ctx_.warn(lines_[dated_[k].line].number,
                DiagnosticCode::kEmptySection,
                "date section has no papers");
    }
  }
  if (out.papers == 0) {
    out.layout = "none";
    const auto all = ids_in(begin_, lines_.size(), 1000);
    if (all.empty()) {
      ctx_.warn(0,
                DiagnosticCode::kNoPapers,
                "no papers found: no \"## Daily Papers (DATE)\" heading and "
                "no heading that links a paper");
    } else {
      ctx_.warn(0,
                DiagnosticCode::kNoPapers,
                "no papers found: its " + std::to_string(all.size())
                    + " paper links are in no heading, numbered item or "
                      "one-paper note");
    }
  } else if (!front_date_ && !heading_date_
             && !syntax::date_in_path(ctx_.path)) {
    bool dated = false;
    for (const auto& e : entries_) {
      dated = dated || e.heading_date.has_value();
    }
    if (!dated) {
      ctx_.warn(0,
                DiagnosticCode::kNoDate,
                "no digest date (no date heading, front matter date:, dated "
                "H1 or date in the path); its papers have no date");
    }
  }
  return out;
}

}  // namespace

LayoutRead read_layout(const std::vector<HeldLine>& lines,
                       const LayoutContext& context) {
  Reader reader(lines, context);
  return reader.run();
}

}  // namespace papers
