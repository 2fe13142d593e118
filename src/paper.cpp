#include "ascii.hpp"
#include "paper_parse.hpp"
#include "text_store.hpp"

#include <papers/paper.hpp>
#include <papers/summary.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <unordered_set>

namespace papers {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// Strips a version suffix `vN` from the end of an id, if there is one.
std::string_view strip_version(std::string_view id) {
  const auto v = id.rfind('v');
  if (v != std::string_view::npos && v + 1 < id.size()
      && all_digits(id.substr(v + 1))) {
    return id.substr(0, v);
  }
  return id;
}

// New style `YYMM.NNNN(N)`, old style `archive(.SC)/YYMMNNN`; no version.
// New-style numbers have 4 digits from 0704 to 1412 and 5 from 1501 on, so
// `2402.0362` (a truncated `2402.03620`) is not an id.
bool is_bare_id(std::string_view id) {
  // The common shape, `DDDD.DDDD(D)`, without a search or a conversion.
  if ((id.size() == 9 || id.size() == 10) && id[4] == '.'
      && std::all_of(id.begin(), id.begin() + 4, is_digit)
      && std::all_of(id.begin() + 5, id.end(), is_digit)) {
    const int month = (id[2] - '0') * 10 + (id[3] - '0');
    const int year_month = (id[0] - '0') * 1000 + (id[1] - '0') * 100 + month;
    const std::size_t digits = year_month <= 1412 ? 4 : 5;
    return month >= 1 && month <= 12 && year_month >= 704
           && id.size() - 5 == digits;
  }
  if (const auto dot = id.find('.');
      dot == 4 && id.find('/') == std::string_view::npos) {
    const auto yymm = id.substr(0, 4);
    const auto num = id.substr(5);
    if (!all_digits(yymm) || !all_digits(num)) {
      return false;
    }
    const int month = to_int(yymm.substr(2));
    const int year_month = to_int(yymm);
    const std::size_t digits = year_month <= 1412 ? 4 : 5;
    return month >= 1 && month <= 12 && year_month >= 704
           && num.size() == digits;
  }
  const auto slash = id.find('/');
  if (slash == std::string_view::npos || slash == 0) {
    return false;
  }
  const auto archive = id.substr(0, slash);
  const auto num = id.substr(slash + 1);
  const bool archive_ok =
      std::all_of(archive.begin(), archive.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'
               || c == '.';
      });
  const int month =
      num.size() == 7 && all_digits(num) ? to_int(num.substr(2, 2)) : 0;
  return archive_ok && archive.front() >= 'a' && archive.front() <= 'z'
         && num.size() == 7 && month >= 1 && month <= 12;
}

std::optional<std::string_view> bare_id(std::string_view text) {
  const auto id = strip_version(text);
  if (!is_bare_id(id)) {
    return std::nullopt;
  }
  return id;
}

std::optional<std::string> to_owned(std::optional<std::string_view> view) {
  if (!view) {
    return std::nullopt;
  }
  return std::string(*view);
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size()
         && std::equal(
             prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
               return ascii_lower(a) == ascii_lower(b);
             });
}

bool consume_nocase(std::string_view& s, std::string_view prefix) {
  if (!starts_with_nocase(s, prefix)) {
    return false;
  }
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace

bool is_valid_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days =
      kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = text.substr(0, 4);
  const auto m = text.substr(5, 2);
  const auto d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) {
    return std::nullopt;
  }
  Date date{to_int(y), to_int(m), to_int(d)};
  if (!is_valid_date(date.year, date.month, date.day)) {
    return std::nullopt;
  }
  return date;
}

