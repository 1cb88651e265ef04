#include "app/product_pictures.h"

#include <cstdlib>
#include <map>
#include <utility>

#include "app/app.h"
#include "app/stock_screen.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"
#include "core/json_read.h"
#include "store/schema.h"

namespace app {
namespace {
constexpr std::string_view kRecordPrefix = "pictures:";  // + store id, in the catalog collection
}  // namespace

ProductPictures::ProductPictures(App& app) : Feature(app) { handle<ClearPictureCache>(this); }

const std::string* ProductPictures::url_for(std::string_view store_id, std::int64_t sku) const {
  return catalog_.url(store_id.empty() ? std::string_view(app_.state().stores.active_id) : store_id, sku);
}

std::vector<std::pair<std::string, std::vector<std::int64_t>>> ProductPictures::wanted() const {
  const AppState& state = app_.state();
  const std::string& active = state.stores.active_id;
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> out;
  const auto add = [&out](const std::string& store_id, std::int64_t sku) {
    if (out.empty() || out.back().first != store_id) out.emplace_back(store_id, std::vector<std::int64_t>{});
    out.back().second.push_back(sku);
  };
  const auto& list = state.orders.list;
  // The open posting: wherever it is shown, its products are at the packer's hands.
  if (const core::Posting* open = state.orders.open.empty() ? nullptr : list.find(state.orders.open))
    for (const auto& product : open->products) add(open->store_id.empty() ? active : open->store_id.str(), product.sku);
  if (state.view == "plan")  // the pick lists: what is still to pack
    for (const auto& group : state.plan.groups)
      for (const auto& number : group.posting_numbers)
        if (const core::Posting* p = list.find(number); p && p->status == core::PostingStatus::awaiting_packaging)
          for (const auto& product : p->products) add(group.store_id.empty() ? active : group.store_id, product.sku);
  if (state.view == "stock")
    for (const auto& product : app_.feature<StockScreen>().slice().table.products()) add(active, product.sku);
  return out;
}

// Looks at the screen again only when something that decides what it shows
// changed (an idle console draws no frames; a busy one must not rescan a
// large plan or stock table on each).
void ProductPictures::prepare_frame(bool /*on_screen*/) {
  const AppState& state = app_.state();
  if (state.view != last_view_) {
    last_view_ = state.view;
    if (state.view == "stores") ask_cache_info();  // the settings show the cache
  }
  const core::EpochMs retry = catalog_.next_retry();
  const bool retry_due = retry != 0 && app_.now() >= retry;
  std::string key = state.view + '\n' + state.orders.open + '\n' + state.stores.active_id + '\n' +
                    std::to_string(state.plan.computed_version) + '\n' +
                    std::to_string(state.orders.data_version) + '\n' +
                    std::to_string(app_.feature<StockScreen>().slice().data_version) + '\n' +
                    std::to_string(app_.feature<StockScreen>().slice().table.products().size()) + '\n' +
                    std::to_string(catalog_.version());
  if (key == asked_for_ && !retry_due) return;
  asked_for_ = std::move(key);
  for (auto& [store_id, skus] : wanted())
    for (auto& batch : catalog_.take_batches(store_id, skus, app_.now(), ozon::kProductInfoMax))
      ask(store_id, std::move(batch));
}

void ProductPictures::ask(const std::string& store_id, std::vector<std::int64_t> skus) {
  StoreSession* session = app_.session_for(store_id);
  auto request = ozon::build_product_info_list({}, {}, skus);
  if (!session || !request) {  // a store not open now: asked again later
    catalog_.failed(store_id, skus, app_.now() + kPictureRetryMs);
    return;
  }
  session->client().call(std::move(request.value()), &ozon::parse_product_info_list,
                         app_.guard([this, store_id, skus](ozon::Result<std::vector<core::Product>> products) {
                           if (!products) {
                             catalog_.failed(store_id, skus, app_.now() + kPictureRetryMs);
                             return;
                           }
                           catalog_.learn(store_id, skus, *products);
                           keep_offline_copy(store_id);
                         }));
}

// {"<sku>": "<url>", ...}: "" for a product known to have no picture.
void ProductPictures::keep_offline_copy(const std::string& store_id) {
  const auto* urls = catalog_.urls_of(store_id);
  if (!urls) return;
  nlohmann::json copy = nlohmann::json::object();
  for (const auto& [sku, url] : *urls) copy[std::to_string(sku)] = url;
  app_.put_offline_copy(store::collection::catalog, std::string(kRecordPrefix) + store_id, core::json_read::dump(copy));
}

void ProductPictures::on_local_records(const std::vector<store::Record>& records) {
  for (const auto& record : records) {
    if (record.collection != store::collection::catalog || record.key.rfind(kRecordPrefix, 0) != 0) continue;
    const auto copy = nlohmann::json::parse(record.value, nullptr, false);
    if (!copy.is_object()) continue;  // unreadable: asked again when shown
    std::map<std::int64_t, std::string> urls;
    for (const auto& [sku, url] : copy.items())
      if (url.is_string()) urls[std::strtoll(sku.c_str(), nullptr, 10)] = url.get<std::string>();
    catalog_.restore(record.key.substr(kRecordPrefix.size()), urls);
  }
}

void ProductPictures::ask_cache_info() {
  if (!app_.services().picture_page) return;
  app_.services().picture_page->cache_info(app_.guard([this](PictureCacheInfo info) { cache_info_ = info; }));
}

void ProductPictures::on(const ClearPictureCache&) {
  if (!app_.services().picture_page || clearing_) return;
  clearing_ = true;
  app_.services().picture_page->clear_cache(app_.guard([this] {
    clearing_ = false;  // pictures on the page stay shown; the next load of one fills the cache again
    ask_cache_info();
  }));
}

void ProductPictures::note_placed(const std::vector<PagePicture>& placed) {
  if (placed == placed_) return;
  placed_ = placed;
  placed_urls_.clear();
  for (const auto& picture : placed_) placed_urls_.insert(picture.url);
}

void ProductPictures::note_loaded(const std::string& url, bool ok) {
  (ok ? broken_ : loaded_).erase(url);
  (ok ? loaded_ : broken_).insert(url);
}

bool ProductPictures::drawn(const std::string& url) const {
  return placed_urls_.count(url) != 0 && loaded_.count(url) != 0;
}

void ProductPictures::write_snapshot(nlohmann::json& out) const {
  int loaded = 0, broken = 0;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& picture : placed_) {
    loaded += loaded_.count(picture.url) ? 1 : 0;
    broken += broken_.count(picture.url) ? 1 : 0;
    if (items.size() < 100)
      items.push_back({{"url", picture.url},
                       {"x", picture.x},
                       {"y", picture.y},
                       {"w", picture.w},
                       {"h", picture.h},
                       {"visible", {picture.clip_x, picture.clip_y, picture.clip_w, picture.clip_h}}});
  }
  out["pictures"] = {{"known", catalog_.known_count()},
                     {"asking", catalog_.asking_count()},
                     {"declared", placed_.size()},
                     {"loaded", loaded},
                     {"failed", broken},
                     {"placed", items},
                     {"cache",
                      {{"known", cache_info_.known},
                       {"entries", cache_info_.entries},
                       {"bytes", cache_info_.bytes},
                       {"unsized", cache_info_.unsized},
                       {"budgetBytes", cache_info_.budget_bytes},
                       {"clearing", clearing_}}}};
  // The open posting's lines: each one's picture and whether the packer sees it.
  auto orders = out.find("orders");
  if (orders == out.end() || !orders->contains("detail")) return;
  const AppState& state = app_.state();
  const core::Posting* open = state.orders.list.find(state.orders.open);
  if (!open) return;
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& product : open->products) {
    const std::string* url = url_for(open->store_id, product.sku);
    lines.push_back({{"sku", product.sku},
                     {"url", url ? *url : std::string()},
                     {"known", url != nullptr},
                     {"drawn", url && drawn(*url)}});
  }
  (*orders)["detail"]["pictures"] = lines;
}

}  // namespace app
