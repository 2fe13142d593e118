#include "ascii.hpp"
#include "byte_scan.hpp"
#include "layout_reader.hpp"
#include "line_splitter.hpp"
#include "paper_parse.hpp"
#include "syntax.hpp"
#include "text_store.hpp"
#include "utf8.hpp"

#include <papers/digest_parser.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace papers {
namespace {

enum class Mode {
  kPreamble,  // before any heading that opens or closes a section
  kSection,   // inside a `## Daily Papers (...)` section
  kOther,     // after any other `#`/`##` heading: not digest content
};

// Index of the last CR or LF of `s`, or npos (memrchr: string_view's
// find_last_of compares byte by byte against the set).
std::size_t last_line_end(std::string_view s) {
  const auto* lf = static_cast<const char*>(memrchr(s.data(), '\n', s.size()));
  // A CR that ends a line after the last LF lies after it.
  const char* after = lf == nullptr ? s.data() : lf + 1;
  const auto* cr = static_cast<const char*>(memrchr(
      after, '\r', static_cast<std::size_t>(s.data() + s.size() - after)));
  const char* last = cr != nullptr ? cr : lf;
  return last == nullptr ? std::string_view::npos
                         : static_cast<std::size_t>(last - s.data());
}

// Inline, so that a prefix of one or two bytes is compared as bytes: the
// indentation test runs on every line of a summary.
inline __attribute__((always_inline)) bool starts_with(
    std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size()
         && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}

using syntax::Fence;
using syntax::Heading;
using syntax::parse_fence;
using syntax::parse_heading;

}  // namespace

struct DigestParser::State {
  // How much of an input's start is sniffed for text.
  static constexpr std::size_t kSniffBytes = 8192;
  std::string file;
  PaperSink& paper_sink;
  DiagnosticSink& diagnostic_sink;
  // The layout: decided from the first lines (auto), or canonical by
  // request. Until it is decided the canonical reading runs as usual but
  // what it gives is held back, and the lines are kept for the other
  // reader: a canonical file decides at its first date heading.
  enum class Layout { kUndecided, kCanonical, kOther };
  Layout layout = Layout::kUndecided;
  bool date_seen_undecided = false;  // waiting for the first paper heading
  bool common_warning = false;       // a warning of the bytes, any layout
  std::vector<Paper> pending_papers;
  std::vector<std::pair<Diagnostic, bool>> pending_diagnostics;  // common?
  // The lines seen while undecided (and all of them in another layout):
  // views into stable bytes where they lie there, else copied into
  // `held_text`. The first few sit in `first_held`, so that a canonical
  // file, decided within its first lines, allocates nothing for them.
  std::string held_text;

  struct Held {
    const char* stable;  // the line in stable bytes, or null: in held_text
    std::size_t offset;  // in held_text
    std::size_t size;
    std::uint32_t number;
  };

  static constexpr std::size_t kFirstHeld = 16;
  std::array<Held, kFirstHeld> first_held{};
  std::size_t first_count = 0;
  std::vector<Held> held;
  // One test on the canonical path for every reason to leave it: the file
  // is binary, the sink stopped, or the layout is not (yet) canonical.
  bool special = true;
  std::string_view layout_name = "canonical";
  std::size_t papers_out = 0;
  std::optional<Date> path_date;
  std::shared_ptr<TextStore> store = std::make_shared<TextStore>();
  std::string_view file_view;  // `file`, in the store

  LineSplitter splitter;
  std::string repaired;  // scratch for lines with invalid UTF-8
  std::uint32_t line_no = 0;
  Mode mode = Mode::kPreamble;
  std::optional<Date> date;
  std::optional<Fence> fence;
  std::optional<Paper> paper;
  bool in_bullets = false;
  bool saw_blank = false;
  bool warned_utf8 = false;
  bool is_binary = false;
  bool stopped = false;
  // The start of the input is sniffed for text (see sniff()): bytes
  // looked at, how many of them are not text, and the UTF-8 continuation
  // bytes the sequence being checked still needs.
  std::size_t sniffed = 0;
  std::size_t odd_bytes = 0;
  int utf8_needed = 0;
  // Never silent: papers started, date headings seen, and the date
  // sections still without a paper (their heading lines), reported once
  // the file turns out to hold papers at all.
  std::size_t papers_started = 0;
  bool saw_date_heading = false;
  std::uint32_t open_section = 0;  // heading line of the open date section
  bool open_section_empty = false;
  std::vector<std::uint32_t> empty_sections;

