#include "ui/product_picture.h"

#include <imgui.h>
#include <imgui_internal.h>  // the windows in display order: is a picture's place under another window?

#include <algorithm>
#include <string>

#include "app/product_pictures.h"
#include "ui/automation.h"

namespace ui {
namespace {

// A picture declared this frame, with the top-level window it belongs to.
struct Declared {
  app::PagePicture picture;
  ImGuiWindow* root;
};
std::vector<Declared> declared;
std::vector<app::PagePicture> completed;

// The first character (UTF-8) of a name: the placeholder's letter.
std::string_view first_letter(std::string_view name) {
  if (name.empty()) return {};
  const auto lead = static_cast<unsigned char>(name.front());
  const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  return name.substr(0, std::min(length, name.size()));
}

// A page element lies over every ImGui window: a picture whose visible part
// another window in front covers (a popup, a combo's list, the shortcuts
// help, a tooltip) is not shown.
bool under_another_window(const Declared& d) {
  const ImGuiContext& g = *GImGui;
  const ImRect visible(d.picture.clip_x, d.picture.clip_y, d.picture.clip_x + d.picture.clip_w,
                       d.picture.clip_y + d.picture.clip_h);
  bool in_front = false;  // g.Windows runs back to front
  for (ImGuiWindow* window : g.Windows) {
    if (window == d.root) {
      in_front = true;
      continue;
    }
    if (!in_front || window->RootWindow != window || !window->Active || window->Hidden || window->IsFallbackWindow) continue;
    if (window->Rect().Overlaps(visible)) return true;
  }
  return false;
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
  if (!url || url->empty() || url->find('\n') != std::string::npos) return;
  // Only the visible part: a table's scroll or a child window cuts it.
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x), y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x), y1 = std::min(max.y, clip_max.y);
  if (x1 <= x0 || y1 <= y0) return;
  declared.push_back({{.url = *url, .x = min.x, .y = min.y, .w = size, .h = size,
                       .clip_x = x0, .clip_y = y0, .clip_w = x1 - x0, .clip_h = y1 - y0},
                      ImGui::GetCurrentWindow()->RootWindow});
}

namespace page_pictures {

void begin_frame() { declared.clear(); }

// After every window of the frame began: which declared pictures are seen.
void end_frame(const app::App& app) {
  std::vector<app::PagePicture> shown;
  for (const auto& d : declared)
    if (!under_another_window(d)) shown.push_back(d.picture);
  const bool changed = shown != completed;
  completed.swap(shown);
  if (changed && app.services().picture_page) app.services().picture_page->place(completed);
}

const std::vector<app::PagePicture>& placed() { return completed; }

}  // namespace page_pictures
}  // namespace ui
