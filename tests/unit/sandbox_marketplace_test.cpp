// Tests of the demo marketplace (src/sandbox/).
#include <doctest/doctest.h>

#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "ozon/endpoints.h"
#include "sandbox/marketplace.h"
#include "sandbox/pdf_writer.h"
#include "sandbox/sandbox_transport.h"
#include "sandbox_test_support.h"

namespace {

using namespace sandbox_test;
using json = nlohmann::json;
namespace ep = ozon::endpoint;

// Checks the xref table: every entry points at "N 0 obj".
void check_pdf(const std::string& pdf) {
  REQUIRE(pdf.rfind("%PDF-1.4", 0) == 0);
  auto sx = pdf.rfind("startxref\n");
  REQUIRE(sx != std::string::npos);
  std::size_t xref = std::stoul(pdf.substr(sx + 10));
  REQUIRE(pdf.compare(xref, 5, "xref\n") == 0);
  std::size_t pos = xref + 5;
  std::size_t nl = pdf.find('\n', pos);
  std::string header = pdf.substr(pos, nl - pos);
  int count = std::stoi(header.substr(header.find(' ') + 1));
  pos = nl + 1 + 20;  // skip the free entry
  for (int i = 1; i < count; ++i, pos += 20) {
    std::size_t off = std::stoul(pdf.substr(pos, 10));
    std::string expect = std::to_string(i) + " 0 obj";
    CHECK(pdf.compare(off, expect.size(), expect) == 0);
  }
  CHECK(pdf.find("%%EOF") != std::string::npos);
}

}  // namespace

TEST_CASE("sandbox: generation is deterministic and covers every status") {
  Sim a, b;
  json req = {{"filter", {{"since", "2020-01-01T00:00:00Z"}, {"to", "2030-01-01T00:00:00Z"}}}, {"limit", 1000},
              {"with", {{"analytics_data", true}, {"financial_data", true}, {"barcodes", true}}}};
  auto ra = a.m.handle(ep::kPostingList, req.dump(), kNow);
  auto rb = b.m.handle(ep::kPostingList, req.dump(), kNow);
  CHECK(ra.body == rb.body);
  CHECK(a.m.posting_count() >= 450);
  CHECK(a.m.posting_count() <= 550);
  CHECK(a.m.product_count() == 200);
  std::set<std::string> statuses;
  int rfbs_customers = 0, marked = 0, multi = 0, express = 0;
  for (auto& p : a.all()) {
    statuses.insert(p["status"].get<std::string>());
    const std::string num = p["posting_number"];
    CHECK(num.size() == 15);
    CHECK(num.substr(0, 13) == p["order_number"].get<std::string>());
    if (!p["customer"].is_null()) {
      ++rfbs_customers;
      CHECK(p["tpl_integration_type"] == "non_integrated");
    } else {
      CHECK(p["tpl_integration_type"] == "ozon");
    }
    marked += needs_exemplars(p) ? 1 : 0;
    multi += p["products"].size() > 1 ? 1 : 0;
    express += p["is_express"].get<bool>() ? 1 : 0;
  }
  for (const char* s : {"awaiting_packaging", "awaiting_deliver", "delivering", "delivered", "cancelled",
                        "not_accepted", "arbitration", "awaiting_registration", "acceptance_in_progress"})
    CHECK_MESSAGE(statuses.count(s) == 1, s);
  CHECK(rfbs_customers > 20);
  CHECK(marked > 10);
  CHECK(multi > 50);
  CHECK(express > 0);

  json wh = a.call(ep::kWarehouseList, json::object());
  REQUIRE(wh["warehouses"].size() == 3);
  int rfbs = 0;
  for (auto& w : wh["warehouses"]) rfbs += w["is_rfbs"].get<bool>() ? 1 : 0;
  CHECK(rfbs == 1);
  json dm = a.call(ep::kDeliveryMethodList, {{"limit", 4}});
  CHECK(dm["delivery_methods"].size() == 4);
  CHECK(dm["has_next"] == true);
  json dm2 = a.call(ep::kDeliveryMethodList, {{"limit", 4}, {"cursor", dm["cursor"]}});
  CHECK(dm2["delivery_methods"].size() == 2);
  CHECK(dm2["delivery_methods"][0]["cutoff"].get<std::string>().size() == 5);

  json info = a.call(ep::kProductInfoList, {{"sku", json::array({a.all()[0]["products"][0]["sku"]})}});
  REQUIRE(info["items"].size() == 1);
  std::string barcode = info["items"][0]["barcodes"][0];
  REQUIRE(barcode.size() == 13);
  CHECK(sandbox::ean13_check_digit(barcode.substr(0, 12)) == barcode[12] - '0');
}

