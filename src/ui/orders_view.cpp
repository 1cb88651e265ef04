#include <imgui.h>

#include "ui/automation.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/views.h"

namespace ui {

void draw_orders_view(const app::App& app, app::ActionQueue& actions) {
  const auto& state = app.state();
  const auto& orders = state.orders;
  if (!state.embedding.origin.empty() && !state.embedding.configured) {
    ImGui::TextDisabled("%s", app.tr("orders.waiting_portal"));
    return;
  }
  ImGui::BeginDisabled(orders.loading);
  const std::string refresh = std::string(app.tr("orders.refresh")) + "###orders.refresh";
  if (ImGui::Button(refresh.c_str())) actions.push(app::RefreshOrders{});
  automation::tag("orders.refresh");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (orders.loading) {
    ImGui::TextDisabled("%s", app.tr("orders.loading"));
  } else if (orders.as_of != 0) {
    ImGui::TextDisabled(app.tr("orders.summary"), static_cast<int>(orders.postings.size()),
                        format_local_clock(orders.as_of).c_str());
  }
  draw_notice(app, orders.error);

  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                    ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##orders", 6, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("orders.col.posting"));
  ImGui::TableSetupColumn(app.tr("orders.col.status"));
  ImGui::TableSetupColumn(app.tr("orders.col.ship_by"));
  ImGui::TableSetupColumn(app.tr("orders.col.warehouse"));
  ImGui::TableSetupColumn(app.tr("orders.col.delivery"));
  ImGui::TableSetupColumn(app.tr("orders.col.items"));
  ImGui::TableHeadersRow();
  // Only the visible rows are laid out: smooth with any number of postings.
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(orders.postings.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const auto& posting = orders.postings[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(posting.posting_number.c_str());
      ImGui::TableNextColumn();
      const std::string status_key = "status." + std::string(core::to_string(posting.status));
      ImGui::TextUnformatted(app.tr(status_key));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_local_time(posting.shipment_date).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(posting.delivery_method.warehouse.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(posting.delivery_method.name.c_str());
      ImGui::TableNextColumn();
      long items = 0;
      for (const auto& product : posting.products) items += static_cast<long>(product.quantity);
      ImGui::Text("%ld", items);
    }
  }
  ImGui::EndTable();
}

}  // namespace ui
