#pragma once
// The Stock screen: FBS/rFBS stock per product and warehouse (present,
// reserved, free), what the open postings ask of it (shortages and the
// postings at risk), the seller's edits pushed to Ozon through the outbox
// within Ozon's limits, replenishment (sales, days of cover, reorder point),
// and the seller's own notes per product for packing. Implemented across
// stock_screen.cpp (loading, derived numbers, actions), stock_push.cpp (edits
// to Ozon and back) and stock_drafts.cpp (what is kept on the device, the
// snapshot).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/app.h"
#include "core/finance.h"
#include "core/replenishment.h"
#include "core/stock.h"
#include "core/stock_demand.h"
#include "core/stock_paste.h"
#include "core/stock_push.h"
#include "core/bundle.h"
#include "core/stock_table.h"

namespace app {

inline constexpr std::string_view kStockChangeKind = "stock_update";

// How a product is packed: the seller's preset, shown while verifying and packing.
struct PackagingPreset {
  std::string container;  // "box" | "bag" | "envelope" | "" (not set)
  std::string size;       // free text, e.g. "20x15x10 cm" or "M"
  std::string material;   // free text, e.g. "bubble wrap"
  bool fragile = false;
  int weight_g = 0;       // packed weight; 0 = not set
  core::Kopecks cost = 0;  // what packing one unit costs the seller (box, filler); 0 = not set
  bool operator==(const PackagingPreset&) const = default;
};

// The seller's own data about a product, kept on this device (and in backups).
struct ProductNote {
  std::string own_name;  // e.g. the Chinese name next to Ozon's Russian one
  PackagingPreset packaging;
  std::string note;
  core::ReorderSettings reorder;
  core::Kopecks unit_cost = 0;  // what one unit costs the seller (for the margin); 0 = not set
  // A set: its parts as the seller typed them ("MUG-01 x2, BOX-7"; core/bundle.h).
  std::string set_parts;
  bool operator==(const ProductNote&) const = default;
  bool empty() const { return *this == ProductNote{}; }
};
nlohmann::json to_json(const ProductNote& note);
ProductNote product_note_from_json(const nlohmann::json& json);  // tolerant: missing or odd fields keep defaults

// One edit of a cell: the free units the seller wants Ozon to hold.
struct StockEditState {
  std::int64_t product_id = 0;
  std::int64_t warehouse_id = 0;
  std::int64_t sku = 0;
  std::string offer_id;
  std::int64_t stock = 0;
  enum class State { draft, pushing, refused } state = State::draft;
  std::string code;     // refused: Ozon's code
  std::string message;  // and message
};

struct StockSlice {
  bool loading = false;
  Notice error;
  core::EpochMs as_of = 0;
  bool loaded = false;  // the rows are Ozon's (not before the first load)
  bool from_cache = false;  // the rows are this device's copy (offline), as of as_of
  std::vector<core::StockRow> rows;  // every product at every FBS/rFBS warehouse
  std::vector<core::StockRow> catalogue;  // one per product (no warehouse): the FBS SKU and ids
  std::size_t warehouses_in_grid = 0;     // the warehouse list's size when the rows were completed
  std::map<std::int64_t, std::string> names;  // product_id -> Ozon's name
  core::StockTable table;
  core::StockQuery query;
  int data_version = 0;  // bumped when rows, postings or notes change what is derived

  // Derived from the rows and the open postings (demand and shortages only
  // while the Stock screen or a posting detail is shown).
  std::map<core::StockKey, core::StockDemand> demand;
  std::vector<core::Shortage> shortages;
  std::vector<core::ReorderLine> reorder;  // every product with sales, to_reorder ones first
  int low_products = 0;   // sold something and free stock at or below the reorder point
  int zero_products = 0;  // no free stock at any warehouse
  int computed_version = -1;
  int computed_orders_version = -1;
  bool demand_stale = true;  // shortages wait until something shows them

  // Edits: drafts until pushed, then pushing (in the outbox or waiting for
  // Ozon's limits), refused (with Ozon's reason) or gone (accepted).
  std::map<std::pair<std::int64_t, std::int64_t>, StockEditState> edits;  // (product_id, warehouse_id)
  core::StockPushHistory history;
  core::EpochMs replan_at = 0;  // a timer re-plans waiting edits then
  struct LastPush {
    int calls = 0;
    int sent = 0;      // items sent
    int accepted = 0;  // items Ozon updated
    int waiting = 0;   // items held by the limits
    struct Error {
      std::string offer_id;
      std::int64_t warehouse_id = 0;
      std::string code;
      std::string message;
    };
    std::vector<Error> errors;
  } last_push;

