// Aggregations over the rows a query selected (the output of run_query()):
// authors ranked by papers, the co-authors of one person, papers per day,
// ISO week or month, and a summary of the selection. These are pure
// functions from rows to plain row structs; the writers in format.hpp print
// them and the insight commands (authors, coauthors, dates, trend, stats)
// wire the two together.
//
// Two ways of counting, each the natural one for its question:
//  - per person (rank_authors, rank_coauthors) a paper counts once however
//    often it was featured, at its best-voted appearance;
//  - per period (group_by_period, series_by_period) and in summarize() every
//    appearance counts, on its own date: a paper featured in January and in
//    February is in both months.
#pragma once

#include <papers/calendar.hpp>
#include <papers/error.hpp>
#include <papers/paper.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

/// One person: every spelling whose author_key() (or loose_author_key())
/// is the same, with the papers counted for them.
struct AuthorRow {
  std::string name;  ///< the most frequent spelling (ties: the first seen)
  /// Every spelling, most frequent first (ties: first seen); name is first.
  std::vector<std::string> variants;
  /// One per arXiv id (its best-voted appearance), in the order of first
  /// appearance; papers without an id each count on their own.
  std::vector<const Paper*> papers;
  std::int64_t votes = 0;       ///< sum of the known votes of `papers`
  const Paper* best = nullptr;  ///< the first of `papers` in best_first order
};

/// True when `a` ranks before `b` by votes: more votes first (unknown
/// last), then the newer date (none last). Equal papers keep their order.
bool best_first(const Paper& a, const Paper& b);

/// Every author of `rows`, one row per person, ranked by number of papers
/// (descending), then total votes (descending), then name (by key, then
/// as written). `loose` groups on loose_author_key() instead.
std::vector<AuthorRow> rank_authors(std::span<const Paper* const> rows,
                                    bool loose = false);

/// The people who share papers with `name` in `rows`, ranked like
/// rank_authors() with `papers` the shared papers. Only rows with `name`
/// among their authors count; `name` itself is never listed.
std::vector<AuthorRow> rank_coauthors(std::span<const Paper* const> rows,
                                      std::string_view name,
                                      bool loose = false);

/// The papers of one period.
struct PeriodRow {
  Date start;              ///< first day of the period
  Date end;                ///< last day of the period
  std::string label;       ///< period_label()
  std::size_t papers = 0;  ///< appearances dated in the period
  std::size_t voted = 0;   ///< of them, those with a known vote count
  std::int64_t votes = 0;  ///< sum of their known votes
  /// The first in best_first order; nullptr when no vote is known (no
  /// paper is the top one by votes then).
  const Paper* top = nullptr;
};

/// How `dates` orders its rows.
enum class PeriodOrder {
  kDate,    ///< oldest first
  kPapers,  ///< most papers first, then oldest
  kVotes,   ///< most votes first (periods without a known vote last)
};

/// Sorts `rows` by `order`; `reverse` turns the first key round (periods
/// without a known vote stay last).
void sort_periods(std::vector<PeriodRow>& rows,
                  PeriodOrder order,
                  bool reverse);

/// How `authors` and `coauthors` order their rows.
enum class AuthorOrder {
  kPapers,  ///< the ranking of rank_authors(): papers, votes, name
  kVotes,   ///< total votes, then papers, then name
  kName,    ///< name (by author_key(), then as written)
};

/// Sorts ranked `rows` by `order` (a stable sort of rank_authors() order).
void sort_authors(std::vector<AuthorRow>& rows, AuthorOrder order);

/// One row per period of `by` that holds a paper of `rows`, oldest first.
/// Papers without a date are left out.
std::vector<PeriodRow> group_by_period(std::span<const Paper* const> rows,
                                       Period by);

/// A series for a chart: one row for every period of `by` from the one of
/// the first date of `span` to the one of its last (`span` is what the
/// series is about, typically a superset of `rows`, which widen it when they
/// reach further), counting the papers of `rows` in each; periods without
/// any are there, with zero. Papers without a date are left out. Empty when
/// neither holds a date.
std::vector<PeriodRow> series_by_period(std::span<const Paper* const> span,
                                        std::span<const Paper* const> rows,
                                        Period by);

/// One period of a trend (`papers trend`), honest about what the data
/// holds: how many digest days the period has, how many papers passed the
/// filters other than the TERMs, and how many of those matched.
struct TrendRow {
  Date start;
  Date end;
  std::string label;        ///< period_label()
  std::string term;         ///< --each: the TERM of this series; else ""
  std::size_t digests = 0;  ///< digest days in the period; 0: a gap
  std::size_t total = 0;    ///< papers of the period (after the filters)
  std::size_t papers = 0;   ///< of them, those that matched
  bool partial = false;     ///< the data covers only part of the period

  /// papers / total; nullopt for a gap or when total is 0.
  std::optional<double> share() const;
};

/// The most periods a series lays out; more is an error (a digest dated
/// 0001-01-01 beside one of 9999-12-31 would be 3.65 million days).
inline constexpr std::uint64_t kMaxPeriods = 10'000;

/// A trend: one row per period of `by` from the one holding the first of
/// `digest_days` (the sorted, distinct dates of the inputs' digests within
/// the date filter) to the one holding the last, counting in each the
/// digest days, the papers of `total` and those of `matched` (a subset of
/// `total`). The first and last periods are partial when the digest days
/// start after the first's first day or end before the last's last day.
/// Labelled `term`. An error, naming both ends, when that would be more than
/// kMaxPeriods periods.
Result<std::vector<TrendRow>> trend_series(
    std::span<const Paper* const> total,
    std::span<const Paper* const> matched,
    std::span<const Date> digest_days,
    Period by,
    std::string_view term = {});

/// A summary of a selection of papers. `files` and `warnings` describe the
/// inputs, not the selection: the caller fills them in from the load.
struct Summary {
  std::size_t files = 0;     ///< inputs read
  std::size_t warnings = 0;  ///< diagnostics while reading them
  std::size_t papers = 0;    ///< records: appearances of papers
  std::size_t dates = 0;     ///< distinct dates
  std::optional<Date> first_date;
  std::optional<Date> last_date;
  std::size_t distinct_ids = 0;
  std::size_t featured_more_than_once = 0;  ///< ids with more than one record
  std::size_t unknown_votes = 0;            ///< records without a vote count
  std::size_t distinct_authors = 0;         ///< distinct author_key()s
  /// The median of the known votes (the mean of the middle two for an even
  /// count) and the maximum; nullopt when no vote is known.
  std::optional<double> median_votes;
  std::optional<std::int64_t> max_votes;
};

/// The summary of `rows`, with files and warnings left at zero.
Summary summarize(std::span<const Paper* const> rows);

}  // namespace papers