  // Bytes that outlive the records (feed_stable): views may point here.
  const char* stable_begin = nullptr;
  const char* stable_end = nullptr;
  // Lines inside [clean_begin, clean_end) are known to be valid UTF-8
  // without NUL bytes: the chunk was checked in one pass.
  const char* clean_begin = nullptr;
  const char* clean_end = nullptr;

  std::vector<std::string_view> names;  // scratch for Authors lines

  // The open paper's summary: a view from its first line to its last
  // while they lie in stable bytes, else the lines joined in `summary_copy`.
  const char* summary_begin = nullptr;
  const char* summary_end = nullptr;
  std::string summary_copy;
  bool summary_copied = false;

  State(std::string f, PaperSink& p, DiagnosticSink& d)
      : file(std::move(f)),
        paper_sink(p),
        diagnostic_sink(d),
        path_date(syntax::canonical_path_date(file)),
        file_view(store->copy(file)) {}

  void warn(std::uint32_t line, DiagnosticCode code, std::string message) {
    Diagnostic diagnostic{{file, line}, code, std::move(message)};
    if (layout == Layout::kUndecided) {
      pending_diagnostics.emplace_back(std::move(diagnostic), common_warning);
      return;
    }
    diagnostic_sink.on_diagnostic(std::move(diagnostic));
  }

  // Hands a finished paper on (or holds it while the layout is undecided);
  // false once the sink wants no more.
  bool deliver(Paper&& done) {
    if (layout == Layout::kUndecided) {
      pending_papers.push_back(std::move(done));
      return true;
    }
    ++papers_out;
    return paper_sink.on_paper(std::move(done));
  }

  void update_special() {
    special = is_binary || stopped || layout != Layout::kCanonical;
  }

  void decide(Layout chosen) {
    layout = chosen;
    layout_name = chosen == Layout::kCanonical ? "canonical" : "";
    for (auto& [diagnostic, common] : pending_diagnostics) {
      if (chosen == Layout::kCanonical || common) {
        diagnostic_sink.on_diagnostic(std::move(diagnostic));
      }
    }
    pending_diagnostics.clear();
    if (chosen == Layout::kCanonical) {
      for (auto& done : pending_papers) {
        if (!stopped) {
          ++papers_out;
          stopped = !paper_sink.on_paper(std::move(done));
        }
      }
      first_count = 0;
      held.clear();
      held_text.clear();
    }
    pending_papers.clear();
    update_special();
  }

  void hold(std::string_view line) {
    Held h{nullptr, 0, line.size(), line_no};
    if (in_stable(line)) {
      h.stable = line.data();
    } else {
      h.offset = held_text.size();
      held_text += line;
    }
    if (first_count < kFirstHeld) {
      first_held[first_count++] = h;
    } else {
      held.push_back(h);
    }
  }

  // While undecided: does this line decide the layout? Runs before the
  // canonical reading sees the line.
  void detect(std::string_view line);

  // A line while the layout is not canonical: kept, and looked at for what
  // decides the layout; false when the canonical reading is not to see it.
  bool on_undecided_line(std::string_view line) {
    hold(line);
    if (layout == Layout::kOther) {
      return false;
    }
    detect(line);
    return layout != Layout::kOther;
  }

  void read_other_layout();

  bool in_stable(std::string_view text) const {
    return text.data() >= stable_begin
           && text.data() + text.size() <= stable_end;
  }

  // `text` as a view that outlives the chunk it came from.
  std::string_view keep(std::string_view text) {
    if (text.empty()) {
      return {};
    }
    return in_stable(text) ? text : store->copy(text);
  }

  // A line of the summary: a bullet, a continuation, a line of code.
  void add_summary_line(std::string_view line) {
    if (!summary_copied && in_stable(line)) {
      if (summary_begin == nullptr) {
        summary_begin = line.data();
      }
      summary_end = line.data() + line.size();
      return;
    }
    if (!summary_copied) {
      summary_copied = true;
      if (summary_begin != nullptr) {
        summary_copy.assign(summary_begin, summary_end);
        summary_copy += '\n';
      }
    }
    summary_copy += line;
    summary_copy += '\n';
  }