std::string Date::to_string() const {
  std::string out(10, '-');
  auto put = [&out](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[at + static_cast<std::size_t>(i)] =
          static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  return out;
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t Date::days_since_epoch() const {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe =
      (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

bool Paper::operator==(const Paper& other) const {
  return id == other.id && date == other.date && title == other.title
         && url == other.url && votes == other.votes && authors == other.authors
         && authors_truncated == other.authors_truncated
         && std::equal(fields.begin(),
                       fields.end(),
                       other.fields.begin(),
                       other.fields.end())
         && thumbnail == other.thumbnail && video == other.video
         && source == other.source
         && (summary == other.summary
             || split_summary(summary).items()
                    == split_summary(other.summary).items());
}

namespace {

constexpr DiagnosticKind kDiagnosticKinds[] = {
#define PAPERS_DIAGNOSTIC_KIND(id, name, meaning) \
  {DiagnosticCode::id, name, meaning},
    PAPERS_DIAGNOSTIC_CODES(PAPERS_DIAGNOSTIC_KIND)
#undef PAPERS_DIAGNOSTIC_KIND
};

}  // namespace

std::span<const DiagnosticKind> diagnostic_kinds() { return kDiagnosticKinds; }

std::string_view code_name(DiagnosticCode code) {
  return kDiagnosticKinds[static_cast<std::size_t>(code)].name;
}

std::optional<DiagnosticCode> parse_diagnostic_code(std::string_view name) {
  for (const auto& kind : kDiagnosticKinds) {
    if (kind.name == name) {
      return kind.code;
    }
  }
  return std::nullopt;
}

std::string to_string(const Diagnostic& diagnostic) {
  std::string out = diagnostic.where.file;
  if (diagnostic.where.line > 0) {
    out += ':';
    out += std::to_string(diagnostic.where.line);
  }
  out += ": warning[";
  out += code_name(diagnostic.code);
  out += "]: ";
  out += diagnostic.message;
  return out;
}

std::optional<std::string> arxiv_id_from_url(std::string_view url) {
  return to_owned(arxiv_id_view(url));
}

std::optional<std::string_view> arxiv_id_view(std::string_view url) {
  // The common form, `https://arxiv.org/abs/ID` with nothing after the
  // id, decided without the case-blind steps below, which give the same.
  static constexpr std::string_view kAbs = "https://arxiv.org/abs/";
  if (url.size() > kAbs.size() && url.starts_with(kAbs)
      && std::all_of(url.begin() + kAbs.size(), url.end(), [](char c) {
           return is_digit(c) || c == '.' || c == 'v';
         })) {
    return bare_id(url.substr(kAbs.size()));
  }
  url = trim(url);
  // Drop query and fragment, then a trailing slash.
  url = url.substr(0, std::min(url.find('?'), url.find('#')));
  while (!url.empty() && url.back() == '/') {
    url.remove_suffix(1);
  }
  std::string_view path = url;
  if (consume_nocase(path, "https://") || consume_nocase(path, "http://")
      || !path.starts_with('/')) {
    consume_nocase(path, "www.");
    consume_nocase(path, "export.");
    if (consume_nocase(path, "arxiv.org")) {
      if (!(consume_nocase(path, "/abs/") || consume_nocase(path, "/html/"))) {
        if (!consume_nocase(path, "/pdf/")) {
          return std::nullopt;
        }
        if (path.size() > 4
            && starts_with_nocase(path.substr(path.size() - 4), ".pdf")) {
          path.remove_suffix(4);
        }
      }
      return bare_id(path);
    }
    if (!consume_nocase(path, "huggingface.co")) {
      return std::nullopt;
    }
  }
  if (!consume_nocase(path, "/papers/")) {
    return std::nullopt;
  }
  return bare_id(path);
}

std::optional<std::string> normalize_arxiv_id(std::string_view text) {
  text = trim(text);
  if (consume_nocase(text, "arxiv:")) {
    text = trim(text);
  }
  if (auto id = bare_id(text)) {
    return std::string(*id);
  }
  return arxiv_id_from_url(text);
}

VoteValue parse_votes(std::string_view text) {
  text = trim(text);
  if (text == "-") {
    return VoteValue{true, std::nullopt};
  }
  if (!all_digits(text)) {
    return VoteValue{};
  }
  // A count too large for int64 is not a real count.
  std::int64_t value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return VoteValue{};
  }
  return VoteValue{true, value};
}

namespace {

// Reads a Python-style quoted string starting at s[i] (the quote), with
// backslash escapes; an unterminated string runs to the end. The common
// string without a backslash is a view into `s`; others are decoded into
// `store`.
std::string_view read_quoted(std::string_view s,
                             std::size_t& i,
                             TextStore& store) {
  const char quote = s[i++];
  const std::size_t start = i;
  while (i < s.size() && s[i] != quote && s[i] != '\\') {
    ++i;
  }
  if (i >= s.size() || s[i] == quote) {
    const auto out = s.substr(start, i - start);
    if (i < s.size()) {
      ++i;  // closing quote
    }
    return out;
  }
  std::string out(s.substr(start, i - start));
  while (i < s.size() && s[i] != quote) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      ++i;
      switch (s[i]) {
      case 'n':
        out += ' ';
        break;
      case 't':
        out += ' ';
        break;
      default:
        out += s[i];
        break;
      }
    } else {
      out += s[i];
    }
    ++i;
  }
  if (i < s.size()) {
    ++i;  // closing quote
  }
  return store.copy(out);
}

// Collects names in order without exact repeats. A short list is searched
// (lengths first, so the search costs little); a long one gets a set, so
// that a line of n names costs O(n), not O(n^2).
class AuthorList {
 public:
  explicit AuthorList(std::vector<std::string_view>& out) : out_(out) {
    out_.clear();
  }

  void add(std::string_view name) {
    name = trim(name);
    if (name.empty() || name == "+") {
      return;
    }
    if (out_.size() < kShortList) {
      // Length and first and last byte tell most names apart without a
      // call to memcmp.
      for (const auto seen : out_) {
        if (seen.size() == name.size() && seen.front() == name.front()
            && seen.back() == name.back() && seen == name) {
          return;
        }
      }
    } else {
      if (seen_.empty()) {
        seen_.insert(out_.begin(), out_.end());
      }
      if (!seen_.insert(name).second) {
        return;
      }
    }
    out_.push_back(name);
  }

 private:
  static constexpr std::size_t kShortList = 32;
  std::vector<std::string_view>& out_;
  std::unordered_set<std::string_view> seen_;
};

}  // namespace

void split_authors(std::string_view text,
                   TextStore& store,
                   std::vector<std::string_view>& out) {
  text = trim(text);
  AuthorList authors(out);
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    const auto inner = text.substr(1, text.size() - 2);
    std::size_t i = 0;
    while (i < inner.size()) {
      const char c = inner[i];
      if (c == ' ' || c == ',' || c == '\t') {
        ++i;
      } else if (c == '\'' || c == '"') {
        authors.add(read_quoted(inner, i, store));
      } else {
        const auto end = std::min(inner.find(',', i), inner.size());
        authors.add(inner.substr(i, end - i));
        i = end;
      }
    }
    return;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(',', start), text.size());
    authors.add(text.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<std::string> parse_authors(std::string_view text) {
  TextStore store;
  std::vector<std::string_view> names;
  split_authors(text, store, names);
  return {names.begin(), names.end()};
}

}  // namespace papers
