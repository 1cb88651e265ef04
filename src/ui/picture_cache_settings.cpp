#include "ui/picture_cache_settings.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/product_pictures.h"
#include "ui/automation.h"
#include "ui/format.h"
#include "ui/widgets.h"

namespace ui {

void draw_picture_cache_settings(const app::App& app, app::ActionQueue& actions) {
  const auto& pictures = app.feature<app::ProductPictures>();
  const app::PictureCacheInfo& cache = pictures.cache_info();
  if (!cache.known) {
    ImGui::TextDisabled("%s", app.tr("pictures.cache_unknown"));
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::Text(app.tr("pictures.cache"), static_cast<long long>(cache.entries),
              megabytes(static_cast<double>(cache.bytes)).c_str(), megabytes(static_cast<double>(cache.budget_bytes)).c_str());
  automation::tag("pictures.cache");
  ImGui::SameLine();
  if (small_button(app, "pictures.clear", {.enabled = cache.entries > 0 && !pictures.clearing()}))
    actions.push(app::ClearPictureCache{});
  // Cross-origin pictures hide their size: counted against the entry limit instead.
  if (cache.unsized > 0)
    ImGui::TextDisabled(app.tr("pictures.cache_unsized"), static_cast<long long>(cache.unsized),
                        static_cast<long long>(cache.max_entries));
}

}  // namespace ui