  std::string_view take_summary() {
    std::string_view out;
    if (summary_copied) {
      out = store->copy(summary_copy);
    } else if (summary_begin != nullptr) {
      out = std::string_view(
          summary_begin, static_cast<std::size_t>(summary_end - summary_begin));
    }
    summary_begin = summary_end = nullptr;
    summary_copy.clear();
    summary_copied = false;
    return out;
  }

  void close_paper() {
    if (paper) {
      paper->summary = take_summary();
      if (!stopped) {
        stopped = !deliver(std::move(*paper));
        update_special();
      }
    }
    paper.reset();
    in_bullets = false;
    saw_blank = false;
  }

  // Ends the open date section; an empty one is remembered.
  void close_section() {
    if (open_section != 0 && open_section_empty) {
      empty_sections.push_back(open_section);
    }
    open_section = 0;
    open_section_empty = false;
  }

  // Warns of the empty date sections seen so far: called once the file is
  // known to hold papers (a file without any gets one warning instead).
  void report_empty_sections() {
    for (const auto line : empty_sections) {
      warn(line, DiagnosticCode::kEmptySection, "date section has no papers");
    }
    empty_sections.clear();
  }

  // The one warning of a file that gave no paper, saying why.
  void report_no_papers() {
    if (saw_date_heading) {
      warn(0,
           DiagnosticCode::kNoPapers,
           "no papers found: its \"## Daily Papers (DATE)\" sections hold "
           "no \"### [Title](link)\" heading");
    } else {
      warn(0,
           DiagnosticCode::kNoPapers,
           "no papers found: no \"## Daily Papers (DATE)\" heading and no "
           "heading that links a paper");
    }
  }

  // A NUL byte on `line`: the file is binary, and nothing of it is kept.
  void become_binary(std::uint32_t line) {
    common_warning = true;
    warn(line,
         DiagnosticCode::kBinaryFile,
         "binary data (NUL byte); file skipped");
    common_warning = false;
    mark_binary();
  }

  void mark_binary() {
    is_binary = true;
    // A binary file gives nothing in any layout: say so now, not at the
    // end (a device such as /dev/zero has no end).
    if (layout == Layout::kUndecided) {
      decide(date_seen_undecided ? Layout::kCanonical : Layout::kOther);
    }
    update_special();
    paper.reset();
    take_summary();
  }

  // Counts the bytes of `chunk` within the first kSniffBytes of the input
  // that are not text: C0 controls other than tab, line and form feed,
  // carriage return, backspace and escape, and bytes of invalid UTF-8.
  // A continuation cut off by the end of the input counts as text.
  // Returns how many bytes at the start of `chunk` it found clean text
  // (valid UTF-8 without NUL, ending at a character's end), which feed()
  // need not check again.
  std::size_t sniff(std::string_view chunk) {
    const std::size_t n = std::min(chunk.size(), kSniffBytes - sniffed);
    std::size_t i = 0;
    std::size_t clean = 0;
    if (utf8_needed == 0) {
      // Text, as nearly every input is: valid UTF-8 without NUL has no odd
      // bytes but its controls, and both are counted 32 bytes a step. The
      // loop below takes the rest: a sequence the sniff's end cuts, or
      // every byte when the fast check fails.
      const auto whole =
          chunk.substr(0, whole_sequences_prefix(chunk.substr(0, n)));
      if (is_clean_text(whole)) {
        odd_bytes += count_odd_controls(whole);
        i = clean = whole.size();
      }
    }
    for (; i < n; ++i) {
      const auto byte = static_cast<unsigned char>(chunk[i]);
      if (byte == 0) {
        // A NUL byte decides on its own (feed() finds it), whatever the
        // chunks: the sniff ends undecided.
        sniffed = kSniffBytes;
        odd_bytes = 0;
        return clean;
      }
      if (utf8_needed > 0) {
        if ((byte & 0xC0U) == 0x80U) {
          --utf8_needed;
          continue;
        }
        utf8_needed = 0;
        ++odd_bytes;  // the sequence it cut short
      }
      if (byte < 0x20U) {
        odd_bytes += (byte == '\t' || byte == '\n' || byte == '\r'
                      || byte == '\f' || byte == '\b' || byte == 0x1BU)
                         ? 0
                         : 1;
      } else if (byte >= 0x80U) {
        if (byte >= 0xC2U && byte <= 0xDFU) {
          utf8_needed = 1;
        } else if (byte >= 0xE0U && byte <= 0xEFU) {
          utf8_needed = 2;
        } else if (byte >= 0xF0U && byte <= 0xF4U) {
          utf8_needed = 3;
        } else {
          ++odd_bytes;
        }
      } else if (byte == 0x7FU) {
        ++odd_bytes;
      }
    }
    sniffed += n;
    return clean;
  }

