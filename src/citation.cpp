#include "citation.hpp"

#include "ascii.hpp"

#include <papers/text_fold.hpp>

#include <array>
#include <set>

namespace papers {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int two_digits(std::string_view s, std::size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

// The lowercase ASCII letters of `text` (accents folded), at most `limit`.
std::string ascii_letters(std::string_view text, std::size_t limit) {
  std::string out;
  for (const char c : author_key(text)) {
    if (c >= 'a' && c <= 'z' && out.size() < limit) {
      out += c;
    }
  }
  return out;
}

// Words that make a name an organisation rather than a person: the words
// institutions are named with, and the AI labs that sign papers as a lab
// ("Google DeepMind", "NVIDIA Research", "Microsoft Research Asia").
constexpr auto kOrganisationWords = std::to_array<std::string_view>({
    "team",       "lab",           "labs",        "laboratory", "laboratories",
    "group",      "institute",     "university",  "research",   "ai",
    "inc",        "inc.",          "corporation", "corp",       "corp.",
    "ltd",        "ltd.",          "llc",         "gmbh",       "company",
    "consortium", "project",       "foundation",  "community",  "center",
    "centre",     "academy",       "college",     "department", "association",
    "society",    "collaboration", "initiative",  "committee",  "council",
    "deepmind",   "google",        "microsoft",   "openai",     "nvidia",
    "anthropic",  "bytedance",
});

}  // namespace

Issued issued(const Paper& paper) {
  if (paper.id) {
    const std::string_view id = *paper.id;
    // New style: YYMM.NNNN(N), from 2007.
    if (id.size() >= 9 && is_digit(id[0]) && is_digit(id[1]) && is_digit(id[2])
        && is_digit(id[3]) && id[4] == '.') {
      const int month = two_digits(id, 2);
      if (month >= 1 && month <= 12) {
        return {2000 + two_digits(id, 0), month, 0};
      }
    }
    // Old style: archive/YYMMNNN, 1991 to 2007.
    const auto slash = id.find('/');
    if (slash != std::string_view::npos && id.size() >= slash + 5
        && is_digit(id[slash + 1]) && is_digit(id[slash + 2])
        && is_digit(id[slash + 3]) && is_digit(id[slash + 4])) {
      const int yy = two_digits(id, slash + 1);
      const int month = two_digits(id, slash + 3);
      if (month >= 1 && month <= 12) {
        return {yy >= 91 ? 1900 + yy : 2000 + yy, month, 0};
      }
    }
  }
  if (paper.date) {
    return {paper.date->year, paper.date->month, paper.date->day};
  }
  return {};
}

std::string abstract_url(const Paper& paper) {
  if (paper.id) {
    return "https://arxiv.org/abs/" + std::string(*paper.id);
  }
  return std::string(paper.url.value_or(""));
}

NameParts split_name(std::string_view name) {
  name = trim(name);
  NameParts parts;
  const auto last_space = name.rfind(' ');
  bool organisation = last_space == std::string_view::npos;
  std::size_t start = 0;
  while (!organisation && start < name.size()) {
    const auto end = std::min(name.find(' ', start), name.size());
    std::string word(name.substr(start, end - start));
    for (char& c : word) {
      c = ascii_lower(c);
    }
    for (const auto org : kOrganisationWords) {
      organisation = organisation || word == org;
    }
    start = end + 1;
  }
  if (organisation) {
    parts.literal = std::string(name);
    return parts;
  }
  parts.given = std::string(trim(name.substr(0, last_space)));
  parts.family = std::string(name.substr(last_space + 1));
  return parts;
}

std::vector<std::string> citation_keys(std::span<const Paper* const> papers) {
  std::vector<std::string> keys;
  std::set<std::string, std::less<>> used;
  for (const Paper* paper : papers) {
    std::string base;
    if (paper->id) {
      base = "arXiv-";
      for (const char c : *paper->id) {
        base += c == '/' ? '-' : c;
      }
    } else {
      // familyYEARword: the first author's family name, the year, the first
      // title word of more than three letters.
      if (!paper->authors.empty()) {
        const NameParts name = split_name(paper->authors.front());
        base = ascii_letters(name.literal.empty() ? name.family : name.literal,
                             20);
      }
      base = base.empty() ? "anon" : base;
      const Issued when = issued(*paper);
      base += when.year > 0 ? std::to_string(when.year) : "";
      std::string_view title = paper->title;
      std::string word;
      while (!title.empty() && word.size() <= 3) {
        const auto end = std::min(title.find(' '), title.size());
        word = ascii_letters(title.substr(0, end), 20);
        title.remove_prefix(std::min(end + 1, title.size()));
      }
      base += word;
    }
    std::string key = base;
    for (int n = 2; used.contains(key); ++n) {
      key = base + "-" + std::to_string(n);
    }
    used.insert(key);
    keys.push_back(std::move(key));
  }
  return keys;
}

std::string daily_papers_note(const Paper& paper) {
  std::string note = "Daily Papers";
  if (paper.date) {
    note += ' ';
    note += paper.date->to_string();
  }
  if (paper.votes) {
    note += paper.date ? ", " : " ";
    note += std::to_string(*paper.votes);
    note += *paper.votes == 1 ? " vote" : " votes";
  }
  return note;
}

}  // namespace papers
