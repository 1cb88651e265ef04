// The Returns screen: loading the open store's rFBS return requests and FBS
// returns (lazily, when the screen is first shown), their filters and
// pages, the detail of one request, the links to its posting, and the
// snapshot.
#include "app/returns_screen.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "app/orders_screen.h"
#include "core/civil_date.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"

namespace app {
namespace {

constexpr int kRfbsPage = 50;
constexpr int kFbsPage = 100;
constexpr std::int64_t kDayMs = 86'400'000;

// "YYYY-MM-DD" -> the start of that UTC day; nullopt unless a date.
std::optional<core::EpochMs> day_start(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !core::read_digits(text, 0, 4, y) ||
      !core::read_digits(text, 5, 2, m) || !core::read_digits(text, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  return core::days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kDayMs;
}

// The dates typed as a window: from the first day's start to the last day's end.
ozon::TimeWindow window_of(const std::string& from, const std::string& to) {
  ozon::TimeWindow window;
  if (auto start = day_start(from)) window.from = *start;
  if (auto end = day_start(to)) window.to = *end + kDayMs - 1000;
  return window;
}

}  // namespace

void keep_details(core::RfbsReturn& fresh, const core::RfbsReturn& old) {
  if (!old.detailed || fresh.detailed) return;
  fresh.detailed = true;
  fresh.available_actions = old.available_actions;
  fresh.rejection_reasons = old.rejection_reasons;
  fresh.return_reason_name = old.return_reason_name;
  fresh.is_defect = old.is_defect;
  fresh.comment = old.comment;
  fresh.return_method_description = old.return_method_description;
  fresh.rejection_comment = old.rejection_comment;
  fresh.ru_post_tracking_number = old.ru_post_tracking_number;
  fresh.client_photos = old.client_photos;
  fresh.warehouse_id = old.warehouse_id;
}

void keep_summary(core::RfbsReturn& details, const core::RfbsReturn& listed) {
  if (details.return_id == 0) details.return_id = listed.return_id;
  if (details.group_state.empty()) details.group_state = listed.group_state;
  if (details.state.empty()) details.state = listed.state;
  if (details.state_name.empty()) details.state_name = listed.state_name;
  if (details.money_return_state_name.empty()) details.money_return_state_name = listed.money_return_state_name;
  if (details.price.minor == 0) details.price = listed.price;
  if (details.product_name.empty()) details.product_name = listed.product_name;
  if (details.posting_number.empty()) details.posting_number = listed.posting_number;
  if (details.return_number.empty()) details.return_number = listed.return_number;
  if (details.created_at == 0) details.created_at = listed.created_at;
}

ReturnsScreen::ReturnsScreen(App& app) : Feature(app) {
  handle<RefreshReturns, SetReturnsTab, SetRfbsFilter, ApplyRfbsFilter, LoadMoreRfbs, SelectReturn, EditRfbsInputs,
         AnswerReturn, SetFbsFilter, ApplyFbsFilter, LoadMoreFbs, OpenReturnPosting>(this);
}

// Another store: its own returns, loaded when the screen is shown.
void ReturnsScreen::on_store_opened() {
  store_id_ = app_.state().stores.active_id;
  ReturnsSlice fresh;  // the seller's tab and filters stay; the other store's returns go
  fresh.tab = slice_.tab;
  fresh.group = slice_.group;
  fresh.created_from = slice_.created_from;
  fresh.created_to = slice_.created_to;
  fresh.fbs_filter = slice_.fbs_filter;
  slice_ = std::move(fresh);
  requested_ = false;
  ++generation_;
}

void ReturnsScreen::prepare_frame(bool on_screen) {
  if (!on_screen || requested_ || !app_.session()) return;
  requested_ = true;
  load_rfbs(false);
  load_fbs(false);
}

void ReturnsScreen::on(const RefreshReturns&) {
  requested_ = true;
  load_rfbs(false);
  load_fbs(false);
}

void ReturnsScreen::on(const SetReturnsTab& a) {
  if (a.tab == "rfbs" || a.tab == "fbs") slice_.tab = a.tab;
  app_.schedule_draft_save();
}

void ReturnsScreen::load_rfbs(bool more) {
  if (!app_.session() || slice_.rfbs_loading) return;
  slice_.rfbs_loading = true;
  slice_.error = {};
  ozon::RfbsReturnsFilter filter;
  if (slice_.group != "All") filter.group_states = {slice_.group};
  filter.created_at = window_of(slice_.created_from, slice_.created_to);
  const int generation = generation_, list_generation = rfbs_generation_;
  app_.session()->client().call(
      ozon::build_rfbs_returns_list(filter, more ? slice_.rfbs_last_id : 0, kRfbsPage), &ozon::parse_rfbs_returns,
      [this, generation, list_generation, more](ozon::Result<ozon::Page<core::RfbsReturn>> page) {
        if (generation != generation_ || list_generation != rfbs_generation_) return;
        slice_.rfbs_loading = false;
        if (!page) {
          slice_.error = notice_for(page.error());
          return;
        }
        // A refusal and the details read stay on their return across a reload.
        std::map<std::int64_t, RfbsRow> before;
        if (!more) {
          for (auto& old : slice_.rfbs) before[old.data.return_id] = std::move(old);
          slice_.rfbs.clear();
        }
        for (auto& item : page->items) {
          if (find(item.return_id)) continue;
          RfbsRow fresh;
          if (auto old = before.find(item.return_id); old != before.end()) {
            fresh.refusal = old->second.refusal;
            keep_details(item, old->second.data);
          }
          fresh.data = std::move(item);
          slice_.rfbs.push_back(std::move(fresh));
        }
        if (!page->cursor.empty()) slice_.rfbs_last_id = ozon::json_read::parse_int64(page->cursor).value_or(0);
        slice_.rfbs_more = page->has_next && page->items.size() >= static_cast<std::size_t>(kRfbsPage);
        slice_.rfbs_loaded = true;
        if (open_after_load_ != 0 && find(open_after_load_)) {
          const std::int64_t reopen = std::exchange(open_after_load_, 0);
          on(SelectReturn{reopen});
        }
        if (slice_.open != 0 && !find(slice_.open)) slice_.open = 0;
      });
}

void ReturnsScreen::load_fbs(bool more) {
  if (!app_.session() || slice_.fbs_loading) return;
  ozon::ReturnsFilter filter;
  filter.return_schema = "FBS";
  filter.visual_status_name = slice_.fbs_filter.status;
  filter.visual_status_change_moment = window_of(slice_.fbs_filter.from_text, slice_.fbs_filter.to_text);
  auto request = ozon::build_returns_list(filter, more ? slice_.fbs_last_id : 0, kFbsPage);
  if (!request) return;  // no posting numbers are sent: not expected
  slice_.fbs_loading = true;
  slice_.error = {};
  const int generation = generation_, list_generation = fbs_generation_;
  app_.session()->client().call(
      std::move(request.value()), &ozon::parse_returns,
      [this, generation, list_generation, more](ozon::Result<ozon::Page<core::ReturnItem>> page) {
        if (generation != generation_ || list_generation != fbs_generation_) return;
        slice_.fbs_loading = false;
        if (!page) {
          slice_.error = notice_for(page.error());
          return;
        }
        if (!more) slice_.fbs.clear();
        for (auto& item : page->items) slice_.fbs.push_back(std::move(item));
        if (!page->cursor.empty()) slice_.fbs_last_id = ozon::json_read::parse_int64(page->cursor).value_or(0);
        slice_.fbs_more = page->has_next;
        slice_.fbs_loaded = true;
      });
}

void ReturnsScreen::on(const SetRfbsFilter& a) {
  const bool known = std::find(std::begin(kRfbsGroups), std::end(kRfbsGroups), a.group) != std::end(kRfbsGroups);
  const bool regroup = known && a.group != slice_.group;
  if (known) slice_.group = a.group;
  slice_.created_from = a.created_from;
  slice_.created_to = a.created_to;
  app_.schedule_draft_save();
  if (regroup) on(ApplyRfbsFilter{});
}

void ReturnsScreen::on(const ApplyRfbsFilter&) {
  ++rfbs_generation_;  // an older page must not land in the new list
  slice_.rfbs_loading = false;
  requested_ = true;
  slice_.rfbs_last_id = 0;
  load_rfbs(false);
  if (!slice_.fbs_loaded) load_fbs(false);
}

void ReturnsScreen::on(const LoadMoreRfbs&) {
  if (slice_.rfbs_more) load_rfbs(true);
}

void ReturnsScreen::on(const SetFbsFilter& a) {
  slice_.fbs_filter = a.filter;
  app_.schedule_draft_save();
}

void ReturnsScreen::on(const ApplyFbsFilter&) {
  ++fbs_generation_;
  slice_.fbs_loading = false;
  requested_ = true;
  slice_.fbs_last_id = 0;
  load_fbs(false);
  if (!slice_.rfbs_loaded) load_rfbs(false);
}

void ReturnsScreen::on(const LoadMoreFbs&) {
  if (slice_.fbs_more) load_fbs(true);
}

void ReturnsScreen::on(const SelectReturn& a) {
  slice_.missing_posting.clear();
  if (a.return_id == 0 || !find(a.return_id)) {
    slice_.open = 0;
    app_.schedule_draft_save();
    return;
  }
  slice_.open = a.return_id;
  if (!find(a.return_id)->data.detailed) read_details(a.return_id);
  app_.schedule_draft_save();
}

// /get: the reason, the buyer's comment and photos, the rejection reasons.
void ReturnsScreen::read_details(std::int64_t return_id) {
  RfbsRow* row = find_mutable(return_id);
  if (!row || row->reading || !app_.session()) return;
  row->reading = true;
  const int generation = generation_;
  app_.session()->client().call(ozon::build_rfbs_return_get(return_id), &ozon::parse_rfbs_return,
                                [this, generation, return_id](ozon::Result<core::RfbsReturn> details) {
                                  if (generation != generation_) return;
                                  RfbsRow* target = find_mutable(return_id);
                                  if (!target) return;
                                  target->reading = false;
                                  if (!details) {
                                    slice_.error = notice_for(details.error());
                                    return;
                                  }
                                  // /get names no id and (in the spec) no group state: the list's stay.
                                  core::RfbsReturn merged = std::move(*details);
                                  merged.return_id = return_id;
                                  keep_summary(merged, target->data);
                                  target->data = std::move(merged);
                                });
}

void ReturnsScreen::on(const OpenReturnPosting& a) {
  slice_.missing_posting.clear();
  const core::Posting* posting = app_.state().orders.list.find(a.posting_number);
  if (!posting) {
    slice_.missing_posting = a.posting_number;
    return;
  }
  auto& orders = app_.feature<OrdersScreen>();
  if (posting->store_id != app_.state().stores.active_id) orders.on(SetAllStores{true});
  orders.on(SelectTab{core::stage_of(posting->status)});
  orders.on(OpenPosting{a.posting_number});
  app_.mutable_state().view = "orders";
}

const RfbsRow* ReturnsScreen::find(std::int64_t return_id) const {
  for (const auto& row : slice_.rfbs)
    if (row.data.return_id == return_id) return &row;
  return nullptr;
}

RfbsRow* ReturnsScreen::find_mutable(std::int64_t return_id) { return const_cast<RfbsRow*>(find(return_id)); }

void ReturnsScreen::write_snapshot(nlohmann::json& out) const {
  nlohmann::json rfbs = nlohmann::json::array();
  for (const auto& row : slice_.rfbs) {
    const auto& r = row.data;
    nlohmann::json allowed = nlohmann::json::array();
    for (const auto action : core::allowed_rfbs_actions(core::rfbs_group_of(r)))
      allowed.push_back(core::rfbs_action_name(action));
    nlohmann::json pending = nullptr;
    if (const OutboxEntry* entry = pending_for(r.return_id))
      pending = {{"action", core::rfbs_action_name(*rfbs_action_of_kind(entry->kind))},
                 {"state", to_string(entry->state)}};
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& reason : r.rejection_reasons)
      reasons.push_back({{"id", reason.id}, {"name", reason.name}, {"commentRequired", reason.comment_required}});
    rfbs.push_back({{"id", r.return_id},
                    {"number", r.return_number},
                    {"posting", r.posting_number},
                    {"group", std::string(core::rfbs_group_of(r))},
                    {"state", r.state},
                    {"stateName", r.state_name},
                    {"product", r.product_name},
                    {"price", core::format_amount(r.price)},
                    {"allowed", allowed},
                    {"pending", pending},
                    {"refusal", row.refusal.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.refusal)},
                    {"inputError", row.input_error},
                    {"detailed", r.detailed},
                    {"reading", row.reading},
                    {"reasons", reasons}});
  }
  nlohmann::json fbs = nlohmann::json::array();
  for (const auto& item : slice_.fbs)
    fbs.push_back({{"id", item.id},
                   {"posting", item.posting_number},
                   {"product", item.product_name},
                   {"sku", item.sku},
                   {"quantity", item.quantity},
                   {"status", item.status_name},
                   {"statusName", item.status_display},
                   {"reason", item.return_reason_name}});
  out["returns"] = {{"tab", slice_.tab},
                    {"loading", slice_.rfbs_loading || slice_.fbs_loading},
                    {"error", slice_.error.key},
                    {"group", slice_.group},
                    {"rfbs", rfbs},
                    {"rfbsMore", slice_.rfbs_more},
                    {"fbs", fbs},
                    {"fbsMore", slice_.fbs_more},
                    {"missingPosting", slice_.missing_posting},
                    {"open", slice_.open == 0 ? nlohmann::json(nullptr) : nlohmann::json(slice_.open)}};
}

}  // namespace app
