// The posting list read with simdjson On Demand straight into core::Posting.
// Each field follows the rules of the lenient readers in core/json_read that
// the DOM parser uses: null is absent, a number where text is expected
// becomes its text (and the reverse), the last of duplicate keys wins, a
// value of the wrong shape reads as empty. The unit tests and the fuzzer
// compare this reader with the DOM one on the same bodies.
//
// Every value is read or walked, even the ones the console ignores: On Demand
// validates only what is consumed, and a malformed reply must be refused.
#include "ozon/posting_list_reader.h"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include <simdjson.h>

#include "ozon/json_read.h"
#include "ozon/parse_common.h"

namespace ozon::detail {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

// A parser kept between calls (its buffers are reused), dropped after a big
// body so a one-off 20 MB reply does not hold its memory.
constexpr std::size_t kKeptParserCapacity = 4u << 20;

od::parser& shared_parser() {
  thread_local od::parser parser;
  return parser;
}

std::string_view trim_token(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' || token.back() == '\r'))
    token.remove_suffix(1);
  return token;
}

// -?(0|[1-9][0-9]*), JSON's integer grammar.
bool is_json_integer(std::string_view token) {
  if (!token.empty() && token.front() == '-') token.remove_prefix(1);
  if (token.empty() || (token.front() == '0' && token.size() > 1)) return false;
  for (const char c : token)
    if (c < '0' || c > '9') return false;
  return true;
}

// A string value with no escape in it, as it lies in the reply (stage 1 has
// validated its UTF-8 and refused control characters), consumed; nullopt for
// any other value (left unread), or a string with escapes to unescape. Most
// texts and keys have none: reading them this way skips simdjson's copy of
// each into its string buffer (a fifth of the work in WebAssembly, #17).
std::optional<std::string_view> plain_string(od::value& value) {
  const std::string_view token = trim_token(value.raw_json_token());
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return std::nullopt;
  const std::string_view inner = token.substr(1, token.size() - 2);
  if (inner.find('\\') != std::string_view::npos) return std::nullopt;
  if (value.get_raw_json_string().error()) return std::nullopt;
  return inner;
}

// An object's key with no escape in it, as it lies (else nullopt: it is
// unescaped by unescaped_key()). It ends at the last quote before its value:
// On Demand has checked the colon between, so the key is not scanned twice.
std::optional<std::string_view> plain_key(od::field& field) {
  const char* start = field.key().raw();
  const char* end = field.value().raw_json_token().data();
  while (end[-1] != '"') --end;  // back over the colon and any whitespace
  const std::string_view key(start, static_cast<std::size_t>(end - 1 - start));
  if (key.find('\\') != std::string_view::npos) return std::nullopt;
  return key;
}

class Reader {
 public:
  error_code error() const { return error_; }
  bool too_deep() const { return too_deep_; }

  bool fail(error_code code) {
    if (error_ == simdjson::SUCCESS) error_ = code;
    return false;
  }

  // Walks (and so validates) any value.
  bool skip(od::value value, int depth) {
    od::json_type type;
    if (auto e = value.type().get(type)) return fail(e);
    switch (type) {
      case od::json_type::object: return each_field(value, depth, [&](std::string_view, od::value v, int d) { return skip(v, d); });
      case od::json_type::array: return each_item(value, depth, [&](od::value v, int d) { return skip(v, d); });
      default: return skip_scalar(value, type);
    }
  }

  // Calls on_field(key, value, depth) for each field of an object; any other
  // value is walked. `was_object` says which it was.
  template <typename OnField>
  bool each_field(od::value value, int depth, OnField&& on_field, bool* was_object = nullptr) {
    if (was_object != nullptr) *was_object = false;
    od::json_type type;
    if (auto e = value.type().get(type)) return fail(e);
    if (type != od::json_type::object) return type == od::json_type::array ? skip(value, depth) : skip_scalar(value, type);
    if (depth >= kMaxPostingListDepth) return deep();
    od::object object;
    if (auto e = value.get_object().get(object)) return fail(e);
    if (was_object != nullptr) *was_object = true;
    for (auto entry : object) {
      od::field field;
      if (auto e = std::move(entry).get(field)) return fail(e);
      std::string_view key;
      if (const auto plain = plain_key(field)) key = *plain;
      else if (auto e = field.unescaped_key().get(key)) return fail(e);
      if (!on_field(key, field.value(), depth + 1)) return false;
    }
    return true;
  }