  // True when the sniffed start of the input is not text: more than a
  // third of its bytes odd (as perl's -B decides), which random bytes and
  // executables are, and UTF-8 or Latin-1 prose with a few bad bytes is not.
  bool sniffed_binary() const { return sniffed > 0 && odd_bytes * 3 > sniffed; }

  // The input turned out not to be text: nothing of it is kept.
  void become_not_text() {
    common_warning = true;
    warn(0,
         DiagnosticCode::kBinaryFile,
         "binary data (" + std::to_string(odd_bytes * 100 / sniffed)
             + "% of its first " + std::to_string(sniffed)
             + " bytes are not UTF-8 text); file skipped");
    common_warning = false;
    mark_binary();
  }

  void feed(std::string_view chunk);
  void on_line(std::string_view line);
  void on_long_line();
  void on_heading(const Heading& heading);
  void start_paper(std::string_view text);
  void on_paper_line(std::string_view line);
  bool on_field_line(std::string_view line);
};

void DigestParser::State::feed(std::string_view chunk) {
  // The complete lines of the chunk (after a line begun in an earlier
  // chunk, up to the last line end) are checked for NUL bytes and UTF-8 in
  // one vectorised pass; only when that fails is each line checked alone.
  // A line split at CR or LF never splits a UTF-8 sequence.
  clean_begin = clean_end = nullptr;
  if (is_binary || stopped || chunk.empty()) {
    return;  // nothing more of the input is used, or nothing to use
  }
  std::size_t sniffed_clean = 0;  // bytes at the start known clean text
  if (sniffed < kSniffBytes) {
    sniffed_clean = sniff(chunk);
    if (sniffed == kSniffBytes && odd_bytes * 3 > kSniffBytes) {
      // Decided before the lines of the chunk that ends the sniff are
      // read; those of earlier chunks are dropped with the file.
      become_not_text();
      return;
    }
  }
  const auto last_end = last_line_end(chunk);
  std::size_t first = 0;
  if (last_end != std::string_view::npos && !splitter.at_line_start()) {
    first = LineEndFinder(chunk).next(0);
    first = first == std::string_view::npos ? chunk.size() : first + 1;
  }
  if (last_end != std::string_view::npos && first <= last_end) {
    const auto region = chunk.substr(first, last_end + 1 - first);
    // What the sniff found clean ends at a character's end, and so does a
    // line, so only the region's bytes after it need the check.
    const auto checked = first < sniffed_clean
                             ? std::min(sniffed_clean - first, region.size())
                             : 0;
    if (is_clean_text(region.substr(checked))) {
      clean_begin = region.data();
      clean_end = region.data() + region.size();
    }
  }
  // A NUL byte makes the file binary at once, before its line ends: a
  // file of zeros (/dev/zero) has no line end to wait for. Outside a clean
  // region, where the pass above did not look, memchr does.
  const void* nul = nullptr;
  if (clean_begin == nullptr) {
    nul = std::memchr(chunk.data(), '\0', chunk.size());
  } else {
    const auto tail =
        static_cast<std::size_t>(chunk.data() + chunk.size() - clean_end);
    nul = std::memchr(chunk.data(), '\0', first);
    if (nul == nullptr) {
      nul = std::memchr(clean_end, '\0', tail);
    }
  }
  auto line = [this](std::string_view text) { on_line(text); };
  auto long_line = [this](std::uint64_t /*length*/) { on_long_line(); };
  if (nul != nullptr) {
    // The lines before it are read as usual; its own is the next one.
    const auto at =
        static_cast<std::size_t>(static_cast<const char*>(nul) - chunk.data());
    splitter.feed(chunk.substr(0, at), line, long_line);
    if (!stopped) {
      become_binary(line_no + 1);
    }
  } else {
    splitter.feed(chunk, line, long_line);
  }
  clean_begin = clean_end = nullptr;
}

