// The seller's replies under reviews and the processed mark on their way to
// Ozon (through the outbox), followed by a re-read of the review; the reply
// typed per review kept on the device (one draft record per store,
// "reviews:<store id>"), and the screen draft (filter, open review).
#include <algorithm>

#include "app/reviews_screen.h"
#include "core/json_read.h"
#include "ozon/errors.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr std::string_view kDraftPrefix = "reviews:";

using core::json_read::read_bool_strict;
using core::json_read::read_string_strict;

bool pending(OutboxState state) {
  return state == OutboxState::queued || state == OutboxState::sending || state == OutboxState::waiting;
}

// What an outbox entry sent: the review, and the reply's text or the status.
struct Sent {
  std::string review_id;
  std::string text;
  std::string status;
};

Sent sent_of(const OutboxEntry& entry) {
  Sent sent;
  const auto json = nlohmann::json::parse(entry.body, nullptr, false);
  if (!json.is_object()) return sent;
  sent.review_id = read_string_strict(json, "review_id");
  sent.text = read_string_strict(json, "text");
  sent.status = read_string_strict(json, "status");
  if (const auto* ids = core::json_read::find_array(json, "review_ids"); ids && ids->size() == 1 && (*ids)[0].is_string())
    sent.review_id = (*ids)[0].get<std::string>();
  return sent;
}

// Ozon's words from the outbox's one-line summary ("http 403 [7]: words").
std::string plain_words(const std::string& summary) {
  const auto colon = summary.find(": ");
  return colon == std::string::npos ? summary : summary.substr(colon + 2);
}

}  // namespace

const std::string& ReviewsScreen::draft_for(const std::string& review_id) const {
  static const std::string kNone;
  auto store = drafts_.find(store_id_);
  if (store == drafts_.end()) return kNone;
  auto it = store->second.find(review_id);
  return it == store->second.end() ? kNone : it->second;
}

const OutboxEntry* ReviewsScreen::pending_for(const std::string& review_id, std::string_view kind) const {
  const auto& entries = app_.state().outbox.entries;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it)
    if (it->store_id == store_id_ && it->kind == kind && pending(it->state) && sent_of(*it).review_id == review_id)
      return &*it;
  return nullptr;
}

void ReviewsScreen::on(const EditReviewReply& a) {
  if (a.id.empty()) return;
  auto& drafts = store_drafts();
  if (a.text.empty()) drafts.erase(a.id);
  else drafts[a.id] = a.text;
  app_.schedule_draft_save();
}

void ReviewsScreen::on(const PostReviewReply& a) {
  if (!find(a.id) || !app_.session() || pending_for(a.id, kReviewReplyKind)) return;
  auto request = ozon::build_review_comment(a.id, draft_for(a.id), true);
  if (!request) return;  // nothing typed: the button is greyed out
  slice_.refusals.erase(a.id);
  app_.enqueue_change(kReviewReplyKind, "", request.value(), std::string(kDraftPrefix) + store_id_);
}

void ReviewsScreen::on(const SetReviewProcessed& a) {
  if (!find(a.id) || !app_.session() || pending_for(a.id, kReviewStatusKind)) return;
  auto request = ozon::build_review_change_status({a.id}, a.processed ? "PROCESSED" : "UNPROCESSED");
  if (!request) return;
  slice_.refusals.erase(a.id);
  app_.enqueue_change(kReviewStatusKind, "", request.value(), {});
}

// A reply or mark whose first attempt may have reached Ozon: the reply is
// there (the seller's comment with that text), or the status is.
void ReviewsScreen::verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) {
  const Sent sent = sent_of(entry);
  if (sent.review_id.empty() || entry.store_id != store_id_ || !app_.session())
    return done(VerifyOutcome::unknown("this review cannot be read back"));
  if (entry.kind == kReviewStatusKind) {
    app_.session()->client().call(ozon::build_review_info(sent.review_id), &ozon::parse_review_info,
                                  [sent, done](ozon::Result<core::Review> review) {
                                    if (!review) return done(VerifyOutcome::unknown(review.error().summary()));
                                    done(review->status == sent.status ? VerifyOutcome::already_done()
                                                                       : VerifyOutcome::not_done());
                                  });
    return;
  }
  // The newest comments come last (ASC); a reply is one of the last ones.
  app_.session()->client().call(
      ozon::build_review_comment_list(sent.review_id, 0, 100), &ozon::parse_review_comments,
      [sent, done](ozon::Result<ozon::Page<core::ReviewComment>> page) {
        if (!page) return done(VerifyOutcome::unknown(page.error().summary()));
        const bool there = std::any_of(page->items.begin(), page->items.end(), [&sent](const core::ReviewComment& c) {
          return c.is_owner && c.text == sent.text;
        });
        if (there) return done(VerifyOutcome::already_done());
        if (page->items.size() >= 100) return done(VerifyOutcome::unknown("too many comments to tell"));
        done(VerifyOutcome::not_done());
      });
}

