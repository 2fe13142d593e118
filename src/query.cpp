#include "utf8.hpp"

#include <papers/markup.hpp>
#include <papers/query.hpp>
#include <papers/rank.hpp>
#include <papers/summary.hpp>
#include <papers/text_fold.hpp>

#include <algorithm>
#include <compare>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace papers {
namespace {

constexpr std::string_view kSortNames[] = {
    "votes", "date", "title", "id", "relevance"};
constexpr SortKey kSortKeys[] = {SortKey::kVotes,
                                 SortKey::kDate,
                                 SortKey::kTitle,
                                 SortKey::kId,
                                 SortKey::kRelevance};

constexpr std::string_view kFieldNames[] = {
    "title", "summary", "authors", "all"};
constexpr SearchField kFields[] = {SearchField::kTitle,
                                   SearchField::kSummary,
                                   SearchField::kAuthors,
                                   SearchField::kAll};

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::string joined(std::span<const std::string_view> names) {
  std::string out;
  for (const auto name : names) {
    out += out.empty() ? "" : ", ";
    out += name;
  }
  return out;
}

// True when `term` holds a letter or a digit: a term of spaces and
// punctuation alone would match nearly everything or nothing useful.
bool has_word_character(std::string_view term) {
  for (std::size_t i = 0; i < term.size();) {
    const auto d = decode_at(term, i);
    if (is_letter_or_number(d.cp)) {
      return true;
    }
    i += d.length;
  }
  return false;
}

// --- validation -----------------------------------------------------------

Result<std::optional<DateFilter>> compile_dates(const QueryOptions& options) {
  const bool range = !options.since.empty() || !options.until.empty();
  if (!options.date.empty() && range) {
    return Error{"--date cannot be combined with --since or --until"};
  }
  auto parse = [](std::string_view option,
                  const std::string& text) -> Result<DateForm> {
    if (auto form = parse_date_form(text)) {
      return *form;
    }
    // A well-formed week 53 of a year that has 52: say why.
    std::string why;
    if (text.size() == 8 && text[4] == '-' && (text[5] == 'W' || text[5] == 'w')
        && text.substr(6) == "53"
        && std::all_of(text.begin(), text.begin() + 4, [](char c) {
             return c >= '0' && c <= '9';
           })) {
      const int year = std::stoi(text.substr(0, 4));
      if (year > 0 && iso_week_monday(year, 52)) {
        why = ": " + text.substr(0, 4) + " has 52 ISO weeks";
      }
    }
    return Error{std::string(option) + ": " + quoted(text) + " is not a date"
                 + why + "; use " + std::string(date_form_help())};
  };
  DateFilter out;
  if (!options.date.empty()) {
    auto form = parse("--date", options.date);
    if (!form) {
      return form.error();
    }
    out.from = *form;
    out.to = *form;
    return std::optional<DateFilter>(out);
  }
  if (!range) {
    return std::optional<DateFilter>();
  }
  if (!options.since.empty()) {
    auto since = parse("--since", options.since);
    if (!since) {
      return since.error();
    }
    out.from = *since;
  }
  if (!options.until.empty()) {
    auto until = parse("--until", options.until);
    if (!until) {
      return until.error();
    }
    out.to = *until;
  }
  if (out.from && out.to && !out.relative()) {
    const DateRange fixed = out.resolve(std::nullopt);
    if (*fixed.to < *fixed.from) {
      return Error{"--since " + options.since + " is after --until "
                   + options.until};
    }
  }
  return std::optional<DateFilter>(out);
}

Result<std::size_t> non_negative(std::string_view option,
                                 std::int64_t value,
                                 std::int64_t minimum) {
  if (value < minimum) {
    return Error{std::string(option) + ": must be " + std::to_string(minimum)
                 + " or more, got " + std::to_string(value)};
  }
  return static_cast<std::size_t>(value);
}

// --- per-paper text, computed only for papers that reach a text filter ----

// Author keys by name, computed once per distinct spelling for the whole
// query: names repeat across papers, and folding through utf8proc is the
// dear part of an author query.
class AuthorKeys {
 public:
  explicit AuthorKeys(bool loose) : loose_(loose) {}

  const std::string& operator()(std::string_view name) {
    auto [it, added] = keys_.try_emplace(name);
    if (added) {
      it->second = loose_ ? loose_author_key(name) : author_key(name);
    }
    return it->second;
  }

 private:
  bool loose_;
  std::unordered_map<std::string_view, std::string> keys_;
};

class PaperText {
 public:
  explicit PaperText(const Paper& paper) : paper_(paper) {}

  // The summary as a reader sees it: one plain-text string per bullet, so
  // `**bold**` markup never splits a phrase. Labels are not searched: every
  // labelled paper has the same few. A bullet without markup is its own
  // plain text: only the others are rendered (through cmark).
  const std::vector<std::string_view>& summary_plain() {
    if (!summary_plain_) {
      summary_plain_.emplace();
      items_ = split_summary(paper_.summary);
      summary_plain_->reserve(items_.size());
      for (const auto& item : items_) {
        if (has_markup(item.text)) {
          summary_plain_->push_back(
              rendered_.emplace_back(markdown_to_plain(item.text)));
        } else {
          summary_plain_->push_back(item.text);
        }
      }
    }
    return *summary_plain_;
  }

  // The title and the summary's bullets prepared once for all the terms
  // that count in them.
  const TextView& title_view() {
    if (!title_view_) {
      title_view_.emplace(paper_.title);
    }
    return *title_view_;
  }

  const std::deque<TextView>& summary_views() {
    if (!summary_views_) {
      summary_views_.emplace();
      for (const auto plain : summary_plain()) {
        summary_views_->emplace_back(plain);
      }
    }
    return *summary_views_;
  }

