#include "ascii.hpp"
#include "byte_scan.hpp"
#include "utf8.hpp"

#include <papers/matcher.hpp>
#include <papers/text_fold.hpp>

#include <re2/re2.h>
#include <re2/set.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <tuple>

namespace papers {
namespace {

bool is_gap_char(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Removes the spaces between Hangul syllables of `needle` and marks where
// the text may have spaces instead (see Matcher::literal()): between the
// groups of a run of syllables that the needle spaces apart, and inside a
// group where both parts keep two syllables or more.
void compile_gaps(std::string_view needle,
                  std::string& out,
                  std::vector<unsigned char>& gaps) {
  std::size_t i = 0;
  while (i < needle.size()) {
    if (!hangul_syllable_at(needle, i)) {
      out += needle[i];
      gaps.push_back(0);
      ++i;
      continue;
    }
    std::vector<std::vector<std::size_t>> groups;
    for (;;) {
      auto& group = groups.emplace_back();
      while (hangul_syllable_at(needle, i)) {
        group.push_back(i);
        i += 3;
      }
      std::size_t j = i;
      while (j < needle.size() && is_gap_char(needle[j])) {
        ++j;
      }
      if (j == i || !hangul_syllable_at(needle, j)) {
        break;
      }
      i = j;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const std::size_t len = groups[g].size();
      for (std::size_t s = 0; s < len; ++s) {
        const bool gap = (g > 0 && s == 0) || (s >= 2 && s + 2 <= len);
        out.append(needle.substr(groups[g][s], 3));
        gaps.push_back(gap ? 1 : 0);
        gaps.insert(gaps.end(), 2, 0);
      }
    }
  }
}

}  // namespace

struct Matcher::Regex {
  explicit Regex(std::string_view pattern, const RE2::Options& options)
      : re(re2::StringPiece(pattern.data(), pattern.size()), options) {}

