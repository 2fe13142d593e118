// Error values and Result<T>: how expected failures (a missing file, a bad
// option value, an invalid regex) travel back to the caller. Exceptions are
// kept for bugs and library errors; see docs in README "How it works".
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace papers {

/// An expected failure, with a message fit to print after "papers: ".
struct Error {
  std::string message;
};

/// A value or an Error, spelled like std::expected.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design

  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return v_.index() == 0; }

  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(v_); }

  const T& value() const& { return std::get<0>(v_); }

  T&& value() && { return std::get<0>(std::move(v_)); }

  const Error& error() const { return std::get<1>(v_); }

  T& operator*() & { return value(); }

  const T& operator*() const& { return value(); }

  T* operator->() { return &value(); }

  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> v_;
};

/// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;

  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool has_value() const { return ok_; }

  explicit operator bool() const { return ok_; }

  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace papers

/// Returns the error of a failed Result from the enclosing function.
#define PAPERS_TRY(expr)                   \
  do {                                     \
    auto&& papers_try_result_ = (expr);    \
    if (!papers_try_result_.has_value()) { \
      return papers_try_result_.error();   \
    }                                      \
  } while (false)
