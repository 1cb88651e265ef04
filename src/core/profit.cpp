#include "core/profit.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "core/calendar_day.h"

namespace core {
namespace {

// total x weight overflows int64 for big postings; GCC and Clang (wasm too) have 128-bit integers.
__extension__ typedef __int128 Int128;

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// A posting's products with the same offer (several lines of it) as one.
struct OfferShare {
  std::string_view offer_id;  // into the posting, which outlives the call
  std::int64_t value = 0;     // price x quantity, kopecks
  std::int64_t quantity = 0;
};

void offers_of(const Posting& posting, std::vector<OfferShare>& offers) {
  offers.clear();
  for (const PostingProduct& product : posting.products) {
    auto it = std::find_if(offers.begin(), offers.end(),
                           [&](const OfferShare& o) { return o.offer_id == product.offer_id; });
    if (it == offers.end()) it = offers.insert(offers.end(), OfferShare{product.offer_id, 0, 0});
    it->value += std::max<std::int64_t>(0, product.price.minor) * std::max<std::int64_t>(0, product.quantity);
    it->quantity += std::max<std::int64_t>(0, product.quantity);
  }
}

bool loses_first(const ProfitGroup& a, const ProfitGroup& b) {
  if (a.margin != b.margin) return a.margin < b.margin;
  return a.key < b.key;
}

}  // namespace

std::vector<Kopecks> proportional_shares(Kopecks total, const std::vector<std::int64_t>& weights) {
  std::vector<Kopecks> shares(weights.size(), 0);
  if (weights.empty()) return shares;
  Int128 weight_sum = 0;
  for (std::int64_t w : weights) weight_sum += std::max<std::int64_t>(0, w);
  if (weight_sum == 0) {
    shares.front() = total;
    return shares;
  }
  Kopecks given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    // Truncation toward zero: |share| never exceeds |total|, so it fits int64.
    shares[i] = static_cast<Kopecks>(Int128{total} * std::max<std::int64_t>(0, weights[i]) / weight_sum);
    given += shares[i];
  }
  shares.front() += total - given;
  return shares;
}

std::vector<ProfitRow> profit_rows(const std::vector<PostingFinance>& finance,
                                   const std::map<std::string, const Posting*>& postings, const SellerCosts& costs,
                                   int utc_offset_minutes) {
  std::vector<ProfitRow> rows;
  rows.reserve(finance.size());
  for (const PostingFinance& f : finance) {
    ProfitRow row;
    row.posting_number = f.posting_number;
    const std::int64_t day = local_day(f.first_date, utc_offset_minutes);
    row.day = local_midnight(day, utc_offset_minutes);
    row.day_key = format_day(day);
    row.finance = f;
    const auto held = postings.find(f.posting_number);
    if (held == postings.end() || held->second == nullptr) {
      row.costs_known = false;  // nothing says what was in it
    } else {
      for (const PostingProduct& product : held->second->products) {
        const auto unit = costs.unit_cost.find(product.offer_id);
        if (unit == costs.unit_cost.end()) {
          row.costs_known = false;
          add_unique(row.offers_without_cost, product.offer_id);
        } else {
          row.goods_cost += unit->second * product.quantity;
        }
        // Packaging the seller did not price costs nothing rather than making the margin unknown.
        const auto packing = costs.packaging_cost.find(product.offer_id);
        if (packing != costs.packaging_cost.end()) row.packaging_cost += packing->second * product.quantity;
      }
    }
    row.margin = f.payout - row.goods_cost - row.packaging_cost;
    rows.push_back(std::move(row));
  }
  // Sort positions, then move each row once (swapping whole rows costs more than comparing).
  std::vector<std::size_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rows[a].margin != rows[b].margin) return rows[a].margin < rows[b].margin;
    return rows[a].posting_number < rows[b].posting_number;
  });
  std::vector<ProfitRow> sorted;
  sorted.reserve(rows.size());
  for (std::size_t i : order) sorted.push_back(std::move(rows[i]));
  return sorted;
}

std::vector<ProfitGroup> profit_by_product(const std::vector<ProfitRow>& rows,
                                           const std::map<std::string, const Posting*>& postings) {
  std::unordered_map<std::string_view, ProfitGroup> groups;  // keys view the postings' offer ids
  const auto add = [&](std::string_view key, Kopecks payout, Kopecks cost) {
    ProfitGroup& g = groups[key];
    ++g.postings;
    g.payout += payout;
    g.costs += cost;
    g.margin += payout - cost;
  };
  std::vector<OfferShare> offers;
  std::vector<std::int64_t> weights;
  for (const ProfitRow& row : rows) {
    const Kopecks cost = row.goods_cost + row.packaging_cost;
    const auto held = postings.find(row.posting_number);
    offers.clear();
    if (held != postings.end() && held->second != nullptr) offers_of(*held->second, offers);
    if (offers.empty()) {
      add("", row.finance.payout, cost);
      continue;
    }
    weights.clear();
    for (const OfferShare& o : offers) weights.push_back(o.value);
    // Free goods only (all prices zero): share by units instead.
    if (std::all_of(weights.begin(), weights.end(), [](std::int64_t w) { return w == 0; })) {
      weights.clear();
      for (const OfferShare& o : offers) weights.push_back(o.quantity);
    }
    const std::vector<Kopecks> payout_shares = proportional_shares(row.finance.payout, weights);
    const std::vector<Kopecks> cost_shares = proportional_shares(cost, weights);
    for (std::size_t i = 0; i < offers.size(); ++i) add(offers[i].offer_id, payout_shares[i], cost_shares[i]);
  }
  std::vector<ProfitGroup> out;
  out.reserve(groups.size());
  for (auto& [key, group] : groups) {
    group.key = std::string(key);
    out.push_back(std::move(group));
  }
  std::sort(out.begin(), out.end(), loses_first);
  return out;
}

std::vector<ProfitGroup> profit_by_day(const std::vector<ProfitRow>& rows) {
  std::map<EpochMs, ProfitGroup> days;  // by the day's start: oldest first
  for (const ProfitRow& row : rows) {
    ProfitGroup& g = days[row.day];
    if (g.postings == 0) g.key = row.day_key;
    ++g.postings;
    g.payout += row.finance.payout;
    g.costs += row.goods_cost + row.packaging_cost;
    g.margin += row.margin;
  }
  std::vector<ProfitGroup> out;
  out.reserve(days.size());
  for (auto& [day, group] : days) out.push_back(std::move(group));
  return out;
}

}  // namespace core
