#include "core/interned.h"

#include <functional>
#include <unordered_set>

namespace core {
namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

using Pool = std::unordered_set<std::string, TextHash, std::equal_to<>>;

// Never destroyed: an Interned in a static object may outlive any order of
// destruction, and entries are stable (a node set never moves its strings).
Pool& pool() {
  static Pool* texts = new Pool();
  return *texts;
}

}  // namespace

const std::string* Interned::intern(std::string_view text) {
  if (text.empty()) return nullptr;
  Pool& texts = pool();
  if (auto found = texts.find(text); found != texts.end()) return &*found;
  return &*texts.emplace(text).first;
}

const std::string& Interned::empty_text() {
  static const std::string* empty = new std::string();
  return *empty;
}

std::size_t Interned::pool_size() { return pool().size(); }

}  // namespace core
