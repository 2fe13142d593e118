// Queries over a PaperTable: filters (dates and periods, authors,
// keywords, search terms, ids, votes), one row per paper, sort keys with
// explicit tie-breaks, a per-period cap (the best N of each day, week,
// month or year) and a limit. Options arrive in two stages:
// the CLI fills a plain QueryOptions, compile_query() validates every value and
// compiles the matchers, and run_query() applies the compiled Query. The
// commands `list`, `top`, `author` and `search` are presets of one query.
#pragma once

#include <papers/calendar.hpp>
#include <papers/error.hpp>
#include <papers/glossary.hpp>
#include <papers/hit.hpp>
#include <papers/matcher.hpp>
#include <papers/paper.hpp>
#include <papers/paper_table.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// What rows are ordered by. Every key ends in the same tie-breaks, so the
/// order is total and never depends on the sort algorithm:
enum class SortKey {
  kInput,  ///< document order: file path, then line
  kVotes,  ///< votes descending (unknown last), date descending, input
  kDate,   ///< date ascending (none last), votes descending, input
  kTitle,  ///< title ascending, case-folded; date ascending, input
  kId,     ///< arXiv id ascending (none last), date ascending, input
  /// search: score descending (rounded to 3 decimals), votes descending,
  /// date descending (newer first), input
  kRelevance,
};

/// Where search terms are looked for.
enum class SearchField {
  kTitleSummary,  ///< the default: title or summary text
  kTitle,
  kSummary,
  kAuthors,
  kAll,  ///< title, summary or authors
};

/// The names --sort accepts (votes, date, title, id, relevance).
std::vector<std::string_view> sort_key_names();

/// The names --in accepts (title, summary, authors, all).
std::vector<std::string_view> search_field_names();

/// A query as the user wrote it: strings and numbers, not yet validated.
/// Empty strings and absent values mean "not given".
struct QueryOptions {
  // Filters, combined with AND.
  // Dates in any form of parse_date_form(); each names a period.
  std::string date;   ///< the whole period
  std::string since;  ///< from the period's first day
  std::string until;  ///< to the period's last day
  std::string now;    ///< YYYY-MM-DD: the anchor of the relative forms
  std::vector<std::string> authors;  ///< each must be an author (AND)
  bool loose = false;  ///< author names also ignore middle initials
  /// run_search() also says what --loose would add (SearchResult::loose).
  bool loose_hint = false;
  std::vector<std::string> keywords;  ///< each in title or summary (AND)
  std::optional<std::int64_t> min_votes;
  std::vector<std::string> ids;  ///< any spelling of an arXiv id (OR)

  // Search terms (the `search` command).
  std::vector<std::string> terms;
  bool any = false;    ///< one term is enough (default: every term)
  bool regex = false;  ///< terms are RE2 patterns
  std::string in;      ///< title|summary|authors|all; default title+summary
  bool case_sensitive = false;  ///< -s: case matters in every term
  bool smart_case = false;  ///< -S: case matters in a term with an uppercase
  bool exact = false;       ///< --exact: Hangul spacing as written
  bool expand = false;      ///< --expand: also the mined translations of a term

  // Rows and order.
  bool unique = false;  ///< one row per id: the appearance with most votes
  std::optional<std::int64_t> per_day;    ///< --per-day N: --per day N
  std::string per;                        ///< --per PERIOD N: the period
  std::optional<std::int64_t> per_count;  ///< --per PERIOD N: N
  std::string sort;                       ///< votes|date|title|id|relevance
  bool reverse = false;                   ///< reverse the primary sort key
  std::optional<std::int64_t> limit;      ///< at most N rows; 0: no limit

  // What the command presets when the user gave no --sort or --limit.
  SortKey default_sort = SortKey::kInput;
  std::int64_t default_limit = 0;
};

/// A date filter as compiled: the dates from the first day of `from`'s
/// period to the last day of `to`'s. Relative forms (`7d`, `today`) stay
/// unanchored until the newest date of the inputs is known, after the load:
/// a loader that filters while it parses applies only a filter that is not
/// relative() and leaves the others to run_query().
struct DateFilter {
  std::optional<DateForm> from;
  std::optional<DateForm> to;

  bool relative() const;
  /// The range, with `anchor` as the day relative forms count back from.
  DateRange resolve(std::optional<Date> anchor) const;
};

/// A validated, compiled query. Build it with compile_query().
struct Query {
  std::optional<DateFilter> dates;
  std::optional<Date> now;  ///< --now: the anchor, instead of the inputs'
  std::vector<std::string> author_keys;  ///< author_key or loose_author_key
  std::vector<std::string> loose_author_keys;  ///< loose_author_key of each
  bool loose = false;
  bool loose_hint = false;  ///< QueryOptions::loose_hint
  std::vector<Matcher> keywords;
  std::vector<Matcher> terms;
  /// Per term (when filled by expand_terms()), the mined translations it
  /// also matches under `expand`; without `expand` they only count the
  /// papers they would add (SearchResult::expansion_extra).
  std::vector<std::vector<Matcher>> expansions;
  bool expand = false;
  bool exact = false;  ///< --exact
  bool any = false;
  SearchField in = SearchField::kTitleSummary;
  std::optional<std::int64_t> min_votes;
  std::vector<std::string> ids;  ///< normalised
  bool unique = false;
  /// At most `per` rows per period of `per_period` (0: no cap), listed
  /// period by period, oldest first (undated rows last), each period in
  /// the order of `sort`.
  std::size_t per = 0;
  Period per_period = Period::kDay;
  SortKey sort = SortKey::kInput;
  bool reverse = false;
  std::size_t limit = 0;  ///< 0: no limit
};

