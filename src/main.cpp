// Wires the layers together: platform (browser) -> app (state, actions) -> ui (views).
#include <imgui.h>

#include <emscripten.h>

#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>

#include "app/alerts_screen.h"
#include "app/app.h"
#include "app/backup.h"
#include "app/product_pictures.h"
#include "app/snapshot.h"
#include "app/stock_screen.h"
#include "app/storage_bench.h"
#include "core/json_read.h"
#include "platform/attention.h"
#include "platform/automation_hook.h"
#include "platform/bench_hook.h"
#include "platform/browser.h"
#include "platform/demo_transport.h"
#include "platform/clipboard.h"
#include "platform/documents.h"
#include "platform/fetch_transport.h"
#include "platform/font_file.h"
#include "platform/language_pack.h"
#include "platform/indexeddb_store.h"
#include "platform/local_files.h"
#include "platform/page_events.h"
#include "platform/page_overlay.h"
#include "platform/portal.h"
#include "platform/translator.h"
#include "platform/camera_scanner.h"
#include "platform/video_recorder.h"
#include "platform/text_input.h"
#include "platform/web_runner.h"
#include "platform/web_scheduler.h"
#include "ui/automation.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/product_picture.h"
#include "ui/text_fields.h"
#include "ui/views.h"

namespace {

// The road of each store: the demo marketplace in its worker, the portal's
// postMessage bridge, or fetch() to a proxy / the portal's address.
class BrowserTransports final : public app::TransportFactory {
 public:
  BrowserTransports(core::Clock& clock, core::Scheduler& scheduler) : clock_(clock), scheduler_(scheduler) {}

  std::unique_ptr<net::Transport> make(const app::StoreConfig& store) override {
    switch (store.road) {
      case app::Road::demo:  // each demo store has its own marketplace (and data) in the demo worker
        return std::make_unique<platform::DemoTransport>(store.id, app::demo_store_index(store.id), clock_, scheduler_);
      case app::Road::portal_bridge: return std::make_unique<platform::BridgeTransport>();
      case app::Road::local_proxy:
      case app::Road::proxy_url:
      case app::Road::direct:
      case app::Road::portal_fetch: break;
    }
    return std::make_unique<platform::FetchTransport>(
        platform::FetchTarget{app::api_base_url(store), store.client_id, store.api_key});
  }

 private:
  core::Clock& clock_;
  core::Scheduler& scheduler_;
};

struct Console {
  core::SystemClock clock;
  platform::WebScheduler scheduler;
  platform::LocalStorageSettings settings;
  platform::IndexedDbStore records;
  platform::PageOverlay overlay;
  platform::WebVideoRecorder video;
  BrowserTransports transports{clock, scheduler};
  app::App app{{settings, clock, scheduler, transports,
                [](const std::string& text) { platform::copy_to_clipboard(text.c_str()); },
                [](const std::string& name, const std::vector<std::string>& parts) {
                  platform::publish_document(name, parts);
                },
                [](bool download) { download ? platform::save_document() : platform::open_document(); },
                [](const std::string& name, const std::string& text) { platform::show_text(name, text); },
                &records, &overlay, [] { platform::apply_update(); },
                [](const std::string& name, const std::string& text) { platform::save_text_file(name, text); },
                // One byte over the cap: a bigger file is refused by its size, never read whole.
                [](std::function<void(std::string)> done) {
                  platform::pick_text_file(std::move(done), app::kBackupMaxBytes + 1);
                },
                [] { platform::reload_page(); }, [] { platform::request_storage_access(); },
                [](int unseen) { platform::show_unseen_count(unseen); },
                [](const std::string& title, const std::string& body, std::uint64_t alert_id) {
                  platform::show_notification(title, body, alert_id);
                },
                [] { platform::play_alert_sound(); },
                [](std::function<void(std::string)> done) { platform::ask_notification_permission(std::move(done)); },
                [](const std::string& text, const std::string& from, const std::string& to,
                   std::function<void(bool, std::string)> done) {
                  platform::translate(text, from, to, std::move(done));
                },
                [](const std::string& text, std::function<void(std::string)> done) {
                  platform::detect_language(text, std::move(done));
                },
                [] { platform::print_document(); },

                [](bool back, app::CameraHooks hooks) { platform::open_camera(back, std::move(hooks)); },
                [] { platform::close_camera(); }, [] { platform::switch_camera(); },
                [](bool on) { platform::set_torch(on); },
                [](app::Lang lang, std::function<void(bool, std::string)> done) {
                  platform::fetch_language_pack(std::string(app::lang_code(lang)),
                                                [done](bool ok, platform::LanguagePack pack, std::string error) {
                                                  if (!ok) return done(false, std::move(error));
                                                  if (!pack.font.empty()) ui::set_chinese_ui_font(std::move(pack.font));
                                                  if (!pack.font_rest.empty())
                                                    ui::set_chinese_rest_font(std::move(pack.font_rest), 0);
                                                  done(true, std::move(pack.json));
                                                });
                },
                &video},
               platform::browser_languages()};
  app::ActionQueue actions;
  bool fonts_with_chinese = false;  // the atlas has the Chinese UI glyphs
  bool start_after_first_frame = false;
};

}  // namespace