 private:
  const Paper& paper_;
  std::optional<TextView> title_view_;
  std::optional<std::deque<TextView>> summary_views_;
  SummaryItems items_;
  std::optional<std::vector<std::string_view>> summary_plain_;
  std::deque<std::string> rendered_;
};

bool in_title(const Matcher& m, const Paper& paper) {
  return m.matches_text(paper.title);
}

bool in_summary(const Matcher& m, PaperText& text) {
  for (const auto plain : text.summary_plain()) {
    if (m.matches_text(plain)) {
      return true;
    }
  }
  return false;
}

bool in_authors(const Matcher& m, const Paper& paper, AuthorKeys& keys) {
  for (const auto name : paper.authors) {
    const std::string_view key =
        m.is_regex() ? std::string_view() : std::string_view(keys(name));
    if (m.matches(name, key, Fold::kName)) {
      return true;
    }
  }
  return false;
}

// What a query computes once for all papers.
struct QueryCache {
  explicit QueryCache(const Query& q) : strict_keys(false) {
    found.resize(q.author_keys.size());
    for (const std::string_view key : q.author_keys) {
      first_words.push_back(key.substr(0, key.find(' ')));
    }
  }

  AuthorKeyFolder names;   // folds the names the author filter compares
  AuthorKeys strict_keys;  // as --in authors folds them
  // Per key of the author filter: some author has it (strict, loose).
  std::vector<std::pair<bool, bool>> found;
  std::vector<std::string_view> first_words;  // of each key of the filter

  // With many search terms, the terms and then their expansions in one
  // TermSet, and which of them may occur in the paper being counted.
  std::optional<TermSet> term_set;
  std::vector<unsigned char> maybe;
};

// From how many literal terms (with their expansions) a search looks for
// them all in one pass over each text rather than one scan a term.
constexpr std::size_t kTermSetFrom = 4;

// The terms of `q`, then each term's expansions, as TermSet indexes them.
std::vector<const Matcher*> all_terms(const Query& q) {
  std::vector<const Matcher*> all;
  for (const auto& m : q.terms) {
    all.push_back(&m);
  }
  for (const auto& alternatives : q.expansions) {
    for (const auto& m : alternatives) {
      all.push_back(&m);
    }
  }
  return all;
}

// A TermSet of `terms` when enough of them are literals for it to pay.
std::optional<TermSet> term_set_of(std::span<const Matcher* const> terms) {
  const auto literals =
      std::count_if(terms.begin(), terms.end(), [](const Matcher* m) {
        return !m->is_regex();
      });
  if (static_cast<std::size_t>(literals) < kTermSetFrom) {
    return std::nullopt;
  }
  TermSet set(terms);
  if (set.literals() < kTermSetFrom) {
    return std::nullopt;
  }
  return set;
}

bool term_matches(const Matcher& m,
                  SearchField in,
                  const Paper& paper,
                  PaperText& text,
                  QueryCache& cache) {
  switch (in) {
  case SearchField::kTitleSummary:
    return in_title(m, paper) || in_summary(m, text);
  case SearchField::kTitle:
    return in_title(m, paper);
  case SearchField::kSummary:
    return in_summary(m, text);
  case SearchField::kAuthors:
    return in_authors(m, paper, cache.strict_keys);
  case SearchField::kAll:
    return in_title(m, paper) || in_summary(m, text)
           || in_authors(m, paper, cache.strict_keys);
  }
  return false;
}

bool in_dates(const std::optional<DateRange>& dates, const Paper& paper) {
  return !dates || (paper.date && dates->contains(*paper.date));
}

enum class AuthorMatch { kNone, kStrict, kLooseOnly };

// Whether every name of the author filter is an author of `paper`: each
// author's name is folded once, into the cache's buffers, and compared
// with every key. With `loose_too` (for the --loose hint of a strict
// query), a paper that only the loose keys find is kLooseOnly.
AuthorMatch authors_match(const Query& q,
                          const Paper& paper,
                          QueryCache& cache,
                          bool loose_too) {
  auto& found = cache.found;
  std::fill(found.begin(), found.end(), std::make_pair(false, false));
  const bool fold_loose = q.loose || loose_too;
  for (const auto name : paper.authors) {
    // Most names differ from every key in their first word, which both
    // keys share: those are never folded.
    if (std::none_of(cache.first_words.begin(),
                     cache.first_words.end(),
                     [name](std::string_view first) {
                       return author_first_word_may_be(name, first);
                     })) {
      continue;
    }
    const auto keys = cache.names.fold(name, fold_loose);
    const std::string_view key = q.loose ? keys.loose : keys.strict;
    for (std::size_t k = 0; k < q.author_keys.size(); ++k) {
      found[k].first = found[k].first || key == q.author_keys[k];
      if (loose_too) {
        found[k].second =
            found[k].second || keys.loose == q.loose_author_keys[k];
      }
    }
  }
  const bool strict = std::all_of(
      found.begin(), found.end(), [](const auto& f) { return f.first; });
  if (strict) {
    return AuthorMatch::kStrict;
  }
  const bool loose =
      loose_too && std::all_of(found.begin(), found.end(), [](const auto& f) {
        return f.first || f.second;
      });
  return loose ? AuthorMatch::kLooseOnly : AuthorMatch::kNone;
}

// Every filter but the dates and the search terms. With `loose_too`, a
// paper that only --loose would find passes too, and `*loose_only` says
// which it was.
bool selected_rest(const Query& q,
                   const Paper& paper,
                   PaperText& text,
                   QueryCache& cache,
                   bool loose_too = false,
                   bool* loose_only = nullptr) {
  if (q.min_votes && *q.min_votes > 0
      && !(paper.votes && *paper.votes >= *q.min_votes)) {
    return false;
  }
  if (!q.ids.empty()
      && !(paper.id
           && std::find(q.ids.begin(), q.ids.end(), *paper.id)
                  != q.ids.end())) {
    return false;
  }
  if (!q.author_keys.empty()) {
    const AuthorMatch match = authors_match(q, paper, cache, loose_too);
    if (match == AuthorMatch::kNone) {
      return false;
    }
    if (loose_only != nullptr) {
      *loose_only = match == AuthorMatch::kLooseOnly;
    }
  }
  for (const auto& keyword : q.keywords) {
    if (!term_matches(
            keyword, SearchField::kTitleSummary, paper, text, cache)) {
      return false;
    }
  }
  return true;
}

// --- relevance -------------------------------------------------------------

RankIn rank_in(SearchField in) {
  switch (in) {
  case SearchField::kTitleSummary:
    return {true, true, false};
  case SearchField::kTitle:
    return {true, false, false};
  case SearchField::kSummary:
    return {false, true, false};
  case SearchField::kAuthors:
    return {false, false, true};
  case SearchField::kAll:
    return {true, true, true};
  }
  return {};
}

FieldCounts count_term(const Matcher& m,
                       const RankIn& in,
                       const Paper& paper,
                       PaperText& text,
                       QueryCache& cache) {
  FieldCounts counts{};
  auto narrow = [](std::size_t n) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(n, UINT32_MAX));
  };
  if (in.title) {
    counts[kRankTitle] = narrow(m.count_text(text.title_view()));
  }
  if (in.summary) {
    std::size_t n = 0;
    for (const auto& plain : text.summary_views()) {
      n += m.count_text(plain);
    }
    counts[kRankSummary] = narrow(n);
  }
  if (in.authors) {
    std::size_t n = 0;
    for (const auto name : paper.authors) {
      const std::string_view key =
          m.is_regex() ? std::string_view()
                       : std::string_view(cache.strict_keys(name));
      n += m.matches(name, key, Fold::kName) ? 1U : 0U;
    }
    counts[kRankAuthors] = narrow(n);
  }
  return counts;
}

