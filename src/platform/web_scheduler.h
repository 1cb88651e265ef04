#pragma once
// core::Scheduler on browser timers. Each task runs on the main thread and
// is followed by a redraw, since async work usually changes what is shown.
#include "core/clock.h"

namespace platform {

class WebScheduler final : public core::Scheduler {
 public:
  void after(std::int64_t delay_ms, std::function<void()> task) override;
};

// Asks for one frame after `delay_ms`: a countdown on screen changes then.
void request_redraw_after(double delay_ms);

// Tasks run so far: an idle console wakes only for these (the browser tests
// tell a timed wake, such as an alert sweep at a deadline, from a tab that
// never rests).
long timer_tasks_run();

}  // namespace platform
