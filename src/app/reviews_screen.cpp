// The Reviews screen: the open store's reviews (loaded when the screen is
// first shown), Ozon's status filter and the local stars filter, product
// names, the open review's comments, Premium Plus refusals, the snapshot.
#include "app/reviews_screen.h"

#include <algorithm>
#include <memory>
#include <set>
#include <utility>

#include "ozon/errors.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr int kReviewPage = 100;       // the spec: 20..100
constexpr int kCommentPage = 100;      // the spec: 20..100
constexpr std::size_t kMostComments = 1'000;  // pages read for one review, at most

}  // namespace

ReviewsScreen::ReviewsScreen(App& app) : Feature(app) {
  handle<RefreshReviews, SetReviewFilter, LoadMoreReviews, OpenReview, EditReviewReply, PostReviewReply,
         SetReviewProcessed>(this);
}

void ReviewsScreen::on_store_opened() {
  store_id_ = app_.state().stores.active_id;
  ReviewsSlice fresh;  // the seller's filters stay; the other store's reviews go
  fresh.status = slice_.status;
  fresh.low_only = slice_.low_only;
  slice_ = std::move(fresh);
  requested_ = false;
  ++generation_;
  ++comments_generation_;
}

// Loaded when first shown; a Premium Plus refusal is not asked again until the seller refreshes.
void ReviewsScreen::prepare_frame(bool on_screen) {
  if (!on_screen || requested_ || !app_.session()) return;
  requested_ = true;
  load(false);
}

void ReviewsScreen::on(const RefreshReviews&) {
  requested_ = true;
  ++generation_;
  slice_.loading = false;
  load(false);
  if (!slice_.open.empty()) load_comments(slice_.open);
}

void ReviewsScreen::on(const SetReviewFilter& a) {
  const bool known = a.status == "ALL" || a.status == "UNPROCESSED" || a.status == "PROCESSED";
  slice_.low_only = a.low_only;
  app_.schedule_draft_save();
  if (!known || a.status == slice_.status) return;
  slice_.status = a.status;
  requested_ = true;
  ++generation_;
  slice_.loading = false;
  load(false);
}

void ReviewsScreen::on(const LoadMoreReviews&) {
  if (slice_.more) load(true);
}

void ReviewsScreen::note_failure(const ozon::ApiError& error, Notice& where) {
  if (ozon::premium_plus_refused(error)) {
    slice_.premium_required = true;
    where = {};
    return;
  }
  where = notice_for(error);
}

void ReviewsScreen::load(bool more) {
  if (!app_.session() || slice_.loading) return;
  slice_.loading = true;
  slice_.error = {};
  const int generation = generation_;
  app_.session()->client().call(
      ozon::build_review_list(more ? slice_.last_id : std::string(), kReviewPage, slice_.status),
      &ozon::parse_reviews, [this, generation, more](ozon::Result<ozon::Page<core::Review>> page) {
        if (generation != generation_) return;
        slice_.loading = false;
        if (!page) return note_failure(page.error(), slice_.error);
        slice_.premium_required = false;
        if (!more) slice_.items.clear();
        for (auto& review : page->items)
          if (!find(review.id)) slice_.items.push_back(std::move(review));
        slice_.last_id = page->cursor;
        slice_.more = page->has_next && !page->cursor.empty();
        slice_.loaded = true;
        load_names(slice_.items);
        if (!open_after_load_.empty() && find(open_after_load_)) on(OpenReview{std::exchange(open_after_load_, {})});
        if (!slice_.open.empty() && !find(slice_.open)) on(OpenReview{""});
      });
}

// Names from the postings the console holds; the rest from the catalogue.
void ReviewsScreen::load_names(const std::vector<core::Review>& reviews) {
  std::set<std::int64_t> wanted;
  for (const auto& review : reviews)
    if (review.sku > 0 && !slice_.names.count(review.sku)) wanted.insert(review.sku);
  if (wanted.empty()) return;
  for (const auto& posting : app_.state().orders.list.postings())
    for (const auto& product : posting.products)
      if (wanted.count(product.sku) && !product.name.empty()) {
        slice_.names[product.sku] = product.name;
        wanted.erase(product.sku);
      }
  if (wanted.empty() || !app_.session()) return;
  const std::vector<std::int64_t> skus(wanted.begin(), wanted.end());
  for (const auto& batch : ozon::batches(skus, ozon::kProductInfoMax)) {
    auto request = ozon::build_product_info_list({}, {}, batch);
    if (!request) continue;
    const int generation = generation_;
    app_.session()->client().call(std::move(request.value()), &ozon::parse_product_info_list,
                                  [this, generation](ozon::Result<std::vector<core::Product>> products) {
                                    if (generation != generation_ || !products) return;  // the SKU stays shown
                                    for (const auto& p : *products)
                                      if (p.sku > 0 && !p.name.empty()) slice_.names[p.sku] = p.name;
                                  });
  }
}

