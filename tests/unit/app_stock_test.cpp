// The Stock screen against the in-process demo marketplace: the stock
// loaded per product and warehouse, edits pushed through the outbox and
// read back, Ozon's limits and per-item errors, drafts across a reload,
// pasted stock, shortages, and the seller's product notes.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/snapshot.h"
#include "app/stock_screen.h"
#include "app_test_support.h"

namespace {

const app::StockSlice& stock_of(app::App& app) { return app.feature<app::StockScreen>().slice(); }

// The Stock screen on screen (demand and shortages are computed while it is shown).
app::App& show_stock(app_test::Device& device) {
  device.app->apply(app::ShowView{"stock"});
  device.app->prepare_frame();
  return *device.app;
}

// The first rows (product, warehouse) with no open postings, so their free stock is theirs to set.
using Cell = std::pair<std::int64_t, std::int64_t>;  // (product_id, warehouse_id)

// The first `count` cells with nothing reserved or asked for: their free stock is theirs to set.
std::vector<Cell> quiet_cells(app::App& app, std::size_t count) {
  const auto& table = stock_of(app).table;
  std::vector<Cell> out;
  for (const auto& line : table.lines())
    if (line.demand == 0 && line.reserved == 0 && out.size() < count)
      out.emplace_back(table.products()[line.product].product_id, table.warehouse_ids()[line.warehouse]);
  REQUIRE(out.size() == count);
  return out;
}

std::string offer_of(app::App& app, std::int64_t product_id) {
  for (const auto& product : stock_of(app).table.products())
    if (product.product_id == product_id) return product.offer_id;
  return {};
}

std::int64_t free_of(app::App& app, std::int64_t product_id, std::int64_t warehouse_id) {
  const auto& table = stock_of(app).table;
  const auto index = table.find_line(product_id, warehouse_id);
  REQUIRE(index >= 0);
  return table.lines()[static_cast<std::size_t>(index)].free();
}

// Lets `ms` of time pass (the manual scheduler only moves the clock to its tasks).
void wait(app_test::Device& device, std::int64_t ms) {
  device.clock.set(device.clock.now_ms() + ms);
  device.settle(0);
  device.settle(5'000);
}

int stock_calls(const app::App& app) {
  int calls = 0;
  for (const auto& entry : app.state().outbox.entries) calls += entry.kind == app::kStockChangeKind ? 1 : 0;
  return calls;
}

}  // namespace

TEST_CASE("stock: every product at every warehouse, reserved units are the open postings'") {
  app_test::Device device;
  auto& app = show_stock(device);
  const auto& stock = stock_of(app);
  REQUIRE(stock.loaded);
  CHECK(stock.error.empty());
  const auto& table = stock.table;
  REQUIRE_FALSE(table.products().empty());
  REQUIRE(table.warehouse_ids().size() >= 2);
  CHECK(table.lines().size() == table.products().size() * table.warehouse_ids().size());
  // Ozon's reserve is what the open postings hold: at least every line with
  // a reserve is asked for by postings the console sees.
  for (const auto& line : table.lines())
    if (line.reserved > 0) CHECK(line.demand > 0);
  // The names come from the catalogue: the search finds a product by a word of its name.
  const auto& product = table.products().front();
  CHECK_FALSE(product.name.empty());
  auto snapshot = app::snapshot(app);
  REQUIRE(snapshot["stock"]["rows"].size() == table.lines().size());
  const auto& row = snapshot["stock"]["rows"][0];
  for (const char* field : {"offerId", "sku", "warehouseId", "present", "reserved", "free", "short"})
    CHECK(row.contains(field));
}

TEST_CASE("stock: two edits go in one call, Ozon accepts them, the rows are read back") {
  app_test::Device device;
  auto& app = show_stock(device);
  const auto cells = quiet_cells(app, 2);
  const auto a = cells[0], b = cells[1];
  const std::int64_t a_value = free_of(app, a.first, a.second) + 41;
  const std::int64_t b_value = free_of(app, b.first, b.second) + 3;
  app.apply(app::EditStock{a.first, a.second, a_value});
  app.apply(app::EditStock{b.first, b.second, b_value});
  CHECK(stock_of(app).edits.size() == 2);
  // An edit back to what Ozon holds is no edit.
  app.apply(app::EditStock{b.first, b.second, free_of(app, b.first, b.second)});
  CHECK(stock_of(app).edits.size() == 1);
  app.apply(app::EditStock{b.first, b.second, b_value});
  app.apply(app::PushStock{});
  CHECK(stock_of(app).last_push.calls == 1);
  CHECK(stock_of(app).last_push.sent == 2);
  device.settle(5'000);
  CHECK(stock_of(app).edits.empty());
  CHECK(stock_of(app).last_push.accepted == 2);
  CHECK(free_of(app, a.first, a.second) == a_value);
  CHECK(free_of(app, b.first, b.second) == b_value);
  CHECK(stock_calls(app) == 1);
}

TEST_CASE("stock: a pair pushed again within 30 seconds waits for Ozon's limit and then goes") {
  app_test::Device device;
  auto& app = show_stock(device);
  const auto [product, warehouse] = quiet_cells(app, 1)[0];
  app.apply(app::EditStock{product, warehouse, 7});
  app.apply(app::PushStock{});
  device.settle(2'000);
  REQUIRE(free_of(app, product, warehouse) == 7);
  app.apply(app::EditStock{product, warehouse, 8});
  app.apply(app::PushStock{});
  // Held by the planner, not dropped, not sent.
  CHECK(stock_of(app).last_push.waiting == 1);
  CHECK(stock_of(app).edits.at({product, warehouse}).state == app::StockEditState::State::pushing);
  CHECK(stock_calls(app) == 1);
  wait(device, 20'000);
  CHECK(free_of(app, product, warehouse) == 7);
  wait(device, 15'000);
  CHECK(stock_calls(app) == 2);
  CHECK(free_of(app, product, warehouse) == 8);
  CHECK(stock_of(app).edits.empty());
}

TEST_CASE("stock: an item Ozon refuses keeps its edit with Ozon's reason; the rest of the call goes through") {
  app_test::Device device;
  auto& app = show_stock(device);
  const auto cells = quiet_cells(app, 2);
  const auto good = cells[0], bad = cells[1];
  app.apply(app::EditStock{good.first, good.second, 12});
  app.apply(app::EditStock{bad.first, bad.second, 50'000'000});
  app.apply(app::PushStock{});
  device.settle(5'000);
  const auto& stock = stock_of(app);
  CHECK(free_of(app, good.first, good.second) == 12);
  REQUIRE(stock.edits.size() == 1);
  const auto& refused = stock.edits.at(bad);
  CHECK(refused.state == app::StockEditState::State::refused);
  core::StockItemResult result;
  result.code = refused.code;
  CHECK(core::classify_stock_error(result) == core::StockItemError::too_big);
  REQUIRE(stock.last_push.errors.size() == 1);
  CHECK(stock.last_push.errors[0].code == refused.code);
  auto snapshot = app::snapshot(app);
  CHECK(snapshot["stock"]["pendingEdits"][0]["state"] == "refused");
  CHECK(snapshot["stock"]["lastPush"]["accepted"] == 1);
  // Corrected and pushed again, it goes (once the pair's 30 seconds are over).
  app.apply(app::EditStock{bad.first, bad.second, 9});
  app.apply(app::PushStock{});
  wait(device, 35'000);
  CHECK(stock_of(app).edits.empty());
  CHECK(free_of(app, bad.first, bad.second) == 9);
}

TEST_CASE("stock: edits and notes survive a reload; an offline push waits in the outbox and goes once") {
  app_test::Device device;
  const auto cells = quiet_cells(show_stock(device), 2);
  const auto draft = cells[0], pushed = cells[1];
  const std::string offer = offer_of(*device.app, draft.first);
  device.app->apply(app::EditStock{draft.first, draft.second, 33});
  app::ProductNote note;
  note.own_name = "陶瓷杯";
  note.packaging.container = "box";
  note.packaging.material = "气泡膜";
  note.packaging.fragile = true;
  note.reorder.lead_time_days = 21;
  device.app->apply(app::EditProductNote{offer, note});
  device.settle(1'000);
  device.reload();
  {
    const auto& stock = stock_of(*device.app);
    REQUIRE(stock.edits.count(draft) == 1);
    CHECK(stock.edits.at(draft).stock == 33);
    CHECK(stock.edits.at(draft).state == app::StockEditState::State::draft);
    REQUIRE(stock.notes.count(offer) == 1);
    CHECK(stock.notes.at(offer) == note);
    // The own name is searchable.
    app::StockScreen& screen = device.app->feature<app::StockScreen>();
    core::StockQuery query;
    query.text = "陶瓷";
    device.app->apply(app::SetStockQuery{query});
    // The table refreshes while the screen is shown.
    device.app->apply(app::ShowView{"stock"});
    device.app->prepare_frame();
    REQUIRE_FALSE(screen.slice().table.visible().empty());
    for (auto index : screen.slice().table.visible())
      CHECK(screen.slice().table.products()[screen.slice().table.lines()[index].product].offer_id == offer);
    CHECK(screen.packing_text(offer).find("气泡膜") != std::string::npos);
  }
  // Offline: the push waits in the outbox, survives a reload, and goes once.
  device.app->set_online(false);
  device.app->apply(app::EditStock{pushed.first, pushed.second, 4});
  device.app->apply(app::PushStock{});
  device.settle(1'000);
  CHECK(device.app->state().outbox.pending == 1);
  device.reload([](app::App& app) { app.set_online(false); });
  CHECK(device.app->state().outbox.pending == 1);
  device.app->set_online(true);
  device.settle(5'000);
  CHECK(device.app->state().outbox.pending == 0);
  CHECK(stock_calls(*device.app) == 1);
  CHECK(free_of(*device.app, pushed.first, pushed.second) == 4);
  // The push took every edit: the one kept across the first reload too, in the same call.
  CHECK(stock_of(*device.app).edits.empty());
  CHECK(free_of(*device.app, draft.first, draft.second) == 33);
}

TEST_CASE("stock: pasted lines are previewed, skipped ones say why, applied ones become edits") {
  app_test::Device device;
  auto& app = show_stock(device);
  const auto& stock = stock_of(app);
  const auto& table = stock.table;
  REQUIRE(table.products().size() >= 3);
  const std::string w0 = table.warehouse_names()[0];
  const std::string text = table.products()[0].offer_id + "\t" + w0 + "\t5\n" +
                           table.products()[1].offer_id + ";" + std::to_string(table.warehouse_ids()[1]) + ";6\n" +
                           "NO-SUCH-OFFER\t" + w0 + "\t1\n" + table.products()[2].offer_id + "\t7\n";
  app.apply(app::EditStockPaste{text, table.warehouse_ids()[0]});
  CHECK(stock.paste.lines.size() == 3);
  REQUIRE(stock.paste.skipped.size() == 1);
  CHECK(stock.paste.skipped[0].reason == core::PasteSkip::unknown_offer);
  app.apply(app::ApplyStockPaste{});
  CHECK(stock.edits.size() == 3);
  CHECK(stock.paste.lines.empty());
}

TEST_CASE("stock: the demo store's shortage is found, with the postings at risk, both ways") {
  app_test::Device device;
  auto& app = show_stock(device);
  app.prepare_frame();
  const auto& stock = stock_of(app);
  REQUIRE_FALSE(stock.shortages.empty());
  const auto& shortage = stock.shortages.front();
  CHECK(shortage.short_by == shortage.demand - shortage.present);
  REQUIRE_FALSE(shortage.at_risk.empty());
  // From a posting at risk back to its shortage.
  const core::Posting* posting = app.state().orders.list.find(shortage.at_risk.front());
  REQUIRE(posting != nullptr);
  CHECK(app.feature<app::StockScreen>().shortage_for(shortage.key.sku, posting->delivery_method.warehouse_id) != nullptr);
  // Setting the stock there clears the shortage.
  std::int64_t product_id = 0;
  for (const auto& p : stock.table.products())
    if (p.sku == shortage.key.sku) product_id = p.product_id;
  REQUIRE(product_id != 0);
  app.apply(app::EditStock{product_id, shortage.key.warehouse_id, 100});
  app.apply(app::PushStock{});
  device.settle(5'000);
  for (const auto& s : stock_of(app).shortages) CHECK_FALSE((s.key == shortage.key));
}

TEST_CASE("stock: replenishment numbers, the to-reorder export, and low/zero counts") {
  app_test::Device device;
  auto& app = show_stock(device);
  app.prepare_frame();
  const auto& stock = stock_of(app);
  REQUIRE_FALSE(stock.reorder.empty());
  for (const auto& line : stock.reorder) CHECK(line.sold > 0);
  app.apply(app::ExportReorder{false});
  auto snapshot = app::snapshot(app);
  CHECK(snapshot["stock"]["lowProducts"] == stock.low_products);
  CHECK(snapshot["stock"]["zeroProducts"] == stock.zero_products);
  // Zeroing every warehouse of a product counts it as zero stock.
  const int zero_before = stock.zero_products;
  const auto& table = stock.table;
  std::int64_t product_id = 0;
  for (const auto& line : table.lines())
    if (line.free() > 0 && line.reserved == 0 && product_id == 0) {
      const auto& p = table.products()[line.product];
      bool quiet = true;
      for (const auto& other : table.lines())
        if (table.products()[other.product].product_id == p.product_id && (other.reserved > 0 || other.demand > 0)) quiet = false;
      if (quiet) product_id = p.product_id;
    }
  REQUIRE(product_id != 0);
  for (auto id : table.warehouse_ids()) app.apply(app::EditStock{product_id, id, 0});
  app.apply(app::PushStock{});
  device.settle(5'000);
  CHECK(stock_of(app).zero_products == zero_before + 1);
}

TEST_CASE("stock: product notes go into the backup and the pick list") {
  app_test::Device device;
  auto& app = show_stock(device);
  const core::StockProductInfo product = stock_of(app).table.products().front();  // a copy: a rename rebuilds the table
  app::ProductNote note;
  note.own_name = "蓝色马克杯";
  note.packaging.container = "bag";
  note.packaging.size = "20x15";
  note.packaging.weight_g = 350;
  note.note = "two layers";
  app.apply(app::EditProductNote{product.offer_id, note});
  device.settle(1'000);
  app.apply(app::ExportBackup{});
  device.settle(1'000);
  CHECK(device.saved_file.find("蓝色马克杯") != std::string::npos);

  const std::string packing = app.feature<app::StockScreen>().packing_text(product.offer_id);
  CHECK(packing == "蓝色马克杯; bag 20x15; 350 g; two layers");
  core::PickList list;
  list.rows.push_back({.sku = product.sku, .product_id = product.product_id, .offer_id = product.offer_id,
                       .name = product.name, .quantity = 2, .posting_numbers = {"1-1-1"}});
  core::PickListTextOptions options;
  options.total_label = "";
  options.packing_note = [&app](const core::PickListRow& row) {
    return app.feature<app::StockScreen>().packing_text(row.offer_id);
  };
  const std::string text = core::pick_list_text(list, options);
  CHECK(text.find("\tpacking\n") != std::string::npos);
  CHECK(text.find("\t1-1-1\t蓝色马克杯; bag 20x15; 350 g; two layers\n") != std::string::npos);
}

TEST_CASE("stock: the stock is kept on the device and shown, with its time, when the store cannot be reached") {
  app_test::Device device;
  auto& stock = show_stock(device).feature<app::StockScreen>();
  REQUIRE(stock.slice().loaded);
  CHECK_FALSE(stock.slice().from_cache);
  const auto rows = stock.slice().rows.size();
  const core::EpochMs loaded_at = stock.slice().as_of;
  const std::string name = stock.slice().names.begin()->second;
  device.settle(1'000);
  device.clock.advance(3'600'000);
  device.roads.market.faults().force_next(1'000, sandbox::FaultKnob::Kind::http500);
  device.reload([](app::App& app) { app.set_online(false); });
  const auto& cached = device.app->feature<app::StockScreen>().slice();
  CHECK(cached.from_cache);
  CHECK(cached.loaded);
  CHECK(cached.rows.size() == rows);
  CHECK(cached.as_of == loaded_at);
  CHECK(cached.names.begin()->second == name);
  CHECK(app::snapshot(*device.app)["stock"]["fromCache"] == true);
}
