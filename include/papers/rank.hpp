// Relevance for search (part of the query layer): BM25F scores over a
// paper's fields, computed from per-field term counts and the statistics
// of the papers ranked among, and the snippet that shows where the terms
// matched. The functions take counts and text, not a table, so each is
// tested on its own; run_search() in query.hpp wires them to a query.
#pragma once

#include <papers/hit.hpp>
#include <papers/matcher.hpp>
#include <papers/paper.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace papers {

/// The fields a score adds up: title, summary, authors.
enum RankField : std::size_t {
  kRankTitle = 0,
  kRankSummary = 1,
  kRankAuthors = 2
};

inline constexpr std::size_t kRankFields = 3;

/// Occurrences of one term in each field of one paper.
using FieldCounts = std::array<std::uint32_t, kRankFields>;
/// The length of each field of one paper: bytes of the title and of the
/// summary as written, number of authors.
using FieldLengths = std::array<double, kRankFields>;

/// BM25F's constants: k1 saturates term frequency, b scales length
/// normalisation, and each field's weight multiplies its counts.
struct Bm25Params {
  double k1 = 1.2;
  double b = 0.75;
  std::array<double, kRankFields> weights = {3.0, 1.0, 1.0};
};

/// What a score knows of the papers it ranks among: how many, their total
/// field lengths, and per term how many contain it (document frequency).
struct CorpusStats {
  std::size_t documents = 0;
  FieldLengths total_length{};
  std::vector<std::size_t> df;
};

/// ln(1 + (N - df + 0.5) / (df + 0.5)): never negative.
double bm25_idf(std::size_t documents, std::size_t df);

/// BM25F of one paper: the sum over terms t of
/// idf(t) * w / (k1 + w), where w = sum over fields f of
/// weight_f * tf(t, f) / (1 - b + b * len_f / avglen_f).
/// `counts` holds one FieldCounts per term, in the order of stats.df.
double bm25_score(const Bm25Params& params,
                  const CorpusStats& stats,
                  std::span<const FieldCounts> counts,
                  const FieldLengths& lengths);

/// `score` rounded to 3 decimals (what is printed and sorted on, so two
/// rows that print the same score fall to the tie-breaks).
double round_score(double score);

/// Which fields a search looked in.
struct RankIn {
  bool title = true;
  bool summary = true;
  bool authors = false;
};

/// The snippet of `paper` for `terms`: the summary bullet (plain text, no
/// label) that holds the most distinct terms, then the most matches, the
/// first such; else the title when it matched; else the first matching
/// author. Cut around the bullet's first match to about `columns` display
/// columns, with "…" where it was cut.
Hit make_snippet(const Paper& paper,
                 std::span<const Matcher> terms,
                 const RankIn& in,
                 std::size_t columns = 160);

/// make_snippet() of terms given by address (a search's terms and their
/// translations under --expand).
Hit make_snippet(const Paper& paper,
                 std::span<const Matcher* const> terms,
                 const RankIn& in,
                 std::size_t columns = 160);

/// make_snippet() with the summary's bullets already as plain text, in
/// split_summary() order (a search renders them once, to score them, and
/// keeps them for the rows it prints). `set`, when given, is a TermSet of
/// `terms` (same order): only the terms it does not rule out of a text are
/// looked for in it, with the same snippet.
Hit make_snippet(const Paper& paper,
                 std::span<const std::string_view> plain_bullets,
                 std::span<const Matcher* const> terms,
                 const RankIn& in,
                 std::size_t columns = 160,
                 const TermSet* set = nullptr);

}  // namespace papers
