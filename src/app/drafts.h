#pragma once
// Drafts: what the seller typed or ticked for a posting and has not sent
// yet (scan progress, the checklist, boxes, marking codes, tracking number,
// shipping date, cancel reason and message), and where they were (screen,
// open posting, pasted tracking text, the store form). Saved to the record
// store as JSON while typing and restored on reload. Pure functions here;
// App decides when (draft_sync.cpp).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/app_state.h"

namespace app {

inline constexpr const char* kUiDraftKey = "ui";
std::string posting_draft_key(const std::string& posting_number);  // "posting:<number>"

// Null when the work holds nothing worth keeping (a fresh posting).
nlohmann::json posting_draft(const PostingWork& work);
// Applies a saved draft to fresh work for the same posting; parts that no
// longer fit (another number of lines or boxes) are skipped, never guessed.
void restore_posting_draft(PostingWork& work, const nlohmann::json& draft);

// What the packing station recorded about a posting that left the table
// (key "packed:<number>"); kept after the posting's own draft ends.
std::string packing_record_key(const std::string& posting_number);
nlohmann::json packing_record_draft(const core::PackingRecord& record);
std::optional<core::PackingRecord> read_packing_record(const nlohmann::json& draft);

// The screen draft (key "ui"): one object every feature adds its fields to
// ({"v": 1, "view": ..., "open": ..., "paste": ..., "store_form": ...}).
// The view shown:
std::string ui_draft_view(const nlohmann::json& draft);  // "" = none
// The orders screen's fields: the open posting and the pasted tracking text.
struct UiDraft {
  std::string open_posting;
  std::string tracking_paste;
  bool tracking_paste_open = false;
};
UiDraft read_ui_draft(const nlohmann::json& draft);

nlohmann::json to_json(const core::ExemplarData& data);
core::ExemplarData exemplar_data_from_json(const nlohmann::json& json);

}  // namespace app
