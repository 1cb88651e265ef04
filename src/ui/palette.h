#pragma once
// The colours of the console, named by what they mean. Views take their
// colours from here (or from the ImGui style), never from literal values.
#include <imgui.h>

#include "core/deadline.h"

namespace ui::palette {

// --- Text -------------------------------------------------------------------
// Done, accepted, online, complete: nothing left to do.
inline constexpr ImVec4 ok{0.4f, 0.9f, 0.5f, 1.0f};
// Worth a look, not wrong: a list from the cache, changes not sent yet, a
// posting with extra requirements.
inline constexpr ImVec4 attention{1.0f, 0.8f, 0.3f, 1.0f};
// Needs the seller before going on: offline, a required field left empty,
// a question before data is lost.
inline constexpr ImVec4 warning{1.0f, 0.65f, 0.2f, 1.0f};
// Failed or refused: a notice, an invalid box split, Ozon's refusal.
inline constexpr ImVec4 error{1.0f, 0.45f, 0.4f, 1.0f};
// The heading over a list of failures (softer than error text).
inline constexpr ImVec4 error_heading{1.0f, 0.55f, 0.45f, 1.0f};

// --- Backgrounds --------------------------------------------------------------
// A button that cancels or deletes something for good.
inline constexpr ImVec4 danger_button{0.6f, 0.15f, 0.15f, 1.0f};
// A scan that must not go unnoticed (a wrong item).
inline constexpr ImVec4 alarm_button{0.75f, 0.1f, 0.1f, 1.0f};
// A count that asks for a look (unread messages) but is not an alarm.
inline constexpr ImVec4 badge{0.15f, 0.45f, 0.85f, 1.0f};
// The banner of an installed update.
inline constexpr ImVec4 update_banner{0.16f, 0.28f, 0.45f, 1.0f};

// How close a posting is to its shipping deadline; Risk::none is the
// style's disabled text.
ImVec4 risk(core::Risk risk);

}  // namespace ui::palette
