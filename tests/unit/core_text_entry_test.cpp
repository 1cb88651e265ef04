#include <doctest/doctest.h>

#include "core/text_entry.h"

TEST_CASE("text entry: a composition is taken once, from its end") {
  core::TextEntry entry;
  entry.composition_start();
  entry.composition_update("ni");
  CHECK(entry.input("insertCompositionText", "ni", true).empty());
  entry.composition_update("你好");
  CHECK(entry.composing());
  CHECK(entry.composition() == "你好");
  // Chrome: the last input of a composition still says isComposing.
  CHECK(entry.input("insertCompositionText", "你好", true).empty());
  const auto done = entry.composition_end("你好");
  CHECK(done.insert == "你好");
  CHECK(done.backspaces == 0);
  CHECK_FALSE(entry.composing());
  CHECK(entry.composition().empty());
  // Safari: the text once more, after compositionend, as its own input.
  CHECK(entry.input("insertFromComposition", "你好", false).empty());
}

TEST_CASE("text entry: input events while composing are ignored even without isComposing") {
  core::TextEntry entry;
  entry.composition_start();
  CHECK(entry.input("insertText", "a", false).empty());
  CHECK(entry.input("deleteContentBackward", "", false).empty());
  CHECK(entry.composition_end("").empty());  // cancelled (Escape): nothing typed
}

TEST_CASE("text entry: phone keyboards and dictation type through input events") {
  core::TextEntry entry;
  CHECK(entry.input("insertText", "世界", false).insert == "世界");
  CHECK(entry.input("insertReplacementText", "hello", false).insert == "hello");
  const auto back = entry.input("deleteContentBackward", "", false);
  CHECK(back.insert.empty());
  CHECK(back.backspaces == 1);
  // Pastes take the clipboard path; other edits of the hidden field mean nothing.
  CHECK(entry.input("insertFromPaste", "x", false).empty());
  CHECK(entry.input("insertFromDrop", "x", false).empty());
  CHECK(entry.input("historyUndo", "", false).empty());
}

TEST_CASE("text entry: a recompose without compositionstart, and a reset on blur") {
  core::TextEntry entry;
  entry.composition_update("ha");
  CHECK(entry.composing());
  entry.reset();
  CHECK_FALSE(entry.composing());
  CHECK(entry.input("insertText", "x", false).insert == "x");
}
