// The Stock screen: loading the catalogue's stock from Ozon (the catalogue
// with its cursor, names, then present/reserved per warehouse), the numbers
// derived from it and the open postings (shortages, replenishment), and the
// screen's actions.
#include "app/stock_screen.h"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

// Counts down the answers of calls sent in parallel; the last one finishes.
struct Countdown {
  std::size_t left = 0;
  bool failed = false;
  Notice error;
};

}  // namespace

StockScreen::StockScreen(App& app) : Feature(app) {
  handle<RefreshStock, SetStockQuery, SetStockTab, EditStock, DiscardStockEdits, PushStock, OpenStockPaste,
         EditStockPaste, ApplyStockPaste, SelectStockProduct, EditProductNote, ExportReorder>(this);
}

// A new store: its own stock, edits and notes.
void StockScreen::on_store_opened() {
  if (!store_id_.empty() && store_id_ != app_.state().stores.active_id) {
    auto kept = drafts_json();
    if (kept.is_null()) other_store_drafts_.erase(store_id_);
    else other_store_drafts_[store_id_] = std::move(kept);
  }
  store_id_ = app_.state().stores.active_id;
  reset_slice();
  ++generation_;
  replan_scheduled_ = false;
  if (auto it = other_store_drafts_.find(store_id_); it != other_store_drafts_.end()) {
    apply_drafts_json(it->second);
    other_store_drafts_.erase(it);
  }
  load();
}

// Out of line: inlined into its callers, GCC 12 -O3 warns about the move of
// the query's short string (-Wmaybe-uninitialized, a false positive).
[[gnu::noinline]] void StockScreen::reset_slice() { slice_ = StockSlice(); }

void StockScreen::on(const RefreshStock&) { load(); }

void StockScreen::load() {
  if (!app_.session() || slice_.loading) return;
  slice_.loading = true;
  slice_.error = {};
  const int generation = ++generation_;
  app_.session()->client().fetch_all<core::ProductStock>(
      [](const std::string& cursor) { return ozon::build_product_stocks(cursor); }, &ozon::parse_product_stocks,
      [this, generation](ozon::Result<std::vector<core::ProductStock>> catalogue) {
        if (generation != generation_) return;
        if (!catalogue) {
          slice_.loading = false;
          slice_.error = notice_for(catalogue.error());
          return;
        }
        load_names(std::move(*catalogue), generation);
      });
}

// Ozon's names (for search and the table); the stock is shown without them
// if this fails.
void StockScreen::load_names(std::vector<core::ProductStock> catalogue, int generation) {
  std::vector<std::int64_t> ids;
  for (const auto& product : catalogue)
    if (product.product_id > 0) ids.push_back(product.product_id);
  auto calls = ozon::batches(ids, ozon::kProductInfoMax);
  if (calls.empty() || !app_.session()) return load_rows(std::move(catalogue), generation);
  auto countdown = std::make_shared<Countdown>(Countdown{calls.size(), false, {}});
  auto shared_catalogue = std::make_shared<std::vector<core::ProductStock>>(std::move(catalogue));
  for (const auto& batch : calls) {
    auto request = ozon::build_product_info_list({}, batch, {});
    if (!request) {
      if (--countdown->left == 0) load_rows(std::move(*shared_catalogue), generation);
      continue;
    }
    app_.session()->client().call(
        std::move(request.value()), &ozon::parse_product_info_list,
        [this, generation, countdown, shared_catalogue](ozon::Result<std::vector<core::Product>> products) {
          if (generation != generation_) return;
          if (products)
            for (const auto& p : *products) slice_.names[p.product_id] = p.name;
          if (--countdown->left == 0) load_rows(std::move(*shared_catalogue), generation);
        });
  }
}

