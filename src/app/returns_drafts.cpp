// What the Returns screen keeps on the device: the answers half typed per
// return (one draft record per store, "returns:<store id>"), and its part of
// the screen draft (tab, filters, the open return).
#include <algorithm>

#include "app/returns_screen.h"
#include "core/json_read.h"

namespace app {
namespace {

constexpr std::string_view kDraftPrefix = "returns:";

using core::json_read::read_int64_strict;
using core::json_read::read_string_strict;

nlohmann::json inputs_json(const std::map<std::int64_t, RfbsInputs>& inputs) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, typed] : inputs)
    out[std::to_string(id)] = {{"method", typed.method},
                               {"reasonId", typed.reason_id},
                               {"comment", typed.comment},
                               {"postage", typed.postage},
                               {"amount", typed.amount}};
  return out;
}

}  // namespace

std::map<std::int64_t, RfbsInputs>& ReturnsScreen::store_inputs() { return inputs_[store_id_]; }

const RfbsInputs& ReturnsScreen::inputs_for(std::int64_t return_id) const {
  static const RfbsInputs kNone;
  auto store = inputs_.find(store_id_);
  if (store == inputs_.end()) return kNone;
  auto it = store->second.find(return_id);
  return it == store->second.end() ? kNone : it->second;
}

void ReturnsScreen::collect_drafts(std::map<std::string, std::string>& drafts) const {
  const auto& saved = app_.state().stores.saved;
  for (const auto& [store, inputs] : inputs_) {
    const std::string& id = store;  // clang 14 (em++) cannot capture a structured binding
    // A deleted store's drafts go with it.
    const bool kept = id == store_id_ || id == "demo" || id.rfind("demo", 0) == 0 || id.rfind("portal", 0) == 0 ||
                      std::any_of(saved.begin(), saved.end(), [&id](const StoreConfig& s) { return s.id == id; });
    if (kept && !inputs.empty())
      drafts[std::string(kDraftPrefix) + id] = core::json_read::dump({{"inputs", inputs_json(inputs)}});
  }
}

bool ReturnsScreen::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key.rfind(kDraftPrefix, 0) != 0) return false;
  auto& inputs = inputs_[key.substr(kDraftPrefix.size())];
  const auto* typed = draft.is_object() ? core::json_read::find_object(draft, "inputs") : nullptr;
  if (!typed) return true;
  for (const auto& [id_text, json] : typed->items()) {
    const auto id = core::json_read::parse_int64(id_text);
    if (!id || *id <= 0 || !json.is_object() || inputs.count(*id)) continue;  // typed since the page opened wins
    RfbsInputs in;
    in.method = read_string_strict(json, "method");
    in.reason_id = read_int64_strict(json, "reasonId");
    in.comment = read_string_strict(json, "comment");
    in.postage = read_string_strict(json, "postage");
    in.amount = read_string_strict(json, "amount");
    if (!in.empty()) inputs.emplace(*id, std::move(in));
  }
  return true;
}

void ReturnsScreen::forget_local_data() { inputs_.clear(); }

void ReturnsScreen::write_ui_draft(nlohmann::json& ui) const {
  ui["returns_tab"] = slice_.tab;
  ui["returns_group"] = slice_.group;
  ui["returns_from"] = slice_.created_from;
  ui["returns_to"] = slice_.created_to;
  ui["returns_open"] = slice_.open;
  ui["returns_fbs_status"] = slice_.fbs_filter.status;
  ui["returns_fbs_from"] = slice_.fbs_filter.from_text;
  ui["returns_fbs_to"] = slice_.fbs_filter.to_text;
}

// Before the first load (the screen loads when shown): the filters are set,
// the open return reopens once it is listed.
bool ReturnsScreen::restore_ui_draft(const nlohmann::json& ui) {
  if (!ui.is_object()) return true;
  if (const auto tab = read_string_strict(ui, "returns_tab"); tab == "rfbs" || tab == "fbs") slice_.tab = tab;
  const auto group = read_string_strict(ui, "returns_group");
  if (std::find(std::begin(kRfbsGroups), std::end(kRfbsGroups), group) != std::end(kRfbsGroups)) slice_.group = group;
  slice_.created_from = read_string_strict(ui, "returns_from");
  slice_.created_to = read_string_strict(ui, "returns_to");
  slice_.fbs_filter.status = read_string_strict(ui, "returns_fbs_status");
  slice_.fbs_filter.from_text = read_string_strict(ui, "returns_fbs_from");
  slice_.fbs_filter.to_text = read_string_strict(ui, "returns_fbs_to");
  const std::int64_t open = read_int64_strict(ui, "returns_open");
  if (open > 0) {
    if (find(open)) on(SelectReturn{open});
    else open_after_load_ = open;
  }
  return true;
}

}  // namespace app
