#include "app/drafts.h"

namespace app {
namespace {

using Json = nlohmann::json;

// Tolerant readers: a draft from an older build or a damaged record gives
// defaults, never an exception (the WASM build has none).
std::string text(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}
std::int64_t number(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}
bool flag(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}
const Json* array(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? &*it : nullptr;
}
std::vector<std::int64_t> numbers(const Json& j, const char* key) {
  std::vector<std::int64_t> out;
  if (const Json* list = array(j, key))
    for (const auto& item : *list) out.push_back(item.is_number_integer() ? item.get<std::int64_t>() : 0);
  return out;
}

bool is_fresh(const PostingWork& work) {
  const auto& v = work.verification;
  bool counted = false;
  for (std::size_t i = 0; i < v.line_count(); ++i) counted = counted || v.counted(i) > 0;
  return !counted && !v.items_picked() && !v.address_checked() && v.log().empty() && work.boxes.box_count() <= 1 &&
         work.scan_text.empty() && work.tracking_text.empty() && work.cutoff_text.empty() && !work.cancel.open &&
         work.cancel.reason_id == 0 && work.cancel.message.empty() && work.marking.form.data.products.empty();
}

}  // namespace

std::string posting_draft_key(const std::string& posting_number) { return "posting:" + posting_number; }

Json to_json(const core::ExemplarData& data) {
  Json products = Json::array();
  for (const auto& p : data.products) {
    Json exemplars = Json::array();
    for (const auto& e : p.exemplars) {
      Json marks = Json::array();
      for (const auto& m : e.marks) marks.push_back({{"mark", m.mark}, {"type", m.mark_type}});
      exemplars.push_back({{"id", e.exemplar_id},
                           {"gtd", e.gtd},
                           {"gtd_absent", e.is_gtd_absent},
                           {"rnpt", e.rnpt},
                           {"rnpt_absent", e.is_rnpt_absent},
                           {"country", e.country_iso},
                           {"marks", marks}});
    }
    products.push_back({{"product_id", p.product_id},
                        {"quantity", p.quantity},
                        {"gtd_needed", p.is_gtd_needed},
                        {"mark_needed", p.is_mandatory_mark_needed},
                        {"mark_possible", p.is_mandatory_mark_possible},
                        {"rnpt_needed", p.is_rnpt_needed},
                        {"exemplars", exemplars}});
  }
  return {{"posting_number", data.posting_number}, {"multi_box_qty", data.multi_box_qty}, {"products", products}};
}

core::ExemplarData exemplar_data_from_json(const Json& json) {
  core::ExemplarData data;
  if (!json.is_object()) return data;
  data.posting_number = text(json, "posting_number");
  data.multi_box_qty = number(json, "multi_box_qty");
  if (const Json* products = array(json, "products"))
    for (const auto& pj : *products) {
      if (!pj.is_object()) continue;
      core::ExemplarProduct p;
      p.product_id = number(pj, "product_id");
      p.quantity = number(pj, "quantity");
      p.is_gtd_needed = flag(pj, "gtd_needed");
      p.is_mandatory_mark_needed = flag(pj, "mark_needed");
      p.is_mandatory_mark_possible = flag(pj, "mark_possible");
      p.is_rnpt_needed = flag(pj, "rnpt_needed");
      if (const Json* exemplars = array(pj, "exemplars"))
        for (const auto& ej : *exemplars) {
          if (!ej.is_object()) continue;
          core::Exemplar e;
          e.exemplar_id = number(ej, "id");
          e.gtd = text(ej, "gtd");
          e.is_gtd_absent = flag(ej, "gtd_absent");
          e.rnpt = text(ej, "rnpt");
          e.is_rnpt_absent = flag(ej, "rnpt_absent");
          e.country_iso = text(ej, "country");
          if (const Json* marks = array(ej, "marks"))
            for (const auto& mj : *marks)
              if (mj.is_object()) e.marks.push_back({text(mj, "mark"), text(mj, "type"), {}, {}});
          p.exemplars.push_back(std::move(e));
        }
      data.products.push_back(std::move(p));
    }
  return data;
}

Json posting_draft(const PostingWork& work) {
  if (is_fresh(work)) return nullptr;
  const core::VerificationState v = work.verification.to_state();
  Json log = Json::array();
  for (const auto& entry : v.log)
    log.push_back({{"at", entry.at}, {"code", entry.code}, {"outcome", core::to_string(entry.outcome)}, {"line", entry.line}});
  Json countries = Json::object();
  for (const auto& [product, code] : work.marking.form.countries) countries[std::to_string(product)] = code;
  const auto& c = work.cancel;
  return {{"v", 1},
          {"number", work.number},
          {"counts", v.counts},
          {"items_picked", v.items_picked},
          {"address_checked", v.address_checked},
          {"log", log},
          {"boxes", work.boxes.boxes},
          {"scan_text", work.scan_text},
          {"tracking_text", work.tracking_text},
          {"cutoff_text", work.cutoff_text},
          {"cancel",
           {{"open", c.open},
            {"reason_id", c.reason_id},
            {"message", c.message},
            {"partial", c.partial},
            {"quantities", c.quantities}}},
          {"marking", {{"form", to_json(work.marking.form.data)}, {"countries", countries}}}};
}

void restore_posting_draft(PostingWork& work, const Json& draft) {
  if (!draft.is_object() || text(draft, "number") != work.number) return;
  core::VerificationState v = work.verification.to_state();
  const auto counts = numbers(draft, "counts");
  if (counts.size() == v.counts.size()) v.counts = counts;
  v.items_picked = flag(draft, "items_picked");
  v.address_checked = flag(draft, "address_checked");
  v.marking_complete = false;  // only Ozon's check sets it, again after a reload
  v.log.clear();
  if (const Json* log = array(draft, "log"))
    for (const auto& entry : *log) {
      if (!entry.is_object()) continue;
      core::ScanLogEntry e;
      e.at = number(entry, "at");
      e.code = text(entry, "code");
      const std::string outcome = text(entry, "outcome");
      for (auto o : {core::ScanOutcome::accepted, core::ScanOutcome::completed_line, core::ScanOutcome::surplus,
                     core::ScanOutcome::unknown, core::ScanOutcome::empty, core::ScanOutcome::duplicate})
        if (core::to_string(o) == outcome) e.outcome = o;
      e.line = static_cast<int>(number(entry, "line"));
      v.log.push_back(std::move(e));
    }
  work.verification.from_state(v);

  if (const Json* boxes = array(draft, "boxes")) {
    core::BoxPlan plan;
    for (const auto& box : *boxes) {
      std::vector<std::int64_t> lines;
      if (box.is_array())
        for (const auto& q : box) lines.push_back(q.is_number_integer() ? q.get<std::int64_t>() : 0);
      plan.boxes.push_back(std::move(lines));
    }
    const std::size_t line_count = work.verification.line_count();
    bool fits = !plan.boxes.empty();
    for (const auto& box : plan.boxes) fits = fits && box.size() == line_count;
    if (fits) work.boxes = std::move(plan);
  }
  work.scan_text = text(draft, "scan_text");
  work.tracking_text = text(draft, "tracking_text");
  work.cutoff_text = text(draft, "cutoff_text");
  if (auto it = draft.find("cancel"); it != draft.end() && it->is_object()) {
    work.cancel.open = flag(*it, "open");
    work.cancel.reason_id = number(*it, "reason_id");
    work.cancel.message = text(*it, "message");
    work.cancel.partial = flag(*it, "partial");
    work.cancel.quantities = numbers(*it, "quantities");
    if (work.cancel.quantities.size() != work.verification.line_count()) {
      work.cancel.partial = false;
      work.cancel.quantities.clear();
    }
  }
  if (auto it = draft.find("marking"); it != draft.end() && it->is_object()) {
    if (auto form = it->find("form"); form != it->end()) work.marking.form.data = exemplar_data_from_json(*form);
    if (auto countries = it->find("countries"); countries != it->end() && countries->is_object())
      for (const auto& [product, code] : countries->items())
        if (code.is_string()) work.marking.form.countries[std::atoll(product.c_str())] = code.get<std::string>();
    // The state stays idle: opening the posting asks Ozon again (the typed form is kept).
  }
}

std::string ui_draft_view(const Json& draft) { return draft.is_object() ? text(draft, "view") : std::string(); }

UiDraft read_ui_draft(const Json& draft) {
  UiDraft out;
  if (!draft.is_object()) return out;
  out.open_posting = text(draft, "open");
  out.tracking_paste = text(draft, "paste");
  out.tracking_paste_open = flag(draft, "paste_open");
  return out;
}

}  // namespace app