TEST_CASE("sandbox: cursor paging returns every posting exactly once") {
  Sim s;
  for (const char* dir : {"ASC", "DESC"}) {
    std::set<std::string> seen;
    std::size_t total = 0;
    std::string cursor;
    core::EpochMs prev = 0;
    for (int page = 0; page < 100; ++page) {
      json r = s.call(ep::kPostingList, {{"filter", {{"since", "2020-01-01T00:00:00Z"}, {"to", "2030-01-01T00:00:00Z"}}},
                                         {"limit", 37}, {"cursor", cursor}, {"sort_dir", dir}});
      REQUIRE(s.last.status == 200);
      for (auto& p : r["postings"]) {
        seen.insert(p["posting_number"].get<std::string>());
        ++total;
        core::EpochMs t = 0;
        REQUIRE(sandbox::parse_iso8601(p["in_process_at"].get<std::string>(), &t));
        if (prev != 0) CHECK((std::string(dir) == "ASC" ? t >= prev : t <= prev));
        prev = t;
      }
      if (!r["has_next"].get<bool>()) break;
      cursor = r["cursor"];
    }
    CHECK(total == s.m.posting_count());
    CHECK(seen.size() == s.m.posting_count());
  }
  // Filters.
  auto rfbs = s.all({{"warehouse_ids", json::array({"1020000123456000"})}});
  CHECK(!rfbs.empty());
  for (auto& p : rfbs) CHECK(p["delivery_method"]["warehouse_id"] == 1020000123456000);
  auto packaging = s.all({{"statuses", json::array({"awaiting_packaging"})}});
  CHECK(packaging.size() == 130);
}

TEST_CASE("sandbox: unfulfilled list validation") {
  Sim s;
  json f = {{"cutoff_from", "2026-11-19T00:00:00Z"}, {"cutoff_to", "2026-11-23T00:00:00Z"}};
  json r = s.call(ep::kPostingUnfulfilledList, {{"filter", f}, {"limit", 100}});
  CHECK(s.last.status == 200);
  CHECK(r["postings"].size() == 100);
  CHECK(r["has_next"] == true);
  s.call(ep::kPostingUnfulfilledList, {{"filter", json::object()}, {"limit", 100}});
  CHECK(s.last.status == 400);
  json both = f;
  both["delivering_date_from"] = "2026-11-19T00:00:00Z";
  both["delivering_date_to"] = "2026-11-21T00:00:00Z";
  s.call(ep::kPostingUnfulfilledList, {{"filter", both}, {"limit", 100}});
  CHECK(s.last.status == 400);
  json e = s.call(ep::kPostingUnfulfilledList, {{"filter", f}, {"limit", 1001}});
  CHECK(s.last.status == 400);
  CHECK(e["code"] == 3);
  CHECK(e["details"].is_array());
  // Malformed bodies never crash.
  for (const char* bad : {"{", "[1,2]", "null", "{\"limit\": \"many\", \"filter\": 5}", "\xff\xfe"}) {
    auto resp = s.m.handle(ep::kPostingUnfulfilledList, bad, s.t += 600);
    CHECK(resp.status == 400);
    CHECK(json::parse(resp.body, nullptr, false).is_object());
  }
  s.call("/v1/unknown/method", json::object());
  CHECK(s.last.status == 404);
}

TEST_CASE("sandbox: ship rules and split into packages") {
  Sim s;
  json reg = s.find([](const json& p) { return p["status"] == "awaiting_registration"; });
  s.call(ep::kPostingShip, {{"posting_number", reg["posting_number"]}, {"packages", one_package(reg)}});
  CHECK(s.last.status == 400);
  CHECK(message(s.last) == "HAS_INCORRECT_STATUS");
  json shipped = s.find([](const json& p) { return p["status"] == "awaiting_deliver"; });
  s.call(ep::kPostingShip, {{"posting_number", shipped["posting_number"]}, {"packages", one_package(shipped)}});
  CHECK(message(s.last) == "POSTING_ALREADY_SHIPPED");
  json cancelled = s.find([](const json& p) { return p["status"] == "cancelled"; });
  s.call(ep::kPostingShip, {{"posting_number", cancelled["posting_number"]}, {"packages", one_package(cancelled)}});
  CHECK(message(s.last) == "POSTING_ALREADY_CANCELLED");

  json p = s.find([](const json& x) {
    return x["status"] == "awaiting_packaging" && !needs_exemplars(x) && units(x) >= 2;
  });
  json wrong = one_package(p);
  wrong[0]["products"][0]["quantity"] = wrong[0]["products"][0]["quantity"].get<int>() + 1;
  s.call(ep::kPostingShip, {{"posting_number", p["posting_number"]}, {"packages", wrong}});
  CHECK(message(s.last) == "HAS_INCORRECT_PRODUCT_QUANTITY");

  // Two packages: the first unit alone, the rest in the second.
  json pk1 = json::array(), pk2 = json::array();
  bool first = true;
  for (auto& pr : p["products"]) {
    int q = pr["quantity"];
    if (first) {
      pk1.push_back({{"product_id", pr["sku"]}, {"quantity", 1}});
      if (q > 1) pk2.push_back({{"product_id", pr["sku"]}, {"quantity", q - 1}});
      first = false;
    } else {
      pk2.push_back({{"product_id", pr["sku"]}, {"quantity", q}});
    }
  }
  json r = s.call(ep::kPostingShip, {{"posting_number", p["posting_number"]},
                                     {"packages", {{{"products", pk1}}, {{"products", pk2}}}}});
  REQUIRE(s.last.status == 200);
  REQUIRE(r["result"].size() == 2);
  std::set<std::string> numbers;
  for (auto& n : r["result"]) {
    numbers.insert(n.get<std::string>());
    CHECK(n != p["posting_number"]);
    CHECK(n.get<std::string>().rfind(p["order_number"].get<std::string>() + "-", 0) == 0);
    json np = s.get(n);
    CHECK(np["status"] == "awaiting_deliver");
    CHECK(np["parent_posting_number"] == p["posting_number"]);
  }
  CHECK(numbers.size() == 2);
  CHECK(s.m.posting_status(p["posting_number"].get<std::string>()) == "cancelled_from_split_pending");
  CHECK(s.m.faults().successes(ep::kPostingShip) == 1);

  // Ship one package: the number is kept.
  json q = s.find([](const json& x) { return x["status"] == "awaiting_packaging" && !needs_exemplars(x); });
  r = s.call(ep::kPostingShip, {{"posting_number", q["posting_number"]}, {"packages", one_package(q)}});
  REQUIRE(s.last.status == 200);
  CHECK(r["result"] == json::array({q["posting_number"]}));
  CHECK(s.get(q["posting_number"])["status"] == "awaiting_deliver");

  // ship/package: part of a posting.
  json m = s.find([](const json& x) {
    return x["status"] == "awaiting_packaging" && !needs_exemplars(x) && x["products"].size() >= 2;
  });
  r = s.call(ep::kPostingShipPackage, {{"posting_number", m["posting_number"]},
                                      {"products", {{{"product_id", m["products"][0]["sku"]},
                                                     {"quantity", m["products"][0]["quantity"]}}}}});
  REQUIRE(s.last.status == 200);
  CHECK(s.get(r["result"])["status"] == "awaiting_deliver");
  json rest = s.get(m["posting_number"]);
  CHECK(rest["status"] == "awaiting_packaging");
  CHECK(rest["products"].size() == m["products"].size() - 1);
}