  RE2 re;
};

Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

Matcher Matcher::literal(std::string_view term, MatchOptions options) {
  Matcher m;
  m.term_ = std::string(term);
  m.case_sensitive_ = options.case_sensitive;
  const std::string folded =
      options.case_sensitive ? std::string(term) : fold_text(term);
  if (options.exact_spacing) {
    m.needle_ = folded;
    m.gaps_.assign(folded.size(), 0);
  } else {
    compile_gaps(folded, m.needle_, m.gaps_);
  }
  for (const auto g : m.gaps_) {
    m.has_gaps_ = m.has_gaps_ || g != 0;
  }
  // The prefixes find_from() may look for whole: up to the first gap, and
  // (for text lowered as it is compared) up to the first ASCII letter.
  auto& raw = m.prefix_[0];
  while (raw < m.needle_.size() && (raw == 0 || m.gaps_[raw] == 0)) {
    ++raw;
  }
  auto& lowered = m.prefix_[1];
  while (lowered < raw
         && ascii_upper(m.needle_[lowered]) == m.needle_[lowered]) {
    ++lowered;
  }
  m.name_needle_ = author_key(term);
  return m;
}

namespace {

// The memory the regexes of one query may use together: their compiled
// programs and the DFAs' state caches (RE2 gives a program two thirds of
// its share). RE2's default, 8 MiB a pattern, leaves a pattern of a
// thousand or two alternatives without DFA memory, and RE2 then falls back
// to its NFA, which took minutes on a 10 MB archive (2,000 eight-letter
// words: 29 s over a fifth of it); at 64 MiB 5,000 words take 0.1 s over
// the whole.
constexpr std::int64_t kRegexMemory = std::int64_t{64} << 20;

// The largest program (in RE2 instructions, all patterns together) the DFA
// still runs fast with kRegexMemory: measured, the cliff lies between
// 95,000 instructions (10,000 words: 0.2 s) and 190,000 (20,000 words:
// minutes). A larger one is refused before any input is read. An
// instruction so stands for 1 KiB of the budget.
constexpr std::int64_t kMaxRegexProgram = kRegexMemory >> 10;

// Of several patterns, each gets a share of kRegexMemory in proportion to
// its program, but as if it had at least this many instructions: a small
// pattern still gets a DFA cache of its own.
constexpr std::int64_t kMinRegexShare = 1024;

// The max_mem under which RE2 stops compiling a program past about
// `instructions` (it needs 14 to 19 bytes an instruction of the finished
// program; 32 leaves room). A first compilation under it refuses a pattern
// far past the budget in milliseconds: under the full budget, `\pL{1000}`
// compiled a million instructions (0.8 s, 160 MB) before it was refused.
std::int64_t probe_memory(std::int64_t instructions) {
  return 32 * instructions + (std::int64_t{64} << 10);
}

// A pattern in a message, cut to a readable length.
std::string shown(std::string_view pattern) {
  constexpr std::size_t kShown = 60;
  if (pattern.size() <= kShown) {
    return std::string(pattern);
  }
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  return std::string(pattern.substr(0, cut)) + "...";
}

std::string budget_text() {
  return "the regex memory budget (" + std::to_string(kRegexMemory >> 20)
         + " MiB)";
}

RE2::Options regex_options(bool case_sensitive, std::int64_t max_mem) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  // RE2 would log every bad pattern to stderr itself; we report it once.
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

}  // namespace

Result<Matcher> Matcher::regex(std::string_view pattern, bool case_sensitive) {
  const RegexTerm term{pattern, case_sensitive};
  auto all = regexes(std::span<const RegexTerm>(&term, 1));
  if (!all) {
    return all.error();
  }
  return std::move(all->front());
}

Result<std::vector<Matcher>> Matcher::regexes(
    std::span<const RegexTerm> terms) {
  // First each pattern under a probe budget of what the ones before it
  // left: that refuses one too large at once and measures the others.
  std::vector<std::int64_t> sizes;
  std::int64_t total = 0;
  for (const auto& term : terms) {
    const auto pattern = term.pattern;
    const RE2 probe(re2::StringPiece(pattern.data(), pattern.size()),
                    regex_options(term.case_sensitive,
                                  probe_memory(kMaxRegexProgram - total)));
    if (!probe.ok() && probe.error_code() != RE2::ErrorPatternTooLarge) {
      std::string message =
          "invalid regex '" + std::string(pattern) + "': " + probe.error();
      if (probe.error_code() == RE2::ErrorRepeatSize) {
        message +=
            " (a repetition counts at most 1000, nested ones"
            " multiplied)";
      }
      return Error{message};
    }
    const std::int64_t size = probe.ok() ? probe.ProgramSize() : 0;
    if (!probe.ok() || total + size > kMaxRegexProgram) {
      if (total == 0) {
        return Error{"regex '" + shown(pattern) + "' is too large for "
                     + budget_text()};
      }
      const std::size_t before = sizes.size();
      return Error{"regex '" + shown(pattern) + "' is too large together with "
                   + (before == 1 ? std::string("the one")
                                  : "the " + std::to_string(before))
                   + " before it for " + budget_text()};
    }
    sizes.push_back(size);
    total += size;
  }
  std::int64_t shares = 0;
  for (const auto size : sizes) {
    shares += std::max(size, kMinRegexShare);
  }
  std::vector<Matcher> out;
  out.reserve(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto pattern = terms[i].pattern;
    const std::int64_t memory =
        terms.size() == 1
            ? kRegexMemory
            : kRegexMemory * std::max(sizes[i], kMinRegexShare) / shares;
    auto compiled = std::make_unique<const Regex>(
        pattern, regex_options(terms[i].case_sensitive, memory));
    if (!compiled->re.ok()) {
      // Not expected: the probe compiled it under less memory.
      return Error{"regex '" + shown(pattern) + "' is too large for "
                   + budget_text()};
    }
    Matcher m;
    m.term_ = std::string(pattern);
    m.case_sensitive_ = terms[i].case_sensitive;
    m.regex_ = std::move(compiled);
    out.push_back(std::move(m));
  }
  return out;
}

// The end of a match of the needle that starts at text[at], or npos. With
// `lower`, the text's ASCII letters are compared lowercased.
std::size_t Matcher::match_at(std::string_view text,
                              std::size_t at,
                              bool lower) const {
  std::size_t i = at;
  for (std::size_t k = 0; k < needle_.size(); ++k) {
    if (gaps_[k] != 0) {
      while (i < text.size() && is_gap_char(text[i])) {
        ++i;
      }
    }
    if (i >= text.size()) {
      return std::string_view::npos;
    }
    const char c = lower ? ascii_lower(text[i]) : text[i];
    if (c != needle_[k]) {
      return std::string_view::npos;
    }
    ++i;
  }
  return i;
}

// The start of the first match at or after `from` (npos if none), its end
// in *end.
std::size_t Matcher::find_from(std::string_view text,
                               std::size_t from,
                               bool lower,
                               std::size_t* end) const {
  if (needle_.empty()) {
    *end = from;
    return from <= text.size() ? from : std::string_view::npos;
  }
  if (!has_gaps_ && !lower) {
    const auto at = text.find(needle_, from);
    *end = at == std::string_view::npos ? at : at + needle_.size();
    return at;
  }
  if (needle_.size() > text.size()) {
    return std::string_view::npos;
  }
  // A needle that starts with two bytes or more that lowering cannot
  // change (Hangul, say, whose lead bytes are common in Korean text): its
  // candidates are where that prefix occurs, found whole by memmem.
  const std::size_t prefix = prefix_[lower ? 1 : 0];
  if (prefix >= 2) {
    const char* const base = text.data();
    for (std::size_t i = from; i + needle_.size() <= text.size(); ++i) {
      const void* hit =
          ::memmem(base + i, text.size() - i, needle_.data(), prefix);
      if (hit == nullptr) {
        break;
      }
      i = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
      const std::size_t e = match_at(text, i, lower);
      if (e != std::string_view::npos) {
        *end = e;
        return i;
      }
    }
    return std::string_view::npos;
  }
  // Candidates are found 32 bytes a step: the needle's first byte (in
  // either case when the text is lowered as it is compared).
  const char first = needle_.front();
  const char firsts[2] = {first, ascii_upper(first)};
  const ByteSet starts(
      std::string_view(firsts, !lower || first == firsts[1] ? 1 : 2));
  for (std::size_t i = find_byte_of(text, from, starts); i < text.size();
       i = find_byte_of(text, i + 1, starts)) {
    const std::size_t e = match_at(text, i, lower);
    if (e != std::string_view::npos) {
      *end = e;
      return i;
    }
  }
  return std::string_view::npos;
}

bool Matcher::matches_text(std::string_view text) const {
  if (regex_ != nullptr) {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()),
                             regex_->re);
  }
  std::size_t end = 0;
  if (case_sensitive_) {
    return find_from(text, 0, false, &end) != std::string_view::npos;
  }
  if (!has_gaps_) {
    return folded_contains(text, needle_);
  }
  if (folds_as_ascii(text)) {
    return find_from(text, 0, true, &end) != std::string_view::npos;
  }
  return find_from(fold_text(text), 0, false, &end) != std::string_view::npos;
}

