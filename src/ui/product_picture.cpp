#include "ui/product_picture.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/product_pictures.h"
#include "ui/automation.h"

namespace ui {
namespace {

std::vector<app::PagePicture> drawing;
std::vector<app::PagePicture> completed;

// The first character (UTF-8) of a name: the placeholder's letter.
std::string_view first_letter(std::string_view name) {
  if (name.empty()) return {};
  const auto lead = static_cast<unsigned char>(name.front());
  const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  return name.substr(0, std::min(length, name.size()));
}

// A page element lies over every ImGui window: under an open popup or modal
// the pictures of the windows beneath it are not declared.
bool covered_by_popup() {
  if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return false;
  return !ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
}

}  // namespace

void product_picture(const app::App& app, std::string_view store_id, std::int64_t sku, std::string_view name,
                     float size, std::string_view automation_name) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size, min.y + size);
  ImGui::Dummy(ImVec2(size, size));
  if (!automation_name.empty()) automation::tag(automation_name);
  if (!ImGui::IsItemVisible()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border));
  const std::string_view letter = first_letter(name);
  if (!letter.empty()) {
    const ImVec2 text = ImGui::CalcTextSize(letter.data(), letter.data() + letter.size());
    draw->AddText(ImVec2(min.x + (size - text.x) / 2, min.y + (size - text.y) / 2), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  letter.data(), letter.data() + letter.size());
  }
  const std::string* url = app.feature<app::ProductPictures>().url_for(store_id, sku);
  if (!url || url->empty() || url->find('\n') != std::string::npos || covered_by_popup()) return;
  // Only the visible part: a table's scroll or a child window cuts it.
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
  if (x1 <= x0 || y1 <= y0) return;
  drawing.push_back({.url = *url, .x = min.x, .y = min.y, .w = size, .h = size,
                     .clip_x = x0, .clip_y = y0, .clip_w = x1 - x0, .clip_h = y1 - y0});
}

namespace page_pictures {

void begin_frame() { drawing.clear(); }

void end_frame(const app::App& app) {
  const bool changed = drawing != completed;
  completed.swap(drawing);
  if (changed && app.services().picture_page) app.services().picture_page->place(completed);
}

const std::vector<app::PagePicture>& placed() { return completed; }

}  // namespace page_pictures
}  // namespace ui
