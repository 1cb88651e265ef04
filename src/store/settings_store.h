#pragma once
// Small settings that must be known before the first frame (language, the
// chosen store). The browser keeps them in localStorage (synchronous, so the
// first frame is already in the right language); tests use the in-memory one.
#include <map>
#include <optional>
#include <string>

namespace store {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual std::optional<std::string> get(const std::string& key) const = 0;
  // Returns false when the browser refuses to store (private mode, quota).
  virtual bool set(const std::string& key, const std::string& value) = 0;
};

class MemorySettingsStore final : public SettingsStore {
 public:
  std::optional<std::string> get(const std::string& key) const override {
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }
  bool set(const std::string& key, const std::string& value) override {
    values_[key] = value;
    return true;
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace store