FieldLengths lengths_of(const Paper& paper) {
  return {static_cast<double>(paper.title.size()),
          static_cast<double>(paper.summary.size()),
          static_cast<double>(paper.authors.size())};
}

// The search terms of `q` in `paper`, counted as a score counts them: the
// one test of whether the terms match, so a listing, its score and --quiet
// always agree. Fills `counts` (one per term) and says whether the terms
// match as --any says.
// A term with --expand counts its translations' matches as its own.
// `expanded`, when given, says whether the terms would match with their
// translations (for the hint of what --expand adds).
bool count_terms(const Query& q,
                 const Paper& paper,
                 PaperText& text,
                 QueryCache& cache,
                 std::span<FieldCounts> counts,
                 bool* expanded = nullptr) {
  const RankIn in = rank_in(q.in);
  auto total = [](const FieldCounts& c) {
    return c[kRankTitle] + c[kRankSummary] + c[kRankAuthors];
  };
  std::size_t matched = 0;
  std::size_t matched_expanded = 0;
  const std::size_t terms = std::min(q.terms.size(), counts.size());
  // With a TermSet, a term it rules out of the title and the summary is
  // counted in the authors alone (if there).
  RankIn absent = in;
  absent.title = false;
  absent.summary = false;
  auto& maybe = cache.maybe;
  if (cache.term_set) {
    maybe.assign(maybe.size(), 0);
    if (in.title) {
      cache.term_set->mark(text.title_view(), maybe);
    }
    if (in.summary) {
      for (const auto& plain : text.summary_views()) {
        cache.term_set->mark(plain, maybe);
      }
    }
  }
  const auto where = [&](std::size_t index) -> const RankIn& {
    return !cache.term_set || maybe[index] != 0 ? in : absent;
  };
  std::size_t expansion_index = q.terms.size();
  for (std::size_t t = 0; t < terms; ++t) {
    counts[t] = count_term(q.terms[t], where(t), paper, text, cache);
    FieldCounts more{};
    const std::size_t first_expansion = expansion_index;
    if (t < q.expansions.size()) {
      expansion_index += q.expansions[t].size();
    }
    if (t < q.expansions.size() && (q.expand || expanded != nullptr)) {
      for (std::size_t e = 0; e < q.expansions[t].size(); ++e) {
        const auto& m = q.expansions[t][e];
        const auto c =
            count_term(m, where(first_expansion + e), paper, text, cache);
        for (std::size_t f = 0; f < kRankFields; ++f) {
          more[f] += c[f];
        }
      }
    }
    if (q.expand) {
      for (std::size_t f = 0; f < kRankFields; ++f) {
        counts[t][f] += more[f];
      }
    }
    matched += total(counts[t]) > 0 ? 1U : 0U;
    matched_expanded += total(counts[t]) + total(more) > 0 ? 1U : 0U;
  }
  if (expanded != nullptr) {
    *expanded = q.any ? matched_expanded > 0 : matched_expanded == terms;
  }
  return q.any ? matched > 0 : matched == terms;
}

bool terms_selected(const Query& q,
                    const Paper& paper,
                    PaperText& text,
                    QueryCache& cache) {
  std::vector<FieldCounts> counts(q.terms.size());
  return count_terms(q, paper, text, cache, counts);
}

bool selected(const Query& q,
              const std::optional<DateRange>& dates,
              const Paper& paper,
              QueryCache& cache) {
  if (!in_dates(dates, paper)) {
    return false;
  }
  PaperText text(paper);
  if (!selected_rest(q, paper, text, cache)) {
    return false;
  }
  return q.terms.empty() || terms_selected(q, paper, text, cache);
}

