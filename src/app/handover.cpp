// Today's plan and the hand-over: warehouses and delivery methods (with
// their cutoffs), the act for a delivery method's departure today, its PDF,
// and the pick list.
#include <algorithm>
#include <cctype>

#include "app/app.h"
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

void App::load_delivery_methods() {
  if (!session_) return;
  session_->client().fetch_all<core::Warehouse>(
      [](const std::string& cursor) { return ozon::build_warehouse_list(cursor); }, &ozon::parse_warehouses,
      [this](ozon::Result<std::vector<core::Warehouse>> warehouses) {
        if (!warehouses || !session_) return;  // the plan then groups without cutoffs (or with the saved copy)
        state_.plan.warehouses = *warehouses;
        std::vector<std::int64_t> ids;
        for (const auto& w : *warehouses) ids.push_back(w.warehouse_id);
        session_->client().fetch_all<core::DeliveryMethod>(
            [ids](const std::string& cursor) { return ozon::build_delivery_method_list(ids, cursor); },
            &ozon::parse_delivery_methods, [this](ozon::Result<std::vector<core::DeliveryMethod>> methods) {
              if (!methods) return;
              auto& plan = state_.plan;
              plan.methods = std::move(*methods);
              plan.computed_version = -1;  // regroup with the cutoffs
              plan.catalog_as_of = services_.clock.now_ms();
              plan.catalog_from_cache = false;
              cache_plan_catalog();
            });
      });
}

void App::on(const CreateAct& a) {
  if (!session_) return;
  auto& act = state_.plan.acts[a.delivery_method_id];
  if (act.state == ActWork::State::creating && act.id != 0) return;
  act = ActWork{};
  const std::int64_t method = a.delivery_method_id;
  session_->client().call(ozon::build_act_create(method, services_.clock.now_ms()), &ozon::parse_act_create,
                          [this, method](ozon::Result<std::int64_t> id) {
                            auto& w = state_.plan.acts[method];
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

void App::poll_act(std::int64_t method_id, std::int64_t act_id, int attempt) {
  if (!session_) return;
  session_->client().call(ozon::build_act_check_status(act_id), &ozon::parse_act_status,
                          [this, method_id, act_id, attempt](ozon::Result<core::ActStatus> status) {
                            auto it = state_.plan.acts.find(method_id);
                            if (it == state_.plan.acts.end() || it->second.id != act_id) return;
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
                              reload_postings(w.added);
                              return;
                            }
                            if (w.state == ActWork::State::forming) {
                              if (attempt >= kActPollLimit) {
                                w.state = ActWork::State::failed;
                                w.error = {"act.too_slow", w.status};
                                return;
                              }
                              services_.scheduler.after(kActPollMs, [this, method_id, act_id, attempt] {
                                poll_act(method_id, act_id, attempt + 1);
                              });
                            }
                          });
}

void App::on(const DownloadAct& a) {
  auto it = state_.plan.acts.find(a.delivery_method_id);
  if (!session_ || it == state_.plan.acts.end() || it->second.state != ActWork::State::ready) return;
  const std::int64_t method = a.delivery_method_id;
  const std::int64_t id = it->second.id;
  session_->client().call(ozon::build_act_get_pdf(id), &ozon::parse_pdf,
                          [this, method, id](ozon::Result<std::string> pdf) {
                            auto& w = state_.plan.acts[method];
                            if (!pdf) {
                              w.error = notice_for(pdf.error());
                              return;
                            }
                            state_.document_name = "act-" + std::to_string(id) + ".pdf";
                            if (services_.publish_document) services_.publish_document(state_.document_name, {*pdf});
                            w.pdf_ready = true;
                          });
}

void App::on(const PrintPickList& a) {
  auto& orders = state_.orders;
  std::vector<const core::Posting*> postings;
  if (a.delivery_method_id == 0) {
    for (const auto& number : orders.selection.numbers(orders.list))
      if (const core::Posting* p = orders.list.find(number)) postings.push_back(p);
  } else {
    for (const auto& group : state_.plan.groups)
      if (group.delivery_method_id == a.delivery_method_id)
        for (const auto& number : group.posting_numbers)
          if (const core::Posting* p = orders.list.find(number); p && p->status == core::PostingStatus::awaiting_packaging)
            postings.push_back(p);
  }
  if (postings.empty() || !services_.show_text) return;
  core::PickListTextOptions options;
  options.title = tr("pick.title");
  const auto list = core::pick_list(postings);
  services_.show_text("pick-list.txt", core::pick_list_text(list, options));
}

}  // namespace app