TEST_CASE("sandbox: exemplars gate shipping") {
  Sim s;
  json p = s.find([](const json& x) {
    return x["status"] == "awaiting_packaging" && !x["requirements"]["products_requiring_mandatory_mark"].empty();
  });
  std::string num = p["posting_number"];
  s.call(ep::kPostingShip, {{"posting_number", num}, {"packages", one_package(p)}});
  CHECK(message(s.last) == "EXEMPLAR_INFO_NOT_FILLED_COMPLETELY");
  json slots = s.call(ep::kExemplarCreateOrGet, {{"posting_number", num}});
  REQUIRE(slots["products"].size() == p["products"].size());

  auto fill = [&](bool valid) {
    json products = json::array();
    for (auto& pr : slots["products"]) {
      json ex = json::array();
      for (auto& e : pr["exemplars"]) {
        json x = {{"exemplar_id", e["exemplar_id"]}, {"is_gtd_absent", false}};
        if (pr["is_gtd_needed"].get<bool>()) x["gtd"] = valid ? "10702070/010124/0012345" : "12345";
        if (pr["is_mandatory_mark_needed"].get<bool>())
          x["marks"] = {{{"mark", valid ? "010460000000000121abcdefghijkl" : "short"}, {"mark_type", "mandatory_mark"}}};
        ex.push_back(x);
      }
      products.push_back({{"product_id", pr["product_id"]}, {"exemplars", ex}});
    }
    s.call(ep::kExemplarSet, {{"posting_number", num}, {"products", products}});
    REQUIRE(s.last.status == 200);
  };
  fill(false);
  CHECK(s.call(ep::kExemplarStatus, {{"posting_number", num}})["status"] == "validation_in_process");
  s.t += 3000;
  json st = s.call(ep::kExemplarStatus, {{"posting_number", num}});
  CHECK(st["status"] == "ship_not_available");
  fill(true);
  s.t += 3000;
  CHECK(s.call(ep::kExemplarStatus, {{"posting_number", num}})["status"] == "ship_available");
  s.call(ep::kPostingShip, {{"posting_number", num}, {"packages", one_package(p)}});
  CHECK(s.last.status == 200);
}

