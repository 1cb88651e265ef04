#pragma once
// Interned: an immutable text shared by every value equal to it. A posting's
// warehouse, delivery method, status, carrier, product name and offer id
// repeat across thousands of postings; each copy costs one pointer here
// instead of a std::string and its heap block (100,000 postings: #17).
//
// The pool only grows, so intern only texts drawn from a small set (names,
// codes, statuses), never per-posting ones (numbers, tracking, addresses).
// Not thread-safe: the console runs on one thread.
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace core {

class Interned {
 public:
  Interned() = default;
  Interned(std::string_view text) : text_(intern(text)) {}  // NOLINT: implicit, like std::string
  Interned(const std::string& text) : Interned(std::string_view(text)) {}
  Interned(const char* text) : Interned(std::string_view(text)) {}

  Interned& operator=(std::string_view text) { text_ = intern(text); return *this; }
  Interned& operator=(const std::string& text) { return *this = std::string_view(text); }
  Interned& operator=(const char* text) { return *this = std::string_view(text); }

  const std::string& str() const { return text_ ? *text_ : empty_text(); }
  operator const std::string&() const { return str(); }  // NOLINT: reads like the std::string it replaced
  operator std::string_view() const { return str(); }    // NOLINT

  bool empty() const { return text_ == nullptr; }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  const char* data() const { return str().data(); }
  bool starts_with(std::string_view prefix) const { return std::string_view(str()).starts_with(prefix); }
  bool ends_with(std::string_view suffix) const { return std::string_view(str()).ends_with(suffix); }
  void clear() { text_ = nullptr; }

  // Equal texts share one pool entry, so equality is one comparison.
  friend bool operator==(const Interned& a, const Interned& b) { return a.text_ == b.text_; }
  friend bool operator==(const Interned& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const Interned& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const Interned& a, const char* b) { return a.str() == b; }
  // By text (compare(), not <=>: the web build's libc++ has no <=> for strings).
  friend std::strong_ordering operator<=>(const Interned& a, const Interned& b) { return a.str().compare(b.str()) <=> 0; }
  friend std::strong_ordering operator<=>(const Interned& a, std::string_view b) { return a.str().compare(b) <=> 0; }

  // Distinct texts in the pool (for tests and memory figures).
  static std::size_t pool_size();

 private:
  static const std::string* intern(std::string_view text);  // nullptr for ""
  static const std::string& empty_text();
  const std::string* text_ = nullptr;
};

}  // namespace core
