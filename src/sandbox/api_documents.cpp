// The demo marketplace, documents domain: package labels (at once, or as
// async tasks whose files are fetched from /__sandbox/files/), hand-over
// acts (created, checked, listed) and the PDFs of both.
#include <algorithm>
#include <optional>

#include "ozon/endpoints.h"
#include "sandbox/api.h"
#include "sandbox/pdf_writer.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

std::string pdf_label(const State& s, const std::vector<const Posting*>& postings) {
  PdfWriter w;
  const double W = mm_to_pt(120), H = mm_to_pt(75);
  for (const Posting* p : postings) {
    w.begin_page(W, H);
    const DeliveryMethod* dm = s.method(p->delivery_method_id);
    const Warehouse* wh = dm ? s.warehouse(dm->warehouse_id) : nullptr;
    w.text(14, H - 22, 14, "OZON", true);
    w.text(W - 150, H - 20, 8, "Ship by " + format_iso8601(p->shipment_date).substr(0, 16));
    w.text(14, H - 48, 20, p->number, true);
    const double module = 1.25;
    double width = static_cast<double>(code128_symbols(p->number).size() * 11 + 2) * module;
    w.code128((W - width) / 2, 82, module, 58, p->number);
    w.text((W - width) / 2, 70, 9, p->number);
    int units = 0;
    for (const auto& it : p->items) units += it.quantity;
    w.text(14, 46, 8, "Warehouse: " + transliterate(wh ? wh->name : ""));
    w.text(14, 34, 8, "Delivery: " + transliterate(dm ? dm->name : ""));
    w.text(14, 22, 8, "Order " + p->order_number + "   Items: " + std::to_string(units));
  }
  return w.finish();
}

std::string pdf_act(const State& s, const Act& act) {
  PdfWriter w;
  const double W = 595.28, H = 841.89;
  const DeliveryMethod* dm = s.method(act.delivery_method_id);
  constexpr std::size_t kPerPage = 40;
  std::size_t pages = std::max<std::size_t>(1, (act.postings.size() + kPerPage - 1) / kPerPage);
  for (std::size_t pg = 0; pg < pages; ++pg) {
    w.begin_page(W, H);
    w.text(40, H - 50, 16, "Act of acceptance No " + std::to_string(act.id), true);
    w.text(40, H - 70, 10, "Delivery method: " + transliterate(dm ? dm->name : ""));
    w.text(40, H - 84, 10, "Departure date: " + act.departure_date + "   Postings: " +
                               std::to_string(act.postings.size()) + "   Page " + std::to_string(pg + 1) + "/" +
                               std::to_string(pages));
    double y = H - 120;
    for (std::size_t i = pg * kPerPage; i < act.postings.size() && i < (pg + 1) * kPerPage; ++i) {
      w.text(40, y, 10, std::to_string(i + 1) + ".  " + act.postings[i]);
      y -= 16;
    }
  }
  return w.finish();
}

}  // namespace

net::HttpResponse label_file(State& s, std::string_view path, core::EpochMs now) {
  std::string id_text(path.substr(kFilePrefix.size()));
  if (id_text.size() > 4) id_text.resize(id_text.size() - 4);  // ".pdf"
  net::HttpResponse r = not_found("FILE_NOT_FOUND");
  for (const auto& t : s.label_tasks) {
    if (std::to_string(t.id) != id_text) continue;
    std::vector<const Posting*> ps;
    bool ready = true;
    for (const auto& n : t.postings) {
      const Posting* p = s.find(n);
      if (!p || p->status != "awaiting_deliver" || now < p->shipped_at + s.label_delay_ms) ready = false;
      else ps.push_back(p);
    }
    if (ready) r = pdf(pdf_label(s, ps));
  }
  return r;
}