  // Calls on_item(value, depth) for each item of an array; any other value is walked.
  template <typename OnItem>
  bool each_item(od::value value, int depth, OnItem&& on_item, bool* was_array = nullptr) {
    if (was_array != nullptr) *was_array = false;
    od::json_type type;
    if (auto e = value.type().get(type)) return fail(e);
    if (type != od::json_type::array) return type == od::json_type::object ? skip(value, depth) : skip_scalar(value, type);
    if (depth >= kMaxPostingListDepth) return deep();
    od::array array;
    if (auto e = value.get_array().get(array)) return fail(e);
    if (was_array != nullptr) *was_array = true;
    for (auto entry : array) {
      od::value item;
      if (auto e = std::move(entry).get(item)) return fail(e);
      if (!on_item(item, depth + 1)) return false;
    }
    return true;
  }

  // Any value as a nlohmann scalar (objects and arrays, walked, as empty
  // ones), so the lenient readers' own conversions apply unchanged.
  bool scalar(od::value value, Json& out, int depth) {
    od::json_type type;
    if (auto e = value.type().get(type)) return fail(e);
    switch (type) {
      case od::json_type::object:
        out = Json::object();
        return skip(value, depth);
      case od::json_type::array:
        out = Json::array();
        return skip(value, depth);
      case od::json_type::string: {
        std::string_view text;
        if (const auto plain = plain_string(value)) text = *plain;
        else if (auto e = value.get_string().get(text)) return fail(e);
        out = std::string(text);
        return true;
      }
      case od::json_type::number: return number(value, out);
      case od::json_type::boolean: {
        bool flag = false;
        if (auto e = value.get_bool().get(flag)) return fail(e);
        out = flag;
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = value.is_null().get(is_null)) return fail(e);
        if (!is_null) return fail(simdjson::N_ATOM_ERROR);
        out = nullptr;
        return true;
      }
    }
    return fail(simdjson::INCORRECT_TYPE);
  }

  // ---- fields, by the lenient readers' rules ----------------------------------

  // Into a std::string, or a core::Interned for a text drawn from a small
  // set (names, codes, statuses).
  template <typename Text>
  bool text(od::value value, Text& out, int depth) {
    // Almost every text is a string, most with no escape. A value of another
    // type is refused by get_string() as INCORRECT_TYPE, and left unread.
    if (const auto plain = plain_string(value)) {
      out = *plain;
      return true;
    }
    std::string_view view;
    if (const auto e = value.get_string().get(view); e != simdjson::INCORRECT_TYPE) {
      if (e) return fail(e);
      out = view;
      return true;
    }
    Json any;
    if (!scalar(value, any, depth)) return false;
    out = json_read::as_string(any);
    return true;
  }

  bool int64(od::value value, std::int64_t& out, int depth) {
    // An integer in 64 bits, the usual case, is read in one pass ("-0" too:
    // 0, as nlohmann reads it). Anything else is refused unread.
    if (value.get_int64().get(out) == simdjson::SUCCESS) return true;
    Json any;
    if (!scalar(value, any, depth)) return false;
    out = json_read::as_int64(any).value_or(0);
    return true;
  }

  bool flag(od::value value, bool& out, int depth) {
    od::json_type type;
    if (auto e = value.type().get(type)) return fail(e);
    if (type == od::json_type::boolean) {
      if (auto e = value.get_bool().get(out)) return fail(e);
      return true;
    }
    Json any;
    if (!scalar(value, any, depth)) return false;
    out = json_read::as_bool(any).value_or(false);
    return true;
  }

  bool time(od::value value, core::EpochMs& out, int depth) {
    od::json_type type;
    if (auto e = value.type().get(type)) return fail(e);
    out = 0;
    if (type != od::json_type::string) return skip(value, depth);
    std::string_view view;
    if (auto e = value.get_string().get(view)) return fail(e);
    out = json_read::parse_iso8601(view).value_or(0);
    return true;
  }

  template <typename Text>
  bool text_list(od::value value, std::vector<Text>& out, int depth) {
    out.clear();
    return each_item(value, depth, [&](od::value item, int d) {
      Text one;
      if (!text(item, one, d)) return false;
      if (!one.empty()) out.push_back(std::move(one));
      return true;
    });
  }

  bool int64_list(od::value value, std::vector<std::int64_t>& out, int depth) {
    out.clear();
    return each_item(value, depth, [&](od::value item, int d) {
      if (std::int64_t number = 0; item.get_int64().get(number) == simdjson::SUCCESS) {
        out.push_back(number);
        return true;
      }
      Json any;
      if (!scalar(item, any, d)) return false;
      if (const auto number = json_read::as_int64(any)) out.push_back(*number);
      return true;
    });
  }

