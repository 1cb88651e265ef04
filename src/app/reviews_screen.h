#pragma once
// The Reviews screen, for the open store: buyers' reviews (Ozon's Premium
// Plus feature), their comments, the seller's reply (a draft per review kept
// on the device) and the processed mark, both sent through the outbox.
// Implemented in reviews_screen.cpp (loading, names, snapshot) and
// reviews_replies.cpp (replies and marks to Ozon and back, drafts).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/review.h"

namespace app {

inline constexpr std::string_view kReviewReplyKind = "review_comment";
inline constexpr std::string_view kReviewStatusKind = "review_status";

struct ReviewsSlice {
  bool loading = false;
  bool loaded = false;
  Notice error;  // the last failed load (what is listed stays)
  // Ozon refused the reviews for the store's plan: said plainly, not retried.
  bool premium_required = false;
  std::string status = "ALL";  // ALL | UNPROCESSED | PROCESSED (Ozon's filter)
  bool low_only = false;       // 1-3 stars (filtered here)
  std::vector<core::Review> items;
  std::string last_id;
  bool more = false;
  std::map<std::int64_t, std::string> names;  // sku -> product name

  // The open review: its comments, oldest first.
  std::string open;  // review id; "" = none
  bool comments_loading = false;
  std::vector<core::ReviewComment> comments;
  Notice comments_error;
  // Ozon's words for the last refused reply or mark, per review.
  std::map<std::string, std::string> refusals;
};

// Actions of the Reviews screen.
struct RefreshReviews {};
struct SetReviewFilter {
  std::string status;  // ALL | UNPROCESSED | PROCESSED
  bool low_only = false;
};
struct LoadMoreReviews {};
struct OpenReview {
  std::string id;  // "" closes it
};
struct EditReviewReply {
  std::string id;
  std::string text;
};
struct PostReviewReply {
  std::string id;
};
struct SetReviewProcessed {
  std::string id;
  bool processed = true;
};

class ReviewsScreen final : public Feature {
 public:
  explicit ReviewsScreen(App& app);
  static constexpr std::string_view kId = "reviews";
  std::string_view id() const override { return kId; }
  char shortcut() const override { return 'v'; }

  void on_store_opened() override;
  void prepare_frame(bool on_screen) override;
  void write_snapshot(nlohmann::json& snapshot) const override;
  void collect_drafts(std::map<std::string, std::string>& drafts) const override;
  bool restore_draft(const std::string& key, const nlohmann::json& draft) override;
  void write_ui_draft(nlohmann::json& ui) const override;
  bool restore_ui_draft(const nlohmann::json& ui) override;
  void forget_local_data() override;
  bool owns_change(std::string_view kind) const override {
    return kind == kReviewReplyKind || kind == kReviewStatusKind;
  }
  void verify_change(const OutboxEntry& entry, std::function<void(VerifyOutcome)> done) override;
  void on_change_finished(const OutboxEntry& entry) override;

  const ReviewsSlice& slice() const { return slice_; }
  // The reviews the seller sees: Ozon's page through the local stars filter.
  std::vector<const core::Review*> visible() const;
  const core::Review* find(const std::string& id) const;
  // The product's name (from the postings or the catalogue), or its SKU.
  std::string product_name(std::int64_t sku) const;
  const std::string& draft_for(const std::string& review_id) const;
  // The reply or mark on its way for a review (queued, sending or waiting), if any.
  const OutboxEntry* pending_for(const std::string& review_id, std::string_view kind) const;

  void on(const RefreshReviews&);
  void on(const SetReviewFilter&);
  void on(const LoadMoreReviews&);
  void on(const OpenReview&);
  void on(const EditReviewReply&);
  void on(const PostReviewReply&);
  void on(const SetReviewProcessed&);

 private:
  void load(bool more);
  void load_names(const std::vector<core::Review>& reviews);
  void load_comments(const std::string& review_id);
  void load_comment_page(const std::string& review_id, int offset,
                         std::shared_ptr<std::vector<core::ReviewComment>> gathered, int generation);
  void reread_review(const std::string& review_id);
  void note_failure(const ozon::ApiError& error, Notice& where);
  std::map<std::string, std::string>& store_drafts() { return drafts_[store_id_]; }

  ReviewsSlice slice_;
  std::string store_id_;
  bool requested_ = false;
  int generation_ = 0;           // a newer load or a store switch ignores older replies
  int comments_generation_ = 0;  // the same for the open review's comments
  std::string open_after_load_;
  std::map<std::string, std::map<std::string, std::string>> drafts_;  // store -> review id -> reply text
};

}  // namespace app
