// Wires the layers together: platform (browser) -> app (state, actions) -> ui (views).
#include <imgui.h>

#include <memory>

#include "app/app.h"
#include "app/snapshot.h"
#include "platform/automation_hook.h"
#include "platform/browser.h"
#include "platform/web_runner.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/views.h"

namespace {

struct Console {
  platform::LocalStorageSettings settings;
  app::App app{settings, platform::browser_languages()};
  app::ActionQueue actions;
};

}  // namespace

int main() {
  // Lives for the whole page: the runtime stays up after main returns.
  static Console console;

  platform::install_automation({
      .snapshot_json = [] { return app::snapshot(console.app.state()).dump(); },
      .item_rect = [](const std::string& name) -> std::optional<platform::WidgetRect> {
        auto rect = ui::automation::rect(name);
        if (!rect) return std::nullopt;
        return platform::WidgetRect{rect->x, rect->y, rect->w, rect->h};
      },
  });

  platform::start_runner({
      .rebuild_fonts = [](float ratio) { ui::build_fonts(ratio, console.app.translations()); },
      .draw =
          [](int css_width, int css_height, float pixel_ratio) {
            auto& state = console.app.mutable_state();
            state.display = {css_width, css_height, pixel_ratio};
            state.frames_drawn = platform::frames_drawn() + 1;
            ui::automation::begin_frame();
            ui::draw_root(console.app, console.actions);
            ui::automation::end_frame();
          },
      .after_frame =
          [] {
            if (console.actions.empty()) return;
            console.app.apply_all(console.actions);
            platform::request_redraw();
          },
  });
  return 0;
}
