#pragma once
// Packing video in the posting detail (the station's option, the REC
// indicator beside the camera, the posting's recordings with Save and
// Delete) and in the device settings (count, size against the budget,
// retention, the controls).
#include <string>

#include "app/actions.h"
#include "app/app.h"

namespace ui {

void draw_video_option(const app::App& app, app::ActionQueue& actions);
void draw_recording_indicator(const app::App& app);
void draw_posting_recordings(const app::App& app, const std::string& posting, app::ActionQueue& actions);
void draw_video_settings(const app::App& app, app::ActionQueue& actions);

}  // namespace ui