// Present and reserved per warehouse, for every FBS SKU of the catalogue.
void StockScreen::load_rows(std::vector<core::ProductStock> catalogue, int generation) {
  std::vector<std::int64_t> skus;
  for (const auto& product : catalogue)
    if (const auto sku = product.fbs_sku(); sku > 0) skus.push_back(sku);
  auto calls = ozon::batches(skus, ozon::kStocksByWarehouseBatch);
  auto countdown = std::make_shared<Countdown>(Countdown{calls.size(), false, {}});
  auto gathered = std::make_shared<std::vector<core::StockRow>>();
  auto shared_catalogue = std::make_shared<std::vector<core::ProductStock>>(std::move(catalogue));
  auto finish = [this, countdown, gathered, shared_catalogue] {
    slice_.loading = false;
    if (countdown->failed) {
      slice_.error = countdown->error;
      return;
    }
    std::vector<core::StockRow> rows = std::move(*gathered);
    std::unordered_map<std::int64_t, const core::ProductStock*> by_sku;
    for (const auto& product : *shared_catalogue) by_sku[product.fbs_sku()] = &product;
    for (auto& row : rows)
      if (auto it = by_sku.find(row.sku); it != by_sku.end()) {
        if (row.offer_id.empty()) row.offer_id = it->second->offer_id;
        if (row.product_id == 0) row.product_id = it->second->product_id;
      }
    slice_.catalogue.clear();
    for (const auto& product : *shared_catalogue)
      if (const auto sku = product.fbs_sku(); sku > 0) {
        core::StockRow entry;
        entry.sku = sku;
        entry.product_id = product.product_id;
        entry.offer_id = product.offer_id;
        slice_.catalogue.push_back(std::move(entry));
      }
    add_missing_cells(rows);
    slice_.from_cache = false;
    set_rows(std::move(rows));
    cache_rows();
  };
  if (calls.empty() || !app_.session()) return finish();
  for (const auto& batch : calls)
    app_.session()->client().call(
        ozon::build_stocks_by_warehouse(batch), &ozon::parse_stocks_by_warehouse,
        [this, generation, countdown, gathered, finish](ozon::Result<std::vector<core::StockRow>> rows) {
          if (generation != generation_) return;
          if (rows) {
            gathered->insert(gathered->end(), rows->begin(), rows->end());
          } else if (!countdown->failed) {
            countdown->failed = true;
            countdown->error = notice_for(rows.error());
          }
          if (--countdown->left == 0) finish();
        });
}

// Every product of the catalogue at every FBS/rFBS warehouse, so a cell
// Ozon holds nothing for can still be set. True when it added any.
bool StockScreen::add_missing_cells(std::vector<core::StockRow>& rows) const {
  std::map<std::int64_t, std::string> warehouses;
  for (const auto& w : app_.state().plan.warehouses) warehouses[w.warehouse_id] = w.name;
  std::set<core::StockKey> seen;
  for (const auto& row : rows) {
    seen.insert({row.sku, row.warehouse_id});
    if (!row.warehouse_name.empty()) warehouses[row.warehouse_id] = row.warehouse_name;
  }
  const std::size_t before = rows.size();
  for (const auto& product : slice_.catalogue)
    for (const auto& [id, name] : warehouses)
      if (!seen.count({product.sku, id})) {
        core::StockRow row = product;
        row.warehouse_id = id;
        rows.push_back(std::move(row));
      }
  for (auto& row : rows)
    if (row.warehouse_name.empty()) row.warehouse_name = warehouses[row.warehouse_id];
  return rows.size() != before;
}

void StockScreen::set_rows(std::vector<core::StockRow> rows) {
  std::sort(rows.begin(), rows.end(), [](const core::StockRow& a, const core::StockRow& b) {
    return std::tie(a.offer_id, a.sku, a.warehouse_id) < std::tie(b.offer_id, b.sku, b.warehouse_id);
  });
  slice_.rows = std::move(rows);
  slice_.loaded = true;
  slice_.warehouses_in_grid = app_.state().plan.warehouses.size();
  slice_.as_of = app_.now();
  rebuild_table();
  // An edit of a product or warehouse Ozon no longer lists cannot go: it
  // stays, refused, for the seller to see and drop.
  for (auto& [pair, edit] : slice_.edits)
    if (slice_.table.find_line(pair.first, pair.second) < 0 && edit.state != StockEditState::State::pushing) {
      edit.state = StockEditState::State::refused;
      edit.code = "NOT_IN_CATALOGUE";
      edit.message = {};
    }
  resume_pushing();
}

void StockScreen::reload_skus(const std::vector<std::int64_t>& skus) {
  if (!app_.session() || skus.empty()) return;
  const int generation = generation_;
  for (const auto& batch : ozon::batches(skus, ozon::kStocksByWarehouseBatch))
    app_.session()->client().call(ozon::build_stocks_by_warehouse(batch), &ozon::parse_stocks_by_warehouse,
                                  [this, generation](ozon::Result<std::vector<core::StockRow>> rows) {
                                    if (generation != generation_ || !rows) return;
                                    merge_rows(*rows);
                                  });
}

