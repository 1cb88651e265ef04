#include "ozon/posting_compact.h"

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/posting_status.h"
#include "ozon/errors.h"
#include "ozon/json_read.h"
#include "ozon/parsers.h"

namespace ozon {
namespace {

using Json = nlohmann::json;
namespace od = simdjson::ondemand;

constexpr std::int64_t kVersion = 1;
constexpr std::string_view kPrefix = R"({"compact_postings":1,)";
// Any version's start: a record of another version is refused as such, not
// read as Ozon's shape (where its "postings" would read as an empty list).
constexpr std::string_view kAnyVersion = R"({"compact_postings":)";
// A posting's fields, in this order (append only; a reader skips fields it
// does not know, and refuses a posting with fewer than it needs):
//  0 posting_number   1 order_id         2 order_number    3 status          4 substatus
//  5 method id        6 method name      7 warehouse_id    8 warehouse       9 tpl_provider_id
// 10 tpl_provider    11 tracking_number 12 tpl_integration_type
// 13 in_process_at   14 shipment_date   15 shipment_date_without_delay      16 delivering_date
// 17 products [[sku, offer_id, name, quantity, price minor, currency, [imei]]]
// 18 upper_barcode   19 lower_barcode
// 20 cancel_reason_id 21 cancel_reason  22 cancellation_initiator          23 affect_cancellation_rating
// 24 customer name   25 phone           26 city  27 region  28 zip_code  29 address_tail  30 pvz_code  31 comment
// 32 analytics region 33 analytics city 34 delivery_type
// 35 requirements [gtd, country, mandatory_mark, rnpt, jw_uin, imei, weight]
// 36 is_express      37 is_multibox     38 multi_box_qty  39 parent_posting_number
// 40 available_actions [texts]           41 delivery_schema 42 integration_type_flow
// Texts are indices into "texts" (0 is ""); times are epoch ms (0 absent); flags 0/1.
constexpr std::size_t kFieldCount = 43;

// A record's distinct texts, by first use; 0 is the empty text.
class TextTable {
 public:
  TextTable() { add({}); }
  std::size_t add(std::string_view text) {
    const auto [it, added] = index_.emplace(text, texts_.size());
    if (added) texts_.push_back(text);
    return it->second;
  }
  Json to_json() const {
    Json list = Json::array();
    for (const auto text : texts_) list.push_back(std::string(text));
    return list;
  }