TEST_CASE("sandbox: the country of manufacture is set on the seller's product_id, not the SKU") {
  Sim s;
  json p = s.find([](const json& x) {
    return x["status"] == "awaiting_packaging" && !x["requirements"]["products_requiring_country"].empty();
  });
  const std::string num = p["posting_number"];
  const json sku = p["requirements"]["products_requiring_country"][0];
  json info = s.call(ep::kProductInfoList, {{"sku", {std::to_string(sku.get<std::int64_t>())}}});
  REQUIRE(info["items"].size() == 1);
  const json product_id = info["items"][0]["id"];
  REQUIRE(product_id != sku);

  s.call(ep::kProductCountrySet, {{"posting_number", num}, {"product_id", sku}, {"country_iso_code", "CN"}});
  CHECK(s.last.status == 400);  // a SKU is no product_id, as on Ozon
  json r = s.call(ep::kProductCountrySet, {{"posting_number", num}, {"product_id", product_id}, {"country_iso_code", "CN"}});
  CHECK(s.last.status == 200);
  CHECK(r["product_id"] == product_id);

  // With the country set (and any marks and GTDs filled), shipping is allowed.
  json slots = s.call(ep::kExemplarCreateOrGet, {{"posting_number", num}});
  json products = json::array();
  for (auto& pr : slots["products"]) {
    json ex = json::array();
    for (auto& e : pr["exemplars"]) {
      json x = {{"exemplar_id", e["exemplar_id"]}, {"gtd", "10702070/010124/0012345"}, {"is_gtd_absent", false}};
      if (pr["is_mandatory_mark_needed"].get<bool>())
        x["marks"] = {{{"mark", "010460000000000121abcdefghijkl"}, {"mark_type", "mandatory_mark"}}};
      ex.push_back(x);
    }
    products.push_back({{"product_id", pr["product_id"]}, {"exemplars", ex}});
  }
  for (auto& other : p["requirements"]["products_requiring_country"]) {
    if (other == sku) continue;
    json i = s.call(ep::kProductInfoList, {{"sku", {std::to_string(other.get<std::int64_t>())}}});
    s.call(ep::kProductCountrySet,
           {{"posting_number", num}, {"product_id", i["items"][0]["id"]}, {"country_iso_code", "CN"}});
    REQUIRE(s.last.status == 200);
  }
  s.call(ep::kExemplarSet, {{"posting_number", num}, {"products", products}});
  REQUIRE(s.last.status == 200);
  s.t += 3000;
  CHECK(s.call(ep::kExemplarStatus, {{"posting_number", num}})["status"] == "ship_available");
}