void ReviewsScreen::on(const OpenReview& a) {
  slice_.comments.clear();
  slice_.comments_error = {};
  slice_.comments_loading = false;
  slice_.open = find(a.id) ? a.id : std::string();
  if (!slice_.open.empty()) load_comments(slice_.open);
  app_.schedule_draft_save();
}

// Every comment of the review, page after page (offset paging).
void ReviewsScreen::load_comments(const std::string& review_id) {
  slice_.comments_loading = true;
  slice_.comments_error = {};
  load_comment_page(review_id, 0, std::make_shared<std::vector<core::ReviewComment>>(), ++comments_generation_);
}

void ReviewsScreen::load_comment_page(const std::string& review_id, int offset,
                                      std::shared_ptr<std::vector<core::ReviewComment>> gathered, int generation) {
  if (!app_.session()) {
    slice_.comments_loading = false;
    return;
  }
  app_.session()->client().call(
      ozon::build_review_comment_list(review_id, offset, kCommentPage), &ozon::parse_review_comments,
      [this, generation, review_id, gathered, offset](ozon::Result<ozon::Page<core::ReviewComment>> page) {
        if (generation != comments_generation_ || slice_.open != review_id) return;
        if (!page) {
          slice_.comments_loading = false;
          return note_failure(page.error(), slice_.comments_error);
        }
        const std::size_t got = page->items.size();
        for (auto& comment : page->items) gathered->push_back(std::move(comment));
        if (got >= static_cast<std::size_t>(kCommentPage) && gathered->size() < kMostComments)
          return load_comment_page(review_id, offset + static_cast<int>(got), gathered, generation);
        slice_.comments_loading = false;
        slice_.comments = std::move(*gathered);
      });
}

// One review again (its status and comment count), after a reply or a mark.
void ReviewsScreen::reread_review(const std::string& review_id) {
  if (!app_.session()) return;
  const int generation = generation_;
  app_.session()->client().call(ozon::build_review_info(review_id), &ozon::parse_review_info,
                                [this, generation, review_id](ozon::Result<core::Review> fresh) {
                                  if (generation != generation_ || !fresh) return;
                                  for (auto& item : slice_.items)
                                    if (item.id == review_id) item = std::move(*fresh);
                                });
  if (slice_.open == review_id) load_comments(review_id);
}

std::vector<const core::Review*> ReviewsScreen::visible() const {
  std::vector<const core::Review*> out;
  for (const auto& review : slice_.items)
    if (!slice_.low_only || (review.rating >= 1 && review.rating <= 3)) out.push_back(&review);
  return out;
}

const core::Review* ReviewsScreen::find(const std::string& id) const {
  for (const auto& review : slice_.items)
    if (review.id == id) return &review;
  return nullptr;
}

std::string ReviewsScreen::product_name(std::int64_t sku) const {
  auto it = slice_.names.find(sku);
  return it != slice_.names.end() ? it->second : "SKU " + std::to_string(sku);
}

void ReviewsScreen::write_snapshot(nlohmann::json& out) const {
  nlohmann::json items = nlohmann::json::array();
  for (const core::Review* review : visible())
    items.push_back({{"id", review->id},
                     {"sku", review->sku},
                     {"product", product_name(review->sku)},
                     {"rating", review->rating},
                     {"text", review->text},
                     {"status", review->status},
                     {"comments", review->comments_amount}});
  nlohmann::json open = nullptr;
  if (!slice_.open.empty()) {
    nlohmann::json comments = nlohmann::json::array();
    for (const auto& comment : slice_.comments)
      comments.push_back({{"id", comment.id}, {"text", comment.text}, {"own", comment.is_owner}});
    nlohmann::json pending = nullptr;
    for (const auto kind : {kReviewReplyKind, kReviewStatusKind})
      if (const OutboxEntry* entry = pending_for(slice_.open, kind))
        pending = {{"kind", entry->kind}, {"state", to_string(entry->state)}};
    auto refusal = slice_.refusals.find(slice_.open);
    open = {{"id", slice_.open},
            {"comments", comments},
            {"loading", slice_.comments_loading},
            {"draft", draft_for(slice_.open)},
            {"pending", pending},
            {"refusal", refusal == slice_.refusals.end() ? nlohmann::json(nullptr) : nlohmann::json(refusal->second)}};
  }
  out["reviews"] = {{"loading", slice_.loading},
                    {"loaded", slice_.loaded},
                    {"error", slice_.error.key},
                    {"premiumRequired", slice_.premium_required},
                    {"filter", {{"status", slice_.status}, {"lowOnly", slice_.low_only}}},
                    {"more", slice_.more},
                    {"items", items},
                    {"open", open}};
}

}  // namespace app