// Fresh numbers for some rows (after a push): what Ozon now holds.
void StockScreen::merge_rows(const std::vector<core::StockRow>& fresh) {
  std::map<core::StockKey, const core::StockRow*> by_key;
  for (const auto& row : fresh) by_key[{row.sku, row.warehouse_id}] = &row;
  bool added = false;
  for (auto& row : slice_.rows) {
    auto it = by_key.find({row.sku, row.warehouse_id});
    if (it == by_key.end()) continue;
    row.present = it->second->present;
    row.reserved = it->second->reserved;
    by_key.erase(it);
  }
  for (const auto& [key, row] : by_key) {
    if (row->product_id == 0) continue;  // a SKU the catalogue does not know: wait for the next full load
    slice_.rows.push_back(*row);
    added = true;
  }
  slice_.as_of = app_.now();
  if (added) return set_rows(std::move(slice_.rows));
  auto& lines = slice_.table.mutable_lines();
  for (const auto& row : slice_.rows) {
    const std::int64_t index = slice_.table.find_line(row.product_id, row.warehouse_id);
    if (index < 0) continue;
    lines[static_cast<std::size_t>(index)].present = row.present;
    lines[static_cast<std::size_t>(index)].reserved = row.reserved;
  }
  ++slice_.data_version;
  slice_.table.invalidate();
}

// The table's products, warehouses and lines from the rows (haystacks are
// built here: after a load, or when the seller renames a product).
void StockScreen::rebuild_table() {
  std::vector<core::StockProductInfo> products;
  std::map<std::int64_t, std::uint32_t> product_index;
  std::vector<std::int64_t> warehouse_ids;
  std::vector<std::string> warehouse_names;
  std::map<std::int64_t, std::uint32_t> warehouse_index;
  for (const auto& w : app_.state().plan.warehouses) {
    warehouse_index.emplace(w.warehouse_id, static_cast<std::uint32_t>(warehouse_ids.size()));
    warehouse_ids.push_back(w.warehouse_id);
    warehouse_names.push_back(w.name);
  }
  std::vector<core::StockLine> lines;
  lines.reserve(slice_.rows.size());
  offers_.clear();
  for (const auto& row : slice_.rows) {
    auto [p, new_product] = product_index.emplace(row.product_id, static_cast<std::uint32_t>(products.size()));
    if (new_product) {
      core::StockProductInfo info;
      info.product_id = row.product_id;
      info.sku = row.sku;
      info.offer_id = row.offer_id;
      if (auto name = slice_.names.find(row.product_id); name != slice_.names.end()) info.name = name->second;
      if (const ProductNote* note = note_for(row.offer_id)) info.own_name = note->own_name;
      products.push_back(std::move(info));
      offers_[row.offer_id] = {row.product_id, row.sku};
    }
    auto [w, new_warehouse] = warehouse_index.emplace(row.warehouse_id, static_cast<std::uint32_t>(warehouse_ids.size()));
    if (new_warehouse) {
      warehouse_ids.push_back(row.warehouse_id);
      warehouse_names.push_back(row.warehouse_name);
    }
    lines.push_back({.product = p->second, .warehouse = w->second, .present = row.present, .reserved = row.reserved});
  }
  slice_.table.assign(std::move(products), std::move(warehouse_ids), std::move(warehouse_names), std::move(lines));
  ++slice_.data_version;
}

// Shortages and replenishment: after the rows, the postings or the
// seller's reorder settings changed.
void StockScreen::recompute_numbers() {
  const auto& postings = app_.state().orders.list.postings();  // the open store's count (below)
  auto& products = slice_.table.mutable_products_numbers();
  std::vector<std::int64_t> free_by_product(products.size(), 0);
  for (const auto& line : slice_.table.lines()) free_by_product[line.product] += std::max<std::int64_t>(0, line.free());

  const auto sales = core::sales_by_sku(postings, app_.now(), core::kSalesWindowDays, app_.state().stores.active_id);
  slice_.reorder.clear();
  slice_.low_products = 0;
  slice_.zero_products = 0;
  for (std::size_t i = 0; i < products.size(); ++i) {
    auto& product = products[i];
    auto sold = sales.find(product.sku);
    const ProductNote* note = note_for(product.offer_id);
    auto line = core::reorder_line(product.sku, product.offer_id, product.name, sold == sales.end() ? 0 : sold->second,
                                   free_by_product[i], note ? note->reorder : core::ReorderSettings{});
    product.reorder_point = line.reorder_point;
    if (free_by_product[i] <= 0) ++slice_.zero_products;
    else if (line.to_reorder) ++slice_.low_products;
    if (line.sold > 0) slice_.reorder.push_back(std::move(line));
  }
  std::stable_sort(slice_.reorder.begin(), slice_.reorder.end(),
                   [](const core::ReorderLine& a, const core::ReorderLine& b) {
                     if (a.to_reorder != b.to_reorder) return a.to_reorder;
                     return a.days_of_cover < b.days_of_cover;
                   });
  slice_.table.invalidate();
}

