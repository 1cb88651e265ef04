// Parsers for exemplars, labels, PDFs, cancellation, acts and pick lists.
#include "ozon/base64.h"
#include "ozon/parse_common.h"
#include "ozon/parsers.h"

namespace ozon {
using namespace detail;

namespace {

bool starts_with_pdf(std::string_view bytes) {
  // Some proxies prepend a BOM or whitespace; look a few bytes in.
  const auto at = bytes.find("%PDF");
  return at != std::string_view::npos && at < 8;
}

core::CancelReason reason_from_json(const Json& j) {
  core::CancelReason reason;
  reason.id = read_int64(j, "id");
  reason.title = read_string(j, "title");
  reason.type_id = read_string(j, "type_id");
  reason.is_available_for_cancellation = read_bool(j, "is_available_for_cancellation", true);
  return reason;
}

core::LabelTask task_from_json(const Json& j) {
  core::LabelTask task;
  task.task_id = read_int64(j, "task_id");
  task.task_type = read_string(j, "task_type");
  task.status = read_string(j, "status");
  task.file_url = read_string(j, "file_url");
  task.error = read_string(j, "error");
  return task;
}

std::vector<std::string> codes(const Json& j, std::string_view key) { return read_string_list(j, key); }

}  // namespace

Result<core::ExemplarData> parse_exemplar_data(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  const Json* products = find_array(j, "products");
  if (products == nullptr) return malformed("exemplar reply without products", body);
  core::ExemplarData data;
  data.posting_number = read_string(j, "posting_number");
  data.multi_box_qty = read_int64(j, "multi_box_qty");
  data.status = read_string(j, "status");
  for (const auto& item : *products) {
    if (!item.is_object()) continue;
    core::ExemplarProduct product;
    product.product_id = read_int64(item, "product_id");
    product.quantity = read_int64(item, "quantity");
    product.is_gtd_needed = read_bool(item, "is_gtd_needed");
    product.is_mandatory_mark_needed = read_bool(item, "is_mandatory_mark_needed");
    product.is_mandatory_mark_possible = read_bool(item, "is_mandatory_mark_possible");
    product.is_rnpt_needed = read_bool(item, "is_rnpt_needed");
    product.is_jw_uin_needed = read_bool(item, "is_jw_uin_needed");
    product.is_imei_needed = read_bool(item, "is_imei_needed");
    if (const Json* exemplars = find_array(item, "exemplars")) {
      for (const auto& e : *exemplars) {
        if (!e.is_object()) continue;
        core::Exemplar exemplar;
        exemplar.exemplar_id = read_int64(e, "exemplar_id");
        exemplar.gtd = read_string(e, "gtd");
        exemplar.is_gtd_absent = read_bool(e, "is_gtd_absent");
        exemplar.rnpt = read_string(e, "rnpt");
        exemplar.is_rnpt_absent = read_bool(e, "is_rnpt_absent");
        exemplar.country_iso = read_string(e, "country_iso_code");
        exemplar.gtd_check_status = read_string(e, "gtd_check_status");
        exemplar.gtd_error_codes = codes(e, "gtd_error_codes");
        exemplar.rnpt_check_status = read_string(e, "rnpt_check_status");
        exemplar.rnpt_error_codes = codes(e, "rnpt_error_codes");
        if (const Json* marks = find_array(e, "marks")) {
          for (const auto& m : *marks) {
            if (!m.is_object()) continue;
            exemplar.marks.push_back({read_string(m, "mark"), read_string(m, "mark_type"),
                                      read_string(m, "check_status"), codes(m, "error_codes")});
          }
        }
        // Older shapes: mandatory_mark / jw_uin / imei as plain fields.
        for (const char* type : {"mandatory_mark", "jw_uin", "imei"}) {
          const std::string value = read_string(e, type);
          if (!value.empty()) exemplar.marks.push_back({value, type, {}, {}});
        }
        product.exemplars.push_back(std::move(exemplar));
      }
    }
    data.products.push_back(std::move(product));
  }
  return data;
}

Result<std::string> parse_pdf(const net::HttpResponse& response) {
  const std::string_view body = response.body;
  if (starts_with_pdf(body)) return std::string(body);
  auto root = parse_object(body);
  if (!root) {
    if (response.content_type.find("pdf") != std::string::npos)
      return malformed("a PDF reply that is not a PDF", body.substr(0, 16));
    return root.error();
  }
  const Json& j = result_object(root.value());
  const Json* content = find(j, "file_content");
  if (content == nullptr || !content->is_string()) {
    // A 200 carrying an error object ("not ready" and the like).
    if (find(j, "message") != nullptr || find(j, "code") != nullptr) {
      ApiError error = parse_error_body(response.status, body);
      if (error.kind == ErrorKind::http) error.kind = ErrorKind::malformed_reply;
      return error;
    }
    return malformed("PDF reply without file_content", body);
  }
  const auto& text = content->get_ref<const std::string&>();
  if (starts_with_pdf(text)) return text;  // the spec's example carries raw PDF text
  auto bytes = base64_decode(text);
  if (!bytes) return malformed("file_content is not base64");
  if (!starts_with_pdf(*bytes)) return malformed("file_content is not a PDF");
  return std::move(*bytes);
}

Result<std::vector<core::LabelTask>> parse_label_tasks(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* tasks = find_list(root.value(), {"tasks"});
  if (tasks == nullptr) return malformed("label reply without tasks", body);
  std::vector<core::LabelTask> out;
  for (const auto& t : *tasks)
    if (t.is_object()) out.push_back(task_from_json(t));
  return out;
}

Result<core::LabelTask> parse_label_task(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  auto task = task_from_json(j);
  if (task.status.empty()) return malformed("label task without status", body);
  return task;
}

Result<std::vector<core::CancelReason>> parse_cancel_reasons(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"result", "reasons"});
  if (list == nullptr) return malformed("cancel reasons reply without a list", body);
  std::vector<core::CancelReason> out;
  for (const auto& item : *list)
    if (item.is_object()) out.push_back(reason_from_json(item));
  return out;
}

