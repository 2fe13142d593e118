#include "commands.hpp"

#include <papers/aggregate.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace papers::cli {
namespace {

std::string choices(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto name : names) {
    out += out.empty() ? "" : "|";
    out += name;
  }
  return out;
}

void explain_loose(const std::optional<LooseHint>& hint) {
  if (!hint || hint->extra_rows == 0) {
    return;
  }
  std::string spellings;
  for (const auto& name : hint->spellings) {
    spellings += spellings.empty() ? "" : ", ";
    spellings += name;
  }
  eprint("papers: --loose finds {} more paper{} (as {})\n",
         hint->extra_rows,
         hint->extra_rows == 1 ? "" : "s",
         spellings);
}

}  // namespace

// Hints for an empty result: an --author name that is nobody in the data
// gets the nearest names instead.
void explain_no_match(const PaperTable& table, const QueryOptions& query) {
  for (const auto& name : query.authors) {
    if (has_author(table, name, query.loose)) {
      continue;
    }
    const auto nearest = nearest_authors(table, name);
    std::string message = fmt::format("papers: no author '{}'", name);
    for (std::size_t i = 0; i < nearest.size(); ++i) {
      message += i == 0 ? "; did you mean " : ", ";
      message += nearest[i];
    }
    message += nearest.empty() ? " in the data\n" : "?\n";
    print_stderr(message);
  }
}

void add_filters(CLI::App& cmd, QueryOptions& query) {
  const char* filters = "Filters (combined with AND)";
  cmd.add_option("--date",
                 query.date,
                 "Papers of the day, ISO week, month or year D (see Dates "
                 "below); not with --since or --until")
      ->type_name("D")
      ->group(filters);
  cmd.add_option("--since",
                 query.since,
                 "Papers from the first day of D on (2024-02: from "
                 "2024-02-01; 7d: the last seven days)")
      ->type_name("D")
      ->group(filters);
  cmd.add_option("--until",
                 query.until,
                 "Papers up to the last day of D (2024-02: to 2024-02-29)")
      ->type_name("D")
      ->group(filters);
  cmd.add_option("--now",
                 query.now,
                 "Count today, yesterday, Nd and Nw back from day D "
                 "(YYYY-MM-DD) instead of the newest digest date")
      ->type_name("D")
      ->group(filters);
  cmd.add_option("--author",
                 query.authors,
                 "Papers with an author named NAME (case, accents, dots and "
                 "spaces ignored). Give --author again for more: papers with "
                 "all of them")
      ->type_name("NAME")
      ->allow_extra_args(false)
      ->group(filters);
  cmd.add_option("--keyword",
                 query.keywords,
                 "Papers whose title or summary contains TERM, ignoring case. "
                 "Give --keyword again for more: papers with all of them")
      ->type_name("TERM")
      ->allow_extra_args(false)
      ->group(filters);
  cmd.add_option_function<std::int64_t>(
         "--min-votes",
         [&query](const std::int64_t& n) { query.min_votes = n; },
         "Papers with at least N votes (unknown votes count as none)")
      ->type_name("N")
      ->transform(integer_check(0))
      ->group(filters);
  cmd.add_option(
         "--id",
         query.ids,
         "The paper with this arXiv id, in any spelling (2402.03620, "
         "arXiv:..., an arxiv.org or huggingface.co URL). Give --id again "
         "for more: any of them")
      ->type_name("ID")
      ->allow_extra_args(false)
      ->group(filters);
}

void add_row_limit(CLI::App& cmd, QueryOptions& query, std::string_view what) {
  cmd.add_option_function<std::int64_t>(
         "-n,--limit",
         [&query](const std::int64_t& n) { query.limit = n; },
         fmt::format("Print at most N {} (default {}; 0: no limit)",
                     what,
                     query.default_limit))
      ->type_name("N")
      ->transform(integer_check(0))
      ->group("Order");
}

void add_author_sort(CLI::App& cmd, std::string& sort) {
  cmd.add_option("--sort",
                 sort,
                 "Order by papers (then votes, then name), votes (total, "
                 "most first) or name")
      ->type_name("papers|votes|name")
      ->check(CLI::IsMember({"papers", "votes", "name"}))
      ->capture_default_str()
      ->group("Order");
}

AuthorOrder author_order(std::string_view name) {
  if (name == "votes") {
    return AuthorOrder::kVotes;
  }
  return name == "name" ? AuthorOrder::kName : AuthorOrder::kPapers;
}

