#pragma once
struct ImGuiIO;

namespace platform {

// Copy goes to navigator.clipboard; paste comes from the browser's paste
// event (the only way to read the clipboard without a permission prompt).
void install_clipboard(ImGuiIO& io);
// Copies text for the seller (e.g. a posting number) outside any text field.
void copy_to_clipboard(const char* text);

}  // namespace platform
