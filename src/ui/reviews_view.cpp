// The Reviews screen: buyers' reviews with Ozon's status filter and a 1-3
// stars filter; the open review's comments and the seller's reply (with
// the reply templates) and the processed mark. Without Premium Plus it
// says so plainly.
#include <imgui.h>

#include <string>

#include "app/reviews_screen.h"
#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/notice.h"
#include "ui/palette.h"
#include "ui/reply_templates_view.h"
#include "ui/screen_registry.h"
#include "ui/widgets.h"

namespace ui {
namespace {

constexpr const char* kStatuses[] = {"ALL", "UNPROCESSED", "PROCESSED"};

// "●●●○○" (the symbols font has these two).
std::string stars(std::int64_t rating) {
  std::string out;
  for (std::int64_t i = 1; i <= 5; ++i) out += i <= rating ? "\u25CF" : "\u25CB";
  return out;
}

// The first line of a review, cut to fit a table cell.
std::string first_words(const std::string& text, std::size_t max_bytes = 90) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() <= max_bytes) return line;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return line.substr(0, cut) + "\u2026";
}

void draw_premium_required(const app::App& app) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(palette::attention, "%s", app.tr("reviews.premium_title"));
  ImGui::TextUnformatted(app.tr("reviews.premium_body"));
  ImGui::PopTextWrapPos();
}

void draw_header(const app::App& app, const app::ReviewsSlice& slice, app::ActionQueue& actions) {
  if (button(app, "reviews.refresh", {.enabled = !slice.loading})) actions.push(app::RefreshReviews{});
  for (const char* status : kStatuses) {
    ImGui::SameLine();
    if (radio_button(app, std::string("reviews.status.") + status, slice.status == status))
      actions.push(app::SetReviewFilter{status, slice.low_only});
  }
  ImGui::SameLine();
  bool low = slice.low_only;
  if (checkbox(app, "reviews.low_only", low)) actions.push(app::SetReviewFilter{slice.status, low});
  if (slice.loading) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", app.tr("reviews.loading"));
  }
  draw_notice(app, slice.error);
}

