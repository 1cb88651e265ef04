// The orders screen's drafts: per posting (scan progress, checklist, boxes,
// marking codes, tracking number, shipping date, cancel reason and message),
// and its part of the screen draft (the open posting, pasted tracking text).
#include "app/drafts.h"
#include "app/orders_screen.h"
#include "core/json_read.h"

namespace app {
namespace {
constexpr core::EpochMs kPackingRecordRetentionMs = 120LL * 24 * 3600 * 1000;  // Ozon's dispute window and then some
}  // namespace

void OrdersScreen::collect_drafts(std::map<std::string, std::string>& drafts) const {
  for (const auto& [number, work] : orders_slice().work) {
    // Confirmed by Ozon: the draft has done its job.
    const bool finished = work.ship == PostingWork::Ship::done || work.cancel.state == PostingWork::Cancel::State::done;
    auto draft = finished ? nlohmann::json() : posting_draft(work);
    if (!draft.is_null()) drafts[posting_draft_key(number)] = core::json_read::dump(draft);
  }
  // Drafts of postings not opened since the reload stay as they were.
  for (const auto& [number, draft] : saved_posting_drafts_) drafts.emplace(posting_draft_key(number), core::json_read::dump(draft));
  // The station's records are proof for a dispute: kept for a while, then let go.
  const core::EpochMs keep_after = app_.now() - kPackingRecordRetentionMs;
  for (const auto& [number, record] : orders_slice().packing_records)
    if (record.label_checked_at >= keep_after)
      drafts[packing_record_key(number)] = core::json_read::dump(packing_record_draft(record));
}

void OrdersScreen::forget_local_data() {
  saved_posting_drafts_.clear();
  orders_slice().packing_records.clear();
  orders_slice().work.clear();
}

bool OrdersScreen::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key.rfind("packed:", 0) == 0) {
    if (auto record = read_packing_record(draft)) orders_slice().packing_records.emplace(record->posting_number, *record);
    return true;
  }
  constexpr std::string_view kPrefix = "posting:";
  if (key.rfind(kPrefix, 0) != 0) return false;
  const std::string number = key.substr(kPrefix.size());
  // Work the seller started since the page opened wins over an old draft.
  if (!orders_slice().work.count(number)) saved_posting_drafts_[number] = draft;
  return true;
}

void OrdersScreen::write_ui_draft(nlohmann::json& ui) const {
  const auto& orders = orders_slice();
  ui["open"] = orders.open;
  ui["paste"] = orders.tracking_paste.text;
  ui["paste_open"] = orders.tracking_paste.open;
}

// The pasted text at once; the open posting once the orders are in (it may
// not exist any more).
bool OrdersScreen::restore_ui_draft(const nlohmann::json& ui) {
  const UiDraft saved = read_ui_draft(ui);
  auto& orders = orders_slice();
  if (!saved.tracking_paste.empty() && orders.tracking_paste.text.empty()) {
    orders.tracking_paste.open = saved.tracking_paste_open;
    on(EditTrackingPaste{saved.tracking_paste});
  }
  if (saved.open_posting.empty()) return true;
  if (orders.list.find(saved.open_posting) == nullptr) return orders.as_of != 0;  // loaded and gone: nothing to reopen
  if (orders.open.empty()) on(OpenPosting{saved.open_posting});
  return true;
}

}  // namespace app