// --- ordering ---------------------------------------------------------------

struct Row {
  const Paper* paper;
  std::size_t index;  ///< position in the table: document order
  double score = 0;   ///< relevance, rounded (search only)
  /// The row's plain summary bullets: [plain_begin, plain_end) of
  /// KeptPlain::bullets (search only).
  std::size_t plain_begin = 0;
  std::size_t plain_end = 0;
};

// The plain text of the summary bullets of the rows a search keeps, as the
// scoring pass rendered them, so that the snippets of the printed rows need
// not render them again. A bullet without markup is its own plain text, a
// range of Paper::summary; a rendered one is a range of `arena`. Ranges,
// not views: the arena grows while papers are scored.
struct KeptPlain {
  struct Bullet {
    bool in_summary = true;
    std::size_t offset = 0;
    std::size_t size = 0;
  };

  std::string arena;
  std::vector<Bullet> bullets;

  // Keeps `plain` (views into `paper`'s summary or elsewhere) for a row.
  void keep(const Paper& paper,
            std::span<const std::string_view> plain,
            Row& row) {
    row.plain_begin = bullets.size();
    const char* summary = paper.summary.data();
    for (const auto text : plain) {
      if (!text.empty() && text.data() >= summary
          && text.data() + text.size() <= summary + paper.summary.size()) {
        bullets.push_back({true,
                           static_cast<std::size_t>(text.data() - summary),
                           text.size()});
      } else {
        bullets.push_back({false, arena.size(), text.size()});
        arena += text;
      }
    }
    row.plain_end = bullets.size();
  }

  // The bullets of `row`, into `out`.
  void get(const Row& row, std::vector<std::string_view>& out) const {
    out.clear();
    for (std::size_t b = row.plain_begin; b < row.plain_end; ++b) {
      const Bullet& bullet = bullets[b];
      out.push_back(
          bullet.in_summary
              ? row.paper->summary.substr(bullet.offset, bullet.size)
              : std::string_view(arena).substr(bullet.offset, bullet.size));
    }
  }
};

// Absent values sort last whatever the direction; present ones ascending,
// or descending when `descending`.
template <typename T>
std::strong_ordering compare_optional(const std::optional<T>& a,
                                      const std::optional<T>& b,
                                      bool descending) {
  if (a.has_value() != b.has_value()) {
    return a.has_value() ? std::strong_ordering::less
                         : std::strong_ordering::greater;
  }
  if (!a) {
    return std::strong_ordering::equal;
  }
  const auto order = *a <=> *b;
  if (std::is_eq(order)) {
    return std::strong_ordering::equal;
  }
  return (std::is_lt(order) != descending) ? std::strong_ordering::less
                                           : std::strong_ordering::greater;
}

std::strong_ordering flip(std::strong_ordering order, bool reverse) {
  if (!reverse || std::is_eq(order)) {
    return order;
  }
  return std::is_lt(order) ? std::strong_ordering::greater
                           : std::strong_ordering::less;
}

// The order of the sort keys that one record decides (votes, date, id),
// before the tie-break of input order: sort_rows() and keep_best() share
// it, so a bounded load keeps the very rows the sort puts first.
std::strong_ordering compare_records(const Paper& pa,
                                     const Paper& pb,
                                     SortKey key,
                                     bool reverse) {
  std::strong_ordering c = std::strong_ordering::equal;
  switch (key) {
  case SortKey::kVotes:
    c = compare_optional(pa.votes, pb.votes, !reverse);
    if (std::is_eq(c)) {
      c = compare_optional(pa.date, pb.date, true);
    }
    break;
  case SortKey::kDate:
    c = compare_optional(pa.date, pb.date, reverse);
    if (std::is_eq(c)) {
      c = compare_optional(pa.votes, pb.votes, true);
    }
    break;
  case SortKey::kId:
    c = compare_optional(pa.id, pb.id, reverse);
    if (std::is_eq(c)) {
      c = compare_optional(pa.date, pb.date, false);
    }
    break;
  default:  // kInput: the tie-break alone; kTitle, kRelevance: not here
    break;
  }
  return c;
}

// The order of `top`: votes descending, then date descending, then input.
bool by_votes(const Row& a, const Row& b) {
  const auto c = compare_records(*a.paper, *b.paper, SortKey::kVotes, false);
  return std::is_neq(c) ? std::is_lt(c) : a.index < b.index;
}

void sort_rows(std::vector<Row>& rows, SortKey key, bool reverse) {
  std::vector<std::string> titles;
  if (key == SortKey::kTitle) {
    // Fold once per row, not once per comparison: the sort permutes
    // positions, and titles[i] belongs to rows[i].
    titles.reserve(rows.size());
    for (const Row& row : rows) {
      titles.push_back(fold_text(row.paper->title));
    }
  }
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  auto less = [&](std::size_t ia, std::size_t ib) {
    const Row& a = rows[ia];
    const Row& b = rows[ib];
    std::strong_ordering c = std::strong_ordering::equal;
    switch (key) {
    case SortKey::kInput:
      return reverse ? a.index > b.index : a.index < b.index;
    case SortKey::kTitle:
      c = flip(titles[ia] <=> titles[ib], reverse);
      if (std::is_eq(c)) {
        c = compare_optional(a.paper->date, b.paper->date, false);
      }
      break;
    case SortKey::kRelevance:
      c = a.score > b.score   ? std::strong_ordering::less
          : a.score < b.score ? std::strong_ordering::greater
                              : std::strong_ordering::equal;
      c = flip(c, reverse);
      if (std::is_eq(c)) {
        c = compare_optional(a.paper->votes, b.paper->votes, true);
      }
      if (std::is_eq(c)) {
        c = compare_optional(a.paper->date, b.paper->date, true);
      }
      break;
    default:
      c = compare_records(*a.paper, *b.paper, key, reverse);
      break;
    }
    return std::is_neq(c) ? std::is_lt(c) : a.index < b.index;
  };
  std::sort(order.begin(), order.end(), less);
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (const std::size_t i : order) {
    sorted.push_back(rows[i]);
  }
  rows = std::move(sorted);
}

