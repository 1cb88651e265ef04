#include <doctest/doctest.h>

#include "app/app.h"
#include "app/snapshot.h"

namespace {
// A settings store that refuses every write, like a browser in private mode
// with storage disabled.
class RefusingSettings final : public store::SettingsStore {
 public:
  std::optional<std::string> get(const std::string&) const override { return std::nullopt; }
  bool set(const std::string&, const std::string&) override { return false; }
};
}  // namespace

TEST_CASE("the language defaults to the browser's and a choice is remembered") {
  store::MemorySettingsStore settings;
  {
    app::App first(settings, {"zh-CN", "en"});
    CHECK(first.state().lang == app::Lang::zh);
    app::ActionQueue actions;
    actions.push(app::SetLanguage{app::Lang::ru});
    first.apply_all(actions);
    CHECK(first.state().lang == app::Lang::ru);
    CHECK(actions.empty());
  }
  CHECK(settings.get(app::kLangSettingKey) == "ru");
  app::App reloaded(settings, {"zh-CN"});
  CHECK(reloaded.state().lang == app::Lang::ru);
  CHECK(std::string(reloaded.tr("app.title")) == "Консоль продавца Ozon");
}

TEST_CASE("a setting that cannot be saved is reported, and the choice still applies") {
  RefusingSettings settings;
  app::App app(settings, {"en"});
  app.apply(app::SetLanguage{app::Lang::zh});
  CHECK(app.state().lang == app::Lang::zh);
  CHECK(app.state().storage_warning == "storage.unavailable");
  CHECK(app::snapshot(app.state())["storageWarning"] == "storage.unavailable");
}

TEST_CASE("the snapshot names the view and the language") {
  store::MemorySettingsStore settings;
  app::App app(settings, {"ru-RU"});
  const auto snap = app::snapshot(app.state());
  CHECK(snap["view"] == "home");
  CHECK(snap["lang"] == "ru");
  CHECK(snap.contains("display"));
}
