#include "commands.hpp"

#include <papers/glossary.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct GlossaryOptions {
  CommonOptions common;
  OutputOptions output;
  QueryOptions query;
  std::string term;
  std::int64_t min_support = 3;
};

int run_glossary(const GlossaryOptions& options) {
  if (options.min_support < 1) {
    return usage_error(
        Error{"--min-support: " + std::to_string(options.min_support)
              + " is not a count of 1 or more"});
  }
  if (!options.term.empty() && glossary_english_key(options.term).empty()) {
    return usage_error(Error{"TERM '" + options.term
                             + "' has no letter or digit to look for"});
  }
  // -n limits the pairs, not the papers they are mined from.
  std::size_t limit = 0;
  auto query = compile_rows_query(options.query, limit);
  if (!query) {
    return kExitError;
  }
  const LoadResult& load = load_and_report(options.common);
  GlossaryMiner miner;
  for (const Paper* paper : run_query(load.table, *query)) {
    miner.add(paper->summary);
  }
  auto pairs = miner.pairs(static_cast<std::size_t>(options.min_support));
  if (!options.term.empty()) {
    std::vector<GlossaryPair> found;
    for (const GlossaryPair* pair : glossary_lookup(pairs, options.term)) {
      found.push_back(*pair);
    }
    pairs = std::move(found);
  }
  if (limit > 0 && pairs.size() > limit) {
    pairs.resize(limit);
  }
  std::vector<std::vector<Value>> rows;
  for (const auto& pair : pairs) {
    rows.push_back({Value(pair.english),
                    Value(pair.korean),
                    Value(static_cast<std::int64_t>(pair.count))});
  }
  const bool printed = print_insight(
      options.output,
      [&rows](OutputFormat format, const FormatOptions& how, OutputSink& to) {
        static constexpr std::string_view kKeys[] = {
            "english", "korean", "count"};
        return format_records(format, kKeys, rows, how, to);
      });
  if (!printed) {
    return kExitError;
  }
  return exit_status(rows.size(), load);
}

}  // namespace

std::function<int()> setup_glossary(CLI::App& cmd) {
  auto options = std::make_shared<GlossaryOptions>();
  cmd.add_option("TERM",
                 options->term,
                 "Only the pairs of this English or Korean term (what search "
                 "--expand would add to it)");
  cmd.add_option("--min-support",
                 options->min_support,
                 "Keep pairs written together at least N times")
      ->type_name("N")
      ->transform(integer_check(std::numeric_limits<std::int64_t>::min()))
      ->capture_default_str();
  add_row_limit(cmd, options->query, "pairs");
  add_common_options(cmd, options->common);
  add_filters(cmd, options->query);
  add_insight_output_options(cmd, options->output, false);
  cmd.footer(command_footer(
      R"(The English-Korean term pairs that summaries write together, mined from the
summaries of the papers that pass the filters, each time, nothing stored:
`확산 모델(diffusion model)` and `LLM(대형 언어 모델)` give a phrase pair, and
where both sides have as many words, each word with its counterpart. English
is lower-cased and loses a plural -s; an acronym (two capitals or more) pairs
with up to four Hangul words before it. Text in code spans, URLs and link
targets is never read. A pair is kept when written together at least
--min-support times and its Korean term is the one its English term is
written with most.
Columns: english, korean, count (most written first). With TERM, the pairs
search TERM --expand uses.

Examples:
  papers glossary --data ~/digests -n 20
  papers glossary diffusion
  papers glossary 확산 --format json)"));
  return [options] { return run_glossary(*options); };
}

}  // namespace papers::cli