void add_period_option(CLI::App& cmd, std::string& by) {
  const auto names = period_names();
  cmd.add_option("--by",
                 by,
                 "Group by day, week (ISO 8601: Monday to Sunday, named\n"
                 "YYYY-Www, e.g. 2024-W03), month (YYYY-MM) or year (YYYY)")
      ->type_name("PERIOD")
      ->check(
          CLI::IsMember(std::vector<std::string>(names.begin(), names.end())))
      ->capture_default_str();
}

namespace {

void add_order_options(CLI::App& cmd, QueryOptions& query) {
  const char* order = "Order";
  // Relevance needs TERMs: only search offers it.
  const bool ranked = query.default_sort == SortKey::kRelevance;
  auto names = sort_key_names();
  if (!ranked) {
    std::erase(names, std::string_view("relevance"));
  }
  cmd.add_option("--sort",
                 query.sort,
                 ranked ? "Order by relevance (best score first: the "
                          "default; see SEARCH RANKING in papers(1)), votes "
                          "(most first), date (oldest first), title or id; "
                          "ties fall back to votes, date (newer first for "
                          "relevance) and input order"
                        : "Order by votes (most first), date (oldest first), "
                          "title or id; ties fall back to votes, date and "
                          "input order")
      ->type_name(choices(names))
      // Only the keys this command takes are offered; relevance anywhere
      // else gets compile_query()'s reason (it needs a search TERM).
      ->check(choice_check(names, {"relevance"}))
      ->group(order);
  cmd.add_flag("--reverse",
               query.reverse,
               "Reverse the order's first key (unknown values stay last)")
      ->group(order);
  cmd.add_option_function<std::int64_t>(
         "-n,--limit",
         [&query](const std::int64_t& n) { query.limit = n; },
         query.default_limit > 0
             ? fmt::format("Print at most N rows (default {}; 0: no limit)",
                           query.default_limit)
             : std::string("Print at most N rows (default 0: no limit)"))
      ->type_name("N")
      ->transform(integer_check(0))
      ->group(order);
  cmd.add_flag("--unique",
               query.unique,
               "One row per arXiv id: the appearance with the most votes")
      ->group(order);
}

}  // namespace

void add_filter_options(CLI::App& cmd, QueryOptions& query) {
  add_filters(cmd, query);
  add_order_options(cmd, query);
}

void add_match_options(CLI::App& cmd,
                       QueryOptions& query,
                       const std::string& any_help) {
  cmd.add_flag("--any", query.any, any_help);
  cmd.add_option("--in",
                 query.in,
                 "Where to look: title, summary, authors, or all of them "
                 "(default: title and summary)")
      ->type_name("title|summary|authors|all")
      ->check(choice_check(search_field_names()));
  cmd.add_flag("--regex",
               query.regex,
               "TERMs are RE2 regular expressions (case-insensitive)");
  auto* sensitive =
      cmd.add_flag("-s,--case-sensitive",
                   query.case_sensitive,
                   "Case matters: TERMs match the text as written");
  cmd.add_flag("--exact",
               query.exact,
               "Spaces between Hangul syllables must be as written (by "
               "default they are optional: \"강화 학습\" finds 강화학습)");
  cmd.add_flag("-S,--smart-case",
               query.smart_case,
               "Case matters in a TERM that has an uppercase letter, "
               "as in rg")
      ->excludes(sensitive);
}

std::string command_footer(std::string_view text, bool dates) {
  std::string out(text);
  if (dates) {
    out += R"(

Dates: D is a day (2024-02-07), a month (2024-02), a year (2024), an ISO
week (2024-W06: Monday 2024-02-05 to Sunday 2024-02-11, as dates --by week
names it), today, yesterday, or Nd / Nw: the last N days or weeks, today
included. today is the newest digest date in the inputs, not the clock, so
an archive answers the same tomorrow; --now D sets it.)";
  }
  return out + R"(

Data: --data PATH (repeatable), else $PAPERS_DATA (paths separated by ':'),
else standard input when it is a pipe or a file with data, else the current
directory (so a terminal, </dev/null, cron and xargs read the directory).
Directories are searched recursively for *.md and *.markdown, skipping hidden
ones; files are read in sorted path order. An unreadable path, a binary file
named as an input or a directory without digests is reported and the others
are still used (exit status 2); a binary file found in a directory is a
warning and skipped.

Exit status: 0 results printed, 1 nothing matched (JSON still prints []),
2 error (usage, unreadable or named binary input, invalid regex, write error,
or a warning under --strict).)";
}

int usage_error(const Error& error) {
  eprint("papers: error: {}\n", printable(error.message));
  return kExitError;
}

