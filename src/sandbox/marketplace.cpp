// The demo marketplace: the routing and dispatch core. Time moves on
// (postings arrive, acts are handed over), injected faults and rate limits
// answer first, then the call goes to its domain's handler by path. The
// handlers live one file per Ozon domain (api_*.cpp, see api.h); their routes
// are registered here, in kDomains.
#include "sandbox/marketplace.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ozon/endpoints.h"
#include "sandbox/api.h"
#include "sandbox/marketplace_state.h"

namespace sandbox {

namespace {

// Every domain's routes: the one place a domain is registered. Chats and
// reviews need Premium Plus (Ozon answers 403 without it).
struct Domain {
  Routes (*routes)();
  bool premium_plus;
};
constexpr Domain kDomains[] = {
    {posting_routes, false}, {fulfilment_routes, false}, {marking_routes, false},
    {catalog_routes, false}, {document_routes, false},   {chat_routes, true},
    {return_routes, false},  {rfbs_return_routes, false}, {review_routes, true},
    {numbers_routes, false},
};

}  // namespace

std::vector<Route> all_routes() {
  std::vector<Route> routes;
  for (const auto& domain : kDomains)
    for (const Route& r : domain.routes()) routes.push_back(r);
  return routes;
}

namespace {

net::HttpResponse dispatch(const Call& call, const json& body) {
  for (const auto& domain : kDomains)
    for (const Route& r : domain.routes()) {
      if (r.path != call.path) continue;
      if (domain.premium_plus && !call.state.premium_plus)
        return error(403, 7, "PERMISSION_DENIED: the method is available to sellers with a Premium Plus subscription");
      return r.handle(call, body);
    }
  return not_found("Not Found: unknown method " + std::string(call.path));
}

void tick(State& s, core::EpochMs now) {
  s.arrive(now);
  s.arrive_messages(now);
  // Hand-over: kActHandoverMs after an act is ready, its postings still
  // awaiting_deliver leave with the carrier (delivering).
  for (auto& a : s.acts) {
    if (a.handed_over || now < a.created_at + Marketplace::kActReadyMs + Marketplace::kActHandoverMs) continue;
    a.handed_over = true;
    core::EpochMs t = a.created_at + Marketplace::kActReadyMs + Marketplace::kActHandoverMs;
    for (const auto& n : a.postings) {
      Posting* p = s.find(n);
      if (!p || p->status != "awaiting_deliver") continue;
      set_status(*p, "delivering", t);
      p->delivering_date = t;
    }
  }
}

}  // namespace

Marketplace::Marketplace(std::uint64_t seed, core::EpochMs now) : state_(std::make_unique<State>(seed)) {
  state_->seed = seed;
  state_->generated_at = now;
  state_->premium_plus = seed != demo_seed(2);  // the third demo store shows the refusal
  state_->generate(now);
}

Marketplace::~Marketplace() = default;

FaultKnob& Marketplace::faults() { return state_->faults; }
const FaultKnob& Marketplace::faults() const { return state_->faults; }
std::size_t Marketplace::posting_count() const { return state_->postings.size(); }
std::size_t Marketplace::product_count() const { return state_->products.size(); }

std::vector<std::string> Marketplace::posting_numbers() const {
  std::vector<std::string> out;
  for (const auto& p : state_->postings) out.push_back(p.number);
  return out;
}

std::string Marketplace::posting_status(std::string_view number) const {
  const Posting* p = state_->find(number);
  return p ? p->status : std::string();
}

void Marketplace::set_arrivals(bool on) { state_->arrivals_on = on; }
bool Marketplace::arrivals() const { return state_->arrivals_on; }

std::vector<std::string> Marketplace::add_postings(int count, core::EpochMs now) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string number = state_->add_arrival(now);
    if (!number.empty()) out.push_back(std::move(number));
  }
  return out;
}

void Marketplace::set_label_delay(core::EpochMs ms) { state_->label_delay_ms = std::max<core::EpochMs>(0, ms); }

void Marketplace::set_premium_plus(bool on) { state_->premium_plus = on; }
bool Marketplace::premium_plus() const { return state_->premium_plus; }

std::optional<Marketplace::BuyerMessage> Marketplace::add_buyer_message(std::string_view chat_id,
                                                                        std::string_view text, core::EpochMs now) {
  State& s = *state_;
  tick(s, now);
  Chat* chat = nullptr;
  if (!chat_id.empty()) {
    chat = s.chat(chat_id);
  } else {
    std::vector<Chat*> open;
    std::string why;
    for (auto& c : s.chats)
      if (c.status == "Opened" && s.seller_may_write(c, now, &why)) open.push_back(&c);
    if (!open.empty()) chat = open[s.message_rng.index(open.size())];
  }
  if (!chat) return std::nullopt;
  const std::uint64_t id = s.add_buyer_message(*chat, std::string(text), now);
  return BuyerMessage{chat->id, id};
}

bool Marketplace::set_rfbs_return_state(std::int64_t return_id, std::string_view group_state) {
  RfbsReturnRequest* r = state_->rfbs_return(return_id);
  if (!r || !is_rfbs_group(group_state)) return false;
  State::set_rfbs_group(*r, group_state);
  return true;
}

net::HttpResponse Marketplace::handle(std::string_view path, std::string_view body, core::EpochMs now) {
  State& s = *state_;
  tick(s, now);
  net::HttpResponse r;
  FaultKnob::Kind kind{};
  if (s.faults.take(&kind, s.fault_rng)) {
    switch (kind) {
      case FaultKnob::Kind::http429:
        r = error(429, 8, "You have reached request rate limit per second");
        break;
      case FaultKnob::Kind::http500:
        r = error(500, 13, "Internal Server Error");
        break;
      case FaultKnob::Kind::malformed:
        r = respond(200, json{{"result", {{"postings", json::array()}, {"has_next", false}}}});
        r.body = r.body.substr(0, r.body.size() / 2);
        break;
      case FaultKnob::Kind::html:
        r.status = 502;
        r.content_type = "text/html";
        r.body = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
                 "</center><hr><center>nginx</center></body></html>\n";
        break;
    }
    s.faults.count(path, r.status);
    return r;
  }
  if (rate_limited(s.recent_all, now, kRateLimitPerSecond, 1000) ||
      (path == ozon::endpoint::kPostingGet && rate_limited(s.recent_get, now, kPostingGetPerSecond, 1000))) {
    r = error(429, 8, "You have reached request rate limit per second");
  } else if (path.substr(0, kFilePrefix.size()) == kFilePrefix) {
    r = label_file(s, path, now);
  } else {
    json b = body.empty() ? json::object() : json::parse(body.begin(), body.end(), nullptr, false);
    if (b.is_discarded() || !b.is_object()) {
      r = bad("proto: syntax error: invalid JSON request body");
    } else {
      r = dispatch(Call{s, now, path}, b);
    }
  }
  s.faults.count(path, r.status);
  return r;
}

}  // namespace sandbox