void StockScreen::recompute_demand() {
  // Sets take their parts from the shelf.
  const core::BundleBook book = bundle_book();
  slice_.demand = book.empty() ? core::open_demand(app_.state().orders.list.postings(), app_.state().stores.active_id)
                               : core::open_demand(core::expand_bundles(app_.state().orders.list.postings(), book),
                                                   app_.state().stores.active_id);
  slice_.shortages = slice_.loaded ? core::shortages(slice_.demand, slice_.rows) : std::vector<core::Shortage>{};
  auto& lines = slice_.table.mutable_lines();
  const auto& products = slice_.table.products();
  const auto& warehouse_ids = slice_.table.warehouse_ids();
  for (auto& line : lines) {
    auto d = slice_.demand.find({products[line.product].sku, warehouse_ids[line.warehouse]});
    line.demand = d == slice_.demand.end() ? 0 : d->second.units;
    line.short_by = std::max<std::int64_t>(0, line.demand - line.present);
  }
  slice_.table.invalidate();
}

// The low/zero counts follow the data on every screen (the top bar shows
// them). Shortages walk every open posting: only while the Stock screen or
// a posting's detail shows them (100,000 postings cost ~40 MB of peak heap
// otherwise, on a screen that does not show them). The table's order only
// while the screen is shown.
void StockScreen::prepare_frame(bool on_screen) {
  // The warehouse list came after the stock: its warehouses get their cells.
  if (slice_.loaded && app_.state().plan.warehouses.size() != slice_.warehouses_in_grid) {
    slice_.warehouses_in_grid = app_.state().plan.warehouses.size();
    auto rows = slice_.rows;
    if (add_missing_cells(rows)) set_rows(std::move(rows));
  }
  const int orders_version = app_.state().orders.data_version;
  if (slice_.computed_version != slice_.data_version || slice_.computed_orders_version != orders_version) {
    recompute_numbers();
    slice_.computed_version = slice_.data_version;
    slice_.computed_orders_version = orders_version;
    slice_.demand_stale = true;
  }
  if (slice_.demand_stale && (on_screen || !app_.state().orders.open.empty())) {
    recompute_demand();
    slice_.demand_stale = false;
  }
  if (!on_screen) return;
  slice_.table.set_query(slice_.query);
  slice_.table.refresh();
}

void StockScreen::on(const SetStockQuery& a) {
  slice_.query = a.query;
  app_.schedule_draft_save();
}

void StockScreen::on(const SetStockTab& a) {
  if (a.tab == "stock" || a.tab == "shortages" || a.tab == "reorder") slice_.tab = a.tab;
  app_.schedule_draft_save();
}

void StockScreen::on(const SelectStockProduct& a) {
  slice_.selected_product = a.product_id;
  app_.schedule_draft_save();
}

void StockScreen::on(const EditProductNote& a) {
  if (a.offer_id.empty()) return;
  const ProductNote* before = note_for(a.offer_id);
  const bool renamed = (before ? before->own_name : std::string()) != a.note.own_name;
  if (a.note.empty()) slice_.notes.erase(a.offer_id);
  else slice_.notes[a.offer_id] = a.note;
  if (renamed) rebuild_table();  // the own name is searched
  else ++slice_.data_version;     // reorder settings change the reorder point
  app_.schedule_draft_save();
}

const ProductNote* StockScreen::note_for(const std::string& offer_id) const {
  auto it = slice_.notes.find(offer_id);
  return it == slice_.notes.end() ? nullptr : &it->second;
}

const core::Shortage* StockScreen::shortage_for(std::int64_t sku, std::int64_t warehouse_id) const {
  for (const auto& s : slice_.shortages)
    if (s.key.sku == sku && s.key.warehouse_id == warehouse_id) return &s;
  return nullptr;
}

