// Today's plan and the hand-over: warehouses and delivery methods (with
// their cutoffs), the act for a delivery method's departure today, its PDF,
// and the pick list.
#include <algorithm>
#include <cctype>

#include "app/plan_screen.h"
#include "app/orders_screen.h"
#include "app/stock_screen.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr std::int64_t kActPollMs = 2'000;
constexpr int kActPollLimit = 90;  // three minutes of "still forming"

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Ozon names the act states differently across versions: treat the known
// "done" and "failed" words as such, anything else as still forming.
ActWork::State act_state(const std::string& status) {
  const std::string s = lower(status);
  if (s == "ready" || s == "formed" || s.rfind("confirmed", 0) == 0 || s == "accepted") return ActWork::State::ready;
  if (s == "error" || s == "cancelled" || s == "canceled" || s == "failed") return ActWork::State::failed;
  return ActWork::State::forming;
}

}  // namespace

PlanScreen::PlanScreen(App& app) : Feature(app) { handle<CreateAct, DownloadAct, PrintPickList>(this); }

// A new store: its own warehouses, delivery methods and acts.
void PlanScreen::on_store_opened() {
  app_.mutable_state().plan = PlanSlice{};
  for (const auto& store : app_.fleet()) load_delivery_methods(store.id);
}

// Walks every posting: only while the plan is on screen.
void PlanScreen::prepare_frame(bool on_screen) {
  if (!on_screen) return;
  const AppState& state = app_.state();
  auto& plan = app_.mutable_state().plan;
  const core::EpochMs now = app_.now();
  const core::EpochMs minute = now / 60'000;
  const bool all = state.orders.all_stores;
  if (plan.computed_version == state.orders.data_version && plan.computed_minute == minute &&
      plan.computed_all_stores == all)
    return;
  plan.groups.clear();
  // Across stores: each store's groups with its own cutoffs, store by store.
  for (const auto& feed : state.orders.stores) {
    if (!all && feed.store_id != state.stores.active_id) continue;
    const bool active = feed.store_id == state.stores.active_id;
    auto other = plan.fleet_methods.find(feed.store_id);
    const std::vector<core::DeliveryMethod> none;
    const auto& methods = active ? plan.methods : other != plan.fleet_methods.end() ? other->second : none;
    for (auto& group : core::shipping_plan(state.orders.list.postings(), methods, now, state.utc_offset_minutes,
                                           feed.store_id)) {
      group.store_id = feed.store_id;
      plan.groups.push_back(std::move(group));
    }
  }
  plan.computed_all_stores = all;
  plan.computed_version = state.orders.data_version;
  plan.computed_minute = minute;
}

void PlanScreen::write_snapshot(nlohmann::json& out) const {
  const AppState& state = app_.state();
  {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& g : state.plan.groups)
      groups.push_back({{"store", g.store_id},
                        {"warehouse", g.warehouse_name},
                        {"methodId", g.delivery_method_id},
                        {"method", g.delivery_method_name},
                        {"toPack", g.to_pack},
                        {"packed", g.packed_waiting},
                        {"dueBeforeCutoff", g.due_before_cutoff},
                        {"overdue", g.overdue},
                        {"remainingMs", g.remaining_ms}});
    nlohmann::json acts = nlohmann::json::object();
    const char* states[] = {"creating", "forming", "ready", "failed"};
    for (const auto& [method, act] : state.plan.acts)
      acts[std::to_string(method)] = {{"id", act.id},
                                      {"state", states[static_cast<int>(act.state)]},
                                      {"status", act.status},
                                      {"added", act.added},
                                      {"removed", act.removed},
                                      {"pdfReady", act.pdf_ready},
                                      {"error", act.error.key}};
    out["plan"] = {{"groups", groups},
                   {"acts", acts},
                   {"methods", state.plan.methods.size()},
                   {"warehouses", state.plan.warehouses.size()},
                   {"catalogFromCache", state.plan.catalog_from_cache},
                   {"catalogAsOf", state.plan.catalog_as_of}};
  }
}

// The open store's catalogue is kept for offline use; another store of the
// fleet lends its delivery methods (cutoffs) to the plan across stores.
void PlanScreen::load_delivery_methods(const std::string& store_id) {
  StoreSession* session = app_.session_for(store_id);
  if (!session) return;
  session->client().fetch_all<core::Warehouse>(
      [](const std::string& cursor) { return ozon::build_warehouse_list(cursor); }, &ozon::parse_warehouses,
      [this, store_id](ozon::Result<std::vector<core::Warehouse>> warehouses) {
        StoreSession* still_open = app_.session_for(store_id);
        if (!warehouses || !still_open) return;  // the plan then groups without cutoffs (or with the saved copy)
        const bool active = store_id == app_.state().stores.active_id;
        if (active) app_.mutable_state().plan.warehouses = *warehouses;
        std::vector<std::int64_t> ids;
        for (const auto& w : *warehouses) ids.push_back(w.warehouse_id);
        still_open->client().fetch_all<core::DeliveryMethod>(
            [ids](const std::string& cursor) { return ozon::build_delivery_method_list(ids, cursor); },
            &ozon::parse_delivery_methods, [this, store_id, active](ozon::Result<std::vector<core::DeliveryMethod>> methods) {
              if (!methods) return;
              auto& plan = app_.mutable_state().plan;
              plan.computed_version = -1;  // regroup with the cutoffs
              if (!active) {
                plan.fleet_methods[store_id] = std::move(*methods);
                return;
              }
              plan.methods = std::move(*methods);
              plan.catalog_as_of = app_.now();
              plan.catalog_from_cache = false;
              app_.cache_plan_catalog();
            });
      });
}