/// Validates `options` and compiles its matchers. Errors name the option
/// (`--date: '2024-13-45' is not a date ...`) and are usage errors.
Result<Query> compile_query(const QueryOptions& options);

/// Which filters of a query record_filter() gives the loader's workers.
enum class FilterScope {
  kDates,  ///< only the dates: a search's statistics and glossary need
           ///< every paper inside them
  kAll,    ///< every filter that looks at one record alone
};

/// What of `query` can be decided on one record as soon as it is parsed,
/// for LoadOptions::filter (loader.hpp), so that the table keeps only the
/// records the query may select: the dates when they are absolute or
/// anchored by --now, and under kAll the ids, --min-votes, keywords and
/// authors (their loose keys too when the query gives a --loose hint).
/// run_query() applies every filter again, so its rows are the same with
/// or without it. Each call of the factory makes one worker's filter;
/// `query` must outlive them. An empty factory when nothing would be
/// dropped.
std::function<std::function<bool(const Paper&)>()> record_filter(
    const Query& query, FilterScope scope);

/// What a load filtered by record_filter(query, FilterScope::kAll) needs
/// to keep of the records its filter passes, for run_query() to give the
/// same rows (PaperTable::keep_best()): for a limit of N, the first N by
/// the sort (votes, date or id, --reverse too; input order); for --per
/// PERIOD N, the N most-voted of each period. No bound (count 0) for a
/// sort by title, --unique, search terms, a --loose hint, dates relative
/// to the newest of the inputs, or no limit. Only for a load that applied
/// that filter (or that no filter would have narrowed).
KeepBest keep_best(const Query& query);

/// The rows of `table` that `query` selects, in its order.
std::vector<const Paper*> run_query(const PaperTable& table,
                                    const Query& query);

/// The newest date of any record of `table`: the anchor of the relative
/// date forms when --now is not given.
std::optional<Date> newest_date(const PaperTable& table);

/// The distinct dates of the digests of `table` that the date filter of
/// `query` keeps (its other filters aside), oldest first: the days a
/// series counts as having data.
std::vector<Date> digest_dates(const PaperTable& table, const Query& query);

/// The dates `query` keeps, anchored for `table` (--now, else
/// newest_date()); nullopt when it has no date filter.
std::optional<DateRange> query_dates(const Query& query,
                                     const PaperTable& table);

/// True when some row of `table` passes the filters of `query`; stops at
/// the first (for `--quiet`, where only the exit status is wanted).
bool any_selected(const PaperTable& table, const Query& query);

/// What --loose would add to a strict author query.
struct LooseHint {
  std::size_t extra_rows = 0;          ///< rows only the loose query finds
  std::vector<std::string> spellings;  ///< the names it finds them under
};

/// What a search prints: the rows, and for each row (when the query has
/// terms) its score and snippet.
struct SearchResult {
  std::vector<const Paper*> rows;
  std::vector<Hit> hits;  ///< one per row, or empty without terms
  /// Without --expand: the papers (before --unique, --per and the limit)
  /// that the terms' translations would add.
  std::size_t expansion_extra = 0;
  /// With Query::loose_hint, for a strict author query without terms:
  /// what --loose would add to the rows (before the limit), counted in the
  /// same pass over the table.
  std::optional<LooseHint> loose;
};

/// The glossary mined from the summaries of the papers of `table` inside
/// the date filters of `query` (glossary.hpp), pairs written at least
/// `min_support` times.
std::vector<GlossaryPair> mine_glossary(const PaperTable& table,
                                        const Query& query,
                                        std::size_t min_support = 3);

/// Fills query.expansions from `pairs`: each literal term (not a regex)
/// gets the translations glossary_lookup() finds for it, matched with the
/// term's case and spacing rules. Returns, per term, the translations.
std::vector<std::vector<std::string>> expand_terms(
    Query& query, const std::vector<GlossaryPair>& pairs);

/// run_query() with a BM25F score for each row (rank.hpp) and the snippet
/// of each row kept. Document frequencies and average field lengths come
/// from the papers of `table` inside the date filters (--date, --since,
/// --until), before any other filter.
SearchResult run_search(const PaperTable& table, const Query& query);

/// Author names in `table` nearest to `name`, best first, at most `max`
/// (one spelling per person): for "did you mean" when nothing matched.
std::vector<std::string> nearest_authors(const PaperTable& table,
                                         std::string_view name,
                                         std::size_t max = 3);

/// Runs `options` strictly (without a limit), noting in the same pass what
/// the loose query would add, and reports the difference; empty when
/// --loose adds nothing or was already given. An error for a query with
/// search terms.
Result<LooseHint> loose_hint(const PaperTable& table,
                             const QueryOptions& options);

/// True when some paper of `table` has an author whose key equals
/// author_key(`name`) (loose_author_key() when `loose`).
bool has_author(const PaperTable& table, std::string_view name, bool loose);

}  // namespace papers