// Keeps, for each id, the row that sorts first by votes; rows without an
// id all stay. The survivors keep their relative order.
void keep_unique(std::vector<Row>& rows) {
  std::unordered_map<std::string_view, std::size_t> best;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& id = rows[i].paper->id;
    if (!id) {
      continue;
    }
    auto [it, inserted] = best.try_emplace(*id, i);
    if (!inserted && by_votes(rows[i], rows[it->second])) {
      it->second = i;
    }
  }
  std::vector<Row> kept;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& id = rows[i].paper->id;
    if (!id || best[*id] == i) {
      kept.push_back(rows[i]);
    }
  }
  rows = std::move(kept);
}

// The period of `by` that holds a row's date, by its first day; rows
// without a date are a period of their own, after every other.
std::optional<Date> period_of(const Row& row, Period by) {
  if (!row.paper->date) {
    return std::nullopt;
  }
  return period_start(*row.paper->date, by);
}

bool earlier_period(const std::optional<Date>& a,
                    const std::optional<Date>& b) {
  if (a.has_value() != b.has_value()) {
    return a.has_value();
  }
  return a && *a < *b;
}

// Keeps the `n` best rows (by votes) of each period of `by`.
void keep_per_period(std::vector<Row>& rows, std::size_t n, Period by) {
  std::vector<Row> ranked = rows;
  std::stable_sort(ranked.begin(), ranked.end(), by_votes);
  std::map<std::optional<Date>, std::size_t> taken;
  std::set<std::size_t> kept_index;
  for (const Row& row : ranked) {
    if (taken[period_of(row, by)]++ < n) {
      kept_index.insert(row.index);
    }
  }
  std::erase_if(
      rows, [&](const Row& row) { return !kept_index.contains(row.index); });
}

}  // namespace

std::vector<std::string_view> sort_key_names() {
  return {std::begin(kSortNames), std::end(kSortNames)};
}

std::vector<std::string_view> search_field_names() {
  return {std::begin(kFieldNames), std::end(kFieldNames)};
}

bool DateFilter::relative() const {
  return (from && from->relative()) || (to && to->relative());
}

DateRange DateFilter::resolve(std::optional<Date> anchor) const {
  DateRange out;
  if (from) {
    out.from = from->resolve(anchor).from;
  }
  if (to) {
    out.to = to->resolve(anchor).to;
  }
  return out;
}

std::optional<Date> newest_date(const PaperTable& table) {
  // Records a load's filter dropped count too: the anchor of `7d` must not
  // depend on what else the query asks.
  return table.newest_date();
}

std::vector<Date> digest_dates(const PaperTable& table, const Query& query) {
  const auto range = query_dates(query, table);
  std::set<Date> days;
  for (const Paper& paper : table.papers()) {
    if (paper.date && (!range || range->contains(*paper.date))) {
      days.insert(*paper.date);
    }
  }
  return {days.begin(), days.end()};
}

std::optional<DateRange> query_dates(const Query& query,
                                     const PaperTable& table) {
  if (!query.dates) {
    return std::nullopt;
  }
  if (!query.dates->relative()) {
    return query.dates->resolve(std::nullopt);
  }
  return query.dates->resolve(query.now ? query.now : newest_date(table));
}

