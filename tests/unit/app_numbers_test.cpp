// The Numbers screen against the in-process demo marketplace: Ozon's
// indicators with thresholds, the console's own on-time figures, sales read
// once per period (Ozon's analytics limit), profit per posting with the
// seller's costs, shipping presets kept on the device, CSV tables.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/numbers_screen.h"
#include "app/snapshot.h"
#include "app/stock_screen.h"
#include "app_test_support.h"

namespace {

const app::NumbersSlice& numbers_of(app::App& app) { return app.feature<app::NumbersScreen>().slice(); }

app::App& show_numbers(app_test::Device& device) {
  device.app->apply(app::ShowView{"numbers"});
  device.app->prepare_frame();
  device.settle(30'000);
  return *device.app;
}

int calls(app_test::Device& device, std::string_view path) { return device.roads.market.faults().calls(path); }

}  // namespace

TEST_CASE("numbers: Ozon's indicators with thresholds, sales and finance read when first shown") {
  app_test::Device device;
  CHECK(calls(device, "/v1/rating/summary") == 0);
  auto& app = show_numbers(device);
  const auto& slice = numbers_of(app);
  REQUIRE(slice.rating_loaded);
  CHECK(slice.rating_error.empty());
  REQUIRE_FALSE(slice.indicators.empty());
  bool thresholds = false, history = false;
  for (const auto& view : slice.indicators) {
    thresholds = thresholds || (view.warning && view.danger);
    history = history || !view.history.empty();
  }
  CHECK(thresholds);
  CHECK(history);
  CHECK_FALSE(slice.sales_loading);
  CHECK(slice.sales_error.empty());
  CHECK(slice.daily.size() == 30);  // every day of the period, days with no sales as zero
  CHECK_FALSE(slice.finance_loading);
  CHECK(slice.finance_error.empty());
  REQUIRE_FALSE(slice.profit.empty());
  for (const auto& row : slice.profit)  // the parts add up to the payout, exactly
    CHECK(row.finance.sale + row.finance.commission + row.finance.logistics + row.finance.delivery_income +
              row.finance.other ==
          row.finance.payout);
  CHECK(slice.profit.front().margin <= slice.profit.back().margin);  // losing money first

  const auto snap = app::snapshot(app)["numbers"];
  CHECK(snap["indicators"].size() == slice.indicators.size());
  CHECK(snap["sales"]["daily"].size() == 30);
  CHECK(snap["finance"]["postings"] == slice.finance.size());
  CHECK(snap["profit"].size() == std::min<std::size_t>(slice.profit.size(), 50));
}

TEST_CASE("numbers: sales are read once per store and period, not again when the period comes back") {
  app_test::Device device;
  auto& app = show_numbers(device);
  const int first = calls(device, "/v1/analytics/data");
  CHECK(first == 2);  // by day and by SKU
  app.apply(app::SetNumbersPeriod{7});
  device.settle(30'000);
  CHECK(numbers_of(app).daily.size() == 7);
  app.apply(app::SetNumbersPeriod{30});
  device.settle(30'000);
  CHECK(calls(device, "/v1/analytics/data") == first + 2);  // 7 days read; 30 days from the cache
  CHECK(numbers_of(app).daily.size() == 30);
}

TEST_CASE("numbers: the seller's unit cost lowers the margin by cost x quantity") {
  app_test::Device device;
  auto& app = show_numbers(device);
  const auto& slice = numbers_of(app);
  REQUIRE_FALSE(slice.profit.empty());
  const core::ProfitRow row = slice.profit.front();
  const core::Posting* posting = nullptr;
  for (const auto& p : app.state().orders.list.postings())
    if (p.posting_number == row.posting_number) posting = &p;
  REQUIRE(posting != nullptr);
  REQUIRE_FALSE(posting->products.empty());
  const auto& product = posting->products.front();
  app::ProductNote note;
  note.unit_cost = 12'345;  // 123.45 RUB
  app.apply(app::EditProductNote{product.offer_id, note});
  device.settle(1'000);  // recomputed from the notes, no new request
  const core::ProfitRow* after = nullptr;
  for (const auto& r : numbers_of(app).profit)
    if (r.posting_number == row.posting_number) after = &r;
  REQUIRE(after != nullptr);
  CHECK(after->goods_cost >= 12'345 * product.quantity);
  CHECK(after->margin == after->finance.payout - after->goods_cost - after->packaging_cost);
}

TEST_CASE("numbers: a shipping preset is matched, costed by its tariff and kept across a restart") {
  app_test::Device device;
  auto& app = show_numbers(device);
  core::ShippingPreset preset;
  preset.name = "Everything";
  preset.carrier = "СДЭК";
  preset.zone = std::string("1");  // assigned from a literal, GCC 12 -O3 warns falsely (-Wrestrict)
  preset.tariff = {{"1", 500, 19'000}, {"1", 100'000, 45'000}};
  app.apply(app::EditPreset{""});
  app.apply(app::UpdatePresetDraft{preset});
  app.apply(app::SavePresetDraft{});
  REQUIRE(numbers_of(app).presets.size() == 1);
  const auto& postings = app.state().orders.list.postings();
  REQUIRE_FALSE(postings.empty());
  const auto shipping = app.feature<app::NumbersScreen>().shipping_for(postings.front());
  REQUIRE(shipping.preset != nullptr);
  CHECK(shipping.preset->name == "Everything");
  CHECK_FALSE(shipping.expected_cost);  // no packed weight in the product notes yet

  device.settle(1'000);
  device.reload();
  auto& again = show_numbers(device);
  REQUIRE(numbers_of(again).presets.size() == 1);
  CHECK(numbers_of(again).presets.front().tariff.size() == 2);
  CHECK(app::snapshot(again)["numbers"]["presets"][0]["carrier"] == "СДЭК");
}

TEST_CASE("numbers: every table saves as CSV with its header, negative money as numbers") {
  app_test::Device device;
  auto& app = show_numbers(device);
  const auto& screen = app.feature<app::NumbersScreen>();
  for (const char* table : {"indicators", "on_time", "cancellations", "sales_days", "sales_products", "profit",
                            "profit_products", "profit_days", "shipping"}) {
    CAPTURE(table);
    const std::string csv = screen.table_csv(table);
    CHECK(csv.find("\r\n") != std::string::npos);
  }
  const std::string profit = screen.table_csv("profit");
  CHECK(profit.rfind("posting_number,day,sale,", 0) == 0);
  CHECK(profit.find(",'-") == std::string::npos);  // "-54.75" stays a number
  app.apply(app::ExportNumbersTable{"profit"});
  CHECK(device.saved_file == profit);
  CHECK(screen.table_csv("no such table").empty());
}