TEST_CASE("sandbox: a shortened label delay (the browser tests') makes a label ready that soon after shipping") {
  Sim s;
  s.m.set_label_delay(2'000);
  json p = s.find([](const json& x) { return x["status"] == "awaiting_packaging" && !needs_exemplars(x); });
  std::string num = p["posting_number"];
  s.call(ep::kPostingShip, {{"posting_number", num}, {"packages", one_package(p)}});
  REQUIRE(s.last.status == 200);
  s.call(ep::kPackageLabel, {{"posting_number", {num}}});  // 510 ms later
  CHECK(s.last.status == 400);
  s.t += 1'000;
  s.call(ep::kPackageLabel, {{"posting_number", {num}}});  // 2,020 ms after shipping
  CHECK(s.last.status == 200);
  CHECK(s.last.content_type == "application/pdf");
}

TEST_CASE("sandbox: labels") {
  Sim s;
  json p = s.find([](const json& x) { return x["status"] == "awaiting_packaging" && !needs_exemplars(x); });
  std::string num = p["posting_number"];
  s.call(ep::kPackageLabel, {{"posting_number", {num}}});
  CHECK(s.last.status == 400);
  CHECK(message(s.last).find("HAS_INCORRECT_STATUS") == 0);
  s.call(ep::kPostingShip, {{"posting_number", num}, {"packages", one_package(p)}});
  REQUIRE(s.last.status == 200);
  s.call(ep::kPackageLabel, {{"posting_number", {num}}});
  CHECK(s.last.status == 400);
  CHECK(message(s.last).find("not ready") != std::string::npos);
  json task = s.call(ep::kPackageLabelCreate, {{"posting_number", {num}}});
  REQUIRE(task["result"]["tasks"].size() == 2);
  json tid = task["result"]["tasks"][0]["task_id"];
  CHECK(s.call(ep::kPackageLabelGet, {{"task_id", tid}})["result"]["status"] == "pending");

  s.t += 46'000;
  // A batch of two: the new one and an older awaiting_deliver posting.
  json other = s.find([&](const json& x) { return x["status"] == "awaiting_deliver" && x["posting_number"] != num; });
  s.call(ep::kPackageLabel, {{"posting_number", {num, other["posting_number"]}}});
  REQUIRE(s.last.status == 200);
  CHECK(s.last.content_type == "application/pdf");
  const std::string& pdf = s.last.body;
  check_pdf(pdf);
  CHECK(pdf.find("/MediaBox [0 0 340.16 212.60]") != std::string::npos);
  CHECK(pdf.find("/Count 2") != std::string::npos);
  CHECK(pdf.find("(" + num + ") Tj") != std::string::npos);
  CHECK(pdf.find(" re f") != std::string::npos);

  json done = s.call(ep::kPackageLabelGet, {{"task_id", tid}})["result"];
  CHECK(done["status"] == "completed");
  auto file = s.m.handle(done["file_url"].get<std::string>(), "", s.t += 600);
  CHECK(file.status == 200);
  CHECK(file.body.rfind("%PDF-1.4", 0) == 0);

  // One bad posting fails the batch; more than 20 -> 400.
  json cancelled = s.find([](const json& x) { return x["status"] == "cancelled"; });
  s.call(ep::kPackageLabel, {{"posting_number", {num, cancelled["posting_number"]}}});
  CHECK(s.last.status == 400);
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back(num);
  s.call(ep::kPackageLabel, {{"posting_number", many}});
  CHECK(s.last.status == 400);
}

TEST_CASE("sandbox: cancellation") {
  Sim s;
  json reasons = s.call(ep::kCancelReasonList, json::object())["result"];
  bool has402 = false, affects = false;
  for (auto& r : reasons) {
    has402 = has402 || r["id"] == 402;
    affects = affects || r["affects_cancellation_rating"].get<bool>();
  }
  CHECK(has402);
  CHECK(affects);
  json p = s.find([](const json& x) { return x["status"] == "awaiting_packaging"; });
  s.call(ep::kPostingCancel, {{"posting_number", p["posting_number"]}, {"cancel_reason_id", 402}});
  CHECK(s.last.status == 400);
  s.call(ep::kPostingCancel, {{"posting_number", p["posting_number"]}, {"cancel_reason_id", 402},
                              {"cancel_reason_message", "   "}});
  CHECK(s.last.status == 400);
  json r = s.call(ep::kPostingCancel, {{"posting_number", p["posting_number"]}, {"cancel_reason_id", 402},
                                       {"cancel_reason_message", "Нет в наличии"}});
  CHECK(r["result"] == true);
  json c = s.get(p["posting_number"]);
  CHECK(c["status"] == "cancelled");
  CHECK(c["cancellation"]["cancel_reason_id"] == 402);
  CHECK(c["cancellation"]["affect_cancellation_rating"] == true);
  s.call(ep::kPostingCancel, {{"posting_number", p["posting_number"]}, {"cancel_reason_id", 352}});
  CHECK(message(s.last) == "POSTING_ALREADY_CANCELLED");

  json m = s.find([](const json& x) { return x["status"] == "awaiting_packaging" && units(x) >= 2; });
  json sku = m["products"][0]["sku"];
  int before = m["products"][0]["quantity"];
  // cancel_reason_message is required here for every reason; the items are named by "sku".
  s.call(ep::kProductCancel, {{"posting_number", m["posting_number"]}, {"cancel_reason_id", 352},
                              {"items", {{{"sku", sku}, {"quantity", 1}}}}});
  CHECK(message(s.last).rfind("CANCEL_REASON_MESSAGE_REQUIRED", 0) == 0);
  s.call(ep::kProductCancel, {{"posting_number", m["posting_number"]}, {"cancel_reason_id", 352},
                              {"cancel_reason_message", "Нет в наличии"},
                              {"items", {{{"product_id", sku}, {"quantity", 1}}}}});
  CHECK(s.last.status == 400);
  s.call(ep::kProductCancel, {{"posting_number", m["posting_number"]}, {"cancel_reason_id", 352},
                              {"cancel_reason_message", "Нет в наличии"},
                              {"items", {{{"sku", sku}, {"quantity", 1}}}}});
  REQUIRE(s.last.status == 200);
  json after = s.get(m["posting_number"]);
  int now_qty = 0;
  for (auto& pr : after["products"])
    if (pr["sku"] == sku) now_qty = pr["quantity"];
  CHECK(now_qty == before - 1);
}

TEST_CASE("sandbox: rFBS transitions and tracking numbers") {
  Sim s;
  json fbs = s.find([](const json& x) { return x["status"] == "awaiting_deliver" && x["customer"].is_null(); });
  json rfbs = s.find([](const json& x) { return x["status"] == "awaiting_deliver" && !x["customer"].is_null(); });
  json pack = s.find([](const json& x) { return x["status"] == "awaiting_packaging" && !x["customer"].is_null(); });
  json r = s.call(ep::kMarkDelivering, {{"posting_number", {fbs["posting_number"], rfbs["posting_number"],
                                                            pack["posting_number"]}}})["result"];
  REQUIRE(r.size() == 3);
  CHECK(r[0]["error"] == "HAS_INCORRECT_TPL_INTEGRATION_TYPE");
  CHECK(r[1]["result"] == true);
  CHECK(r[2]["error"] == "TRANSITION_IS_NOT_POSSIBLE");
  CHECK(s.get(rfbs["posting_number"])["status"] == "delivering");
  r = s.call(ep::kTrackingNumberSet, {{"tracking_numbers", {{{"posting_number", rfbs["posting_number"]},
                                                             {"tracking_number", "RA123456789RU"}}}}})["result"];
  CHECK(r[0]["result"] == true);
  CHECK(s.get(rfbs["posting_number"])["tracking_number"] == "RA123456789RU");
  s.call(ep::kMarkLastMile, {{"posting_number", {rfbs["posting_number"]}}});
  CHECK(s.get(rfbs["posting_number"])["status"] == "driver_pickup");
  s.call(ep::kMarkDelivered, {{"posting_number", {rfbs["posting_number"]}}});
  CHECK(s.get(rfbs["posting_number"])["status"] == "delivered");
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back({{"posting_number", rfbs["posting_number"]}, {"tracking_number", "X"}});
  s.call(ep::kTrackingNumberSet, {{"tracking_numbers", many}});
  CHECK(s.last.status == 400);
}

TEST_CASE("sandbox: acts move postings on") {
  Sim s;
  json p = s.find([](const json& x) { return x["status"] == "awaiting_deliver" && x["customer"].is_null(); });
  json id = s.call(ep::kActCreate, {{"delivery_method_id", p["delivery_method"]["id"]},
                                    {"departure_date", "2026-11-20T12:00:00Z"}})["result"]["id"];
  REQUIRE(s.last.status == 200);
  json st = s.call(ep::kActCheckStatus, {{"id", id}})["result"];
  CHECK(st["status"] == "in_process");
  s.call(ep::kActGetPdf, {{"id", id}});
  CHECK(s.last.status == 400);
  s.t += 5000;
  st = s.call(ep::kActCheckStatus, {{"id", id}})["result"];
  CHECK(st["status"] == "ready");
  bool listed = false;
  for (auto& n : st["added_to_act"]) listed = listed || n == p["posting_number"];
  CHECK(listed);
  s.call(ep::kActGetPdf, {{"id", id}});
  REQUIRE(s.last.status == 200);
  check_pdf(s.last.body);
  CHECK(s.last.body.find(p["posting_number"].get<std::string>()) != std::string::npos);
  CHECK(s.call(ep::kActList, {{"filter", {{"date_from", "2026-11-20"}, {"date_to", "2026-11-20"}}}, {"limit", 50}})
            ["result"].size() == 1);
  CHECK(s.get(p["posting_number"])["status"] == "awaiting_deliver");
  s.t += 61'000;
  json after = s.get(p["posting_number"]);
  CHECK(after["status"] == "delivering");
  CHECK(after["delivering_date"].is_string());
}

TEST_CASE("sandbox: rate limits") {
  sandbox::Marketplace m(7, kNow);
  json body = {{"limit", 1}};
  for (int i = 0; i < 50; ++i) CHECK(m.handle(ep::kWarehouseList, body.dump(), kNow + i).status == 200);
  auto r = m.handle(ep::kWarehouseList, body.dump(), kNow + 50);
  CHECK(r.status == 429);
  json e = json::parse(r.body);
  CHECK(e["code"] == 8);
  CHECK(e["message"] == "You have reached request rate limit per second");
  CHECK(m.handle(ep::kWarehouseList, body.dump(), kNow + 1001).status == 200);

  std::string num = m.posting_numbers()[0];
  json get = {{"posting_number", num}};
  core::EpochMs t = kNow + 10'000;
  CHECK(m.handle(ep::kPostingGet, get.dump(), t).status == 200);
  CHECK(m.handle(ep::kPostingGet, get.dump(), t + 100).status == 200);
  CHECK(m.handle(ep::kPostingGet, get.dump(), t + 200).status == 429);
  CHECK(m.handle(ep::kPostingGet, get.dump(), t + 1100).status == 200);
}

TEST_CASE("sandbox: fault knob and stock rules") {
  Sim s;
  s.m.faults().force_next(1, sandbox::FaultKnob::Kind::http500);
  s.call(ep::kWarehouseList, json::object());
  CHECK(s.last.status == 500);
  s.m.faults().force_next(1, sandbox::FaultKnob::Kind::malformed);
  auto r = s.m.handle(ep::kWarehouseList, "{}", s.t += 600);
  CHECK(r.status == 200);
  CHECK(json::parse(r.body, nullptr, false).is_discarded());
  s.m.faults().force_next(1, sandbox::FaultKnob::Kind::html);
  r = s.m.handle(ep::kWarehouseList, "{}", s.t += 600);
  CHECK(r.status == 502);
  CHECK(r.content_type == "text/html");
  s.m.faults().force_next(1, sandbox::FaultKnob::Kind::http429);
  CHECK(s.m.handle(ep::kWarehouseList, "{}", s.t += 600).status == 429);
  CHECK(s.m.handle(ep::kWarehouseList, "{}", s.t += 600).status == 200);
  CHECK(s.m.faults().calls(ep::kWarehouseList) == 5);
  CHECK(s.m.faults().successes(ep::kWarehouseList) == 2);  // the malformed 200 counts too

  s.m.faults().error_rate = 0.5;
  int errors = 0;
  for (int i = 0; i < 100; ++i) errors += s.m.handle(ep::kWarehouseList, "{}", s.t += 600).status == 500 ? 1 : 0;
  CHECK(errors > 25);
  CHECK(errors < 75);
  s.m.faults().error_rate = 0;

  json list = s.call(ep::kProductList, {{"limit", 3}});
  REQUIRE(list["result"]["items"].size() == 3);
  json item = list["result"]["items"][0];
  json stock = {{"product_id", item["product_id"]}, {"warehouse_id", 1020000089564000}, {"stock", 17}};
  json res = s.call(ep::kStocksUpdate, {{"stocks", {stock, stock}}})["result"];
  CHECK(res[0]["updated"] == true);
  CHECK(res[1]["updated"] == false);
  CHECK(res[1]["errors"][0]["code"] == "TOO_MANY_REQUESTS");
  json bad_wh = stock;
  bad_wh["warehouse_id"] = 1;
  CHECK(s.call(ep::kStocksUpdate, {{"stocks", {bad_wh}}})["result"][0]["errors"][0]["code"] == "WAREHOUSE_NOT_FOUND");
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(stock);
  s.call(ep::kStocksUpdate, {{"stocks", many}});
  CHECK(s.last.status == 400);
  json page2 = s.call(ep::kProductList, {{"limit", 3}, {"last_id", list["result"]["last_id"]}});
  CHECK(page2["result"]["items"][0]["product_id"] != item["product_id"]);
}

TEST_CASE("sandbox: requests are taken as the spec declares them, no looser and no stricter") {
  Sim s;
  // Ship names the SKU "product_id"; "sku" is not a field of ship.
  json p = s.find([](const json& x) { return x["status"] == "awaiting_packaging" && !needs_exemplars(x) &&
                                             x["requirements"]["products_requiring_country"].empty(); });
  json by_sku = json::array();
  for (auto& pr : p["products"]) by_sku.push_back({{"sku", pr["sku"]}, {"quantity", pr["quantity"]}});
  s.call(ep::kPostingShip, {{"posting_number", p["posting_number"]}, {"packages", {{{"products", by_sku}}}}});
  CHECK(message(s.last) == "HAS_INCORRECT_PRODUCT_QUANTITY");
  s.call(ep::kPostingShip, {{"posting_number", p["posting_number"]}, {"packages", one_package(p)}});
  CHECK(s.last.status == 200);

  // Stock updates: product_id, stock and warehouse_id in every item.
  json item = s.call(ep::kProductList, {{"limit", 1}})["result"]["items"][0];
  s.call(ep::kStocksUpdate, {{"stocks", {{{"offer_id", item["offer_id"]}, {"stock", 3}, {"warehouse_id", 1020000089564000}}}}});
  CHECK(s.last.status == 400);
  s.call(ep::kStocksUpdate, {{"stocks", {{{"product_id", item["product_id"]}, {"warehouse_id", 1020000089564000}}}}});
  CHECK(s.last.status == 400);
  json res = s.call(ep::kStocksUpdate,
                    {{"stocks", {{{"product_id", item["product_id"]}, {"stock", 3}, {"warehouse_id", 1020000089564000}}}}});
  CHECK(res["result"][0]["updated"] == true);

  // Chat list: limit required, up to 1000.
  s.call(ep::kChatList, json::object());
  CHECK(s.last.status == 400);
  s.call(ep::kChatList, {{"limit", 1000}});
  CHECK(s.last.status == 200);
  s.call(ep::kChatList, {{"limit", 1001}});
  CHECK(s.last.status == 400);
  // Chat history: from_message_id is a uint64 number.
  json chats = s.call(ep::kChatList, {{"limit", 1}});
  const std::string chat = chats["chats"][0]["chat"]["chat_id"];
  json all = s.call(ep::kChatHistory, {{"chat_id", chat}, {"limit", 1000}});
  REQUIRE(all["messages"].size() >= 2);
  json beyond = s.call(ep::kChatHistory, {{"chat_id", chat}, {"limit", 1000}, {"from_message_id", 18446744073709551615ULL}});
  CHECK(s.last.status == 200);
  CHECK(beyond["messages"].size() == all["messages"].size());  // every id is below it
  s.call(ep::kChatHistory, {{"chat_id", chat}, {"from_message_id", "latest"}});
  CHECK(s.last.status == 400);

  // Reviews: limit required, 20..100.
  s.call(ep::kReviewList, {{"limit", 10}});
  CHECK(s.last.status == 400);
  s.call(ep::kReviewList, json::object());
  CHECK(s.last.status == 400);
  // Returns: at most 50 posting numbers.
  json fifty = json::array();
  for (int i = 0; i < 50; ++i) fifty.push_back("0-0-" + std::to_string(i));
  s.call(ep::kReturnsList, {{"limit", 10}, {"filter", {{"posting_numbers", fifty}}}});
  CHECK(s.last.status == 200);
  fifty.push_back("0-0-50");
  s.call(ep::kReturnsList, {{"limit", 10}, {"filter", {{"posting_numbers", fifty}}}});
  CHECK(s.last.status == 400);
  // Acts: limit required; a filter needs both dates.
  s.call(ep::kActList, {{"filter", {{"date_from", "2026-11-20"}}}, {"limit", 50}});
  CHECK(s.last.status == 400);
  s.call(ep::kActList, {{"filter", {{"date_from", "2026-11-20"}, {"date_to", "2026-11-21"}}}});
  CHECK(s.last.status == 400);
  s.call(ep::kActList, {{"limit", 50}});
  CHECK(s.last.status == 200);
}

TEST_CASE("sandbox: chats, returns, reviews, pick list") {
  Sim s;
  json chats = s.call(ep::kChatList, {{"limit", 10}});
  REQUIRE(chats["chats"].size() == 10);
  std::string id = chats["chats"][0]["chat"]["chat_id"];
  json h = s.call(ep::kChatHistory, {{"chat_id", id}, {"limit", 100}});
  std::size_t before = h["messages"].size();
  CHECK(before >= 2);
  // Find an open chat to write into.
  for (auto& c : chats["chats"])
    if (c["chat"]["chat_status"] == "Opened") id = c["chat"]["chat_id"];
  before = s.call(ep::kChatHistory, {{"chat_id", id}, {"limit", 100}})["messages"].size();
  s.call(ep::kChatSendMessage, {{"chat_id", id}, {"text", "Добрый день! Отправили."}});
  CHECK(s.last.status == 200);
  h = s.call(ep::kChatHistory, {{"chat_id", id}, {"limit", 100}});
  CHECK(h["messages"].size() == before + 1);
  CHECK(h["messages"][0]["data"][0] == "Добрый день! Отправили.");
  s.call(ep::kChatSendMessage, {{"chat_id", id}, {"text", ""}});
  CHECK(s.last.status == 400);

  json ret = s.call(ep::kReturnsList, {{"limit", 10}, {"filter", json::object()}});
  CHECK(ret["returns"].size() == 10);
  json ret2 = s.call(ep::kReturnsList, {{"limit", 10}, {"last_id", ret["returns"][9]["id"]}});
  CHECK(ret2["returns"][0]["id"].get<std::int64_t>() > ret["returns"][9]["id"].get<std::int64_t>());
  s.call(ep::kReturnsList, {{"limit", 501}});
  CHECK(s.last.status == 400);

  json rv = s.call(ep::kReviewList, {{"limit", 20}, {"status", "UNPROCESSED"}});
  REQUIRE(!rv["reviews"].empty());
  std::string rid = rv["reviews"][0]["id"];
  s.call(ep::kReviewCommentCreate, {{"review_id", rid}, {"text", "Спасибо за отзыв!"}, {"mark_review_as_processed", true}});
  CHECK(s.last.status == 200);
  json rv2 = s.call(ep::kReviewList, {{"limit", 100}, {"status", "UNPROCESSED"}});
  for (auto& r : rv2["reviews"]) CHECK(r["id"] != rid);

  json pick = s.call(ep::kAssemblyProductList,
                     {{"filter", {{"cutoff_from", "2026-11-19T00:00:00Z"}, {"cutoff_to", "2026-11-23T00:00:00Z"}}},
                      {"limit", 1000}});
  REQUIRE(s.last.status == 200);
  CHECK(!pick["products"].empty());
  CHECK(!pick["products"][0]["postings"].empty());

  json sbw = s.call(ep::kStocksByWarehouse, {{"sku", {std::to_string(pick["products"][0]["sku"].get<std::int64_t>())}}});
  REQUIRE(sbw["result"].size() == 3);
  std::int64_t reserved = 0;
  for (auto& r : sbw["result"]) reserved += r["reserved"].get<std::int64_t>();
  CHECK(reserved > 0);
}

namespace {
struct ManualClock : core::Clock {
  core::EpochMs t = kNow;
  core::EpochMs now_ms() const override { return t; }
};
struct ManualScheduler : core::Scheduler {
  std::vector<std::pair<std::int64_t, std::function<void()>>> tasks;
  void after(std::int64_t delay_ms, std::function<void()> task) override { tasks.emplace_back(delay_ms, std::move(task)); }
};
}  // namespace

TEST_CASE("sandbox: SandboxTransport answers through the scheduler") {
  sandbox::Marketplace m(42, kNow);
  ManualClock clock;
  ManualScheduler sched;
  sandbox::SandboxTransport tr(m, clock, sched, 150);
  m.faults().latency_ms = 50;
  int done = 0;
  net::HttpResponse got;
  tr.send({std::string(ep::kWarehouseList), "{}", 30'000}, [&](net::HttpResponse r) {
    ++done;
    got = std::move(r);
  });
  CHECK(done == 0);  // never synchronous
  REQUIRE(sched.tasks.size() == 1);
  CHECK(sched.tasks[0].first == 200);
  clock.t += 200;
  sched.tasks[0].second();
  CHECK(done == 1);
  CHECK(got.status == 200);
  CHECK(got.failure == net::Failure::none);
  CHECK(json::parse(got.body)["warehouses"].size() == 3);

  // Latency above the timeout -> a timeout failure.
  m.faults().latency_ms = 40'000;
  tr.send({std::string(ep::kWarehouseList), "{}", 1000}, [&](net::HttpResponse r) { got = std::move(r); });
  REQUIRE(sched.tasks.size() == 2);
  CHECK(sched.tasks[1].first == 1000);
  sched.tasks[1].second();
  CHECK(got.failure == net::Failure::timeout);
}

TEST_CASE("sandbox: pdf writer and code 128") {
  // Known check symbol: "PJJ123C" in set B.
  auto syms = sandbox::code128_symbols("PJJ123C");
  CHECK(syms.front() == 104);
  CHECK(syms.back() == 106);
  int sum = 104;
  for (std::size_t i = 1; i + 2 < syms.size(); ++i) sum += syms[i] * static_cast<int>(i);
  CHECK(syms[syms.size() - 2] == sum % 103);
  for (int s = 0; s < 106; ++s) {
    auto pat = sandbox::code128_pattern(s);
    REQUIRE(pat.size() == 6);
    int modules = 0;
    for (char c : pat) modules += c - '0';
    CHECK(modules == 11);
  }
  sandbox::PdfWriter w;
  w.begin_page(100, 50);
  w.text(10, 10, 12, "Hello (world) \xd0\x9f");
  w.rect(1, 1, 2, 2);
  std::string pdf = w.finish();
  check_pdf(pdf);
  CHECK(pdf.find("(Hello \\(world\\) ?) Tj") != std::string::npos);
  CHECK(sandbox::transliterate("Москва, склад Северный") == "Moskva, sklad Severnyy");
  core::EpochMs t = 0;
  CHECK(sandbox::parse_iso8601("2026-11-20T12:00:00+03:00", &t));
  CHECK(sandbox::format_iso8601(t) == "2026-11-20T09:00:00Z");
  CHECK_FALSE(sandbox::parse_iso8601("2026-13-01", &t));
}
