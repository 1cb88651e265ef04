#pragma once
// What the seller sees: one struct the views draw from. Each feature adds its
// own slice here and its own view (orders today; plan, stock, chats, ... later).
#include <string>
#include <vector>

#include "app/i18n.h"
#include "app/store_config.h"
#include "core/clock.h"
#include "core/posting.h"

namespace app {

enum class View { orders, stores };

std::string_view view_name(View view);

struct DisplayInfo {
  int css_width = 0;
  int css_height = 0;
  float pixel_ratio = 1.0f;
};

// A failure shown to the seller: a translation key for the plain-words
// explanation plus the technical detail (status, Ozon's code and message).
struct Notice {
  std::string key;     // e.g. "problem.wrong_api_key"; "" = none
  std::string detail;  // never contains credentials
  bool empty() const { return key.empty(); }
};

struct StoresSlice {
  std::vector<StoreConfig> saved;  // the demo store is implicit, never saved
  // The store form as typed (a new store, or a saved one being edited).
  StoreConfig draft = [] {
    StoreConfig store;
    store.road = Road::local_proxy;
    return store;
  }();
  std::string active_id = "demo";
  StoreConfig active = demo_store();
  // Result of "Test connection" for the store being edited.
  enum class Check { idle, running, ok, failed } check = Check::idle;
  Notice check_notice;
  int check_warehouses = 0;
  int check_count = 0;  // connection tests started so far
};

struct OrdersSlice {
  std::vector<core::Posting> postings;
  bool loading = false;
  Notice error;
  core::EpochMs as_of = 0;  // when the list was last loaded
};

struct EmbeddingInfo {
  std::string origin;  // the allowed parent origin; "" = not embedded
  bool configured = false;
};

struct AppState {
  View view = View::orders;
  Lang lang = Lang::en;
  StoresSlice stores;
  OrdersSlice orders;
  EmbeddingInfo embedding;
  // Set when a setting could not be saved (e.g. storage disabled): shown, not hidden.
  std::string storage_warning;
  DisplayInfo display;
  long frames_drawn = 0;
};

}  // namespace app
