#pragma once
// Interned texts written into nlohmann::json as the strings they are
// (found by argument-dependent lookup: json j = interned; {"key", list}).
#include <nlohmann/json.hpp>

#include "core/interned.h"

namespace core {

inline void to_json(nlohmann::json& json, const Interned& text) { json = text.str(); }

}  // namespace core
