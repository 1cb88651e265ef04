#pragma once
// What the page's hidden text field hands to the text editor, decided from
// the browser's events alone (no browser here, so it is unit-tested).
//
// Text arrives three ways and each character must arrive once:
//  - a desktop key press: SDL turns `keypress` into text and cancels it, so
//    the field never sees an `input` event for it (not handled here);
//  - an input method: the composition is shown while it lasts and its final
//    text is taken once, from `compositionend`; every `input` event while
//    composing is part of it and ignored;
//  - a phone keyboard or a dictation/autocorrect: an `input` event
//    "insertText" / "insertReplacementText" with no composition.
// A phone's Backspace only deletes in the field ("deleteContentBackward"):
// it becomes a Backspace key for the editor.
#include <string>
#include <string_view>

namespace core {

struct TextEdit {
  std::string insert;  // UTF-8 to type at the caret
  int backspaces = 0;  // Backspace presses to send first
  bool empty() const { return insert.empty() && backspaces == 0; }
};

class TextEntry {
 public:
  void composition_start();
  void composition_update(std::string_view text);
  TextEdit composition_end(std::string_view text);
  // An `input` event: its inputType, data and isComposing.
  TextEdit input(std::string_view input_type, std::string_view data, bool is_composing);
  // The field lost focus mid-composition: what was shown is dropped.
  void reset();

  bool composing() const { return composing_; }
  const std::string& composition() const { return composition_; }

 private:
  bool composing_ = false;
  std::string composition_;
};

}  // namespace core
