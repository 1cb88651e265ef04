#include "platform/attention.h"

#include <emscripten.h>

#include <utility>

#include "platform/web_runner.h"

namespace platform {
namespace {

std::function<void(std::string)> permission_answer;
std::function<void(std::uint64_t)> notification_clicked;

EM_JS(void, js_show_unseen_count, (int unseen), {
  if (Module.baseTitle === undefined) Module.baseTitle = document.title;
  document.title = unseen > 0 ? "(" + unseen + ") " + Module.baseTitle : Module.baseTitle;
  try {
    if (unseen > 0 && navigator.setAppBadge) navigator.setAppBadge(unseen).catch(function() {});
    else if (unseen <= 0 && navigator.clearAppBadge) navigator.clearAppBadge().catch(function() {});
  } catch (e) {}
});

// 0 default, 1 granted, 2 denied, 3 unsupported.
EM_JS(int, js_notification_permission, (), {
  if (typeof Notification === "undefined") return 3;
  return Notification.permission === "granted" ? 1 : Notification.permission === "denied" ? 2 : 0;
});

EM_JS(void, js_ask_notification_permission, (), {
  var code = function(p) { return p === "granted" ? 1 : p === "denied" ? 2 : 0; };
  if (typeof Notification === "undefined") { Module._sc_notification_permission(3); return; }
  try {
    Promise.resolve(Notification.requestPermission())
        .then(function(p) { Module._sc_notification_permission(code(p)); })
        .catch(function() { Module._sc_notification_permission(code(Notification.permission)); });
  } catch (e) {
    Module._sc_notification_permission(code(Notification.permission));
  }
});

EM_JS(void, js_show_notification, (const char* title, const char* body, double alert_id), {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  try {
    var shown = new Notification(UTF8ToString(title), {body : UTF8ToString(body), tag : "alert-" + alert_id});
    shown.onclick = function() {
      window.focus();
      Module._sc_notification_clicked(alert_id);
      shown.close();
    };
    (Module.notificationsShown = Module.notificationsShown || []).push(UTF8ToString(body));
  } catch (e) {}
});

// Two short tones; the audio context is made once (a browser may keep it
// suspended until the page had a click: then there is silence, not an error).
EM_JS(void, js_play_alert_sound, (), {
  try {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    var ctx = Module.alertAudio || (Module.alertAudio = new Context());
    if (ctx.state === "suspended" && ctx.resume) ctx.resume().catch(function() {});
    [ 0, 0.18 ].forEach(function(offset, i) {
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = i === 0 ? 880 : 660;
      gain.gain.setValueAtTime(0.15, ctx.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + offset + 0.15);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(ctx.currentTime + offset);
      osc.stop(ctx.currentTime + offset + 0.16);
    });
    Module.alertSounds = (Module.alertSounds || 0) + 1;
  } catch (e) {}
});

const char* permission_name(int code) {
  switch (code) {
    case 1: return "granted";
    case 2: return "denied";
    case 3: return "unsupported";
    default: return "default";
  }
}

}  // namespace

void show_unseen_count(int unseen) { js_show_unseen_count(unseen); }

std::string notification_permission() { return permission_name(js_notification_permission()); }

void ask_notification_permission(std::function<void(std::string)> done) {
  permission_answer = std::move(done);
  js_ask_notification_permission();
}

void show_notification(const std::string& title, const std::string& body, std::uint64_t alert_id) {
  js_show_notification(title.c_str(), body.c_str(), static_cast<double>(alert_id));
}

void on_notification_click(std::function<void(std::uint64_t)> on_click) { notification_clicked = std::move(on_click); }

void play_alert_sound() { js_play_alert_sound(); }

}  // namespace platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void sc_notification_permission(int code) {
  if (auto answer = std::exchange(platform::permission_answer, {})) answer(platform::permission_name(code));
  platform::request_redraw(1);
}

EMSCRIPTEN_KEEPALIVE void sc_notification_clicked(double alert_id) {
  if (platform::notification_clicked) platform::notification_clicked(static_cast<std::uint64_t>(alert_id));
  platform::request_redraw(1);
}

}  // extern "C"