core::BundleBook StockScreen::bundle_book() const {
  core::BundleBook book;
  for (const auto& [offer_id, note] : slice_.notes) {
    if (note.set_parts.empty()) continue;
    auto parsed = core::parse_bundle_parts(note.set_parts);
    if (parsed.error.empty() && !parsed.parts.empty()) book.sets.emplace(offer_id, std::move(parsed.parts));
  }
  if (book.empty()) return book;
  for (const auto& row : slice_.catalogue)
    if (row.sku != 0 && !row.offer_id.empty()) book.sku_of.emplace(row.offer_id, row.sku);
  return book;
}

std::string StockScreen::packing_text(const std::string& offer_id) const {
  const ProductNote* note = note_for(offer_id);
  if (!note) return {};
  std::vector<std::string> parts;
  if (!note->own_name.empty()) parts.push_back(note->own_name);
  const auto& p = note->packaging;
  std::string pack = p.container;
  if (!p.size.empty()) pack += (pack.empty() ? "" : " ") + p.size;
  if (!pack.empty()) parts.push_back(pack);
  if (!p.material.empty()) parts.push_back(p.material);
  if (p.fragile) parts.push_back(app_.tr("stock.fragile"));
  if (p.weight_g > 0) parts.push_back(std::to_string(p.weight_g) + " g");
  if (!note->note.empty()) parts.push_back(note->note);
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

void StockScreen::on(const OpenStockPaste& a) {
  slice_.paste_open = a.open;
  app_.schedule_draft_save();
}

void StockScreen::on(const EditStockPaste& a) {
  slice_.paste_text = a.text;
  slice_.paste_warehouse = a.default_warehouse;
  std::vector<core::PasteWarehouse> warehouses;
  for (std::size_t i = 0; i < slice_.table.warehouse_ids().size(); ++i)
    warehouses.push_back({slice_.table.warehouse_ids()[i], slice_.table.warehouse_names()[i]});
  slice_.paste = core::parse_stock_paste(
      a.text,
      [this](std::string_view offer_id) -> std::optional<core::PasteProduct> {
        auto it = offers_.find(std::string(offer_id));
        if (it == offers_.end()) return std::nullopt;
        return it->second;
      },
      warehouses, a.default_warehouse);
  app_.schedule_draft_save();
}

void StockScreen::on(const ApplyStockPaste&) {
  for (const auto& line : slice_.paste.lines) on(EditStock{line.product_id, line.warehouse_id, line.quantity});
  slice_.paste = {};
  slice_.paste_text.clear();
  slice_.paste_open = false;
  app_.schedule_draft_save();
}

void StockScreen::on(const ExportReorder& a) {
  std::vector<core::ReorderLine> to_reorder;
  for (const auto& line : slice_.reorder)
    if (line.to_reorder) to_reorder.push_back(line);
  if (a.save_csv) {
    if (app_.services().save_file) app_.services().save_file("to-reorder.csv", core::reorder_csv(to_reorder));
  } else {
    app_.apply(CopyText{core::reorder_tsv(to_reorder)});
  }
}

void StockScreen::replace_stock_for_benchmark(std::size_t products, std::size_t warehouses) {
  if (slice_.rows.empty()) return;
  std::vector<core::StockRow> rows;
  std::map<std::int64_t, std::string> warehouse_set;
  for (const auto& row : slice_.rows) warehouse_set[row.warehouse_id] = row.warehouse_name;
  for (std::int64_t extra = 1; warehouse_set.size() < warehouses; ++extra)
    warehouse_set[9'000'000'000 + extra] = "Bench warehouse " + std::to_string(extra);
  std::vector<std::pair<std::int64_t, std::string>> chosen(warehouse_set.begin(), warehouse_set.end());
  chosen.resize(std::min(chosen.size(), warehouses));
  rows.reserve(products * chosen.size());
  for (std::size_t i = 0; i < products; ++i) {
    const auto& model = slice_.rows[i % slice_.rows.size()];
    for (std::size_t w = 0; w < chosen.size(); ++w) {
      core::StockRow row = model;
      row.product_id = 9'000'000 + static_cast<std::int64_t>(i);
      row.sku = 8'000'000'000 + static_cast<std::int64_t>(i);
      row.offer_id = model.offer_id + "-" + std::to_string(i);
      row.warehouse_id = chosen[w].first;
      row.warehouse_name = chosen[w].second;
      row.present = static_cast<std::int64_t>((i * 7 + w * 13) % 50);
      row.reserved = static_cast<std::int64_t>((i + w) % 3);
      slice_.names[row.product_id] = slice_.names[model.product_id];
      rows.push_back(std::move(row));
    }
  }
  set_rows(std::move(rows));
}

}  // namespace app