void DigestParser::State::on_long_line() {
  if (!is_binary && !stopped) {
    common_warning = true;
    warn(line_no + 1,
         DiagnosticCode::kLongLine,
         "line longer than " + std::to_string(kMaxLineLength >> 20)
             + " MiB; skipped");
    common_warning = false;
    // The summary's raw span must not reach over the line it skips.
    if (summary_begin != nullptr && !summary_copied) {
      summary_copied = true;
      summary_copy.assign(summary_begin, summary_end);
      summary_copy += '\n';
    }
  }
  // The line still counts, as an empty one.
  static constexpr char kEmpty[] = "";
  on_line(std::string_view(kEmpty, 0));
}

void DigestParser::State::on_line(std::string_view line) {
  ++line_no;
  if (special && (is_binary || stopped)) {
    return;
  }
  if (line_no == 1 && starts_with(line, "\xEF\xBB\xBF")) {
    line.remove_prefix(3);
  }
  const bool clean = (clean_begin != nullptr && line.data() >= clean_begin
                      && line.data() + line.size() <= clean_end);
  if (!clean) {
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) {
      become_binary(line_no);
      return;
    }
    if (!is_valid_utf8(line)) {
      if (!warned_utf8) {
        common_warning = true;
        warn(line_no,
             DiagnosticCode::kInvalidUtf8,
             "invalid UTF-8, replaced with U+FFFD");
        common_warning = false;
        warned_utf8 = true;
      }
      repaired.clear();
      append_utf8_repaired(repaired, line);
      line = repaired;
    }
  }
  line = rtrim(line);
  if (special && !on_undecided_line(line)) {
    return;
  }

  // A fence opened inside a bullet (indented) belongs to that list item:
  // like CommonMark, a line back at column 0 ends the item and the fence
  // with it (code lines are never lazy continuations), so a fence left
  // open in a bullet cannot swallow the papers after it.
  if (fence && fence->indent > 0 && !line.empty() && line[0] != ' '
      && line[0] != '\t') {
    fence.reset();
  }
  if (fence) {
    if (fence->hidden_heading == 0 && !line.empty() && line[0] == '#') {
      if (auto heading = parse_heading(line); heading && heading->level <= 3) {
        fence->hidden_heading = line_no;
      }
    }
    if (syntax::closes_fence(*fence, line)) {
      fence.reset();
    }
    // Code in a bullet is kept as written, blank lines included; a line in
    // a fence is never a bullet, a field or a heading.
    if (paper && in_bullets) {
      add_summary_line(line);
      saw_blank = false;
    }
    return;
  }
  if (!line.empty() && (line[0] == '`' || line[0] == '~' || line[0] == ' ')) {
    if (auto open = parse_fence(line)) {
      if (paper) {
        on_paper_line(line);
      }
      fence = open;
      fence->line = line_no;
      return;
    }
  }
  // An indented line after a bullet belongs to it, even one that looks like
  // a heading: `  ## x` is a heading inside the list item, not a section.
  if (paper && in_bullets
      && (starts_with(line, "  ") || starts_with(line, "\t"))) {
    on_paper_line(line);
    return;
  }
  // Level 4 to 6 headings are not part of the grammar: inside a paper they
  // are ordinary lines, kept with their `#`s.
  if (!line.empty() && (line[0] == '#' || line[0] == ' ')) {
    if (auto heading = parse_heading(line); heading && heading->level <= 3) {
      on_heading(*heading);
      return;
    }
  }
  if (paper) {
    on_paper_line(line);
  }
}

void DigestParser::State::detect(std::string_view line) {
  if (fence || line.empty()) {
    return;
  }
  if (line[0] == '#' || line[0] == ' ') {
    if (auto heading = parse_heading(line); heading && heading->level <= 3) {
      const auto text = heading->text;
      if (heading->level <= 2) {
        if (date_seen_undecided) {
          decide(Layout::kCanonical);  // a section of no papers, then more
        } else if (heading->level == 2 && syntax::date_heading_value(text)) {
          // Canonical, unless its paper headings turn out to be another
          // generator's (`### 1. **[Title](link)**`): seen at the first.
          date_seen_undecided = true;
        }
        return;
      }
      const bool canonical_heading = syntax::heading_link(text).has_value();
      if (date_seen_undecided) {
        decide(canonical_heading || !syntax::may_hold_reference(text)
                       || syntax::find_references(text, false).empty()
                   ? Layout::kCanonical
                   : Layout::kOther);
        return;
      }
      if (canonical_heading) {
        return;  // a canonical paper before any date heading, maybe
      }
    }
  }
  // A paper reference outside any canonical paper, once a date heading
  // opened a section: another layout. Before the first date heading (the
  // preamble) a reference decides nothing: a canonical file may link a
  // paper in its introduction, and the date heading and the paper heading
  // after it still decide; a file without a date heading is read as
  // another layout at its end.
  if (!paper && date_seen_undecided && syntax::may_hold_reference(line)
      && !syntax::find_references(line, false).empty()) {
    decide(Layout::kOther);
  }
}

