// The Stock screen's offline copy: the rows and names as last loaded, one
// record per store in the catalogue collection ("stock:<store id>", removed
// with the store's other copies), shown with its time when the console
// starts without a network.
#include "app/stock_screen.h"
#include "core/json_read.h"
#include "store/schema.h"

namespace app {
namespace {

std::string cache_key(const std::string& store_id) { return "stock:" + store_id; }

// Rows as arrays (sku, product_id, offer_id, warehouse_id, warehouse_name,
// present, reserved): 10,000 products x 5 warehouses stay a few megabytes.
nlohmann::json row_json(const core::StockRow& row) {
  return {row.sku, row.product_id, row.offer_id, row.warehouse_id, row.warehouse_name, row.present, row.reserved};
}

std::optional<core::StockRow> row_from(const nlohmann::json& j) {
  if (!j.is_array() || j.size() != 7) return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 5u, 6u})
    if (!j[i].is_number_integer()) return std::nullopt;
  if (!j[2].is_string() || !j[4].is_string()) return std::nullopt;
  core::StockRow row;
  row.sku = j[0].get<std::int64_t>();
  row.product_id = j[1].get<std::int64_t>();
  row.offer_id = j[2].get<std::string>();
  row.warehouse_id = j[3].get<std::int64_t>();
  row.warehouse_name = j[4].get<std::string>();
  row.present = j[5].get<std::int64_t>();
  row.reserved = j[6].get<std::int64_t>();
  return row;
}

}  // namespace

void StockScreen::cache_rows() {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : slice_.rows) rows.push_back(row_json(row));
  nlohmann::json catalogue = nlohmann::json::array();
  for (const auto& row : slice_.catalogue) catalogue.push_back(row_json(row));
  nlohmann::json names = nlohmann::json::object();
  for (const auto& [id, name] : slice_.names) names[std::to_string(id)] = name;
  app_.put_offline_copy(store::collection::catalog, cache_key(store_id_),
                        core::json_read::dump(nlohmann::json{
                            {"asOf", slice_.as_of}, {"rows", rows}, {"catalogue", catalogue}, {"names", names}}));
}

// Shown only while nothing fresher came from Ozon; a damaged copy is ignored.
void StockScreen::on_local_records(const std::vector<store::Record>& records) {
  if (slice_.loaded) return;
  const std::string key = cache_key(store_id_);
  for (const auto& record : records) {
    if (record.collection != store::collection::catalog || record.key != key) continue;
    const auto json = nlohmann::json::parse(record.value, nullptr, false);
    if (!json.is_object() || !json.contains("rows") || !json["rows"].is_array()) return;
    std::vector<core::StockRow> rows;
    for (const auto& j : json["rows"])
      if (auto row = row_from(j)) rows.push_back(std::move(*row));
    if (json.contains("catalogue") && json["catalogue"].is_array())
      for (const auto& j : json["catalogue"])
        if (auto row = row_from(j)) slice_.catalogue.push_back(std::move(*row));
    if (json.contains("names") && json["names"].is_object())
      for (const auto& [id, name] : json["names"].items())
        if (name.is_string()) slice_.names[std::atoll(id.c_str())] = name.get<std::string>();
    const auto as_of = json.value("asOf", nlohmann::json());
    slice_.from_cache = true;
    set_rows(std::move(rows));
    slice_.as_of = as_of.is_number_integer() ? as_of.get<core::EpochMs>() : 0;
    return;
  }
}

}  // namespace app
