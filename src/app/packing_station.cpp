// The packing station: its per-device options, what it does by itself after
// the scan that completes a posting (ship, print the label, have the label
// scanned back, open the next posting), and the label check with its record.
#include <algorithm>

#include "app/orders_screen.h"
#include "core/json_read.h"

namespace app {
namespace {
constexpr const char* kStationSettingKey = "packing_station";
constexpr int kMaxStatusRereads = 5;         // Ozon shows "awaiting shipment" a moment after ship
constexpr core::EpochMs kRereadDelayMs = 2000;
}  // namespace

std::string_view to_string(StationOption option) {
  switch (option) {
    case StationOption::auto_ship: return "auto_ship";
    case StationOption::label_check: return "label_check";
  }
  return "auto_ship";
}

void OrdersScreen::load_station() {
  const auto saved = app_.services().settings.get(kStationSettingKey);
  if (!saved) return;
  const auto json = nlohmann::json::parse(*saved, nullptr, false);
  if (!json.is_object()) return;
  auto& station = orders_slice().station;
  station.auto_ship = core::json_read::read_bool_strict(json, "auto_ship");
  station.label_check = core::json_read::read_bool_strict(json, "label_check");
}

void OrdersScreen::on(const SetStationOption& a) {
  auto& station = orders_slice().station;
  switch (a.option) {
    case StationOption::auto_ship: station.auto_ship = a.value; break;
    case StationOption::label_check: station.label_check = a.value; break;
  }
  app_.save_setting(kStationSettingKey,
                    nlohmann::json{{"auto_ship", station.auto_ship}, {"label_check", station.label_check}}.dump());
}

// The scan that completed the posting: ship it, and remember which posting
// the packer takes next (the shipped one leaves the list).
void OrdersScreen::start_auto_flow(PostingWork& work) {
  auto& orders = orders_slice();
  const std::size_t count = orders.list.visible_count();
  work.auto_flow = {};
  for (std::size_t row = 0; row < count; ++row)
    if (orders.list.at(row).posting_number == work.number) {
      if (auto next = core::next_row_after(row, count)) work.auto_flow.next = orders.list.at(*next).posting_number;
      break;
    }
  work.auto_flow.step = core::AutoStep::shipping;
  ship(work.number, work.boxes);
  if (work.ship != PostingWork::Ship::sending) work.auto_flow.step = core::AutoStep::failed;
}

// A posting was read back after ship: once every posting the ship made is
// awaiting shipment, its labels print.
void OrdersScreen::advance_auto_flow(const std::string& number) {
  auto& orders = orders_slice();
  for (auto& [owner, work] : orders.work) {
    auto& flow = work.auto_flow;
    if (flow.step != core::AutoStep::awaiting_label ||
        std::find(flow.labels.begin(), flow.labels.end(), number) == flow.labels.end())
      continue;
    const bool ready = std::all_of(flow.labels.begin(), flow.labels.end(), [&](const std::string& n) {
      const core::Posting* p = orders.list.find(n);
      return p && p->status == core::PostingStatus::awaiting_deliver;
    });
    if (ready) {
      flow.step = core::AutoStep::printing;
      print_labels(flow.labels, true);
    } else if (++flow.rereads > kMaxStatusRereads) {
      flow.step = core::AutoStep::failed;
    } else {
      const std::string posting_number = owner;
      app_.after(kRereadDelayMs, [this, posting_number] {
        auto it = orders_slice().work.find(posting_number);
        if (it == orders_slice().work.end() || it->second.auto_flow.step != core::AutoStep::awaiting_label) return;
        reload_postings(it->second.auto_flow.labels, store_of(posting_number));
      });
    }
    return;
  }
}

namespace {
PostingWork* printing_work(OrdersSlice& orders) {
  for (auto& [number, work] : orders.work)
    if (work.auto_flow.step == core::AutoStep::printing) return &work;
  return nullptr;
}
}  // namespace

void OrdersScreen::auto_label_printed() {
  auto& labels = app_.mutable_state().labels;
  if (app_.services().print_document) app_.services().print_document();
  ++labels.printed;
  labels.document_opened = true;  // it went to the printer: the banner's "open" is done
  PostingWork* work = printing_work(orders_slice());
  if (!work) return;
  if (orders_slice().station.label_check) {
    work->auto_flow.step = core::AutoStep::checking_label;
    orders_slice().focus_scan_pending = orders_slice().open == work->number;
  } else {
    finish_auto_flow(*work);
  }
}

void OrdersScreen::auto_label_failed() {
  if (PostingWork* work = printing_work(orders_slice())) work->auto_flow.step = core::AutoStep::failed;
}

// Done with this posting: the next one opens, unless the packer already
// moved to another one by hand.
void OrdersScreen::finish_auto_flow(PostingWork& work) {
  work.auto_flow.step = core::AutoStep::done;
  auto& orders = orders_slice();
  if (orders.open != work.number) return;
  // The posting that followed it, if the list still shows it; else the list's first other one.
  std::optional<std::size_t> next_row, first_other;
  for (std::size_t row = 0; row < orders.list.visible_count(); ++row) {
    const std::string& number = orders.list.at(row).posting_number;
    if (!work.auto_flow.next.empty() && number == work.auto_flow.next) next_row = row;
    if (!first_other && number != work.number) first_other = row;
  }
  if (!next_row) next_row = first_other;
  if (!next_row) return;
  const std::string next = orders.list.at(*next_row).posting_number;
  orders.selection.click(orders.list, *next_row);
  on(OpenPosting{next});
  orders.focus_scan_pending = true;
}

// The printed label scanned back: it must be this posting's. Any other code
// raises the STOP (the parcel would go out under another posting's label).
void OrdersScreen::check_label(PostingWork& work, const core::Posting& posting, const std::string& code) {
  auto& orders = orders_slice();
  std::vector<const core::Posting*> others;
  others.reserve(orders.list.postings().size());
  for (const auto& p : orders.list.postings()) others.push_back(&p);
  std::string other;
  const core::LabelMatch match = core::match_label(posting, code, others, &other);
  if (match == core::LabelMatch::empty) return;
  const std::string trimmed(core::trim_scan(code));
  if (match != core::LabelMatch::this_posting) {
    work.last_scan = {core::ScanOutcome::wrong_label, trimmed, -1, true, {}};
    stop_packing(work, core::ScanOutcome::wrong_label, trimmed);
    work.stop.label_of = other;
    return;
  }
  work.last_scan = {core::ScanOutcome::accepted, trimmed, -1, true, {}};
  orders.packing_records[posting.posting_number] = {posting.posting_number, app_.now(), trimmed};
  app_.schedule_draft_save();
  if (work.auto_flow.step == core::AutoStep::checking_label) finish_auto_flow(work);
}

}  // namespace app