  // A value kept as it came (null reads as absent), for the price's parts.
  bool optional_value(od::value value, std::optional<Json>& out, int depth) {
    Json any;
    if (!scalar(value, any, depth)) return false;
    if (any.is_null()) out.reset();
    else out = std::move(any);
    return true;
  }

 private:
  bool deep() {
    too_deep_ = true;
    return fail(simdjson::DEPTH_ERROR);
  }
  // Validates a scalar the console ignores, by the same rules as scalar(),
  // without building a copy of it (most of a posting's fields are ignored).
  bool skip_scalar(od::value value, od::json_type type) {
    switch (type) {
      case od::json_type::string: {
        if (plain_string(value)) return true;
        std::string_view text;  // unescaped: its escapes must be valid
        if (auto e = value.get_string().get(text)) return fail(e);
        return true;
      }
      case od::json_type::number: {
        od::number parsed;
        if (auto e = value.get_number().get(parsed))
          return is_json_integer(trim_token(value.raw_json_token())) ? true : fail(e);
        return true;
      }
      case od::json_type::boolean: {
        bool flag = false;
        if (auto e = value.get_bool().get(flag)) return fail(e);
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = value.is_null().get(is_null)) return fail(e);
        return is_null ? true : fail(simdjson::N_ATOM_ERROR);
      }
      default: return fail(simdjson::INCORRECT_TYPE);
    }
  }

  // Numbers as nlohmann reads them: integers as integers, "-0" as 0, an
  // integer beyond 64 bits as a double, a double out of range refused.
  bool number(od::value value, Json& out) {
    const std::string_view token = trim_token(value.raw_json_token());
    od::number parsed;
    if (auto e = value.get_number().get(parsed)) {
      if (!is_json_integer(token)) return fail(e);
      out = std::strtod(std::string(token).c_str(), nullptr);  // beyond 64 bits: simdjson refuses, nlohmann reads a double
      return true;
    }
    if (token == "-0") out = std::int64_t{0};
    else if (parsed.is_int64()) out = parsed.get_int64();
    else if (parsed.is_uint64()) out = parsed.get_uint64();
    else out = parsed.get_double();
    return true;
  }

  error_code error_ = simdjson::SUCCESS;
  bool too_deep_ = false;
};

// One product's price, in read_price's terms: the "price" value (a plain
// amount or an object of amount/price/value and currency/currency_code) and
// the product's own "currency_code".
struct PriceParts {
  bool present = false;
  bool is_object = false;
  std::optional<Json> plain;
  std::optional<Json> amount, price, value;
  std::string currency, currency_code;

  core::Money resolve(const std::string& product_currency) const {
    const core::Money fallback{0, product_currency};
    if (!present) return fallback;
    if (!is_object) return json_read::as_money(*plain, product_currency).value_or(fallback);
    const Json* figure = amount ? &*amount : price ? &*price : value ? &*value : nullptr;
    const std::string& own = currency.empty() ? currency_code : currency;
    if (figure == nullptr) return fallback;
    return json_read::as_money(*figure, own.empty() ? product_currency : own).value_or(fallback);
  }
};

// Field names are told apart by one switch on their hash and one comparison,
// not a chain of comparisons: a posting has ~40 fields, a page 100 postings.
// The hash reads the length and three letters, not every letter (that cost
// as much as the rest of finding a field): names of one object that share
// it would not compile, and any other key is told apart by the comparison.
constexpr std::uint32_t name_hash(std::string_view name) {
  if (name.empty()) return 0;
  const auto letter = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(name[at])); };
  return static_cast<std::uint32_t>(name.size()) << 24 ^ letter(0) << 16 ^ letter(name.size() / 2) << 8 ^
         letter(name.size() - 1);
}
// One case of such a switch (two names with one hash would not compile).
#define FIELD(name, read) \
  case name_hash(name):   \
    if (key == (name)) return read; \
    break

class PostingReader {
 public:
  explicit PostingReader(Reader& r) : r_(r) {}