Result<Query> compile_query(const QueryOptions& options) {
  Query q;
  auto dates = compile_dates(options);
  if (!dates) {
    return dates.error();
  }
  q.dates = *dates;
  if (!options.now.empty()) {
    q.now = Date::parse(options.now);
    if (!q.now) {
      return Error{"--now: " + quoted(options.now)
                   + " is not a day; use YYYY-MM-DD"};
    }
  }

  q.loose = options.loose;
  q.loose_hint = options.loose_hint;
  for (const auto& name : options.authors) {
    std::string loose = loose_author_key(name);
    std::string key = options.loose ? loose : author_key(name);
    if (key.empty()) {
      return Error{"--author: " + quoted(name) + " is not a name"};
    }
    q.author_keys.push_back(std::move(key));
    q.loose_author_keys.push_back(std::move(loose));
  }

  for (const auto& keyword : options.keywords) {
    q.keywords.push_back(Matcher::literal(keyword));
  }
  if (options.case_sensitive && options.smart_case) {
    return Error{"--case-sensitive and --smart-case exclude each other"};
  }
  std::vector<RegexTerm> regexes;
  for (const auto& term : options.terms) {
    if (options.regex ? term.find_first_not_of(" \t\n") == std::string::npos
                      : !has_word_character(term)) {
      return Error{"TERM " + quoted(term)
                   + " has no letter or digit to look for"};
    }
    const bool case_sensitive =
        options.case_sensitive
        || (options.smart_case && has_uppercase(term, options.regex));
    if (options.regex) {
      regexes.push_back({term, case_sensitive});
    } else {
      q.terms.push_back(
          Matcher::literal(term,
                           MatchOptions{.case_sensitive = case_sensitive,
                                        .exact_spacing = options.exact}));
    }
  }
  if (!regexes.empty()) {
    auto compiled = Matcher::regexes(regexes);
    if (!compiled) {
      return Error{"--regex: " + compiled.error().message};
    }
    q.terms = std::move(*compiled);
  }
  q.any = options.any;
  q.expand = options.expand;
  q.exact = options.exact;
  if (!options.in.empty()) {
    const auto* it =
        std::find(std::begin(kFieldNames), std::end(kFieldNames), options.in);
    if (it == std::end(kFieldNames)) {
      return Error{"--in: " + quoted(options.in) + " is not one of "
                   + joined(kFieldNames)};
    }
    q.in = kFields[it - std::begin(kFieldNames)];
  }

  if (options.min_votes) {
    auto min = non_negative("--min-votes", *options.min_votes, 0);
    if (!min) {
      return min.error();
    }
    q.min_votes = *options.min_votes;
  }
  for (const auto& id : options.ids) {
    auto normalised = normalize_arxiv_id(id);
    if (!normalised) {
      return Error{"--id: " + quoted(id) + " is not an arXiv id"};
    }
    q.ids.push_back(std::move(*normalised));
  }

  q.unique = options.unique;
  if (options.per_day) {
    auto n = non_negative("--per-day", *options.per_day, 1);
    if (!n) {
      return n.error();
    }
    q.per = *n;
  }
  if (options.per_count) {
    if (options.per_day) {
      return Error{"--per cannot be combined with --per-day"};
    }
    const auto period = parse_period(options.per);
    if (!period) {
      return Error{"--per: " + quoted(options.per) + " is not one of "
                   + joined(period_names())};
    }
    auto n = non_negative("--per", *options.per_count, 1);
    if (!n) {
      return n.error();
    }
    q.per = *n;
    q.per_period = *period;
  }
  if (options.sort.empty()) {
    // Within a period, the best first.
    q.sort = q.per > 0 ? SortKey::kVotes : options.default_sort;
  } else {
    const auto* it =
        std::find(std::begin(kSortNames), std::end(kSortNames), options.sort);
    if (it == std::end(kSortNames)) {
      return Error{"--sort: " + quoted(options.sort) + " is not one of "
                   + joined(kSortNames)};
    }
    q.sort = kSortKeys[it - std::begin(kSortNames)];
    if (q.sort == SortKey::kRelevance && q.terms.empty()) {
      return Error{"--sort relevance needs a search TERM"};
    }
  }
  q.reverse = options.reverse;
  if (options.limit) {
    auto n = non_negative("--limit", *options.limit, 0);
    if (!n) {
      return n.error();
    }
    q.limit = *n;
  } else if (q.per == 0) {
    // A per-period listing is already bounded by periods; the preset limit
    // of `top` would cut it at an arbitrary period.
    q.limit = static_cast<std::size_t>(
        std::max<std::int64_t>(0, options.default_limit));
  }
  return q;
}

namespace {

// The selected rows, scored when the query has terms: each term is counted
// in every paper inside the dates (that is where the document frequencies
// come from), and a paper is kept when the terms match as --any says and
// the other filters agree.
// `loose_rows`, when given (a query without terms), gets the rows that the
// query with --loose would select: the --loose hint, in the same pass.
std::vector<Row> scored_rows(const PaperTable& table,
                             const Query& query,
                             std::size_t* extra = nullptr,
                             std::vector<Row>* loose_rows = nullptr,
                             KeptPlain* kept = nullptr) {
  const auto papers = table.papers();
  const bool hint = extra != nullptr && !query.expand
                    && std::any_of(query.expansions.begin(),
                                   query.expansions.end(),
                                   [](const auto& e) { return !e.empty(); });
  std::vector<Row> rows;
  QueryCache cache(query);
  const auto dates = query_dates(query, table);
  const auto every_term = all_terms(query);
  cache.term_set = term_set_of(every_term);
  if (query.terms.empty()) {
    const bool loose_too = loose_rows != nullptr;
    for (std::size_t i = 0; i < papers.size(); ++i) {
      const Paper& paper = papers[i];
      if (!in_dates(dates, paper)) {
        continue;
      }
      PaperText text(paper);
      bool loose_only = false;
      if (!selected_rest(query, paper, text, cache, loose_too, &loose_only)) {
        continue;
      }
      if (!loose_only) {
        rows.push_back(Row{&paper, i});
      }
      if (loose_too) {
        loose_rows->push_back(Row{&paper, i});
      }
    }
    return rows;
  }
  const std::size_t terms = query.terms.size();
  CorpusStats stats;
  stats.df.assign(terms, 0);
  std::vector<FieldCounts> counts;  // `terms` per kept row
  std::vector<FieldCounts> paper_counts(terms);
  for (std::size_t i = 0; i < papers.size(); ++i) {
    const Paper& paper = papers[i];
    if (!in_dates(dates, paper)) {
      continue;
    }
    const FieldLengths lengths = lengths_of(paper);
    ++stats.documents;
    for (std::size_t f = 0; f < kRankFields; ++f) {
      stats.total_length[f] += lengths[f];
    }
    PaperText text(paper);
    bool expanded = false;
    const bool ok = count_terms(
        query, paper, text, cache, paper_counts, hint ? &expanded : nullptr);
    if (hint && expanded && !ok && selected_rest(query, paper, text, cache)) {
      ++*extra;
    }
    for (std::size_t t = 0; t < terms; ++t) {
      const auto& c = paper_counts[t];
      if (c[kRankTitle] + c[kRankSummary] + c[kRankAuthors] > 0) {
        ++stats.df[t];
      }
    }
    if (ok && selected_rest(query, paper, text, cache)) {
      rows.push_back(Row{&paper, i});
      counts.insert(counts.end(), paper_counts.begin(), paper_counts.end());
      if (kept != nullptr && rank_in(query.in).summary) {
        kept->keep(paper, text.summary_plain(), rows.back());
      }
    }
  }
  const Bm25Params params;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r].score = round_score(bm25_score(
        params,
        stats,
        std::span<const FieldCounts>(counts).subspan(r * terms, terms),
        lengths_of(*rows[r].paper)));
  }
  return rows;
}

