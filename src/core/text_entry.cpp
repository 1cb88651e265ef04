#include "core/text_entry.h"

namespace core {

void TextEntry::composition_start() {
  composing_ = true;
  composition_.clear();
}

void TextEntry::composition_update(std::string_view text) {
  composing_ = true;  // some browsers skip compositionstart after a recompose
  composition_ = text;
}

TextEdit TextEntry::composition_end(std::string_view text) {
  composing_ = false;
  composition_.clear();
  return {std::string(text), 0};  // empty when the composition was cancelled
}

TextEdit TextEntry::input(std::string_view input_type, std::string_view data, bool is_composing) {
  // During a composition the field holds the unfinished text; it comes whole
  // with compositionend. Safari's "insertFromComposition" after it is the same text.
  if (is_composing || composing_) return {};
  if (input_type == "insertText" || input_type == "insertReplacementText") return {std::string(data), 0};
  if (input_type == "deleteContentBackward") return {{}, 1};
  // Pastes come through the clipboard path (Ctrl+V); other edits of the
  // hidden field (drag and drop, undo of it) mean nothing to the editor.
  return {};
}

void TextEntry::reset() {
  composing_ = false;
  composition_.clear();
}

}  // namespace core