Result<std::vector<core::PostingCancelReasons>> parse_posting_cancel_reasons(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_array(root.value(), "result");
  if (list == nullptr) return malformed("cancel reasons reply without a result array", body);
  std::vector<core::PostingCancelReasons> out;
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    core::PostingCancelReasons entry;
    entry.posting_number = read_string(item, "posting_number");
    if (const Json* reasons = find_array(item, "reasons"))
      for (const auto& r : *reasons)
        if (r.is_object()) entry.reasons.push_back(reason_from_json(r));
    out.push_back(std::move(entry));
  }
  return out;
}

Result<std::int64_t> parse_act_create(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const std::int64_t id = read_int64(result_object(root.value()), "id");
  if (id == 0) return malformed("act reply without id", body);
  return id;
}

Result<core::ActStatus> parse_act_status(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json& j = result_object(root.value());
  core::ActStatus status;
  status.status = read_string(j, "status");
  if (status.status.empty()) return malformed("act status reply without status", body);
  status.act_type = read_string(j, "act_type");
  status.added_to_act = read_string_list(j, "added_to_act");
  status.removed_from_act = read_string_list(j, "removed_from_act");
  status.is_partial = read_bool(j, "is_partial");
  status.has_postings_for_next_carriage = read_bool(j, "has_postings_for_next_carriage");
  return status;
}

Result<std::vector<core::Act>> parse_act_list(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"result", "acts"});
  if (list == nullptr) return malformed("act list reply without a list", body);
  std::vector<core::Act> out;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    core::Act act;
    act.id = read_int64(j, "id");
    act.delivery_method_id = read_int64(j, "delivery_method_id");
    act.delivery_method_name = read_string(j, "delivery_method_name");
    act.integration_type = read_string(j, "integration_type");
    act.containers_count = read_int64(j, "containers_count");
    act.status = read_string(j, "status");
    act.departure_date = read_string(j, "departure_date");
    act.created_at = read_time(j, "created_at");
    act.act_type = read_string(j, "act_type");
    act.is_partial = read_bool(j, "is_partial");
    out.push_back(std::move(act));
  }
  return out;
}

Result<Page<core::PickListRow>> parse_pick_list(std::string_view body) {
  auto root = parse_object(body);
  if (!root) return root.error();
  const Json* list = find_list(root.value(), {"products", "items", "result"});
  if (list == nullptr) return malformed("pick list reply without products", body);
  Page<core::PickListRow> page;
  for (const auto& j : *list) {
    if (!j.is_object()) continue;
    const Json* product = find_object(j, "product");
    const Json& p = product != nullptr ? *product : j;
    core::PickListRow row;
    row.sku = read_int64(p, "sku");
    row.product_id = read_int64(p, "product_id");
    row.offer_id = read_string(p, "offer_id");
    row.name = read_string(p, "name");
    row.quantity = read_int64(j, "quantity", read_int64(p, "quantity"));
    row.posting_numbers = read_string_list(j, "posting_numbers");
    if (const Json* postings = find_array(j, "postings"))
      for (const auto& posting : *postings) {
        std::string number = posting.is_object() ? read_string(posting, "posting_number") : as_string(posting);
        if (!number.empty()) row.posting_numbers.push_back(std::move(number));
      }
    page.items.push_back(std::move(row));
  }
  read_paging(root.value(), page.cursor, page.has_next);
  return page;
}

}  // namespace ozon
