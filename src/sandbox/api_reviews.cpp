// The demo marketplace, reviews domain: product reviews (list) and the
// seller's answers.
#include <algorithm>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

net::HttpResponse review_list(const Call& call, const json& b) {
  const auto given_limit = find_int64_strict(b, "limit");  // required, 20..100 (the spec)
  if (!given_limit) return bad("INVALID_ARGUMENT: limit is required");
  const std::int64_t limit = *given_limit;
  if (limit < 20 || limit > 100) return bad("INVALID_ARGUMENT: limit must be between 20 and 100");
  std::string status = read_string_strict(b, "status"), last_id = read_string_strict(b, "last_id");
  bool asc = read_string_strict(b, "sort_dir") == "ASC";
  std::vector<const Review*> rows;
  for (const auto& r : call.state.reviews)
    if (status.empty() || status == "ALL" || r.status == status) rows.push_back(&r);
  if (asc) std::reverse(rows.begin(), rows.end());
  std::size_t start = 0;
  if (!last_id.empty()) {
    while (start < rows.size() && rows[start]->id != last_id) ++start;
    if (start == rows.size()) return bad("INVALID_ARGUMENT: invalid last_id");
    ++start;
  }
  json out = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(out.size()) < limit; ++i) {
    const Review& r = *rows[i];
    out.push_back({{"id", r.id},
                   {"sku", r.sku},
                   {"rating", r.rating},
                   {"text", r.text},
                   {"published_at", format_iso8601(r.published_at)},
                   {"status", r.status},
                   {"order_status", "DELIVERED"},
                   {"is_rating_participant", true},
                   {"comments_amount", r.comments.size()},
                   {"photos_amount", 0},
                   {"videos_amount", 0}});
  }
  bool has_next = i < rows.size();
  return ok({{"reviews", out}, {"last_id", out.empty() ? "" : out.back()["id"].get<std::string>()}, {"has_next", has_next}});
}

net::HttpResponse review_comment(const Call& call, const json& b) {
  std::string id = read_string_strict(b, "review_id"), text = read_string_strict(b, "text");
  Review* review = nullptr;
  for (auto& r : call.state.reviews)
    if (r.id == id) review = &r;
  if (!review) return not_found("REVIEW_NOT_FOUND");
  if (text.empty() || utf8_length(text) > 3000) return bad("INVALID_ARGUMENT: text must be 1..3000 characters");
  review->comments.push_back(text);
  if (read_bool_strict(b, "mark_review_as_processed")) review->status = "PROCESSED";
  return ok({{"comment_id", id + "-c" + std::to_string(review->comments.size())}});
}

}  // namespace

Routes review_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kReviewList, review_list},
      {ep::kReviewCommentCreate, review_comment},
  };
  return kRoutes;
}

}  // namespace sandbox
