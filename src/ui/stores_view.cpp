#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "ui/automation.h"
#include "ui/palette.h"
#include "ui/widget_id.h"
#include "ui/notice.h"
#include "ui/views.h"

namespace ui {
namespace {

std::string label(const app::App& app, std::string_view key, std::string_view id) { return hidden_id(app.tr(key), id); }

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
    if (!active && store.id != "portal") {
      ImGui::SameLine();
      if (ImGui::SmallButton(label(app, "stores.use", "use").c_str())) actions.push(app::SelectStore{store.id});
      automation::tag("stores.use." + store.id);
    }
    if (deletable) {
      ImGui::SameLine();
      if (ImGui::SmallButton(label(app, "stores.delete", "delete").c_str())) actions.push(app::DeleteStore{store.id});
      automation::tag("stores.delete." + store.id);
    }
    ImGui::PopID();
  };
  row(app::demo_store(), false);
  for (const auto& store : stores.saved) row(store, true);
  if (stores.active.id == "portal") row(stores.active, false);
}

void draw_store_form(const app::App& app, app::ActionQueue& actions) {
  const auto& stores = app.state().stores;
  app::StoreConfig draft = stores.draft;
  bool changed = false;

  ImGui::SeparatorText(app.tr("stores.connect"));
  ImGui::PushItemWidth(ImGui::GetFontSize() * 22);
  changed |= ImGui::InputText(label(app, "stores.name", "stores.name").c_str(), &draft.name);
  automation::tag("stores.name");
  changed |= ImGui::InputText(label(app, "stores.client_id", "stores.client_id").c_str(), &draft.client_id,
                              ImGuiInputTextFlags_CharsDecimal);
  automation::tag("stores.client_id");
  changed |= ImGui::InputText(label(app, "stores.api_key", "stores.api_key").c_str(), &draft.api_key,
                              ImGuiInputTextFlags_Password);
  automation::tag("stores.api_key");

  ImGui::TextUnformatted(app.tr("stores.road"));
  for (app::Road road : {app::Road::local_proxy, app::Road::proxy_url, app::Road::direct}) {
    const std::string name = std::string(app::road_name(road));
    if (ImGui::RadioButton(label(app, ("road." + name).c_str(), ("road." + name).c_str()).c_str(), draft.road == road)) {
      draft.road = road;
      changed = true;
    }
    automation::tag("stores.road." + name);
    ImGui::Indent();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextDisabled("%s", app.tr("road." + name + ".help"));
    ImGui::PopTextWrapPos();
    ImGui::Unindent();
  }
  if (draft.road == app::Road::proxy_url) {
    changed |= ImGui::InputTextWithHint(label(app, "stores.proxy_url", "stores.proxy_url").c_str(),
                                        "https://", &draft.proxy_url);
    automation::tag("stores.proxy_url");
  }
  ImGui::PopItemWidth();
  if (changed) actions.push(app::EditStoreDraft{draft});

  const bool running = stores.check == app::StoresSlice::Check::running;
  ImGui::BeginDisabled(running);
  if (ImGui::Button(label(app, "stores.test", "stores.test").c_str())) actions.push(app::TestConnection{draft});
  automation::tag("stores.test");
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool valid = app::validate(draft).empty();
  ImGui::BeginDisabled(!valid);
  if (ImGui::Button(label(app, "stores.save", "stores.save").c_str())) actions.push(app::SaveStore{draft});
  automation::tag("stores.save");
  ImGui::EndDisabled();

  switch (stores.check) {
    case app::StoresSlice::Check::idle: break;
    case app::StoresSlice::Check::running: ImGui::TextDisabled("%s", app.tr("stores.checking")); break;
    case app::StoresSlice::Check::ok:
      ImGui::TextColored(palette::ok, app.tr("stores.check_ok"), stores.check_warehouses);
      break;
    case app::StoresSlice::Check::failed: draw_notice(app, stores.check_notice); break;
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
  draw_device_settings(app);
  draw_backup(app, actions);
  ImGui::Spacing();
  draw_about(app);
  ImGui::EndChild();
}

}  // namespace ui