void DigestParser::State::read_other_layout() {
  std::vector<HeldLine> lines;
  lines.reserve(first_count + held.size());
  auto add = [this, &lines](const Held& h) {
    lines.push_back(
        HeldLine{h.stable != nullptr
                     ? std::string_view(h.stable, h.size)
                     : std::string_view(held_text).substr(h.offset, h.size),
                 h.number});
  };
  for (std::size_t i = 0; i < first_count; ++i) {
    add(first_held[i]);
  }
  for (const auto& h : held) {
    add(h);
  }
  LayoutContext context;
  context.file = file_view;
  context.path = file;
  context.store = store.get();
  context.bytes = store;
  context.emit = [this](Paper&& done) {
    if (stopped) {
      return false;
    }
    stopped = !paper_sink.on_paper(std::move(done));
    ++papers_out;
    return !stopped;
  };
  context.warn =
      [this](std::uint32_t line, DiagnosticCode code, std::string message) {
        warn(line, code, std::move(message));
      };
  const auto read = read_layout(lines, context);
  layout_name = read.layout;
  first_count = 0;
  held.clear();
  held_text.clear();
}

void DigestParser::State::on_heading(const Heading& heading) {
  if (heading.level <= 2) {
    close_paper();
    close_section();
    const auto value = heading.level == 2
                           ? syntax::date_heading_value(heading.text)
                           : std::nullopt;
    if (value) {
      mode = Mode::kSection;
      saw_date_heading = true;
      open_section = line_no;
      open_section_empty = true;
      date = Date::parse(*value);
      if (!date) {
        warn(line_no,
             DiagnosticCode::kInvalidDate,
             "invalid date '" + std::string(*value)
                 + "' in section heading; its papers have no date");
      } else if (path_date && *path_date != *date) {
        warn(line_no,
             DiagnosticCode::kDateMismatch,
             "section date " + date->to_string()
                 + " differs from the date in the file name ("
                 + path_date->to_string() + ")");
      }
    } else {
      mode = Mode::kOther;
    }
    return;
  }
  if (mode == Mode::kOther) {
    return;
  }
  close_paper();
  start_paper(heading.text);
}

void DigestParser::State::start_paper(std::string_view text) {
  ++papers_started;
  open_section_empty = false;
  report_empty_sections();
  paper.emplace();
  paper->bytes = store;
  paper->source = PaperSource{file_view, line_no};
  if (mode == Mode::kPreamble) {
    warn(line_no,
         DiagnosticCode::kUndatedPaper,
         "paper before any date heading; it has no date");
  } else {
    paper->date = date;
  }
  // Link text without a backslash or `&` decodes to itself.
  auto title = [this](std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos
        && raw.find('&') == std::string_view::npos) {
      return keep(raw);
    }
    return store->copy(syntax::decode_link_text(raw));
  };
  if (const auto link = syntax::heading_link(text)) {
    paper->title = title(link->text);
    const auto url = keep(link->url);
    paper->url.emplace(url);
    paper->id = arxiv_id_view(url);
    if (!paper->id) {
      warn(line_no,
           DiagnosticCode::kNotArxivLink,
           "link '" + std::string(url) + "' is not an arXiv paper link; no id");
    }
    return;
  }
  warn(line_no,
       DiagnosticCode::kMissingLink,
       "paper heading has no link; no id");
  paper->title = title(text);
}

