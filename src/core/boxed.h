#pragma once
// Boxed<T>: a T kept out of line, and not kept at all while it equals T{}.
// For the groups of a posting that most postings leave empty (the rFBS
// customer, exemplar requirements, barcodes, a cancellation): a pointer
// each instead of ~250 bytes in every posting (100,000 postings: #17).
// A value type: copies copy the T, an empty box reads as T{}.
#include <memory>
#include <utility>

namespace core {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(T value) { *this = std::move(value); }  // NOLINT: implicit, like the T it replaced
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    if (value == T{}) value_.reset();
    else if (value_) *value_ = std::move(value);
    else value_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  const T& get() const { return value_ ? *value_ : empty(); }
  const T& operator*() const { return get(); }
  const T* operator->() const { return &get(); }
  // The T to change in place, made on first use.
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  bool has_value() const { return value_ != nullptr; }
  void reset() { value_.reset(); }

  friend bool operator==(const Boxed& a, const Boxed& b) { return a.get() == b.get(); }

 private:
  static const T& empty() {
    static const T* value = new T();
    return *value;
  }
  std::unique_ptr<T> value_;
};

}  // namespace core