// --unique, --per and the order, as the query says; not the limit.
void arrange_rows(std::vector<Row>& rows, const Query& query) {
  if (query.unique) {
    keep_unique(rows);
  }
  if (query.per > 0) {
    keep_per_period(rows, query.per, query.per_period);
  }
  sort_rows(rows, query.sort, query.reverse);
  if (query.per > 0) {
    // Period by period, oldest first; the sort's order within each.
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
      return earlier_period(period_of(a, query.per_period),
                            period_of(b, query.per_period));
    });
  }
}

// What --loose would add to `strict` (the arranged rows of a strict query
// without a limit), given the rows the loose query selects.
LooseHint loose_difference(const Query& query,
                           const std::vector<Row>& strict,
                           std::vector<Row> loose) {
  arrange_rows(loose, query);
  std::set<const Paper*> strict_set;
  for (const Row& row : strict) {
    strict_set.insert(row.paper);
  }
  LooseHint hint;
  AuthorKeyFolder folder;
  std::set<std::string_view> seen;
  for (const Row& row : loose) {
    if (strict_set.contains(row.paper)) {
      continue;
    }
    ++hint.extra_rows;
    for (const auto author : row.paper->authors) {
      const auto keys = folder.fold(author, true);
      const bool wanted = std::find(query.loose_author_keys.begin(),
                                    query.loose_author_keys.end(),
                                    keys.loose)
                          != query.loose_author_keys.end();
      const bool strict_match =
          std::find(
              query.author_keys.begin(), query.author_keys.end(), keys.strict)
          != query.author_keys.end();
      if (wanted && !strict_match && seen.insert(author).second) {
        hint.spellings.emplace_back(author);
      }
    }
  }
  return hint;
}

// The rows of `query` in its order, limited. With `hint` (a strict author
// query without terms), also what --loose would add, from the same pass.
std::vector<Row> ordered_rows(const PaperTable& table,
                              const Query& query,
                              std::size_t* extra = nullptr,
                              std::optional<LooseHint>* hint = nullptr,
                              KeptPlain* kept = nullptr) {
  const bool want_hint = hint != nullptr && !query.loose
                         && !query.author_keys.empty() && query.terms.empty();
  std::vector<Row> loose;
  std::vector<Row> rows =
      scored_rows(table, query, extra, want_hint ? &loose : nullptr, kept);
  arrange_rows(rows, query);
  if (want_hint) {
    *hint = loose_difference(query, rows, std::move(loose));
  }
  if (query.limit > 0 && rows.size() > query.limit) {
    rows.resize(query.limit);
  }
  return rows;
}

}  // namespace

std::vector<const Paper*> run_query(const PaperTable& table,
                                    const Query& query) {
  const auto rows = ordered_rows(table, query);
  std::vector<const Paper*> out;
  out.reserve(rows.size());
  for (const Row& row : rows) {
    out.push_back(row.paper);
  }
  return out;
}

std::function<std::function<bool(const Paper&)>()> record_filter(
    const Query& query, FilterScope scope) {
  std::optional<DateRange> dates;
  if (query.dates && (!query.dates->relative() || query.now)) {
    dates = query.dates->resolve(query.now);
  }
  const bool rest =
      scope == FilterScope::kAll
      && (query.min_votes.value_or(0) > 0 || !query.ids.empty()
          || !query.author_keys.empty() || !query.keywords.empty());
  if (!dates && !rest) {
    return {};
  }
  // A paper only --loose finds stays for the hint (SearchResult::loose).
  const bool loose_too = query.loose_hint && !query.loose;
  return [&query, dates, rest, loose_too] {
    auto cache = std::make_shared<QueryCache>(query);
    return [&query, dates, rest, loose_too, cache](const Paper& paper) {
      if (!in_dates(dates, paper)) {
        return false;
      }
      PaperText text(paper);
      return !rest || selected_rest(query, paper, text, *cache, loose_too);
    };
  };
}

KeepBest keep_best(const Query& query) {
  // The rows must be those a filter in the workers selects: no search
  // terms (scores need every paper), no --loose hint (it needs the papers
  // only --loose finds), dates known before the load; and --unique picks
  // among every appearance of an id.
  if (!query.terms.empty() || query.unique || (query.loose_hint && !query.loose)
      || (query.dates && query.dates->relative() && !query.now)) {
    return {};
  }
  KeepBest out;
  if (query.per > 0) {
    // keep_per_period(): the best `per` of each period by votes, whatever
    // the order they are listed in then.
    out.count = query.per;
    out.before = [](const Paper& a, const Paper& b) {
      return std::is_lt(compare_records(a, b, SortKey::kVotes, false));
    };
    out.group = [by = query.per_period](const Paper& paper) {
      return paper.date ? period_start(*paper.date, by).days_since_epoch()
                        : std::numeric_limits<std::int64_t>::max();
    };
    return out;
  }
  const bool by_record = query.sort == SortKey::kVotes
                         || query.sort == SortKey::kDate
                         || query.sort == SortKey::kId
                         || (query.sort == SortKey::kInput && !query.reverse);
  if (query.limit == 0 || !by_record) {
    return {};
  }
  out.count = query.limit;
  out.before = [key = query.sort, reverse = query.reverse](const Paper& a,
                                                           const Paper& b) {
    return std::is_lt(compare_records(a, b, key, reverse));
  };
  return out;
}

bool any_selected(const PaperTable& table, const Query& query) {
  QueryCache cache(query);
  const auto dates = query_dates(query, table);
  for (const Paper& paper : table.papers()) {
    if (selected(query, dates, paper, cache)) {
      return true;
    }
  }
  return false;
}

