// The registry: every feature of the console, in navigation order. Adding a
// screen means one line here (its files register their own actions,
// snapshot, drafts and redraw needs; its view registers itself in ui/).
#include "app/alerts_screen.h"
#include "app/camera_scan.h"
#include "app/chats_screen.h"
#include "app/numbers_screen.h"
#include "app/orders_screen.h"
#include "app/packing_video.h"
#include "app/plan_screen.h"
#include "app/product_pictures.h"
#include "app/reply_templates.h"
#include "app/returns_screen.h"
#include "app/reviews_screen.h"
#include "app/stock_screen.h"
#include "app/stores_screen.h"

namespace app {

void add_screens(App& app, std::vector<std::unique_ptr<Feature>>& features) {
  features.push_back(std::make_unique<OrdersScreen>(app));
  features.push_back(std::make_unique<PlanScreen>(app));
  features.push_back(std::make_unique<StockScreen>(app));
  features.push_back(std::make_unique<ChatsScreen>(app));
  features.push_back(std::make_unique<ReturnsScreen>(app));
  features.push_back(std::make_unique<ReviewsScreen>(app));
  features.push_back(std::make_unique<NumbersScreen>(app));
  features.push_back(std::make_unique<AlertsScreen>(app));
  features.push_back(std::make_unique<StoresScreen>(app));
  features.push_back(std::make_unique<ReplyTemplates>(app));
  features.push_back(std::make_unique<ProductPictures>(app));  // after the screens: adds to the orders snapshot
  features.push_back(std::make_unique<CameraScan>(app));
  features.push_back(std::make_unique<PackingVideo>(app));  // after the camera it records, and the orders snapshot
}

}  // namespace app
