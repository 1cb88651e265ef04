// TEMPORARY (branch aftersales only): the reply-template menu is written on
// another branch; this stand-in offers no templates so the WebAssembly build
// links until that branch is merged. Delete this file at the merge.
#include "ui/reply_templates_view.h"

namespace ui {

std::optional<std::string> reply_template_menu(const app::App&, app::ActionQueue&, std::string_view, std::string_view,
                                               const core::TemplateValues&) {
  return std::nullopt;
}

}  // namespace ui
