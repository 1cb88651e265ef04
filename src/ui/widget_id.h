#pragma once
// ImGui labels: the visible (translated) text, and after "###" the stable
// ID, so a widget keeps its identity (and state) when the language changes.
#include <string>
#include <string_view>

namespace ui {

inline std::string hidden_id(std::string_view text, std::string_view id) {
  std::string label(text);
  label.append("###").append(id);
  return label;
}

}  // namespace ui
