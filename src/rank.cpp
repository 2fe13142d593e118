#include "text_width.hpp"

#include <papers/markup.hpp>
#include <papers/rank.hpp>
#include <papers/summary.hpp>
#include <papers/text_fold.hpp>

#include <algorithm>
#include <cmath>

namespace papers {
namespace {}  // namespace

double bm25_idf(std::size_t documents, std::size_t df) {
  const double n = static_cast<double>(documents);
  const double d = static_cast<double>(std::min(df, documents));
  return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
}

double bm25_score(const Bm25Params& params,
                  const CorpusStats& stats,
                  std::span<const FieldCounts> counts,
                  const FieldLengths& lengths) {
  double score = 0;
  const double n =
      static_cast<double>(std::max<std::size_t>(1, stats.documents));
  for (std::size_t t = 0; t < counts.size() && t < stats.df.size(); ++t) {
    double w = 0;
    for (std::size_t f = 0; f < kRankFields; ++f) {
      if (counts[t][f] == 0) {
        continue;
      }
      const double average = stats.total_length[f] / n;
      const double norm =
          average > 0 ? 1.0 - params.b + params.b * lengths[f] / average : 1.0;
      w += params.weights[f] * counts[t][f] / norm;
    }
    if (w > 0) {
      score += bm25_idf(stats.documents, stats.df[t]) * w / (params.k1 + w);
    }
  }
  return score;
}

double round_score(double score) { return std::round(score * 1000.0) / 1000.0; }

Hit make_snippet(const Paper& paper,
                 std::span<const Matcher> terms,
                 const RankIn& in,
                 std::size_t columns) {
  std::vector<const Matcher*> all;
  all.reserve(terms.size());
  for (const auto& term : terms) {
    all.push_back(&term);
  }
  return make_snippet(paper, std::span<const Matcher* const>(all), in, columns);
}

Hit make_snippet(const Paper& paper,
                 std::span<const Matcher* const> terms,
                 const RankIn& in,
                 std::size_t columns) {
  if (!in.summary) {
    return make_snippet(paper, {}, terms, in, columns);
  }
  const auto items = split_summary(paper.summary);
  std::vector<std::string> rendered;
  std::vector<std::string_view> plain;
  rendered.reserve(items.size());
  plain.reserve(items.size());
  for (const auto& item : items) {
    if (has_markup(item.text)) {
      plain.push_back(rendered.emplace_back(markdown_to_plain(item.text)));
    } else {
      plain.push_back(item.text);
    }
  }
  return make_snippet(paper, plain, terms, in, columns);
}

Hit make_snippet(const Paper& paper,
                 std::span<const std::string_view> plain_bullets,
                 std::span<const Matcher* const> terms,
                 const RankIn& in,
                 std::size_t columns,
                 const TermSet* set) {
  using Marks = std::vector<std::pair<std::size_t, std::size_t>>;
  std::vector<unsigned char> maybe;
  // The matches of every term in `text` into `marks`, sorted; returns how
  // many terms match.
  auto marks_in = [&](std::string_view text, Marks& marks) {
    marks.clear();
    std::size_t distinct = 0;
    const TextView view(text);
    if (set != nullptr) {
      maybe.assign(terms.size(), 0);
      set->mark_for_find(view, maybe);
    }
    for (std::size_t t = 0; t < terms.size(); ++t) {
      if (set != nullptr && maybe[t] == 0) {
        continue;
      }
      const auto found = terms[t]->find_text(view, 64);
      distinct += found.empty() ? 0U : 1U;
      for (const auto& span : found) {
        marks.emplace_back(span.begin, span.end);
      }
    }
    std::sort(marks.begin(), marks.end());
    return distinct;
  };
  auto finish = [&](std::string_view shown, Marks marks, Hit& hit) {
    // One line: continuation lines of a bullet join with a space.
    std::string text(shown);
    std::replace(text.begin(), text.end(), '\n', ' ');
    const auto first = marks.empty() ? std::pair<std::size_t, std::size_t>{0, 0}
                                     : marks.front();
    hit.snippet = cut_around(text, first, columns, marks);
    hit.marks = std::move(marks);
  };

  Hit hit;
  if (in.summary) {
    std::size_t best_distinct = 0;
    std::size_t best_count = 0;
    std::string_view best_text;
    Marks best_marks;
    Marks marks;
    for (std::size_t i = 0; i < plain_bullets.size(); ++i) {
      const std::size_t distinct = marks_in(plain_bullets[i], marks);
      if (distinct > best_distinct
          || (distinct == best_distinct && marks.size() > best_count)) {
        best_distinct = distinct;
        best_count = marks.size();
        best_text = plain_bullets[i];
        best_marks.swap(marks);
        hit.bullet = i;
      }
    }
    if (best_distinct > 0) {
      finish(best_text, std::move(best_marks), hit);
      return hit;
    }
    hit.bullet.reset();
  }
  Marks marks;
  if (in.title) {
    if (marks_in(paper.title, marks) > 0) {
      finish(paper.title, std::move(marks), hit);
      return hit;
    }
  }
  if (in.authors) {
    for (const auto name : paper.authors) {
      for (const Matcher* term : terms) {
        if (term->is_regex()
                ? term->matches_text(name)
                : term->matches(name, author_key(name), Fold::kName)) {
          // The name is short: the whole of it is the match.
          auto found = term->find_text(name, 64);
          marks.clear();
          if (found.empty()) {
            marks.emplace_back(0, name.size());
          }
          for (const auto& span : found) {
            marks.emplace_back(span.begin, span.end);
          }
          finish(name, std::move(marks), hit);
          return hit;
        }
      }
    }
  }
  // Nothing to show a match in (a filter-only query): the title.
  finish(paper.title, {}, hit);
  return hit;
}

}  // namespace papers