std::string PlanScreen::store_of_method(std::int64_t method_id) const {
  for (const auto& group : app_.state().plan.groups)
    if (group.delivery_method_id == method_id && !group.store_id.empty()) return group.store_id;
  return app_.state().stores.active_id;
}

StoreSession* PlanScreen::session_of_method(std::int64_t method_id) {
  return app_.session_for(store_of_method(method_id));
}

void PlanScreen::on(const CreateAct& a) {
  StoreSession* session = session_of_method(a.delivery_method_id);
  if (!session) return;
  auto& act = app_.mutable_state().plan.acts[a.delivery_method_id];
  if (act.state == ActWork::State::creating && act.id != 0) return;
  act = ActWork{};
  const std::int64_t method = a.delivery_method_id;
  session->client().call(ozon::build_act_create(method, app_.now()), &ozon::parse_act_create,
                          [this, method](ozon::Result<std::int64_t> id) {
                            auto& w = app_.mutable_state().plan.acts[method];
                            if (!id) {
                              w.state = ActWork::State::failed;
                              w.error = notice_for(id.error());
                              return;
                            }
                            w.id = *id;
                            w.state = ActWork::State::forming;
                            poll_act(method, *id, 0);
                          });
}

void PlanScreen::poll_act(std::int64_t method_id, std::int64_t act_id, int attempt) {
  StoreSession* session = session_of_method(method_id);
  if (!session) return;
  session->client().call(ozon::build_act_check_status(act_id), &ozon::parse_act_status,
                          [this, method_id, act_id, attempt](ozon::Result<core::ActStatus> status) {
                            auto it = app_.mutable_state().plan.acts.find(method_id);
                            if (it == app_.mutable_state().plan.acts.end() || it->second.id != act_id) return;
                            auto& w = it->second;
                            if (!status) {
                              w.state = ActWork::State::failed;
                              w.error = notice_for(status.error());
                              return;
                            }
                            w.status = status->status;
                            w.added = status->added_to_act;
                            w.removed = status->removed_from_act;
                            w.state = act_state(status->status);
                            if (w.state == ActWork::State::ready) {
                              // The hand-over moves statuses on: show them as Ozon has them.
                              app_.feature<OrdersScreen>().reload_postings(w.added, store_of_method(method_id));
                              return;
                            }
                            if (w.state == ActWork::State::forming) {
                              if (attempt >= kActPollLimit) {
                                w.state = ActWork::State::failed;
                                w.error = {"act.too_slow", w.status};
                                return;
                              }
                              app_.after(kActPollMs, [this, method_id, act_id, attempt] {
                                poll_act(method_id, act_id, attempt + 1);
                              });
                            }
                          });
}

void PlanScreen::on(const DownloadAct& a) {
  auto it = app_.mutable_state().plan.acts.find(a.delivery_method_id);
  StoreSession* session = session_of_method(a.delivery_method_id);
  if (!session || it == app_.mutable_state().plan.acts.end() || it->second.state != ActWork::State::ready) return;
  const std::int64_t method = a.delivery_method_id;
  const std::int64_t id = it->second.id;
  session->client().call(ozon::build_act_get_pdf(id), &ozon::parse_pdf,
                          [this, method, id](ozon::Result<std::string> pdf) {
                            auto& w = app_.mutable_state().plan.acts[method];
                            if (!pdf) {
                              w.error = notice_for(pdf.error());
                              return;
                            }
                            app_.mutable_state().document_name = "act-" + std::to_string(id) + ".pdf";
                            if (app_.services().publish_document) app_.services().publish_document(app_.mutable_state().document_name, {*pdf});
                            w.pdf_ready = true;
                          });
}

std::vector<const core::Posting*> PlanScreen::postings_to_pick(std::int64_t delivery_method_id) const {
  const auto& orders = app_.state().orders;
  std::vector<const core::Posting*> postings;
  if (delivery_method_id == 0) {
    for (const auto& number : orders.selection.numbers(orders.list))
      if (const core::Posting* p = orders.list.find(number)) postings.push_back(p);
    return postings;
  }
  for (const auto& group : app_.state().plan.groups)
    if (group.delivery_method_id == delivery_method_id)
      for (const auto& number : group.posting_numbers)
        if (const core::Posting* p = orders.list.find(number); p && p->status == core::PostingStatus::awaiting_packaging)
          postings.push_back(p);
  return postings;
}

core::PickList PlanScreen::pick_list(std::int64_t delivery_method_id) const {
  std::vector<const core::Posting*> postings = postings_to_pick(delivery_method_id);
  // A set is picked as its parts: those are on the shelf.
  const core::BundleBook book = app_.feature<StockScreen>().bundle_book();
  std::vector<core::Posting> expanded;
  if (!book.empty()) {
    expanded.reserve(postings.size());
    for (const core::Posting* p : postings) expanded.push_back(core::expand_bundles(*p, book));
    for (std::size_t i = 0; i < postings.size(); ++i) postings[i] = &expanded[i];
  }
  return core::pick_list(postings);
}

void PlanScreen::on(const PrintPickList& a) {
  if (!app_.services().show_text) return;
  const auto list = pick_list(a.delivery_method_id);
  if (list.rows.empty()) return;
  core::PickListTextOptions options;
  options.title = app_.tr("pick.title");
  options.header_packing = app_.tr("pick.packing");
  options.packing_note = [&stock = app_.feature<StockScreen>()](const core::PickListRow& row) {
    return stock.packing_text(row.offer_id);
  };
  app_.services().show_text("pick-list.txt", core::pick_list_text(list, options));
}

}  // namespace app