 private:
  std::vector<std::string_view> texts_;  // views into the postings being written
  std::unordered_map<std::string_view, std::size_t> index_;
};

Json row_of(const core::Posting& p, TextTable& table) {
  const auto text = [&](std::string_view value) { return table.add(value); };
  // Lists drop empty texts, as the reader of Ozon's shape does.
  const auto texts = [&](const auto& values) {
    Json list = Json::array();
    for (const auto& value : values)
      if (!value.empty()) list.push_back(text(value));
    return list;
  };
  Json products = Json::array();
  for (const auto& product : p.products)
    products.push_back(Json::array({product.sku, text(product.offer_id), text(product.name), product.quantity,
                                    product.price.minor, text(product.price.currency), texts(*product.imei)}));
  const auto& r = *p.requirements;
  const Json requirements = Json::array({r.gtd, r.country, r.mandatory_mark, r.rnpt, r.jw_uin, r.imei, r.weight});
  const auto& m = p.delivery_method;
  const auto& c = *p.cancellation;
  const auto& a = p.customer->address;
  // The status as the copy in Ozon's shape writes it.
  const std::string_view status = p.status_raw.empty() ? core::to_string(p.status) : std::string_view(p.status_raw);
  return Json::array({text(p.posting_number), p.order_id, text(p.order_number), text(status), text(p.substatus),
                      m.id, text(m.name), m.warehouse_id, text(m.warehouse), m.tpl_provider_id, text(m.tpl_provider),
                      text(p.tracking_number), text(p.tpl_integration_type),
                      p.in_process_at, p.shipment_date, p.shipment_date_without_delay, p.delivering_date,
                      products,
                      text(p.barcodes->upper_barcode), text(p.barcodes->lower_barcode),
                      c.reason_id, text(c.reason), text(c.initiator), c.affect_cancellation_rating ? 1 : 0,
                      text(p.customer->name), text(p.customer->phone), text(a.city), text(a.region), text(a.zip_code),
                      text(a.address_tail), text(a.pvz_code), text(a.comment),
                      text(p.analytics.region), text(p.analytics.city), text(p.analytics.delivery_type),
                      requirements,
                      p.is_express ? 1 : 0, p.is_multibox ? 1 : 0, p.multi_box_qty, text(p.parent_posting_number),
                      texts(p.available_actions), text(p.delivery_schema), text(p.integration_type_flow)});
}

}  // namespace

std::string postings_to_compact_record(std::span<const core::Posting* const> postings) {
  TextTable table;
  Json rows = Json::array();
  for (const core::Posting* p : postings) rows.push_back(row_of(*p, table));
  // Written by hand: the texts must come before the postings (read in one
  // pass), and nlohmann sorts an object's keys.
  std::string out(kPrefix);
  out.append(R"("texts":)").append(json_read::dump(table.to_json()));
  out.append(R"(,"postings":)").append(json_read::dump(rows)).append("}");
  return out;
}

namespace {

// Reads one record in one pass; any value of the wrong type refuses it.
class CompactReader {
 public:
  bool text(od::value value, std::string& out) {
    std::uint64_t index = 0;
    if (value.get_uint64().get(index) != simdjson::SUCCESS || index >= texts_.size()) return false;
    out.assign(texts_[static_cast<std::size_t>(index)]);  // below size(): fits
    return true;
  }
  // A repeated text is interned once per record, not once per posting.
  bool text(od::value value, core::Interned& out) {
    std::uint64_t index = 0;
    if (value.get_uint64().get(index) != simdjson::SUCCESS || index >= texts_.size()) return false;
    const auto at = static_cast<std::size_t>(index);  // below size(): fits
    if (interned_[at].empty()) interned_[at] = texts_[at];
    out = interned_[at];
    return true;
  }
  static bool number(od::value value, std::int64_t& out) { return value.get_int64().get(out) == simdjson::SUCCESS; }
  static bool flag(od::value value, bool& out) {
    std::int64_t n = 0;
    if (!number(value, n) || (n != 0 && n != 1)) return false;
    out = n == 1;
    return true;
  }
  // Calls on_item for each item of an array. The walk is compiled once, not
  // once per caller: each copy inlines simdjson's iteration (size of app.wasm).
  template <typename OnItem>
  static bool items(od::value value, OnItem&& on_item) {
    const auto call = [](void* target, od::value item) { return (*static_cast<std::remove_reference_t<OnItem>*>(target))(item); };
    return each_item(value, &on_item, call);
  }
  static bool each_item(od::value value, void* target, bool (*call)(void*, od::value)) {
    od::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) return false;
    for (auto entry : array) {
      od::value item;
      if (std::move(entry).get(item) != simdjson::SUCCESS || !call(target, item)) return false;
    }
    return true;
  }
  template <typename Text>
  bool text_list(od::value value, std::vector<Text>& out) {
    return items(value, [&](od::value item) {
      Text one;
      if (!text(item, one)) return false;
      if (!one.empty()) out.push_back(std::move(one));
      return true;
    });
  }
  static bool number_list(od::value value, std::vector<std::int64_t>& out) {
    return items(value, [&](od::value item) {
      std::int64_t n = 0;
      if (!number(item, n)) return false;
      out.push_back(n);
      return true;
    });
  }

  bool texts(od::value value) {
    texts_.clear();
    return items(value, [&](od::value item) {
      std::string_view one;
      if (item.get_string().get(one) != simdjson::SUCCESS) return false;
      texts_.push_back(one);
      return true;
    }) && (interned_.assign(texts_.size(), {}), true);
  }

  bool product(od::value value, std::vector<core::PostingProduct>& out) {
    core::PostingProduct product;
    std::vector<std::string> imei;
    std::size_t field = 0;
    const bool ok = items(value, [&](od::value v) {
      switch (field++) {
        case 0: return number(v, product.sku);
        case 1: return text(v, product.offer_id);
        case 2: return text(v, product.name);
        case 3: return number(v, product.quantity);
        case 4: return number(v, product.price.minor);
        case 5: return text(v, product.price.currency);
        case 6: return text_list(v, imei);
        default: return true;
      }
    });
    if (!ok || field < 7) return false;
    product.imei = std::move(imei);
    out.push_back(std::move(product));
    return true;
  }

  bool read_requirements(od::value value, core::PostingRequirements& r) {
    std::vector<std::int64_t>* lists[] = {&r.gtd, &r.country, &r.mandatory_mark, &r.rnpt, &r.jw_uin, &r.imei, &r.weight};
    std::size_t field = 0;
    const bool ok = items(value, [&](od::value v) {
      const std::size_t at = field++;
      return at >= std::size(lists) || number_list(v, *lists[at]);
    });
    return ok && field >= std::size(lists);
  }

