// split_summary(): the lines of a summary read by the entry rules of the
// canonical grammar, with the recognisers of syntax.hpp. The parser keeps
// only the raw span (Paper::summary); the bullets are made here, on
// demand, for the papers a command prints or searches.
#include "ascii.hpp"
#include "line_splitter.hpp"
#include "syntax.hpp"
#include "text_store.hpp"

#include <papers/summary.hpp>

#include <optional>
#include <string>

namespace papers {
namespace {

// One summary's lines, as the parser reads the lines of an open entry.
// The summary starts at a bullet outside any fence (that is where the
// parser's raw span starts), and a heading in it acts as it would in a
// digest: `#`/`##` ends the entry, `###` starts another one whose bullets
// are the ones kept.
class Splitter {
 public:
  explicit Splitter(std::string_view summary) : summary_(summary) {}

  void on_line(std::string_view line);

  // Ends the input; the items of the entry open last.
  std::vector<SummaryItem> finish(std::shared_ptr<TextStore>& store) {
    close_entry();
    store = std::move(store_);
    return std::move(done_);
  }

 private:
  void on_heading(const syntax::Heading& heading);
  void on_entry_line(std::string_view line);
  void close_entry();
  void start_bullet(const syntax::Labelled& item);
  void continue_bullet(std::string_view line);
  void finish_bullet();

  std::string_view summary_;
  std::optional<syntax::Fence> fence_;
  bool entry_open_ = true;
  bool other_section_ = false;  // after a `#`/`##` that is no date heading
  bool in_bullets_ = false;
  // The open bullet's text: a view while its lines lie back to back in the
  // summary, else joined in `joined_` (and copied into `store_`).
  bool bullet_open_ = false;
  bool open_joined_ = false;
  std::string_view open_text_;
  std::string joined_;
  std::vector<SummaryItem> items_;
  std::vector<SummaryItem> done_;
  std::shared_ptr<TextStore> store_;
};

void Splitter::on_line(std::string_view line) {
  line = rtrim(line);
  // As in the parser: a line back at column 0 ends a fence opened inside a
  // bullet, and a line in a fence is code of the open bullet, as written.
  if (fence_ && fence_->indent > 0 && !line.empty() && line[0] != ' '
      && line[0] != '\t') {
    fence_.reset();
  }
  if (fence_) {
    if (syntax::closes_fence(*fence_, line)) {
      fence_.reset();
    }
    if (entry_open_ && in_bullets_) {
      continue_bullet(line);
    }
    return;
  }
  if (!line.empty() && (line[0] == '`' || line[0] == '~' || line[0] == ' ')) {
    if (auto open = syntax::parse_fence(line)) {
      if (entry_open_) {
        on_entry_line(line);
      }
      fence_ = open;
      return;
    }
  }
  if (entry_open_ && in_bullets_
      && (line.starts_with("  ") || line.starts_with('\t'))) {
    on_entry_line(line);
    return;
  }
  if (!line.empty() && (line[0] == '#' || line[0] == ' ')) {
    if (auto heading = syntax::parse_heading(line);
        heading && heading->level <= 3) {
      on_heading(*heading);
      return;
    }
  }
  if (entry_open_) {
    on_entry_line(line);
  }
}

void Splitter::on_heading(const syntax::Heading& heading) {
  if (heading.level <= 2) {
    close_entry();
    other_section_ = !syntax::date_heading_value(heading.text);
    return;
  }
  if (!other_section_) {
    close_entry();
    entry_open_ = true;
  }
}

void Splitter::on_entry_line(std::string_view line) {
  if (trim(line).empty()) {
    return;
  }
  if (auto text = syntax::bullet_text(line)) {
    in_bullets_ = true;
    start_bullet(syntax::split_label(*text));
    return;
  }
  // Before the first bullet (only after a `###` in the summary) the lines
  // are the entry's fields: none of them is summary text.
  if (in_bullets_) {
    continue_bullet(line);
  }
}

void Splitter::close_entry() {
  if (entry_open_) {
    finish_bullet();
    done_ = std::move(items_);
  }
  entry_open_ = false;
  items_.clear();
  bullet_open_ = false;
  in_bullets_ = false;
}

void Splitter::start_bullet(const syntax::Labelled& item) {
  finish_bullet();
  auto& added = items_.emplace_back();
  added.label = item.label;
  bullet_open_ = true;
  open_text_ = item.text;
  open_joined_ = false;
}

void Splitter::continue_bullet(std::string_view line) {
  // The common case costs nothing: the line follows the bullet's text
  // after one LF, so the text grows as a view.
  if (!open_joined_ && !open_text_.empty()
      && open_text_.data() + open_text_.size() + 1 == line.data()
      && open_text_.data()[open_text_.size()] == '\n') {
    open_text_ =
        std::string_view(open_text_.data(),
                         static_cast<std::size_t>(line.data() + line.size()
                                                  - open_text_.data()));
    return;
  }
  if (!open_joined_) {
    joined_.assign(open_text_);
    open_joined_ = true;
  }
  joined_ += '\n';
  joined_ += line;
}

void Splitter::finish_bullet() {
  if (!bullet_open_) {
    return;
  }
  if (open_joined_) {
    if (!store_) {
      store_ = std::make_shared<TextStore>();
    }
    items_.back().text = store_->copy(joined_);
  } else {
    items_.back().text = open_text_;
  }
  bullet_open_ = false;
}

}  // namespace

SummaryItems split_summary(std::string_view summary) {
  SummaryItems out;
  if (summary.empty()) {
    return out;
  }
  // Lines end at LF, CRLF or a lone CR, as LineSplitter ends them, but
  // every line is a view into the summary itself. A line over the
  // splitter's cap counts as empty there, and here.
  Splitter splitter(summary);
  LineEndFinder ends(summary);
  std::size_t start = 0;
  while (start < summary.size()) {
    auto end = ends.next(start);
    const auto stop = end == std::string_view::npos ? summary.size() : end;
    const auto line = summary.substr(start, stop - start);
    splitter.on_line(line.size() > kMaxLineLength ? std::string_view{} : line);
    if (end == std::string_view::npos) {
      break;
    }
    if (summary[end] == '\r' && end + 1 < summary.size()
        && summary[end + 1] == '\n') {
      ++end;
    }
    start = end + 1;
  }
  std::shared_ptr<TextStore> store;
  out.items_ = splitter.finish(store);
  out.text_ = std::move(store);
  return out;
}

}  // namespace papers
