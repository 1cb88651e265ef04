#include "ui/screen_registry.h"

#include <memory>

namespace ui {
namespace {

// Created on first use: the views register from static initialisers, whose
// order across files is not defined.
std::vector<ScreenView>& views() {
  static std::vector<ScreenView> registered;
  return registered;
}

}  // namespace

bool register_screen_view(ScreenView view) {
  views().push_back(std::move(view));
  return true;
}

const ScreenView* find_screen_view(std::string_view id) {
  for (const auto& view : views())
    if (view.id == id) return &view;
  return nullptr;
}

}  // namespace ui
