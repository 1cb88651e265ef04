#pragma once
// Result<T>: a value or an ApiError. No exceptions: the WASM build has none.
// Plain members rather than std::variant: GCC 12 at -O3 reports false
// -Wmaybe-uninitialized warnings on variants of vectors. T must be default
// constructible (every parsed value here is).
#include <utility>

#include "ozon/errors.h"

namespace ozon {

struct Done {  // the value of calls that only confirm
  bool operator==(const Done&) const = default;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)), ok_(true) {}  // NOLINT: implicit by design
  Result(ApiError error) : error_(std::move(error)) {}      // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }

  // Meaningful only when ok() (value) or !ok() (error); never throws.
  T& value() { return value_; }
  const T& value() const { return value_; }
  const ApiError& error() const { return error_; }
  ApiError& error() { return error_; }
  T& operator*() { return value_; }
  const T& operator*() const { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }

 private:
  T value_{};
  ApiError error_;
  bool ok_ = false;
};

}  // namespace ozon
