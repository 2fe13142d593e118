#include <papers/matcher.hpp>
#include <papers/text_fold.hpp>

#include <re2/re2.h>

#include <cstdint>
#include <string>

namespace papers {

struct Matcher::Regex {
  explicit Regex(std::string_view pattern, const RE2::Options& options)
      : re(re2::StringPiece(pattern.data(), pattern.size()), options) {}

  RE2 re;
};

Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

Matcher Matcher::literal(std::string_view term) {
  Matcher m;
  m.term_ = std::string(term);
  m.text_needle_ = fold_text(term);
  m.name_needle_ = author_key(term);
  return m;
}

namespace {

// The memory one pattern may use: its compiled program and the DFA's state
// cache (RE2 gives the program two thirds of it). RE2's default, 8 MiB,
// leaves a pattern of a thousand or two alternatives without DFA memory,
// and RE2 then falls back to its NFA, which took minutes on a 10 MB
// archive (2,000 eight-letter words: 29 s over a fifth of it); at 64 MiB
// 5,000 words take 0.1 s over the whole.
constexpr std::int64_t kRegexMemory = std::int64_t{64} << 20;

// The largest program (in RE2 instructions) the DFA still runs fast with
// kRegexMemory: measured, the cliff lies between 95,000 instructions
// (10,000 words: 0.2 s) and 190,000 (20,000 words: minutes). A larger one
// is refused before any input is read.
constexpr int kMaxRegexProgram = static_cast<int>(kRegexMemory >> 10);

// A pattern in a message, cut to a readable length.
std::string shown(std::string_view pattern) {
  constexpr std::size_t kShown = 60;
  if (pattern.size() <= kShown) {
    return std::string(pattern);
  }
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  return std::string(pattern.substr(0, cut)) + "...";
}

}  // namespace

Result<Matcher> Matcher::regex(std::string_view pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  // RE2 would log every bad pattern to stderr itself; we report it once.
  options.set_log_errors(false);
  options.set_max_mem(kRegexMemory);
  auto compiled = std::make_unique<const Regex>(pattern, options);
  const auto too_large = [&pattern] {
    return Error{"regex '" + shown(pattern)
                 + "' is too large for the regex memory budget ("
                 + std::to_string(kRegexMemory >> 20) + " MiB)"};
  };
  if (!compiled->re.ok()) {
    if (compiled->re.error_code() == RE2::ErrorPatternTooLarge) {
      return too_large();
    }
    return Error{"invalid regex '" + std::string(pattern)
                 + "': " + compiled->re.error()};
  }
  if (compiled->re.ProgramSize() > kMaxRegexProgram) {
    return too_large();
  }
  Matcher m;
  m.term_ = std::string(pattern);
  m.regex_ = std::move(compiled);
  return m;
}

bool Matcher::matches_text(std::string_view text) const {
  if (regex_ != nullptr) {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()),
                             regex_->re);
  }
  return folded_contains(text, text_needle_);
}

bool Matcher::matches(std::string_view raw,
                      std::string_view folded,
                      Fold fold) const {
  if (regex_ != nullptr) {
    return RE2::PartialMatch(re2::StringPiece(raw.data(), raw.size()),
                             regex_->re);
  }
  const std::string& needle = fold == Fold::kName ? name_needle_ : text_needle_;
  return folded.find(needle) != std::string_view::npos;
}

}  // namespace papers
