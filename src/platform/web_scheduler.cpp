#include "platform/web_scheduler.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include "platform/web_runner.h"

namespace platform {
namespace {

long tasks_run = 0;

void run_task(void* data) {
  ++tasks_run;
  auto* task = static_cast<std::function<void()>*>(data);
  (*task)();
  delete task;
  request_redraw();
}

}  // namespace

long timer_tasks_run() { return tasks_run; }

void WebScheduler::after(std::int64_t delay_ms, std::function<void()> task) {
  auto* boxed = new std::function<void()>(std::move(task));
  emscripten_set_timeout(run_task, static_cast<double>(delay_ms < 0 ? 0 : delay_ms), boxed);
}

}  // namespace platform