void ReviewsScreen::on_change_finished(const OutboxEntry& entry) {
  if (entry.store_id != store_id_) return;
  const Sent sent = sent_of(entry);
  if (sent.review_id.empty()) return;
  if (entry.state == OutboxState::done) {
    slice_.refusals.erase(sent.review_id);
    // The reply went: its draft with it (unless the seller typed on since).
    auto& drafts = store_drafts();
    if (entry.kind == kReviewReplyKind)
      if (auto it = drafts.find(sent.review_id); it != drafts.end() && it->second == sent.text) drafts.erase(it);
  } else {
    slice_.refusals[sent.review_id] = plain_words(entry.last_error);
    // The outbox keeps the summary ("http 403 [code]: words"): the refusal is told apart from it.
    if (entry.last_error.rfind("http 403", 0) == 0) {
      ozon::ApiError error;
      error.kind = ozon::ErrorKind::http;
      error.http_status = 403;
      error.message = plain_words(entry.last_error);
      if (ozon::premium_plus_refused(error)) slice_.premium_required = true;
    }
  }
  reread_review(sent.review_id);
  app_.schedule_draft_save();
}

void ReviewsScreen::collect_drafts(std::map<std::string, std::string>& out) const {
  const auto& saved = app_.state().stores.saved;
  for (const auto& [store, texts] : drafts_) {
    const std::string& id = store;  // clang 14 (em++) cannot capture a structured binding
    // A deleted store's drafts go with it.
    const bool kept = id == store_id_ || id.rfind("demo", 0) == 0 || id.rfind("portal", 0) == 0 ||
                      std::any_of(saved.begin(), saved.end(), [&id](const StoreConfig& s) { return s.id == id; });
    if (!kept || texts.empty()) continue;
    nlohmann::json replies = nlohmann::json::object();
    for (const auto& [review, text] : texts) replies[review] = text;
    out[std::string(kDraftPrefix) + id] = core::json_read::dump({{"replies", replies}});
  }
}

bool ReviewsScreen::restore_draft(const std::string& key, const nlohmann::json& draft) {
  if (key.rfind(kDraftPrefix, 0) != 0) return false;
  auto& texts = drafts_[key.substr(kDraftPrefix.size())];
  const auto* replies = draft.is_object() ? core::json_read::find_object(draft, "replies") : nullptr;
  if (!replies) return true;
  for (const auto& [review, text] : replies->items())
    if (text.is_string() && !text.get<std::string>().empty() && !texts.count(review))  // typed since wins
      texts.emplace(review, text.get<std::string>());
  return true;
}

void ReviewsScreen::forget_local_data() { drafts_.clear(); }

void ReviewsScreen::write_ui_draft(nlohmann::json& ui) const {
  ui["reviews_status"] = slice_.status;
  ui["reviews_low"] = slice_.low_only;
  ui["reviews_open"] = slice_.open;
}

bool ReviewsScreen::restore_ui_draft(const nlohmann::json& ui) {
  if (!ui.is_object()) return true;
  const auto status = read_string_strict(ui, "reviews_status");
  if (status == "ALL" || status == "UNPROCESSED" || status == "PROCESSED") slice_.status = status;
  slice_.low_only = read_bool_strict(ui, "reviews_low");
  const std::string open = read_string_strict(ui, "reviews_open");
  if (!open.empty()) {
    if (find(open)) on(OpenReview{open});
    else open_after_load_ = open;
  }
  return true;
}

}  // namespace app
