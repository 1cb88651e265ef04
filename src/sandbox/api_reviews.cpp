// The demo marketplace, reviews domain: product reviews (list, one review,
// status) and their comments (list, the seller's answer). Premium Plus only.
#include <algorithm>
#include <cstdio>

#include "ozon/endpoints.h"
#include "sandbox/api.h"

namespace sandbox {
namespace {

namespace ep = ozon::endpoint;

Review* review_of(State& s, const std::string& id) {
  for (auto& r : s.reviews)
    if (r.id == id) return &r;
  return nullptr;
}

json review_json(const Review& r) {
  return {{"id", r.id},
          {"sku", r.sku},
          {"rating", r.rating},
          {"text", r.text},
          {"published_at", format_iso8601(r.published_at)},
          {"status", r.status},
          {"order_status", r.order_status},
          {"is_rating_participant", r.order_status == "DELIVERED"},
          {"comments_amount", r.comments.size()},
          {"photos_amount", r.photos},
          {"videos_amount", 0}};
}

// limit: required, 20..100 (review list and comment list alike).
bool read_limit(const json& b, std::int64_t* limit, net::HttpResponse* refusal) {
  const auto given = find_int64_strict(b, "limit");
  if (!given) *refusal = bad("INVALID_ARGUMENT: limit is required");
  else if (*given < 20 || *given > 100) *refusal = bad("INVALID_ARGUMENT: limit must be between 20 and 100");
  else *limit = *given;
  return given && *given >= 20 && *given <= 100;
}

net::HttpResponse review_list(const Call& call, const json& b) {
  std::int64_t limit = 0;
  net::HttpResponse refusal;
  if (!read_limit(b, &limit, &refusal)) return refusal;
  std::string status, dir;
  if (!read_enum(b, "status", {"ALL", "UNPROCESSED", "PROCESSED"}, &status))
    return bad("INVALID_ARGUMENT: status must be ALL, UNPROCESSED or PROCESSED");
  if (!read_enum(b, "sort_dir", {"ASC", "DESC"}, &dir)) return bad("INVALID_ARGUMENT: sort_dir must be ASC or DESC");
  const std::string last_id = read_string_strict(b, "last_id");
  std::vector<const Review*> rows;
  for (const auto& r : call.state.reviews)
    if (status.empty() || status == "ALL" || r.status == status) rows.push_back(&r);
  if (dir == "ASC") std::reverse(rows.begin(), rows.end());
  std::size_t start = 0;
  if (!last_id.empty()) {
    while (start < rows.size() && rows[start]->id != last_id) ++start;
    if (start == rows.size()) return bad("INVALID_ARGUMENT: invalid last_id");
    ++start;
  }
  json out = json::array();
  std::size_t i = start;
  for (; i < rows.size() && static_cast<std::int64_t>(out.size()) < limit; ++i) out.push_back(review_json(*rows[i]));
  const bool has_next = i < rows.size();
  return ok({{"reviews", out}, {"last_id", out.empty() ? "" : out.back()["id"].get<std::string>()}, {"has_next", has_next}});
}

net::HttpResponse review_info(const Call& call, const json& b) {
  const std::string id = read_string_strict(b, "review_id");
  if (id.empty()) return bad("INVALID_ARGUMENT: review_id is required");
  const Review* r = review_of(call.state, id);
  if (!r) return not_found("REVIEW_NOT_FOUND");
  json j = review_json(*r);
  json photos = json::array();
  for (int i = 1; i <= r->photos; ++i)
    photos.push_back({{"url", "https://example.com/ozon-demo/review-" + r->id + "-" + std::to_string(i) + ".jpg"},
                      {"width", 1200},
                      {"height", 1600}});
  j["photos"] = photos;
  j["videos"] = json::array();
  j["likes_amount"] = r->likes;
  j["dislikes_amount"] = r->dislikes;
  return ok(j);
}

net::HttpResponse review_change_status(const Call& call, const json& b) {
  std::vector<std::string> ids;
  if (!read_string_list_strict(b, "review_ids", &ids)) return bad("proto: syntax error: review_ids must be strings");
  if (ids.empty() || ids.size() > 100) return bad("INVALID_ARGUMENT: review_ids must hold 1..100 ids");
  std::string status;
  if (!read_enum(b, "status", {"PROCESSED", "UNPROCESSED"}, &status) || status.empty())
    return bad("INVALID_ARGUMENT: status must be PROCESSED or UNPROCESSED");
  std::vector<Review*> found;
  for (const auto& id : ids) {
    Review* r = review_of(call.state, id);
    if (!r) return not_found("REVIEW_NOT_FOUND: " + id);
    found.push_back(r);
  }
  for (Review* r : found) r->status = status;  // all or none
  return ok(json::object());
}

net::HttpResponse review_comment_list(const Call& call, const json& b) {
  const std::string id = read_string_strict(b, "review_id");
  if (id.empty()) return bad("INVALID_ARGUMENT: review_id is required");
  std::int64_t limit = 0;
  net::HttpResponse refusal;
  if (!read_limit(b, &limit, &refusal)) return refusal;
  const json* given_offset = find(b, "offset");
  const auto offset = given_offset && !given_offset->is_null() ? as_int64_strict(*given_offset)
                                                               : std::optional<std::int64_t>(0);
  if (!offset || *offset < 0) return bad("INVALID_ARGUMENT: offset must be 0 or more");
  std::string dir;
  if (!read_enum(b, "sort_dir", {"ASC", "DESC"}, &dir)) return bad("INVALID_ARGUMENT: sort_dir must be ASC or DESC");
  const Review* r = review_of(call.state, id);
  if (!r) return not_found("REVIEW_NOT_FOUND");
  std::vector<const ReviewComment*> rows;
  for (const auto& c : r->comments) rows.push_back(&c);  // oldest first
  if (dir == "DESC") std::reverse(rows.begin(), rows.end());
  json out = json::array();
  for (std::size_t i = static_cast<std::size_t>(*offset); i < rows.size() && static_cast<std::int64_t>(out.size()) < limit; ++i) {
    const ReviewComment& c = *rows[i];
    out.push_back({{"id", c.id},
                   {"is_official", c.is_official},
                   {"is_owner", c.is_owner},
                   {"parent_comment_id", c.parent_id},
                   {"published_at", format_iso8601(c.published_at)},
                   {"text", c.text}});
  }
  // offset: where the next page starts.
  return ok({{"comments", out}, {"offset", *offset + static_cast<std::int64_t>(out.size())}});
}

net::HttpResponse review_comment(const Call& call, const json& b) {
  const std::string id = read_string_strict(b, "review_id"), text = read_string_strict(b, "text");
  if (id.empty()) return bad("INVALID_ARGUMENT: review_id is required");
  Review* review = review_of(call.state, id);
  if (!review) return not_found("REVIEW_NOT_FOUND");
  if (text.empty() || utf8_length(text) > 3000) return bad("INVALID_ARGUMENT: text must be 1..3000 characters");
  const std::string parent = read_string_strict(b, "parent_comment_id");
  if (!parent.empty() && std::none_of(review->comments.begin(), review->comments.end(),
                                      [&](const ReviewComment& c) { return c.id == parent; }))
    return bad("INVALID_ARGUMENT: parent_comment_id " + parent + " is not a comment of this review");
  ReviewComment c;
  char buf[48];
  std::snprintf(buf, sizeof buf, "01940000-0000-7000-8%03llx-%012llx",
                static_cast<unsigned long long>((call.state.seed - Marketplace::kDemoSeed0) % Marketplace::kSeedBlocks),
                static_cast<unsigned long long>(++call.state.next_comment_no));
  c.id = buf;
  c.text = text;
  c.published_at = call.now;
  c.is_owner = true;
  c.parent_id = parent;
  review->comments.push_back(c);
  if (read_bool_strict(b, "mark_review_as_processed")) review->status = "PROCESSED";
  return ok({{"comment_id", c.id}});
}

}  // namespace

Routes review_routes() {
  static constexpr Route kRoutes[] = {
      {ep::kReviewList, review_list},
      {ep::kReviewInfo, review_info},
      {ep::kReviewChangeStatus, review_change_status},
      {ep::kReviewCommentList, review_comment_list},
      {ep::kReviewCommentCreate, review_comment},
  };
  return kRoutes;
}

}  // namespace sandbox
