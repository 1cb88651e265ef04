#pragma once
// The reply-template menu, for every reply box (chats, reviews): a
// "Templates" button opening the library, each template's Russian text with
// its meaning in the seller's language beside it. Choosing one returns the
// Russian text with its placeholders filled from `values`.
#include <optional>
#include <string>
#include <string_view>

#include "app/app.h"
#include "core/reply_template.h"

namespace ui {

// `use`: "chat" or "review" (templates for the other use are not offered).
// `id` keeps two menus on one screen apart.
std::optional<std::string> reply_template_menu(const app::App& app, app::ActionQueue& actions, std::string_view id,
                                               std::string_view use, const core::TemplateValues& values);

}  // namespace ui
