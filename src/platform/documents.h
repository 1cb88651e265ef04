#pragma once
// Documents the console produces (label and act PDFs): merged into one PDF
// in the browser (pdf-lib, loaded only when several parts need merging),
// kept as the page's latest document, opened or saved when the seller asks.
#include <string>
#include <vector>

namespace platform {

// Takes the PDF parts in order; merging happens asynchronously.
void publish_document(const std::string& name, const std::vector<std::string>& pdf_parts);
// Opens the latest document in a new tab (call from a click: popups need a gesture).
void open_document();
// Prints it from a hidden frame of the page (no gesture needed), once merged.
void print_document();
// Saves it as a file through the browser's download.
void save_document();
// Opens a printable plain-text document (a pick list) in a new tab.
void show_text(const std::string& name, const std::string& text);

}  // namespace platform
