#include "commands.hpp"

#include <papers/text_fold.hpp>

#include <memory>

namespace papers::cli {
namespace {

struct AuthorOptions {
  ListingOptions listing;
  std::vector<std::string> name;  ///< the words of NAME, joined with spaces
};

}  // namespace

std::function<int()> setup_author(CLI::App& cmd) {
  auto options = std::make_shared<AuthorOptions>();
  options->listing.query.default_sort = SortKey::kInput;
  cmd.add_option("NAME",
                 options->name,
                 "The author's name; several words are joined with spaces")
      ->required();
  cmd.add_flag("--loose",
               options->listing.query.loose,
               "Also ignore single-letter middle initials: Quoc Le finds "
               "Quoc V. Le");
  add_common_options(cmd, options->listing.common);
  add_filter_options(cmd, options->listing.query);
  add_output_options(cmd, options->listing.output);
  add_count_option(cmd, options->listing.count);
  cmd.footer(command_footer(
      R"(The papers of one author, in input order. Names are compared on a normalised
key: Unicode case folding (ß matches ss), accents removed, dots and runs of
spaces folded. So "quoc v le", "QUOC V. LE" and "Quoc V. Le" are one query,
"Jose Garcia" finds "José García" and "Matthias Niessner" finds "Matthias
Nießner". The whole name must match: "Quoc Le" never finds "Trung Quoc Luong".

When nothing matches, up to three near names in the data are suggested on
standard error. When --loose would find more papers, standard error says so.

Examples:
  papers author Quoc V. Le
  papers author --loose "Quoc Le" --sort votes
  papers author "Zejun Ma" --since 2024-01 --format jsonl)"));
  return [options] {
    std::string name;
    for (const auto& word : options->name) {
      name += name.empty() ? "" : " ";
      name += word;
    }
    if (author_key(name).empty()) {
      return usage_error(Error{"author: '" + name + "' is not a name"});
    }
    options->listing.query.authors.insert(
        options->listing.query.authors.begin(), name);
    return run_listing(options->listing, View::kTop, true);
  };
}

}  // namespace papers::cli