std::size_t Matcher::count_text(std::string_view text) const {
  if (regex_ != nullptr || case_sensitive_ || needle_.empty()) {
    return count_in(text, false);
  }
  return count_text(TextView(text));
}

std::size_t Matcher::count_text(const TextView& text) const {
  if (regex_ != nullptr || case_sensitive_ || needle_.empty()) {
    return count_in(text.text(), false);
  }
  if (text.folds_as_ascii()) {
    return count_in(text.text(), true);
  }
  return count_in(text.folded(), false);
}

// count_text() of the text to scan: as written, or (`lower`) lowering its
// ASCII letters as it is compared.
std::size_t Matcher::count_in(std::string_view text, bool lower) const {
  if (regex_ != nullptr) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos <= text.size()
           && regex_->re.Match(
               input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
      ++n;
      const auto begin = static_cast<std::size_t>(match.data() - text.data());
      pos = std::max(begin + match.size(), pos + (match.empty() ? 1 : 0));
      if (match.empty() && begin + 1 > pos) {
        pos = begin + 1;
      }
    }
    return n;
  }
  if (needle_.empty()) {
    return 0;
  }
  std::size_t n = 0;
  std::size_t end = 0;
  for (std::size_t at = find_from(text, 0, lower, &end);
       at != std::string_view::npos;
       at = find_from(text, end, lower, &end)) {
    ++n;
  }
  return n;
}