void draw_list(const app::App& app, const app::ReviewsScreen& screen, app::ActionQueue& actions) {
  const auto& slice = screen.slice();
  const auto visible = screen.visible();
  if (visible.empty()) {
    if (slice.loaded) ImGui::TextDisabled("%s", app.tr("reviews.empty"));
    return;
  }
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                    ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##reviews", 6, flags, ImVec2(0, ImGui::GetFontSize() * 10))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(app.tr("reviews.col.rating"), ImGuiTableColumnFlags_None, 0.7f);
  ImGui::TableSetupColumn(app.tr("reviews.col.text"), ImGuiTableColumnFlags_None, 3.0f);
  ImGui::TableSetupColumn(app.tr("reviews.col.product"), ImGuiTableColumnFlags_None, 1.6f);
  ImGui::TableSetupColumn(app.tr("reviews.col.date"), ImGuiTableColumnFlags_None, 1.0f);
  ImGui::TableSetupColumn(app.tr("reviews.col.status"), ImGuiTableColumnFlags_None, 0.9f);
  ImGui::TableSetupColumn(app.tr("reviews.col.comments"), ImGuiTableColumnFlags_None, 0.5f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(visible.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const core::Review& review = *visible[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool low = review.rating >= 1 && review.rating <= 3;
      if (selectable("reviews.row." + review.id, stars(review.rating), slice.open == review.id,
                     ImGuiSelectableFlags_SpanAllColumns))
        actions.push(app::OpenReview{slice.open == review.id ? std::string() : review.id});
      ImGui::TableNextColumn();
      if (low) ImGui::TextColored(palette::attention, "%s", first_words(review.text).c_str());
      else {
        note_glyphs(review.text);
        ImGui::TextUnformatted(first_words(review.text).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(screen.product_name(review.sku).c_str());
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", format_local_time(review.published_at).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(app.tr("reviews.status." + review.status));
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(review.comments_amount));
    }
  ImGui::EndTable();
  if (slice.more && button(app, "reviews.more", {.enabled = !slice.loading})) actions.push(app::LoadMoreReviews{});
}

void draw_open(const app::App& app, const app::ReviewsScreen& screen, app::ActionQueue& actions) {
  const auto& slice = screen.slice();
  const core::Review* review = screen.find(slice.open);
  if (!review) return;
  const std::string product = screen.product_name(review->sku);
  const std::string title = stars(review->rating) + "  " + product;
  ImGui::SeparatorText(title.c_str());
  ImGui::PushTextWrapPos(0);
  note_glyphs(review->text);
  ImGui::TextUnformatted(review->text.c_str());
  ImGui::TextDisabled("%s · %s", format_local_time(review->published_at).c_str(),
                      app.tr("reviews.status." + review->status));
  ImGui::PopTextWrapPos();

  ImGui::SeparatorText(app.tr("reviews.comments"));
  if (slice.comments_loading) ImGui::TextDisabled("%s", app.tr("reviews.loading"));
  draw_notice(app, slice.comments_error);
  if (!slice.comments_loading && slice.comments.empty()) ImGui::TextDisabled("%s", app.tr("reviews.no_comments"));
  // A long thread scrolls in its own box: the reply box stays in view.
  if (!slice.comments.empty() &&
      ImGui::BeginChild("##review_comments", ImVec2(0, ImGui::GetFontSize() * 7), ImGuiChildFlags_Border)) {
    ImGui::PushTextWrapPos(0);
    for (const auto& comment : slice.comments) {
      const char* who = comment.is_owner ? app.tr("reviews.by_seller")
                        : comment.is_official ? app.tr("reviews.by_official")
                                              : app.tr("reviews.by_buyer");
      ImGui::TextColored(comment.is_owner ? palette::ok : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "%s", who);
      ImGui::SameLine();
      note_glyphs(comment.text);
      ImGui::TextUnformatted(comment.text.c_str());
    }
    ImGui::PopTextWrapPos();
  }
  if (!slice.comments.empty()) ImGui::EndChild();

  ImGui::SeparatorText(app.tr("reviews.reply"));
  const app::OutboxEntry* reply_pending = screen.pending_for(review->id, app::kReviewReplyKind);
  const app::OutboxEntry* mark_pending = screen.pending_for(review->id, app::kReviewStatusKind);
  std::string draft = screen.draft_for(review->id);
  if (input_multiline("reviews.reply_text", draft, ImVec2(-1, ImGui::GetFontSize() * 5)))
    actions.push(app::EditReviewReply{review->id, draft});
  if (button(app, "reviews.post", {.enabled = !reply_pending && !draft.empty()}))
    actions.push(app::PostReviewReply{review->id});
  ImGui::SameLine();
  const bool processed = review->status == "PROCESSED";
  if (button(app, processed ? "reviews.mark_unprocessed" : "reviews.mark_processed", {.enabled = !mark_pending}))
    actions.push(app::SetReviewProcessed{review->id, !processed});
  // The template menu last on the row: what it draws (its button) follows the seller's own buttons.
  ImGui::SameLine();
  const core::TemplateValues values = {{"product", product}, {"store", app.state().stores.active.name}};
  if (auto chosen = reply_template_menu(app, actions, "reviews.templates", "review", values))
    actions.push(app::EditReviewReply{review->id, *chosen});
  ImGui::Dummy(ImVec2(0, 0));  // ends the row whether or not the menu drew anything
  for (const app::OutboxEntry* entry : {reply_pending, mark_pending})
    if (entry)
      ImGui::TextColored(palette::attention, "%s: %s", app.tr("reviews.pending." + entry->kind),
                         app.tr("reviews.progress." + std::string(app::to_string(entry->state))));
  if (auto refusal = slice.refusals.find(review->id); refusal != slice.refusals.end()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(palette::error, "%s %s", app.tr("reviews.refused"), refusal->second.c_str());
    ImGui::PopTextWrapPos();
  }
}

void draw_reviews_view(const app::App& app, app::ActionQueue& actions) {
  const auto& screen = app.feature<app::ReviewsScreen>();
  const auto& slice = screen.slice();
  draw_header(app, slice, actions);
  if (slice.premium_required) return draw_premium_required(app);
  draw_list(app, screen, actions);
  draw_open(app, screen, actions);
}

[[maybe_unused]] const bool registered = register_screen_view({.id = "reviews", .draw = &draw_reviews_view, .help = {}});

}  // namespace
}  // namespace ui