namespace {

// Label checks shared by the sync and async label calls; empty = fine.
std::optional<net::HttpResponse> check_labels(const Call& call, const json& b, std::vector<const Posting*>* out,
                                              bool need_ready) {
  const json* nums = find(b, "posting_number");
  if (!nums || !nums->is_array()) return bad("proto: syntax error: posting_number must be an array of strings");
  if (nums->empty()) return bad("INVALID_ARGUMENT: posting_number is empty");
  if (nums->size() > 20) return bad("POSTING_NUMBERS_LIMIT_EXCEEDED: at most 20 postings per request");
  std::vector<std::string> not_ready;
  for (const auto& n : *nums) {
    if (!n.is_string()) return bad("proto: syntax error: posting_number must be an array of strings");
    const Posting* p = call.state.find(n.get<std::string>());
    if (!p) return not_found("POSTING_NOT_FOUND: " + n.get<std::string>());
    if (p->status != "awaiting_deliver")
      return bad("HAS_INCORRECT_STATUS: labels are available for awaiting_deliver postings only: " + p->number);
    if (call.now < p->shipped_at + call.state.label_delay_ms) not_ready.push_back(p->number);
    out->push_back(p);
  }
  if (need_ready && !not_ready.empty()) {
    std::string list;
    for (const auto& n : not_ready) list += (list.empty() ? "" : ", ") + n;
    return bad("POSTING_LABEL_NOT_READY: labels are not ready yet, retry in a minute: " + list);
  }
  return std::nullopt;
}

net::HttpResponse label(const Call& call, const json& b) {
  std::vector<const Posting*> postings;
  if (auto e = check_labels(call, b, &postings, true)) return *e;
  return pdf(pdf_label(call.state, postings));
}

net::HttpResponse label_create(const Call& call, const json& b) {
  std::vector<const Posting*> postings;
  if (auto e = check_labels(call, b, &postings, false)) return *e;
  json tasks = json::array();
  for (const char* type : {"big_label", "small_label"}) {
    LabelTask t;
    t.id = call.state.next_id++;
    t.type = type;
    for (const Posting* p : postings) t.postings.push_back(p->number);
    tasks.push_back({{"task_id", t.id}, {"task_type", t.type}});
    call.state.label_tasks.push_back(std::move(t));
  }
  return ok({{"result", {{"tasks", tasks}}}});
}

net::HttpResponse label_get(const Call& call, const json& b) {
  const auto id = find_int64_strict(b, "task_id");
  if (!id) return bad("INVALID_ARGUMENT: task_id is required");
  for (const auto& t : call.state.label_tasks) {
    if (t.id != *id) continue;
    std::string status = "completed", err;
    for (const auto& n : t.postings) {
      const Posting* p = call.state.find(n);
      if (!p || p->status != "awaiting_deliver") {
        status = "error";
        err = "HAS_INCORRECT_STATUS: " + n;
        break;
      }
      if (call.now < p->shipped_at + call.state.label_delay_ms) status = "pending";
    }
    std::string url = status == "completed" ? std::string(kFilePrefix) + std::to_string(t.id) + ".pdf" : "";
    return ok({{"result", {{"status", status}, {"file_url", url}, {"error", err}}}});
  }
  return not_found("TASK_NOT_FOUND");
}

net::HttpResponse act_create(const Call& call, const json& b) {
  const auto given = find_int64_strict(b, "delivery_method_id");
  if (!given) return bad("INVALID_ARGUMENT: delivery_method_id is required");
  const std::int64_t dm_id = *given;
  const DeliveryMethod* dm = call.state.method(dm_id);
  if (!dm) return not_found("DELIVERY_METHOD_NOT_FOUND");
  Act act;
  act.id = call.state.next_id++;
  act.delivery_method_id = dm_id;
  std::string dep = read_string_strict(b, "departure_date");
  core::EpochMs dep_ms = call.now;
  if (!dep.empty() && !parse_iso8601(dep, &dep_ms)) return bad("INVALID_ARGUMENT: departure_date must be ISO-8601");
  act.departure_date = format_iso8601(dep_ms).substr(0, 10);
  act.containers_count = static_cast<int>(read_int64_strict(b, "containers_count", 0));
  act.created_at = call.now;
  for (const auto& p : call.state.postings) {
    if (p.delivery_method_id != dm_id || p.status != "awaiting_deliver") continue;
    bool taken = false;
    for (const auto& a : call.state.acts)
      if (!a.handed_over && contains(a.postings, p.number)) taken = true;
    if (!taken) act.postings.push_back(p.number);
  }
  if (act.postings.empty()) return bad("NO_POSTINGS_FOR_ACT: no awaiting_deliver postings for this delivery method");
  std::int64_t id = act.id;
  call.state.acts.push_back(std::move(act));
  return ok({{"result", {{"id", id}}}});
}

const Act* find_act(const State& s, const json& b) {
  const auto id = find_int64_strict(b, "id");
  if (!id) return nullptr;
  for (const auto& a : s.acts)
    if (a.id == *id) return &a;
  return nullptr;
}

net::HttpResponse act_status(const Call& call, const json& b) {
  const Act* a = find_act(call.state, b);
  if (!a) return not_found("ACT_NOT_FOUND");
  bool ready = call.now >= a->created_at + Marketplace::kActReadyMs;
  return ok({{"result",
              {{"act_type", "sorting_center"},
               {"added_to_act", ready ? json(a->postings) : json::array()},
               {"removed_from_act", json::array()},
               {"status", ready ? "ready" : "in_process"},
               {"is_partial", false},
               {"has_postings_for_next_carriage", false},
               {"partial_num", 0}}}});
}

net::HttpResponse act_pdf(const Call& call, const json& b) {
  const Act* a = find_act(call.state, b);
  if (!a) return not_found("ACT_NOT_FOUND");
  if (call.now < a->created_at + Marketplace::kActReadyMs) return bad("ACT_NOT_READY: the act is still being formed");
  return pdf(pdf_act(call.state, *a));
}

net::HttpResponse act_list(const Call& call, const json& b) {
  const json f = object_or_empty(b, "filter");
  std::string from = read_string_strict(f, "date_from"), to = read_string_strict(f, "date_to");
  // The filter is optional; given, it needs both dates (the spec).
  if (find(b, "filter") && (from.empty() || to.empty()))
    return bad("INVALID_ARGUMENT: filter.date_from and filter.date_to are required");
  std::vector<std::string> statuses;
  if (!read_string_list_strict(f, "status", &statuses)) return bad("proto: syntax error: filter.status");
  const auto given_limit = find_int64_strict(b, "limit");
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 1 || limit > 1000) return bad("INVALID_ARGUMENT: limit must be between 1 and 1000");
  json r = json::array();
  for (const auto& a : call.state.acts) {
    std::string day = format_iso8601(a.created_at).substr(0, 10);
    if (!from.empty() && day < from.substr(0, 10)) continue;
    if (!to.empty() && day > to.substr(0, 10)) continue;
    bool ready = call.now >= a.created_at + Marketplace::kActReadyMs;
    std::string status = ready ? "ready" : "in_process";
    if (!statuses.empty() && !contains(statuses, status)) continue;
    const DeliveryMethod* dm = call.state.method(a.delivery_method_id);
    r.push_back({{"id", a.id},
                 {"delivery_method_id", a.delivery_method_id},
                 {"delivery_method_name", dm ? dm->name : ""},
                 {"integration_type", dm ? dm->tpl_integration_type : ""},
                 {"containers_count", a.containers_count},
                 {"status", status},
                 {"departure_date", a.departure_date},
                 {"created_at", format_iso8601(a.created_at)},
                 {"updated_at", format_iso8601(ready ? a.created_at + Marketplace::kActReadyMs : a.created_at)},
                 {"act_type", "sorting_center"},
                 {"is_partial", false},
                 {"has_postings_for_next_carriage", false},
                 {"partial_num", 0},
                 {"postings_count", a.postings.size()}});
    if (static_cast<std::int64_t>(r.size()) >= limit) break;
  }
  return ok({{"result", r}});
}

}  // namespace

Routes document_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kPackageLabel, label},
      {ep::kPackageLabelCreate, label_create},
      {ep::kPackageLabelGet, label_get},
      {ep::kActCreate, act_create},
      {ep::kActCheckStatus, act_status},
      {ep::kActGetPdf, act_pdf},
      {ep::kActList, act_list},
  };
  return kRoutes;
}

}  // namespace sandbox