  bool posting(od::value value, int depth, std::vector<core::Posting>& out) {
    // Read in place (a posting is ~300 bytes, most of it strings), and
    // dropped again if it is not one.
    core::Posting& p = out.emplace_back();
    // The boxed groups are read here, and kept only if not empty.
    core::PostingBarcodes barcodes;
    core::Cancellation cancellation;
    core::Customer customer;
    core::PostingRequirements requirements;
    bool cancellation_object = false;
    std::int64_t bare_cancel_reason = 0;  // get-by-barcode puts it at the top
    bool addressee_object = false;
    std::string addressee_name, addressee_phone;
    bool was_object = false;
    const bool ok = r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("posting_number", r_.text(v, p.posting_number, d));
        FIELD("order_id", r_.int64(v, p.order_id, d));
        FIELD("order_number", r_.text(v, p.order_number, d));
        FIELD("status", r_.text(v, p.status_raw, d));
        FIELD("substatus", r_.text(v, p.substatus, d));
        FIELD("delivery_method", delivery_method(v, d, p.delivery_method));
        FIELD("tracking_number", r_.text(v, p.tracking_number, d));
        FIELD("tpl_integration_type", r_.text(v, p.tpl_integration_type, d));
        FIELD("in_process_at", r_.time(v, p.in_process_at, d));
        FIELD("shipment_date", r_.time(v, p.shipment_date, d));
        FIELD("shipment_date_without_delay", r_.time(v, p.shipment_date_without_delay, d));
        FIELD("delivering_date", r_.time(v, p.delivering_date, d));
        FIELD("products", products(v, d, p.products));
        FIELD("barcodes", read_barcodes(v, d, barcodes));
        FIELD("cancellation", read_cancellation(v, d, cancellation, cancellation_object));
        FIELD("cancel_reason_id", r_.int64(v, bare_cancel_reason, d));
        FIELD("customer", read_customer(v, d, customer));
        FIELD("addressee", person(v, d, addressee_name, addressee_phone, addressee_object));
        FIELD("analytics_data", analytics(v, d, p.analytics));
        FIELD("requirements", read_requirements(v, d, requirements));
        FIELD("is_express", r_.flag(v, p.is_express, d));
        FIELD("is_multibox", r_.flag(v, p.is_multibox, d));
        FIELD("multi_box_qty", r_.int64(v, p.multi_box_qty, d));
        FIELD("parent_posting_number", r_.text(v, p.parent_posting_number, d));
        FIELD("available_actions", r_.text_list(v, p.available_actions, d));
        FIELD("delivery_schema", r_.text(v, p.delivery_schema, d));
        FIELD("integration_type_flow", r_.text(v, p.integration_type_flow, d));
      }
      return r_.skip(v, d);
    }, &was_object);
    if (!ok || !was_object || p.posting_number.empty()) {
      out.pop_back();
      return ok;  // not a posting, or one without its number: skipped, as the DOM parser does
    }
    p.status = core::posting_status_from_string(p.status_raw);
    if (!cancellation_object) cancellation.reason_id = bare_cancel_reason;
    if (addressee_object && customer.name.empty()) {
      customer.name = std::move(addressee_name);
      customer.phone = std::move(addressee_phone);
    }
    p.barcodes = std::move(barcodes);
    p.cancellation = std::move(cancellation);
    p.customer = std::move(customer);
    p.requirements = std::move(requirements);
    return true;
  }

  bool postings(od::value value, int depth, std::vector<core::Posting>& out, bool& was_array) {
    out.clear();
    return r_.each_item(value, depth, [&](od::value item, int d) { return posting(item, d, out); }, &was_array);
  }

 private:
  bool delivery_method(od::value value, int depth, core::PostingDeliveryMethod& m) {
    m = {};
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("id", r_.int64(v, m.id, d));
        FIELD("name", r_.text(v, m.name, d));
        FIELD("warehouse_id", r_.int64(v, m.warehouse_id, d));
        FIELD("warehouse", r_.text(v, m.warehouse, d));
        FIELD("tpl_provider_id", r_.int64(v, m.tpl_provider_id, d));
        FIELD("tpl_provider", r_.text(v, m.tpl_provider, d));
      }
      return r_.skip(v, d);
    });
  }

  bool products(od::value value, int depth, std::vector<core::PostingProduct>& out) {
    out.clear();
    return r_.each_item(value, depth, [&](od::value item, int d) {
      core::PostingProduct& product = out.emplace_back();
      PriceParts price;
      std::string currency_code;
      std::vector<std::string> imei;
      bool was_object = false;
      const bool ok = r_.each_field(item, d, [&](std::string_view key, od::value v, int dd) {
        switch (name_hash(key)) {
          FIELD("sku", r_.int64(v, product.sku, dd));
          FIELD("offer_id", r_.text(v, product.offer_id, dd));
          FIELD("name", r_.text(v, product.name, dd));
          FIELD("quantity", r_.int64(v, product.quantity, dd));
          FIELD("price", price_parts(v, dd, price));
          FIELD("currency_code", r_.text(v, currency_code, dd));
          FIELD("imei", r_.text_list(v, imei, dd));
        }
        return r_.skip(v, dd);
      }, &was_object);
      if (!ok || !was_object) {
        out.pop_back();
        return ok;
      }
      product.price = price.resolve(currency_code);
      product.imei = std::move(imei);
      return true;
    });
  }

  bool price_parts(od::value value, int depth, PriceParts& parts) {
    parts = {};
    od::json_type type;
    if (auto e = value.type().get(type)) return r_.fail(e);
    if (type != od::json_type::object) {
      if (!r_.optional_value(value, parts.plain, depth)) return false;
      parts.present = parts.plain.has_value();
      return true;
    }
    parts.present = parts.is_object = true;
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("amount", r_.optional_value(v, parts.amount, d));
        FIELD("price", r_.optional_value(v, parts.price, d));
        FIELD("value", r_.optional_value(v, parts.value, d));
        FIELD("currency", r_.text(v, parts.currency, d));
        FIELD("currency_code", r_.text(v, parts.currency_code, d));
      }
      return r_.skip(v, d);
    });
  }

  bool read_barcodes(od::value value, int depth, core::PostingBarcodes& b) {
    b = {};
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("upper_barcode", r_.text(v, b.upper_barcode, d));
        FIELD("lower_barcode", r_.text(v, b.lower_barcode, d));
      }
      return r_.skip(v, d);
    });
  }

  bool read_cancellation(od::value value, int depth, core::Cancellation& c, bool& was_object) {
    c = {};
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("cancel_reason_id", r_.int64(v, c.reason_id, d));
        FIELD("cancel_reason", r_.text(v, c.reason, d));
        FIELD("cancellation_initiator", r_.text(v, c.initiator, d));
        FIELD("affect_cancellation_rating", r_.flag(v, c.affect_cancellation_rating, d));
      }
      return r_.skip(v, d);
    }, &was_object);
  }

  bool read_customer(od::value value, int depth, core::Customer& c) {
    c = {};
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("name", r_.text(v, c.name, d));
        FIELD("phone", r_.text(v, c.phone, d));
        FIELD("address", address(v, d, c.address));
      }
      return r_.skip(v, d);
    });
  }

  bool address(od::value value, int depth, core::Address& a) {
    a = {};
    std::string provider_pvz_code;
    const bool ok = r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("city", r_.text(v, a.city, d));
        FIELD("region", r_.text(v, a.region, d));
        FIELD("zip_code", r_.text(v, a.zip_code, d));
        FIELD("address_tail", r_.text(v, a.address_tail, d));
        FIELD("pvz_code", r_.text(v, a.pvz_code, d));
        FIELD("provider_pvz_code", r_.text(v, provider_pvz_code, d));
        FIELD("comment", r_.text(v, a.comment, d));
      }
      return r_.skip(v, d);
    });
    if (a.pvz_code.empty()) a.pvz_code = std::move(provider_pvz_code);
    return ok;
  }

  bool person(od::value value, int depth, std::string& name, std::string& phone, bool& was_object) {
    name.clear();
    phone.clear();
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("name", r_.text(v, name, d));
        FIELD("phone", r_.text(v, phone, d));
      }
      return r_.skip(v, d);
    }, &was_object);
  }

  bool analytics(od::value value, int depth, core::PostingAnalytics& a) {
    a = {};
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("region", r_.text(v, a.region, d));
        FIELD("city", r_.text(v, a.city, d));
        FIELD("delivery_type", r_.text(v, a.delivery_type, d));
      }
      return r_.skip(v, d);
    });
  }

  bool read_requirements(od::value value, int depth, core::PostingRequirements& q) {
    q = {};
    return r_.each_field(value, depth, [&](std::string_view key, od::value v, int d) {
      switch (name_hash(key)) {
        FIELD("products_requiring_gtd", r_.int64_list(v, q.gtd, d));
        FIELD("products_requiring_country", r_.int64_list(v, q.country, d));
        FIELD("products_requiring_mandatory_mark", r_.int64_list(v, q.mandatory_mark, d));
        FIELD("products_requiring_rnpt", r_.int64_list(v, q.rnpt, d));
        FIELD("products_requiring_jw_uin", r_.int64_list(v, q.jw_uin, d));
        FIELD("products_requiring_imei", r_.int64_list(v, q.imei, d));
        FIELD("products_requiring_weight", r_.int64_list(v, q.weight, d));
      }
      return r_.skip(v, d);
    });
  }

  Reader& r_;
};

