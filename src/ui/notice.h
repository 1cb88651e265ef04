#pragma once
#include "app/app.h"

namespace ui {

// A failure in plain words (translated), with the technical detail below.
void draw_notice(const app::App& app, const app::Notice& notice);

}  // namespace ui