  // Stock pasted from a spreadsheet, previewed before it becomes edits.
  bool paste_open = false;
  std::string paste_text;
  std::int64_t paste_warehouse = 0;  // for two-column lines
  core::StockPasteResult paste;

  std::map<std::string, ProductNote> notes;  // by offer_id
  std::int64_t selected_product = 0;         // product_id in the detail panel; 0 = none
  std::string tab = "stock";                 // "stock" | "shortages" | "reorder"
};

// Actions of the Stock screen.
struct RefreshStock {};
struct SetStockQuery {
  core::StockQuery query;
};
struct SetStockTab {
  std::string tab;
};
// A cell edited (nullopt: drop the edit).
struct EditStock {
  std::int64_t product_id;
  std::int64_t warehouse_id;
  std::optional<std::int64_t> stock;
};
struct DiscardStockEdits {};
struct PushStock {};
struct OpenStockPaste {
  bool open;
};
struct EditStockPaste {
  std::string text;
  std::int64_t default_warehouse;
};
struct ApplyStockPaste {};
struct SelectStockProduct {
  std::int64_t product_id;
};
struct EditProductNote {
  std::string offer_id;
  ProductNote note;
};
// The "to reorder" list: copied as tab-separated text, or saved as CSV.
struct ExportReorder {
  bool save_csv;
};

class StockScreen final : public Feature {
 public:
  explicit StockScreen(App& app);
  static constexpr std::string_view kId = "stock";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'k'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;
  void on_local_records(const std::vector<store::Record>& records) override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;
  void forget_local_data() override;
  bool owns_change(std::string_view kind) const override { return kind == kStockChangeKind; }
  void verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) override;
  void on_change_finished(const OutboxEntry& entry) override;

  const StockSlice& slice() const { return slice_; }
  // For the posting detail and the pick list.
  const ProductNote* note_for(const std::string& offer_id) const;
  const core::Shortage* shortage_for(std::int64_t sku, std::int64_t warehouse_id) const;
  // One line for the pick list ("bubble wrap, box 20x15x10, fragile, 350 g; note"), "" = none.
  std::string packing_text(const std::string& offer_id) const;
  // The sets the seller defined (notes whose parts read), with each part's SKU
  // where the catalogue knows it.
  core::BundleBook bundle_book() const;
  // Benchmarks: `products` x `warehouses` (the loaded ones, then made-up
  // ones), generated from the loaded rows.
  void replace_stock_for_benchmark(std::size_t products, std::size_t warehouses = 5);

  void on(const RefreshStock&);
  void on(const SetStockQuery&);
  void on(const SetStockTab&);
  void on(const EditStock&);
  void on(const DiscardStockEdits&);
  void on(const PushStock&);
  void on(const OpenStockPaste&);
  void on(const EditStockPaste&);
  void on(const ApplyStockPaste&);
  void on(const SelectStockProduct&);
  void on(const EditProductNote&);
  void on(const ExportReorder&);

 private:
  void reset_slice();
  void load();
  void load_names(std::vector<core::ProductStock> catalogue, int generation);
  void load_rows(std::vector<core::ProductStock> catalogue, int generation);
  bool add_missing_cells(std::vector<core::StockRow>& rows) const;
  void set_rows(std::vector<core::StockRow> rows);
  // The stock as last loaded, kept on the device for an offline start (stock_cache.cpp).
  void cache_rows();
  // Reads the stock of these SKUs again (after a push) and merges it.
  void reload_skus(const std::vector<std::int64_t>& skus);
  void merge_rows(const std::vector<core::StockRow>& fresh);
  void rebuild_table();
  void recompute_numbers();  // free stock, replenishment, low/zero counts
  void recompute_demand();   // open postings' demand and shortages
  // Plans the pushing edits within Ozon's limits and hands the calls to the outbox.
  void plan_push();
  void schedule_replan(core::EpochMs at);
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs_in_outbox() const;
  // Edits left "pushing" that are not in the outbox (after a reload) go again.
  void resume_pushing();
  // Drafts: one record per store ("stock:<store id>").
  static std::string store_key(std::string_view store_id);
  nlohmann::json drafts_json() const;
  nlohmann::json edits_json() const;
  void apply_drafts_json(const nlohmann::json& draft);

  StockSlice slice_;
  std::string store_id_;  // the store slice_ belongs to
  std::unordered_map<std::string, core::PasteProduct> offers_;  // offer_id -> ids, for pasted lines
  int generation_ = 0;  // a newer load or store switch ignores older replies
  // Drafts read at start for stores not open now, kept as they were.
  std::map<std::string, nlohmann::json> other_store_drafts_;
  bool replan_scheduled_ = false;
};

}  // namespace app