// What the root holds, in find_list's and read_paging's order of preference:
// "postings" at the root, then in a "result" object, then "result" as the
// array itself (v2); the cursor and has_next from the root, then "result".
struct ListParts {
  std::vector<core::Posting> root_list, result_list, result_array;
  bool root_list_is_array = false, result_list_is_array = false, result_is_array = false;
  std::string root_cursor, result_cursor;
  std::optional<Json> root_has_next, result_has_next;
};

bool read_root(Reader& r, od::value root, ListParts& parts) {
  PostingReader postings(r);
  return r.each_field(root, 0, [&](std::string_view key, od::value v, int d) {
    switch (name_hash(key)) {
      FIELD("postings", postings.postings(v, d, parts.root_list, parts.root_list_is_array));
      FIELD("cursor", r.text(v, parts.root_cursor, d));
      FIELD("has_next", r.optional_value(v, parts.root_has_next, d));
    }
    if (key != "result") return r.skip(v, d);
    parts.result_list.clear();
    parts.result_array.clear();
    parts.result_list_is_array = parts.result_is_array = false;
    parts.result_cursor.clear();
    parts.result_has_next.reset();
    od::json_type type;
    if (auto e = v.type().get(type)) return r.fail(e);
    if (type == od::json_type::array) return postings.postings(v, d, parts.result_array, parts.result_is_array);
    return r.each_field(v, d, [&](std::string_view inner, od::value iv, int id) {
      if (inner == "postings") return postings.postings(iv, id, parts.result_list, parts.result_list_is_array);
      if (inner == "cursor") return r.text(iv, parts.result_cursor, id);
      if (inner == "has_next") return r.optional_value(iv, parts.result_has_next, id);
      return r.skip(iv, id);
    });
  });
}