SearchResult run_search(const PaperTable& table, const Query& query) {
  SearchResult out;
  KeptPlain kept;
  const auto rows = ordered_rows(table,
                                 query,
                                 &out.expansion_extra,
                                 query.loose_hint ? &out.loose : nullptr,
                                 &kept);
  out.rows.reserve(rows.size());
  for (const Row& row : rows) {
    out.rows.push_back(row.paper);
  }
  if (query.terms.empty()) {
    return out;
  }
  out.hits.reserve(rows.size());
  const RankIn in = rank_in(query.in);
  std::vector<const Matcher*> expanded;
  if (query.expand) {
    for (const auto& alternatives : query.expansions) {
      for (const auto& m : alternatives) {
        expanded.push_back(&m);
      }
    }
  }
  std::vector<const Matcher*> all;
  for (const auto& m : query.terms) {
    all.push_back(&m);
  }
  all.insert(all.end(), expanded.begin(), expanded.end());
  const auto set = term_set_of(all);
  std::vector<std::string_view> plain;
  for (const Row& row : rows) {
    kept.get(row, plain);
    Hit hit =
        make_snippet(*row.paper, plain, all, in, 160, set ? &*set : nullptr);
    hit.score = row.score;
    out.hits.push_back(std::move(hit));
  }
  return out;
}

bool has_author(const PaperTable& table, std::string_view name, bool loose) {
  const std::string key = loose ? loose_author_key(name) : author_key(name);
  AuthorKeyFolder folder;
  for (const auto& paper : table.papers()) {
    for (const auto& author : paper.authors) {
      if ((loose ? folder.loose(author) : folder.strict(author)) == key) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> nearest_authors(const PaperTable& table,
                                         std::string_view name,
                                         std::size_t max) {
  const std::string key = author_key(name);
  const std::string loose = loose_author_key(name);
  if (key.empty() || max == 0) {
    return {};
  }
  auto words = [](std::string_view text) {
    std::set<std::string_view> out;
    std::size_t i = 0;
    while (i <= text.size()) {
      const auto space = std::min(text.find(' ', i), text.size());
      out.insert(text.substr(i, space - i));
      i = space + 1;
    }
    return out;
  };
  const auto query_words = words(key);
  // Closer is smaller: (kind, distance, key). Kinds: 0 the same name but
  // for initials, 1 holds every word of the query, 2 a near spelling.
  using Score = std::tuple<int, std::size_t, std::string>;
  std::map<std::string, std::pair<Score, std::string>> best;  // by key
  const std::size_t cutoff = std::max<std::size_t>(2, key.size() / 3);
  for (const auto& paper : table.papers()) {
    for (const auto& author : paper.authors) {
      std::string candidate = author_key(author);
      if (candidate.empty() || best.contains(candidate)) {
        continue;
      }
      std::optional<Score> score;
      if (loose_author_key(author) == loose) {
        score = Score{0, 0, candidate};
      } else {
        const auto candidate_words = words(candidate);
        if (std::includes(candidate_words.begin(),
                          candidate_words.end(),
                          query_words.begin(),
                          query_words.end())) {
          score = Score{1, candidate.size() - key.size(), candidate};
        } else if (const auto d =
                       std::min(edit_distance(key, candidate),
                                edit_distance(loose, loose_author_key(author)));
                   d <= cutoff) {
          score = Score{2, d, candidate};
        }
      }
      if (score) {
        best.emplace(candidate, std::make_pair(std::move(*score), author));
      }
    }
  }
  std::vector<std::pair<Score, std::string>> ranked;
  ranked.reserve(best.size());
  for (auto& [candidate, entry] : best) {
    ranked.push_back(std::move(entry));
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < max; ++i) {
    out.push_back(std::move(ranked[i].second));
  }
  return out;
}

Result<LooseHint> loose_hint(const PaperTable& table,
                             const QueryOptions& options) {
  if (options.loose || options.authors.empty()) {
    return LooseHint{};
  }
  QueryOptions strict_options = options;
  strict_options.limit = 0;
  strict_options.loose_hint = true;
  auto strict = compile_query(strict_options);
  if (!strict) {
    return strict.error();
  }
  if (!strict->terms.empty()) {
    return Error{"the --loose hint is for queries without search terms"};
  }
  std::optional<LooseHint> hint;
  ordered_rows(table, *strict, nullptr, &hint);
  return hint ? std::move(*hint) : LooseHint{};
}

std::vector<GlossaryPair> mine_glossary(const PaperTable& table,
                                        const Query& query,
                                        std::size_t min_support) {
  GlossaryMiner miner;
  const auto dates = query_dates(query, table);
  for (const Paper& paper : table.papers()) {
    if (in_dates(dates, paper)) {
      miner.add(paper.summary);
    }
  }
  return miner.pairs(min_support);
}

std::vector<std::vector<std::string>> expand_terms(
    Query& query, const std::vector<GlossaryPair>& pairs) {
  std::vector<std::vector<std::string>> out(query.terms.size());
  query.expansions.clear();
  query.expansions.resize(query.terms.size());
  for (std::size_t t = 0; t < query.terms.size(); ++t) {
    const Matcher& term = query.terms[t];
    if (term.is_regex()) {
      continue;
    }
    for (const GlossaryPair* pair : glossary_lookup(pairs, term.term())) {
      const bool english = glossary_english_key(term.term()) == pair->english;
      // Mined English is lower case: a translation ignores case.
      const std::string& other = english ? pair->korean : pair->english;
      if (std::find(out[t].begin(), out[t].end(), other) != out[t].end()) {
        continue;
      }
      out[t].push_back(other);
      query.expansions[t].push_back(
          Matcher::literal(other, MatchOptions{false, query.exact}));
    }
  }
  return out;
}

}  // namespace papers
