#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/screen_registry.h"
#include "ui/views.h"
#include "ui/widgets.h"
#include "app/stores_screen.h"

namespace ui {
namespace {

void draw_saved_stores(const app::App& app, app::ActionQueue& actions) {
  const auto& stores = app.state().stores;
  ImGui::SeparatorText(app.tr("stores.saved"));
  auto row = [&](const app::StoreConfig& store, bool deletable) {
    ImGui::PushID(store.id.c_str());
    const bool active = store.id == stores.active_id;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(active ? "\xE2\x9C\x93" : " ");  // check mark
    ImGui::SameLine();
    ImGui::TextUnformatted(store_display_name(app, store));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("road." + std::string(app::road_name(store.road))));
    if (!active && !store.is_portal()) {
      ImGui::SameLine();
      if (small_button(app, "stores.use." + store.id, {.text = app.tr("stores.use")}))
        actions.push(app::SelectStore{store.id});
    }
    if (deletable) {
      ImGui::SameLine();
      if (small_button(app, "stores.delete." + store.id, {.text = app.tr("stores.delete")}))
        actions.push(app::DeleteStore{store.id});
    }
    ImGui::PopID();
  };
  row(app::demo_store(), false);
  for (const auto& store : stores.saved) row(store, true);
  if (stores.active.is_portal()) row(stores.active, false);
  // Trying several stores needs no account: demo stores with their own data.
  int demo_stores = 1;
  for (const auto& store : stores.saved) demo_stores += store.road == app::Road::demo;
  if (!stores.active.is_portal() && demo_stores < app::kDemoStoresMax &&
      button(app, "stores.add_demo"))
    actions.push(app::AddDemoStore{});
}

void draw_store_form(const app::App& app, app::ActionQueue& actions) {
  const auto& stores = app.state().stores;
  app::StoreConfig draft = stores.draft;
  bool changed = false;

  ImGui::SeparatorText(app.tr("stores.connect"));
  if (stores.key_needed) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextColored(palette::attention, "%s", app.tr("stores.key_needed"));
    ImGui::PopTextWrapPos();
  }
  ImGui::PushItemWidth(ImGui::GetFontSize() * 22);
  changed |= input_text(app, "stores.name", draft.name, {.labelled = true});
  changed |= input_text(app, "stores.client_id", draft.client_id,
                        {.labelled = true, .flags = ImGuiInputTextFlags_CharsDecimal});
  changed |= input_text(app, "stores.api_key", draft.api_key, {.labelled = true, .flags = ImGuiInputTextFlags_Password});
  if (stores.form_key_lost && draft.api_key.empty()) ImGui::TextColored(palette::attention, "%s", app.tr("stores.key_lost"));
  changed |= checkbox(app, "stores.remember_key", draft.remember_key);
  if (!draft.remember_key) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextDisabled("%s", app.tr("stores.remember_key.help"));
    ImGui::PopTextWrapPos();
  }

  ImGui::TextUnformatted(app.tr("stores.road"));
  for (app::Road road : {app::Road::local_proxy, app::Road::proxy_url, app::Road::direct}) {
    const std::string name = std::string(app::road_name(road));
    if (radio_button(app, "stores.road." + name, draft.road == road, {.text = app.tr("road." + name)})) {
      draft.road = road;
      changed = true;
    }
    ImGui::Indent();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextDisabled("%s", app.tr("road." + name + ".help"));
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
  }
  if (draft.road == app::Road::proxy_url) {
    changed |= input_text(app, "stores.proxy_url", draft.proxy_url, {.labelled = true, .hint = "https://"});
  }
  ImGui::PopItemWidth();
  if (changed) actions.push(app::EditStoreDraft{draft});

  const bool running = stores.check == app::StoresSlice::Check::running;
  if (button(app, "stores.test", {.enabled = !running})) actions.push(app::TestConnection{draft});
  ImGui::SameLine();
  const bool valid = app::validate(draft).empty();
  if (button(app, "stores.save", {.enabled = valid && !stores.save_asking})) actions.push(app::SaveStore{draft});

  switch (stores.check) {
    case app::StoresSlice::Check::idle: break;
    case app::StoresSlice::Check::running: ImGui::TextDisabled("%s", app.tr("stores.checking")); break;
    case app::StoresSlice::Check::ok:
      ImGui::TextColored(palette::ok, app.tr("stores.check_ok"), stores.check_warehouses);
      break;
    case app::StoresSlice::Check::failed: draw_notice(app, stores.check_notice); break;
  }
  if (stores.save_asking) {
    // Under the failed test's notice: why we ask, then both answers.
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextColored(palette::attention, "%s", app.tr("stores.save_anyway.question"));
    ImGui::PopTextWrapPos();
    if (button(app, "stores.save_anyway")) actions.push(app::SaveStore{draft, true});
    ImGui::SameLine();
    if (button(app, "stores.save_cancel")) actions.push(app::CancelSaveStore{});
  }
}

void draw_about(const app::App& app) {
  const auto& state = app.state();
  ImGui::SeparatorText(app.tr("about.title"));
  ImGui::TextDisabled(app.tr("about.display"), state.display.css_width, state.display.css_height,
                      static_cast<double>(state.display.pixel_ratio));
  ImGui::TextDisabled("%s %s", app.tr("about.version"), CONSOLE_VERSION);
}

}  // namespace

void draw_stores_view(const app::App& app, app::ActionQueue& actions) {
  ImGui::BeginChild("##stores", ImVec2(0, 0), false);
  draw_saved_stores(app, actions);
  ImGui::Spacing();
  draw_store_form(app, actions);
  ImGui::Spacing();
  draw_device_settings(app, actions);
  draw_backup(app, actions);
  ImGui::Spacing();
  draw_about(app);
  ImGui::EndChild();
}

namespace {
[[maybe_unused]] const bool registered = register_screen_view({.id = "stores", .draw = &draw_stores_view});
}  // namespace

}  // namespace ui
