#include <papers/matcher.hpp>
#include <papers/text_fold.hpp>

#include <re2/re2.h>

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

Result<Matcher> Matcher::regex(std::string_view pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  // RE2 would log every bad pattern to stderr itself; we report it once.
  options.set_log_errors(false);
  auto compiled = std::make_unique<const Regex>(pattern, options);
  if (!compiled->re.ok()) {
    return Error{"invalid regex '" + std::string(pattern)
                 + "': " + compiled->re.error()};
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
