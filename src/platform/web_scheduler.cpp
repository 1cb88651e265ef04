#include "platform/web_scheduler.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include "platform/web_runner.h"

namespace platform {
namespace {

long tasks_run = 0;

// Every browser timer enters the app here. app.wasm holds only the code the
// start runs (tools/split_app.py), and the start runs a task (the store opens
// on one): a countdown's redraw, first due at a minute boundary well after
// the start, so needs nothing of app.deferred.wasm either. A callback of its
// own would be there, and fetched synchronously should it fire first.
void on_timer(void* data) {
  if (!data) {  // request_redraw_after
    request_redraw(1);
    return;
  }
  ++tasks_run;
  auto* task = static_cast<std::function<void()>*>(data);
  (*task)();
  delete task;
  request_redraw();
}

}  // namespace

long timer_tasks_run() { return tasks_run; }

void request_redraw_after(double delay_ms) { emscripten_set_timeout(on_timer, delay_ms, nullptr); }

void WebScheduler::after(std::int64_t delay_ms, std::function<void()> task) {
  auto* boxed = new std::function<void()>(std::move(task));
  emscripten_set_timeout(on_timer, static_cast<double>(delay_ms < 0 ? 0 : delay_ms), boxed);
}

}  // namespace platform
