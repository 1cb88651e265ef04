#include "app/reply_templates.h"

#include <algorithm>

#include "core/json_read.h"
#include "core/local_time.h"

namespace app {
namespace {

constexpr const char* kDraftKey = "reply_templates";

nlohmann::json to_json(const core::ReplyTemplate& t) {
  return {{"id", t.id}, {"title", t.title}, {"text", t.text_ru}, {"meaning", t.meaning}, {"use", t.use}};
}

// Every field as stored (a half-typed template may lack any of them).
core::ReplyTemplate template_fields(const nlohmann::json& json) {
  using core::json_read::read_string_strict;
  core::ReplyTemplate t;
  t.id = read_string_strict(json, "id");
  t.title = read_string_strict(json, "title");
  t.text_ru = read_string_strict(json, "text");
  t.use = read_string_strict(json, "use");
  if (t.use != "chat" && t.use != "review") t.use = "any";
  if (auto it = json.find("meaning"); it != json.end() && it->is_object())
    for (auto m = it->begin(); m != it->end(); ++m)
      if (m.value().is_string()) t.meaning[m.key()] = m.value().get<std::string>();
  return t;
}

std::optional<core::ReplyTemplate> template_from_json(const nlohmann::json& json) {
  core::ReplyTemplate t = template_fields(json);
  if (t.id.empty() || t.text_ru.empty()) return std::nullopt;
  return t;
}

bool for_use(const core::ReplyTemplate& t, std::string_view use) { return t.use == "any" || t.use == use; }

// The buyer reads Russian dates: "07.12.2026".
std::string russian_date(core::EpochMs time, int utc_offset_minutes) {
  const std::string iso = core::format_local_datetime(time, utc_offset_minutes);  // "2026-12-07 18:00"
  if (iso.size() < 10) return iso;
  return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

}  // namespace

ReplyTemplates::ReplyTemplates(App& app) : Feature(app) { handle<SaveReplyTemplate, DeleteReplyTemplate, EditReplyTemplate>(this); }

std::vector<core::ReplyTemplate> ReplyTemplates::templates(std::string_view use) const {
  std::vector<core::ReplyTemplate> out;
  for (const auto& t : own_)
    if (for_use(t, use)) out.push_back(t);
  for (auto& t : core::builtin_reply_templates()) {
    const bool replaced = std::any_of(own_.begin(), own_.end(), [&](const auto& o) { return o.id == t.id; });
    if (!replaced && for_use(t, use)) out.push_back(std::move(t));
  }
  return out;
}

core::TemplateValues ReplyTemplates::values_for(const core::Posting* posting) const {
  core::TemplateValues values;
  for (const auto& store : app_.state().stores.saved)
    if (store.id == app_.state().stores.active_id) values.emplace_back("store", store.name);
  if (!posting) return values;
  const int offset = app_.state().utc_offset_minutes;
  values.emplace_back("posting_number", posting->posting_number);
  values.emplace_back("order_number", posting->order_number);
  values.emplace_back("tracking_number", posting->tracking_number);
  values.emplace_back("buyer_name", core::buyer_first_name(posting->customer->name));
  if (posting->shipment_date) values.emplace_back("ship_date", russian_date(posting->shipment_date, offset));
  if (posting->delivering_date)
    values.emplace_back("delivery_date", russian_date(posting->delivering_date, offset));
  if (!posting->products.empty()) values.emplace_back("product", posting->products.front().name);
  const auto& a = posting->customer->address;
  std::string address = a.zip_code;
  for (const std::string* part : {&a.region, &a.city, &a.address_tail})
    if (!part->empty()) address += (address.empty() ? "" : ", ") + *part;
  values.emplace_back("address", address);
  return values;
}

std::string ReplyTemplates::meaning_of(const core::ReplyTemplate& tmpl) const {
  const std::string lang(lang_code(app_.state().lang));
  if (auto it = tmpl.meaning.find(lang); it != tmpl.meaning.end() && !it->second.empty()) return it->second;
  if (tmpl.builtin) return app_.tr("template." + tmpl.id);
  for (const auto& [code, text] : tmpl.meaning)
    if (!text.empty()) return text;
  return {};
}

void ReplyTemplates::on(const SaveReplyTemplate& a) {
  core::ReplyTemplate t = a.tmpl;
  if (t.text_ru.empty()) return;
  t.builtin = false;
  if (t.id.empty()) {
    while (std::any_of(own_.begin(), own_.end(), [&](const auto& o) { return o.id == std::string("own-").append(std::to_string(next_own_)); }))
      ++next_own_;
    t.id = std::string("own-").append(std::to_string(next_own_++));
  }
  auto it = std::find_if(own_.begin(), own_.end(), [&](const auto& o) { return o.id == t.id; });
  if (it != own_.end()) *it = std::move(t);
  else own_.push_back(std::move(t));
  editing_.reset();
  app_.schedule_draft_save();
}

void ReplyTemplates::on(const EditReplyTemplate& a) {
  editing_ = a.tmpl;
  app_.schedule_draft_save();
}

void ReplyTemplates::on(const DeleteReplyTemplate& a) {
  std::erase_if(own_, [&](const core::ReplyTemplate& t) { return t.id == a.id; });
  app_.schedule_draft_save();
}

void ReplyTemplates::collect_drafts(std::map<std::string, std::string>& drafts) const {
  if (own_.empty() && !editing_) return;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& t : own_) list.push_back(to_json(t));
  nlohmann::json record = {{"templates", list}};
  if (editing_) record["editing"] = to_json(*editing_);
  drafts[kDraftKey] = core::json_read::dump(record);
}

bool ReplyTemplates::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key != kDraftKey) return false;
  own_.clear();
  if (auto it = draft.find("templates"); draft.is_object() && it != draft.end() && it->is_array())
    for (const auto& item : *it)
      if (auto t = template_from_json(item)) own_.push_back(std::move(*t));
  // Half-typed: an empty id (a new one) or text is fine here.
  if (auto it = draft.find("editing"); draft.is_object() && it != draft.end() && it->is_object())
    editing_ = template_fields(*it);
  return true;
}

void ReplyTemplates::write_snapshot(nlohmann::json& out) const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& t : templates("chat")) {
    nlohmann::json item = to_json(t);
    item["builtin"] = t.builtin;
    item["shown"] = meaning_of(t);
    list.push_back(std::move(item));
  }
  for (const auto& t : templates("review"))
    if (t.use == "review") {
      nlohmann::json item = to_json(t);
      item["builtin"] = t.builtin;
      item["shown"] = meaning_of(t);
      list.push_back(std::move(item));
    }
  out["templates"] = std::move(list);
  out["templateEditing"] = editing_ ? to_json(*editing_) : nlohmann::json(nullptr);
}

}  // namespace app