std::vector<MatchSpan> Matcher::find_text(std::string_view text,
                                          std::size_t max) const {
  if (regex_ != nullptr || needle_.empty() || case_sensitive_) {
    return find_in(text, false, max);
  }
  return find_text(TextView(text), max);
}

std::vector<MatchSpan> Matcher::find_text(const TextView& view,
                                          std::size_t max) const {
  const std::string_view text = view.text();
  if (regex_ != nullptr || needle_.empty() || case_sensitive_) {
    return find_in(text, false, max);
  }
  if (view.folds_as_ascii()) {
    return find_in(text, true, max);
  }
  // Folding changes lengths: match on the text folded one grapheme
  // cluster at a time, and map each match back to the clusters it covers.
  std::vector<MatchSpan> out;
  const FoldedText mapped = fold_text_mapped(text);
  std::size_t end = 0;
  for (std::size_t at = find_from(mapped.text, 0, false, &end);
       at != std::string_view::npos && out.size() < max;
       at = find_from(mapped.text, end, false, &end)) {
    if (end > at) {
      out.push_back({mapped.begin[at], mapped.end[end - 1]});
    }
  }
  return out;
}

// find_text() of the text to scan as count_in() takes it.
std::vector<MatchSpan> Matcher::find_in(std::string_view text,
                                        bool lower,
                                        std::size_t max) const {
  std::vector<MatchSpan> out;
  if (regex_ != nullptr) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    std::size_t pos = 0;
    while (out.size() < max && pos <= text.size()
           && regex_->re.Match(
               input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
      const auto begin = static_cast<std::size_t>(match.data() - text.data());
      if (!match.empty()) {
        out.push_back({begin, begin + match.size()});
      }
      pos = begin + (match.empty() ? 1 : match.size());
    }
    return out;
  }
  if (needle_.empty()) {
    return out;
  }
  std::size_t end = 0;
  for (std::size_t at = find_from(text, 0, lower, &end);
       at != std::string_view::npos && out.size() < max;
       at = find_from(text, end, lower, &end)) {
    out.push_back({at, end});
  }
  return out;
}

TextView::TextView(std::string_view text) : text_(text) {}

bool TextView::folds_as_ascii() const {
  if (ascii_ < 0) {
    ascii_ = papers::folds_as_ascii(text_) ? 1 : 0;
  }
  return ascii_ != 0;
}

std::string_view TextView::folded() const {
  if (!have_folded_) {
    folded_ = fold_text(text_);
    have_folded_ = true;
  }
  return folded_;
}

bool Matcher::matches(std::string_view raw,
                      std::string_view folded,
                      Fold fold) const {
  if (regex_ != nullptr) {
    return RE2::PartialMatch(re2::StringPiece(raw.data(), raw.size()),
                             regex_->re);
  }
  if (fold == Fold::kName) {
    if (case_sensitive_) {
      return raw.find(term_) != std::string_view::npos;
    }
    return folded.find(name_needle_) != std::string_view::npos;
  }
  std::size_t end = 0;
  return find_from(case_sensitive_ ? raw : folded, 0, false, &end)
         != std::string_view::npos;
}

// --- TermSet ---------------------------------------------------------------

namespace {

// A byte as an RE2 Latin-1 literal.
void append_byte(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x{";
  out += kHex[c >> 4];
  out += kHex[c & 15];
  out += '}';
}

}  // namespace

// Two sets, both matching bytes (Latin-1): the case-insensitive literals'
// needles on the text count_text() scans (the text itself when it folds as
// ASCII, with either case of an ASCII letter; else the folded text), and
// the case-sensitive ones on the text as written. ids map a set's pattern
// to its term.
struct TermSet::Sets {
  Sets()
      : folded(options(), RE2::UNANCHORED), raw(options(), RE2::UNANCHORED) {}

  static RE2::Options options() {
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingLatin1);
    o.set_case_sensitive(true);
    o.set_log_errors(false);
    o.set_max_mem(kRegexMemory);
    return o;
  }

  RE2::Set folded;
  RE2::Set raw;
  std::vector<std::size_t> folded_ids;
  std::vector<std::size_t> raw_ids;
  bool folded_ok = false;
  bool raw_ok = false;
};