std::optional<Query> compile_or_report(const QueryOptions& options) {
  auto query = compile_query(options);
  if (!query) {
    usage_error(query.error());
    return std::nullopt;
  }
  return std::move(*query);
}

std::optional<Query> compile_rows_query(const QueryOptions& options,
                                        std::size_t& limit) {
  auto query = compile_or_report(options);
  if (query) {
    limit = query->limit;
    query->limit = 0;
  }
  return query;
}

namespace {

// "확산 (diffusion)" for each term that has translations.
std::string expansion_list(const std::vector<std::string>& terms,
                           const std::vector<std::vector<std::string>>& found) {
  std::string out;
  for (std::size_t t = 0; t < terms.size() && t < found.size(); ++t) {
    if (found[t].empty()) {
      continue;
    }
    std::string names;
    for (const auto& name : found[t]) {
      names += names.empty() ? "" : " or ";
      names += name;
    }
    out += out.empty() ? "" : ", ";
    out += names + " (" + terms[t] + ")";
  }
  return out;
}

}  // namespace

void explain_expansion(const QueryOptions& options,
                       const std::vector<std::vector<std::string>>& found,
                       std::size_t extra) {
  const std::string list = expansion_list(options.terms, found);
  if (list.empty()) {
    return;
  }
  if (options.expand) {
    eprint("papers: --expand also matches {}\n", printable(list));
  } else if (extra > 0) {
    eprint("papers: {} more {} {} {}; --expand includes them\n",
           extra,
           extra == 1 ? "paper" : "papers",
           extra == 1 ? "says" : "say",
           printable(list));
  }
}

int run_listing(const ListingOptions& options, View view, bool loose_hint) {
  // Options are checked before any input is read: a usage error never
  // waits on standard input.
  // --count counts what the filters select: a default limit (top's 10)
  // is a screenful, not part of the question.
  QueryOptions query_options = options.query;
  if (options.count && !query_options.limit) {
    query_options.limit = 0;
  }
  // What --loose would add is counted in the query's own pass.
  query_options.loose_hint = loose_hint && !options.count;
  auto query = compile_or_report(query_options);
  if (!query) {
    return kExitError;
  }
  // The workers keep only the records the query may select. A search
  // needs every paper in its dates (statistics, glossary); "did you mean"
  // for an --author needs every name, so its filter is used only where
  // the inputs can be read again to find them.
  // Of those, a limited listing keeps only the rows that can still be
  // printed (top -n 5: five records, and the key of every other).
  const bool by_author = !query->author_keys.empty();
  const bool filter = !by_author || inputs_rereadable(options.common);
  const LoadResult& load = load_and_report(
      options.common,
      filter ? record_filter(
          *query,
          query->terms.empty() ? FilterScope::kAll : FilterScope::kDates)
             : RecordFilterFactory{},
      filter ? keep_best(*query) : KeepBest{});
  // The names of every record, when an author matched nothing.
  std::optional<LoadResult> whole;
  auto explain = [&] {
    if (!by_author || !filter || load.filtered == 0) {
      explain_no_match(load.table, options.query);
      return;
    }
    whole.emplace(load_quietly(options.common));
    explain_no_match(whole->table, options.query);
  };
  // A search of literal terms learns their translations from the inputs:
  // --expand matches them too, and without it one line on stderr says how
  // many papers they would add.
  std::vector<std::vector<std::string>> translations;
  const bool glossary = view == View::kSearch && !query->terms.empty()
                        && !options.query.regex
                        && (options.query.expand || !options.common.quiet);
  if (glossary) {
    translations = expand_terms(*query, mine_glossary(load.table, *query));
  }
  if (options.common.quiet) {
    // As rg -q: a match is the answer, whatever else went wrong.
    return any_selected(load.table, *query) ? kExitMatch : exit_status(0, load);
  }
  const auto result = run_search(load.table, *query);
  if (glossary) {
    explain_expansion(options.query, translations, result.expansion_extra);
  }
  const auto& rows = result.rows;
  if (options.count) {
    if (!write_stdout(fmt::format("{}\n", rows.size()))) {
      return kExitError;
    }
    if (rows.empty()) {
      explain();
    }
    return exit_status(rows.size(), load);
  }
  const auto per =
      query->per > 0 ? std::optional<Period>(query->per_period) : std::nullopt;
  if (!print_papers(rows, options.output, view, per, result.hits)) {
    return kExitError;
  }
  if (rows.empty()) {
    explain();
  } else if (loose_hint) {
    explain_loose(result.loose);
  }
  return exit_status(rows.size(), load);
}

}  // namespace papers::cli