#undef FIELD

}  // namespace

Result<Page<core::Posting>> read_posting_list_fast(std::string_view body) {
  if (body.empty()) return malformed("empty reply", body);
  const simdjson::padded_string padded(body.data(), body.size());
  od::parser& parser = shared_parser();
  struct DropBigParser {
    od::parser& parser;
    ~DropBigParser() {
      if (parser.capacity() > kKeptParserCapacity) parser = od::parser{};
    }
  } drop{parser};

  Reader r;
  ListParts parts;
  od::document doc;
  bool root_is_object = false;
  if (auto e = parser.iterate(padded).get(doc)) r.fail(e);
  if (r.error() == simdjson::SUCCESS) {
    od::value root;
    od::json_type type;
    // A scalar document cannot be reached as a value; it is refused either way.
    if (auto e = doc.type().get(type)) r.fail(e);
    else if (type != od::json_type::object && type != od::json_type::array) r.fail(simdjson::INCORRECT_TYPE);
    else if (auto e2 = doc.get_value().get(root)) r.fail(e2);
    else if (read_root(r, root, parts)) root_is_object = type == od::json_type::object;
    const char* after_root = nullptr;
    if (r.error() == simdjson::SUCCESS && doc.current_location().get(after_root) != simdjson::OUT_OF_BOUNDS)
      r.fail(simdjson::TRAILING_CONTENT);
  }
  if (r.too_deep()) return malformed(kPostingListTooDeep, body);
  // Worded roughly: parse_posting_list asks the DOM reader for the exact words.
  if (r.error() != simdjson::SUCCESS) return malformed("reply is not JSON", body);
  if (!root_is_object) return malformed("reply is not a JSON object", body);

  Page<core::Posting> page;
  if (parts.root_list_is_array) page.items = std::move(parts.root_list);
  else if (parts.result_list_is_array) page.items = std::move(parts.result_list);
  else if (parts.result_is_array) page.items = std::move(parts.result_array);
  else return malformed("posting list without a postings array", body);
  page.cursor = !parts.root_cursor.empty() ? std::move(parts.root_cursor) : std::move(parts.result_cursor);
  const std::optional<Json>& has_next = parts.root_has_next ? parts.root_has_next : parts.result_has_next;
  page.has_next = has_next && json_read::as_bool(*has_next).value_or(false);
  return page;
}

}  // namespace ozon::detail