  bool posting(od::value value, std::vector<core::Posting>& out) {
    core::Posting p;
    auto& m = p.delivery_method;
    // The boxed groups are filled here, and kept only if not empty.
    core::PostingBarcodes barcodes;
    core::Cancellation c;
    core::Customer customer;
    core::PostingRequirements requirements;
    auto& a = customer.address;
    std::size_t field = 0;
    const bool ok = items(value, [&](od::value v) {
      switch (field++) {
        case 0: return text(v, p.posting_number);
        case 1: return number(v, p.order_id);
        case 2: return text(v, p.order_number);
        case 3: return text(v, p.status_raw);
        case 4: return text(v, p.substatus);
        case 5: return number(v, m.id);
        case 6: return text(v, m.name);
        case 7: return number(v, m.warehouse_id);
        case 8: return text(v, m.warehouse);
        case 9: return number(v, m.tpl_provider_id);
        case 10: return text(v, m.tpl_provider);
        case 11: return text(v, p.tracking_number);
        case 12: return text(v, p.tpl_integration_type);
        case 13: return number(v, p.in_process_at);
        case 14: return number(v, p.shipment_date);
        case 15: return number(v, p.shipment_date_without_delay);
        case 16: return number(v, p.delivering_date);
        case 17: return items(v, [&](od::value item) { return product(item, p.products); });
        case 18: return text(v, barcodes.upper_barcode);
        case 19: return text(v, barcodes.lower_barcode);
        case 20: return number(v, c.reason_id);
        case 21: return text(v, c.reason);
        case 22: return text(v, c.initiator);
        case 23: return flag(v, c.affect_cancellation_rating);
        case 24: return text(v, customer.name);
        case 25: return text(v, customer.phone);
        case 26: return text(v, a.city);
        case 27: return text(v, a.region);
        case 28: return text(v, a.zip_code);
        case 29: return text(v, a.address_tail);
        case 30: return text(v, a.pvz_code);
        case 31: return text(v, a.comment);
        case 32: return text(v, p.analytics.region);
        case 33: return text(v, p.analytics.city);
        case 34: return text(v, p.analytics.delivery_type);
        case 35: return read_requirements(v, requirements);
        case 36: return flag(v, p.is_express);
        case 37: return flag(v, p.is_multibox);
        case 38: return number(v, p.multi_box_qty);
        case 39: return text(v, p.parent_posting_number);
        case 40: return text_list(v, p.available_actions);
        case 41: return text(v, p.delivery_schema);
        case 42: return text(v, p.integration_type_flow);
        default: return true;  // a later version's field
      }
    });
    if (!ok || field < kFieldCount) return false;
    p.barcodes = std::move(barcodes);
    p.cancellation = std::move(c);
    p.customer = std::move(customer);
    p.requirements = std::move(requirements);
    p.status = core::posting_status_from_string(p.status_raw);
    if (!p.posting_number.empty()) out.push_back(std::move(p));
    return true;
  }

 private:
  std::vector<std::string_view> texts_;  // views into the parser's string buffer
  std::vector<core::Interned> interned_;  // texts_[i] interned, on first use
};

}  // namespace

std::vector<std::string> postings_to_compact_chunks(const std::vector<core::Posting>& postings,
                                                    std::size_t per_chunk) {
  std::vector<std::string> chunks;
  if (per_chunk == 0) per_chunk = 1;
  std::vector<const core::Posting*> view;
  view.reserve(postings.size());
  for (const core::Posting& p : postings) view.push_back(&p);
  for (std::size_t start = 0; start < view.size(); start += per_chunk)
    chunks.push_back(postings_to_compact_record(std::span(view).subspan(start, std::min(per_chunk, view.size() - start))));
  return chunks;
}

Result<std::vector<core::Posting>> read_compact_postings(std::string_view body) {
  const auto refuse = [&](std::string_view why) { return malformed("damaged offline copy (" + std::string(why) + ")", body); };
  const simdjson::padded_string padded(body.data(), body.size());
  od::parser parser;
  od::document doc;
  od::object root;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS || doc.get_object().get(root) != simdjson::SUCCESS)
    return refuse("not a JSON object");
  CompactReader reader;
  std::vector<core::Posting> postings;
  bool version = false, texts = false, listed = false;
  for (auto entry : root) {
    od::field field;
    std::string_view key;
    if (std::move(entry).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS)
      return refuse("not JSON");
    if (key == "compact_postings") {
      std::int64_t v = 0;
      if (field.value().get_int64().get(v) != simdjson::SUCCESS || v != kVersion) return refuse("another version");
      version = true;
    } else if (key == "texts") {
      if (!version || !reader.texts(field.value())) return refuse("texts");
      texts = true;
    } else if (key == "postings") {
      if (!texts) return refuse("postings before their texts");
      postings.clear();
      if (!CompactReader::items(field.value(), [&](od::value item) { return reader.posting(item, postings); }))
        return refuse("a posting");
      listed = true;
    }
  }
  const char* after_root = nullptr;
  if (doc.current_location().get(after_root) != simdjson::OUT_OF_BOUNDS) return refuse("content after the record");
  if (!listed) return refuse("no postings");
  return postings;
}

Result<std::vector<core::Posting>> read_offline_postings(std::string_view body) {
  if (body.substr(0, kAnyVersion.size()) == kAnyVersion) return read_compact_postings(body);
  auto page = parse_posting_list(body);
  if (!page) return page.error();
  return std::move(page->items);
}

}  // namespace ozon