TermSet::TermSet(std::span<const Matcher* const> terms)
    : size_(terms.size()), sets_(std::make_unique<Sets>()) {
  std::string pattern;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const Matcher& m = *terms[i];
    if (m.is_regex() || m.needle_.empty()) {
      always_.push_back(i);
      continue;
    }
    const bool lower = !m.case_sensitive_;
    pattern.clear();
    for (std::size_t k = 0; k < m.needle_.size(); ++k) {
      if (m.gaps_[k] != 0) {
        pattern += "[\\x{20}\\x{09}\\x{0a}]*";
      }
      const auto c = static_cast<unsigned char>(m.needle_[k]);
      const auto upper = static_cast<unsigned char>(ascii_upper(m.needle_[k]));
      if (lower && upper != c) {
        pattern += '[';
        append_byte(pattern, c);
        append_byte(pattern, upper);
        pattern += ']';
      } else {
        append_byte(pattern, c);
      }
    }
    RE2::Set& set = lower ? sets_->folded : sets_->raw;
    if (set.Add(pattern, nullptr) < 0) {
      always_.push_back(i);
      continue;
    }
    (lower ? sets_->folded_ids : sets_->raw_ids).push_back(i);
  }
  // A set that does not compile takes no term.
  for (auto [set, ids, ok] :
       {std::tuple(&sets_->folded, &sets_->folded_ids, &sets_->folded_ok),
        std::tuple(&sets_->raw, &sets_->raw_ids, &sets_->raw_ok)}) {
    *ok = !ids->empty() && set->Compile();
    if (!*ok) {
      always_.insert(always_.end(), ids->begin(), ids->end());
      ids->clear();
    }
  }
  literals_ = sets_->folded_ids.size() + sets_->raw_ids.size();
}

TermSet::TermSet(TermSet&&) noexcept = default;
TermSet& TermSet::operator=(TermSet&&) noexcept = default;
TermSet::~TermSet() = default;

void TermSet::mark(const TextView& text,
                   std::vector<unsigned char>& maybe) const {
  mark_with(text, maybe, false);
}

void TermSet::mark_for_find(const TextView& text,
                            std::vector<unsigned char>& maybe) const {
  mark_with(text, maybe, true);
}

void TermSet::mark_with(const TextView& view,
                        std::vector<unsigned char>& maybe,
                        bool for_find) const {
  maybe.resize(size_, 0);
  for (const auto i : always_) {
    maybe[i] = 1;
  }
  thread_local std::vector<int> found;
  // Marks the terms of `ids` that `set` finds in `in`; all of them when
  // the set could not tell (its DFA out of memory).
  const auto run = [&](const RE2::Set& set,
                       const std::vector<std::size_t>& ids,
                       std::string_view in) {
    found.clear();
    RE2::Set::ErrorInfo error{};
    if (!set.Match(re2::StringPiece(in.data(), in.size()), &found, &error)
        && error.kind != RE2::Set::kNoError) {
      for (const auto i : ids) {
        maybe[i] = 1;
      }
      return;
    }
    for (const int f : found) {
      maybe[ids[static_cast<std::size_t>(f)]] = 1;
    }
  };
  if (sets_->raw_ok) {
    run(sets_->raw, sets_->raw_ids, view.text());
  }
  if (sets_->folded_ok) {
    if (view.folds_as_ascii()) {
      run(sets_->folded, sets_->folded_ids, view.text());
    } else if (for_find) {
      // find_text() matches on text folded a cluster at a time.
      for (const auto i : sets_->folded_ids) {
        maybe[i] = 1;
      }
    } else {
      run(sets_->folded, sets_->folded_ids, view.folded());
    }
  }
}

bool has_uppercase(std::string_view term, bool regex) {
  std::size_t i = 0;
  while (i < term.size()) {
    if (regex && term[i] == '\\') {
      // An escape: `\W` is a class, not a letter. Skip the escaped char.
      i += 2;
      continue;
    }
    const auto d = decode_at(term, i);
    if (d.cp >= 0
        && (utf8proc_category(d.cp) == UTF8PROC_CATEGORY_LU
            || utf8proc_category(d.cp) == UTF8PROC_CATEGORY_LT)) {
      return true;
    }
    i += d.length;
  }
  return false;
}

}  // namespace papers
