#include "app/drafts.h"

#include "core/json_read.h"

namespace app {
namespace {

using Json = nlohmann::json;

// A draft from an older build or a damaged record gives defaults, never an
// exception (the WASM build has none): a wrongly typed field reads as its default.
using core::json_read::find_array;
using core::json_read::find_object;
using core::json_read::read_bool_strict;
using core::json_read::read_int64_list_strict;
using core::json_read::read_int64_strict;
using core::json_read::read_string_strict;

bool is_fresh(const PostingWork& work) {
  const auto& v = work.verification;
  bool counted = false;
  for (std::size_t i = 0; i < v.line_count(); ++i) counted = counted || v.counted(i) > 0;
  return !counted && !v.items_picked() && !v.address_checked() && v.log().empty() && work.boxes.box_count() <= 1 &&
         work.scan_text.empty() && work.tracking_text.empty() && work.cutoff_text.empty() && !work.cancel.open &&
         work.cancel.reason_id == 0 && work.cancel.message.empty() && work.marking.form.data.products.empty() &&
         !work.stop.active;
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
  data.posting_number = read_string_strict(json, "posting_number");
  data.multi_box_qty = read_int64_strict(json, "multi_box_qty");
  if (const Json* products = find_array(json, "products"))
    for (const auto& pj : *products) {
      if (!pj.is_object()) continue;
      core::ExemplarProduct p;
      p.product_id = read_int64_strict(pj, "product_id");
      p.quantity = read_int64_strict(pj, "quantity");
      p.is_gtd_needed = read_bool_strict(pj, "gtd_needed");
      p.is_mandatory_mark_needed = read_bool_strict(pj, "mark_needed");
      p.is_mandatory_mark_possible = read_bool_strict(pj, "mark_possible");
      p.is_rnpt_needed = read_bool_strict(pj, "rnpt_needed");
      if (const Json* exemplars = find_array(pj, "exemplars"))
        for (const auto& ej : *exemplars) {
          if (!ej.is_object()) continue;
          core::Exemplar e;
          e.exemplar_id = read_int64_strict(ej, "id");
          e.gtd = read_string_strict(ej, "gtd");
          e.is_gtd_absent = read_bool_strict(ej, "gtd_absent");
          e.rnpt = read_string_strict(ej, "rnpt");
          e.is_rnpt_absent = read_bool_strict(ej, "rnpt_absent");
          e.country_iso = read_string_strict(ej, "country");
          if (const Json* marks = find_array(ej, "marks"))
            for (const auto& mj : *marks)
              if (mj.is_object())
                e.marks.push_back({read_string_strict(mj, "mark"), read_string_strict(mj, "type"), {}, {}});
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
          {"part_counts", v.part_counts},
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
          {"marking", {{"form", to_json(work.marking.form.data)}, {"countries", countries}}},
          // A STOP outlives a reload: the wrong item is still in the box.
          {"stop", work.stop.active ? Json{{"outcome", core::to_string(work.stop.outcome)},
                                           {"code", work.stop.code},
                                           {"label_of", work.stop.label_of}}
                                    : Json(nullptr)}};
}

void restore_posting_draft(PostingWork& work, const Json& draft) {
  if (!draft.is_object() || read_string_strict(draft, "number") != work.number) return;
  core::VerificationState v = work.verification.to_state();
  std::vector<std::int64_t> counts;
  read_int64_list_strict(draft, "counts", &counts);
  if (counts.size() == v.counts.size()) v.counts = counts;
  if (const Json* parts = find_array(draft, "part_counts")) {
    v.part_counts.clear();
    for (const auto& line : *parts) {
      v.part_counts.emplace_back();
      if (line.is_array())
        for (const auto& n : line) v.part_counts.back().push_back(n.is_number_integer() ? n.get<std::int64_t>() : 0);
    }
  }
  v.items_picked = read_bool_strict(draft, "items_picked");
  v.address_checked = read_bool_strict(draft, "address_checked");
  v.marking_complete = false;  // only Ozon's check sets it, again after a reload
  v.log.clear();
  if (const Json* log = find_array(draft, "log"))
    for (const auto& entry : *log) {
      if (!entry.is_object()) continue;
      core::ScanLogEntry e;
      e.at = read_int64_strict(entry, "at");
      e.code = read_string_strict(entry, "code");
      const std::string outcome = read_string_strict(entry, "outcome");
      if (auto o = core::scan_outcome_from(outcome)) e.outcome = *o;
      e.line = static_cast<int>(read_int64_strict(entry, "line"));
      v.log.push_back(std::move(e));
    }
  work.verification.from_state(v);

  if (const Json* boxes = find_array(draft, "boxes")) {
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
  work.scan_text = read_string_strict(draft, "scan_text");
  work.tracking_text = read_string_strict(draft, "tracking_text");
  work.cutoff_text = read_string_strict(draft, "cutoff_text");
  if (auto it = draft.find("cancel"); it != draft.end() && it->is_object()) {
    work.cancel.open = read_bool_strict(*it, "open");
    work.cancel.reason_id = read_int64_strict(*it, "reason_id");
    work.cancel.message = read_string_strict(*it, "message");
    work.cancel.partial = read_bool_strict(*it, "partial");
    work.cancel.quantities.clear();
    read_int64_list_strict(*it, "quantities", &work.cancel.quantities);
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
  if (const Json* stop = find_object(draft, "stop")) {
    const auto outcome = core::scan_outcome_from(read_string_strict(*stop, "outcome"));
    if (outcome && core::stops_packing(*outcome))
      work.stop = {true, *outcome, read_string_strict(*stop, "code"), read_string_strict(*stop, "label_of")};
  }
}

std::string packing_record_key(const std::string& posting_number) { return "packed:" + posting_number; }

Json packing_record_draft(const core::PackingRecord& record) {
  return {{"v", 1},
          {"number", record.posting_number},
          {"label_checked_at", record.label_checked_at},
          {"label_code", record.label_code}};
}

std::optional<core::PackingRecord> read_packing_record(const Json& draft) {
  if (!draft.is_object()) return std::nullopt;
  core::PackingRecord record;
  record.posting_number = read_string_strict(draft, "number");
  record.label_checked_at = read_int64_strict(draft, "label_checked_at");
  record.label_code = read_string_strict(draft, "label_code");
  if (record.posting_number.empty()) return std::nullopt;
  return record;
}

std::string ui_draft_view(const Json& draft) { return draft.is_object() ? read_string_strict(draft, "view") : std::string(); }

UiDraft read_ui_draft(const Json& draft) {
  UiDraft out;
  if (!draft.is_object()) return out;
  out.open_posting = read_string_strict(draft, "open");
  out.tracking_paste = read_string_strict(draft, "paste");
  out.tracking_paste_open = read_bool_strict(draft, "paste_open");
  return out;
}

}  // namespace app