// Media, Vote and Authors lines; false when the line is none of them.
bool DigestParser::State::on_field_line(std::string_view line) {
  const auto field = syntax::parse_entry_line(line);
  switch (field.kind) {
  case syntax::EntryLineKind::kNone:
    return false;
  case syntax::EntryLineKind::kVote: {
    const auto vote = parse_votes(field.value);
    if (!vote.valid) {
      warn(line_no,
           DiagnosticCode::kInvalidVotes,
           "invalid vote count '" + std::string(trim(field.value))
               + "'; votes unknown");
    }
    paper->votes = vote.votes;
    return true;
  }
  case syntax::EntryLineKind::kAuthors:
    split_authors(field.value, *store, names);
    for (auto& name : names) {
      name = keep(name);
    }
    paper->authors.assign(names.begin(), names.end());
    return true;
  case syntax::EntryLineKind::kThumbnail:
    if (!field.value.empty()) {
      paper->thumbnail.emplace(keep(field.value));
    }
    return true;
  case syntax::EntryLineKind::kVideoLink:
    if (field.broken) {
      warn(line_no,
           DiagnosticCode::kBrokenVideoLink,
           "broken video link (no parentheses around the URL)");
    }
    if (!field.value.empty()) {
      paper->video.emplace(keep(field.value));
    }
    return true;
  case syntax::EntryLineKind::kVideoTag:
    if (!field.value.empty() && !paper->video) {
      paper->video = keep(field.value);
    }
    return true;
  }
  return false;
}

void DigestParser::State::on_paper_line(std::string_view line) {
  if (trim(line).empty()) {
    saw_blank = true;
    return;
  }
  const bool after_blank = saw_blank;
  saw_blank = false;
  if (syntax::bullet_text(line)) {
    in_bullets = true;
    add_summary_line(line);
    return;
  }
  if (!in_bullets) {
    if (!on_field_line(line)) {
      warn(line_no,
           DiagnosticCode::kUnrecognisedLine,
           "unrecognised line in paper entry, ignored");
    }
    return;
  }
  if (after_blank && !is_blank_char(line.front())) {
    // A paragraph that is neither a bullet nor indented: stray text.
    warn(line_no,
         DiagnosticCode::kStrayText,
         "stray text after a blank line; kept in the previous bullet");
  }
  add_summary_line(line);
}

DigestParser::DigestParser(std::string file,
                           PaperSink& papers,
                           DiagnosticSink& diagnostics,
                           ParseOptions options)
    : state_(std::make_unique<State>(std::move(file), papers, diagnostics)) {
  if (options.layout == LayoutChoice::kCanonical) {
    state_->layout = State::Layout::kCanonical;
    state_->update_special();
  }
}

DigestParser::~DigestParser() = default;

void DigestParser::feed(std::string_view chunk) { state_->feed(chunk); }

void DigestParser::feed_stable(std::string_view bytes,
                               std::shared_ptr<const void> owner) {
  auto& s = *state_;
  s.store->hold(std::move(owner));
  s.stable_begin = bytes.data();
  s.stable_end = bytes.data() + bytes.size();
  s.feed(bytes);
}

void DigestParser::finish() {
  auto& s = *state_;
  if (!s.is_binary && !s.stopped && s.sniffed < State::kSniffBytes
      && s.sniffed_binary()) {
    s.become_not_text();  // a short input, sniffed whole
  }
  s.splitter.finish([&s](std::string_view line) { s.on_line(line); },
                    [&s](std::uint64_t /*length*/) { s.on_long_line(); });
  if (s.layout == State::Layout::kUndecided) {
    s.decide(s.date_seen_undecided ? State::Layout::kCanonical
                                   : State::Layout::kOther);
  }
  if (s.splitter.bytes() == 0 && !s.is_binary) {
    s.layout_name = "none";
    s.warn(0, DiagnosticCode::kEmptyFile, "empty file");
    return;
  }
  if (s.layout == State::Layout::kOther) {
    if (s.is_binary) {
      s.layout_name = "none";
    } else {
      s.read_other_layout();
    }
    return;
  }
  if (s.fence && s.fence->hidden_heading != 0 && !s.is_binary) {
    // Lines in a fence are never headings, so an unclosed one hides every
    // paper and section after it: say so rather than lose them silently.
    s.warn(s.fence->line,
           DiagnosticCode::kUnclosedFence,
           "code fence never closed; the headings after it (from line "
               + std::to_string(s.fence->hidden_heading)
               + ") were read as code");
  }
  if (!s.is_binary) {
    s.close_paper();
    s.close_section();
    if (s.papers_started > 0) {
      s.report_empty_sections();
    } else {
      s.layout_name = "none";
      s.report_no_papers();
    }
  }
}

bool DigestParser::binary() const { return state_->is_binary; }

std::string_view DigestParser::layout() const { return state_->layout_name; }

}  // namespace papers