int main() {
  // Lives for the whole page: the runtime stays up after main returns.
  static Console console;
  // The UI language's strings (and Chinese font), fetched by boot.js beside
  // app.wasm: in place before the first frame.
  if (auto pack = platform::take_boot_language_pack()) {
    if (!pack->font.empty()) ui::set_chinese_ui_font(std::move(pack->font));
    (void)console.app.add_language(app::lang_from_code(pack->lang), pack->json);
  }
  platform::js_mark("appBuilt");

  platform::install_automation({
      .snapshot_json =
          [] {
            console.app.prepare_frame();  // derived state as the next frame will show it
            auto json = app::snapshot(console.app);
            const auto text = platform::text_input_state();
            json["textInput"] = {{"focused", text.focused},
                                 {"composing", text.composing},
                                 {"composition", text.composition},
                                 {"wantText", text.want_text},
                                 {"extraGlyphs", ui::extra_glyph_count()},
                                 {"atlasGlyphs", ui::atlas_glyph_count()},
                                 {"chineseRestFont", ui::chinese_rest_font_state()},
                                 {"uiGlyphsMissing", ui::missing_ui_glyph_count()},
                                 {"uiKeysMissing", ui::missing_ui_text_keys()}};
            return core::json_read::dump(json);
          },
      .item_rect = [](const std::string& name) -> std::optional<platform::WidgetRect> {
        auto rect = ui::automation::rect(name);
        if (!rect) return std::nullopt;
        return platform::WidgetRect{rect->x, rect->y, rect->w, rect->h};
      },
  });

  platform::install_demo_bench(
      [](std::size_t open) { platform::grow_demo_stores(static_cast<int>(open), console.clock.now_ms()); });
  platform::install_stock_bench(
      [](std::size_t products) { console.app.feature<app::StockScreen>().replace_stock_for_benchmark(products); });
  platform::install_bench(
      [](std::size_t count) { console.app.replace_postings_for_benchmark(count); },
      [](std::size_t postings, std::size_t entries, std::function<void(const std::string&)> done) {
        app::run_storage_bench(console.records, console.clock, console.scheduler, console.app.state().orders.list.postings(),
                               postings, entries, [] { return emscripten_get_now(); },
                               [done](const app::StorageBenchResult& r) {
                                 done(core::json_read::dump(nlohmann::json{{"draftPersistMs", r.draft_persist_ms},
                                                     {"writePostingsMs", r.write_postings_ms},
                                                     {"writeOutboxMs", r.write_outbox_ms},
                                                     {"loadAllMs", r.load_all_ms},
                                                     {"parsePostingsMs", r.parse_postings_ms},
                                                     {"longestParseMs", r.longest_parse_ms},
                                                     {"restoreOutboxMs", r.restore_outbox_ms},
                                                     {"postings", r.postings},
                                                     {"outboxEntries", r.outbox_entries},
                                                     {"bytesWritten", r.bytes_written},
                                                     {"error", r.error}}));
                               });
      });

  // Inside a seller portal's iframe, wait for its configuration instead of
  // opening the demo store.
  const platform::PortalLink portal = platform::start_portal_link(CONSOLE_VERSION, [](app::PortalConfig config) {
    console.app.apply(app::ConfigureFromPortal{std::move(config)});
    platform::request_redraw();
  });
  auto& embedding = console.app.mutable_state().embedding;
  embedding.origin = portal.origin;
  embedding.refused = portal.refused;
  embedding.refused_detail = portal.detail;
  platform::on_storage_mode([](app::StorageMode mode, bool access_possible) {
    console.app.set_storage_mode(mode, access_possible);
  });
  console.app.mutable_state().utc_offset_minutes = platform::utc_offset_minutes();
  console.app.feature<app::AlertsScreen>().set_permission(platform::notification_permission());
  platform::on_notification_click([](std::uint64_t alert_id) {
    console.app.apply(app::OpenAlert{alert_id});
  });
  platform::probe_translator([](bool available) { console.app.set_translator_available(available); });
  platform::on_picture_loaded([](const std::string& url, bool ok) {
    console.app.feature<app::ProductPictures>().note_loaded(url, ok);
  });
  platform::on_text_typed([](std::string_view text) { ui::note_glyphs(text); });
  console.app.set_text_observer([](std::string_view key, const char* text) { ui::note_ui_text(key, text); });
  platform::install_page_events({
      .online = [](bool online) { console.app.set_online(online); },
      .hidden = [] { console.app.flush_drafts(); },
      .update_available = [](bool available) { console.app.set_update_available(available); },
      .storage = [](bool persisted, double usage, double quota) { console.app.set_storage_info(persisted, usage, quota); },
  });

  platform::start_runner({
      .rebuild_fonts =
          [](float ratio) {
            console.fonts_with_chinese = console.app.state().lang == app::Lang::zh;
            // The first frame shows no data: its atlas holds the UI strings' glyphs only.
            ui::build_fonts(ratio, console.app.translations(), console.fonts_with_chinese,
                            /*only_ui_strings=*/platform::frames_drawn() == 0);
          },
      .fonts_stale =
          [] {
            return console.fonts_with_chinese != (console.app.state().lang == app::Lang::zh) ||
                   ui::fonts_need_rebuild();
          },
      .draw =
          [](int css_width, int css_height, float pixel_ratio) {
            auto& state = console.app.mutable_state();
            state.display = {css_width, css_height, pixel_ratio};
            state.frames_drawn = platform::frames_drawn() + 1;
            console.app.prepare_frame();
            ui::automation::begin_frame();
            ui::begin_frame_glyph_check();
            ui::text_fields::begin_frame();
            ui::page_pictures::begin_frame();
            ui::draw_root(console.app, console.actions);
            ui::end_frame_glyph_check();
            ui::automation::end_frame();
            ui::page_pictures::end_frame(console.app);
            console.app.feature<app::ProductPictures>().note_placed(ui::page_pictures::placed());
            if (ui::text_fields::end_frame()) {
              std::vector<platform::WidgetRect> fields;
              for (const auto& f : ui::text_fields::drawn()) fields.push_back({f.x, f.y, f.w, f.h});
              platform::set_text_fields(fields);
            }
          },
      .after_frame =
          [] {
            // Characters met that the atlas lacks: the next frame adds them,
            // from the larger Chinese font once it is here.
            if (ui::wants_extra_font())
              platform::fetch_font_file("ui-cjk-extra.ttf",
                                        [](std::vector<unsigned char> bytes) { ui::set_extra_font(std::move(bytes)); });
            // The rest of the Chinese UI font: the first frame is up without it.
            if (ui::wants_chinese_rest_font(console.clock.now_ms())) {
              ui::chinese_rest_font_requested();
              platform::fetch_font_file("ui-cjk-rest.ttf", [](std::vector<unsigned char> bytes) {
                ui::set_chinese_rest_font(std::move(bytes), console.clock.now_ms());
              });
            }
            if (ui::fonts_need_rebuild()) platform::request_redraw(1);
            if (ui::touch_scroll_moving()) platform::request_redraw(1);  // a flick still moving
            // The app opens its store once the first frame is up: starting
            // the demo worker, reading IndexedDB or waiting for a network
            // must not delay the first paint.
            if (console.start_after_first_frame) {
              console.start_after_first_frame = false;
              console.scheduler.after(0, [] { console.app.start(); });
            }
            // A countdown on screen (deadlines, cutoffs, a label retry) changes:
            // one frame then, nothing in between. The features say which.
            static core::EpochMs redraw_scheduled_for = 0;
            if (const auto next = console.app.next_redraw_at(); next && *next != redraw_scheduled_for) {
              redraw_scheduled_for = *next;
              platform::request_redraw_after(static_cast<double>(*next - console.clock.now_ms()));
            }
            if (console.actions.empty()) return;
            console.app.apply_all(console.actions);
            platform::request_redraw();
          },
  });
  // An embedder not on the site's list gets nothing: no store opens under it.
  console.start_after_first_frame = portal.origin.empty() && portal.refused.empty();
  return 0;
}
