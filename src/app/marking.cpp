// Marking codes, customs declaration numbers (GTD) and countries of
// manufacture: the form Ozon asks for (exemplar/create-or-get), sending it
// (exemplar/set, product/country/set) and following Ozon's check
// (exemplar/status) until shipping is allowed.
#include <algorithm>
#include <cctype>

#include "app/orders_screen.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {
namespace {

constexpr std::int64_t kFirstCheckMs = 1'000;
constexpr std::int64_t kCheckEveryMs = 2'000;
constexpr int kCheckLimit = 90;  // three minutes: then say so instead of spinning

using MarkingState = PostingWork::Marking::State;

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

}  // namespace

void OrdersScreen::apply_marking_status(PostingWork& work, const core::ExemplarData& status) {
  auto& marking = work.marking;
  core::merge_checks(marking.form.data, status);
  if (status.ship_available()) {
    marking.state = MarkingState::accepted;
    marking.refusals.clear();
  } else {
    marking.refusals = core::failed_checks(marking.form.data);  // the merged form holds the values
    // Nothing refused yet: the form was simply never sent (or is incomplete).
    marking.state = marking.refusals.empty() ? MarkingState::editing : MarkingState::refused;
    if (marking.state == MarkingState::refused)
      for (const auto& listener : marking_listeners_) listener(store_of(work.number), work.number);
  }
  work.verification.set_marking_complete(status.ship_available());
}

void OrdersScreen::on(const LoadMarking&) {
  PostingWork* work = open_work();
  if (!work || !session_of(work->number) || busy_marking(work->marking)) return;
  auto& marking = work->marking;
  marking.state = MarkingState::loading;
  marking.error = {};
  const std::string number = work->number;
  const int generation = ++marking.generation;
  session_of(number)->client().call(
      ozon::build_exemplar_create_or_get(number), &ozon::parse_exemplar_data,
      [this, number, generation](ozon::Result<core::ExemplarData> form) {
        auto it = orders_slice().work.find(number);
        if (it == orders_slice().work.end() || it->second.marking.generation != generation) return;
        auto& m = it->second.marking;
        if (!form) {
          m.state = MarkingState::failed;
          m.error = notice_for(form.error());
          return;
        }
        // Keep what the seller already typed (a draft) over Ozon's empty form.
        if (m.form.data.products.empty()) m.form.data = std::move(*form);
        for (const auto& product : m.form.data.products)
          for (const auto& e : product.exemplars)
            if (!e.country_iso.empty()) m.form.countries.emplace(product.product_id, e.country_iso);
        m.state = MarkingState::checking;
        m.checks = 0;
        poll_marking(number, generation);  // maybe it was sent and accepted before
      });
}

void OrdersScreen::on(const EditMarking& a) {
  PostingWork* work = open_work();
  if (!work || busy_marking(work->marking)) return;
  auto& marking = work->marking;
  auto& products = marking.form.data.products;
  if (a.product >= products.size()) return;
  auto& product = products[a.product];
  if (a.field == EditMarking::Field::country) {
    marking.form.countries[product.product_id] = upper(a.text);
  } else {
    if (a.unit >= product.exemplars.size()) return;
    auto& exemplar = product.exemplars[a.unit];
    switch (a.field) {
      case EditMarking::Field::mark: core::set_mark(exemplar, a.text); break;
      case EditMarking::Field::gtd:
        exemplar.gtd = a.text;
        exemplar.gtd_check_status.clear();
        break;
      case EditMarking::Field::gtd_absent: exemplar.is_gtd_absent = a.flag; break;
      case EditMarking::Field::country: break;
    }
  }
  // Changed data must be checked again before the parcel may leave.
  if (marking.state == MarkingState::accepted || marking.state == MarkingState::refused) {
    marking.state = MarkingState::editing;
    work->verification.set_marking_complete(false);
  }
}

void OrdersScreen::on(const SendMarking&) {
  PostingWork* work = open_work();
  const core::Posting* posting = work ? orders_slice().list.find(work->number) : nullptr;
  if (!posting || !session_of(work->number) || busy_marking(work->marking)) return;
  auto& marking = work->marking;
  const auto missing = core::missing_fields(marking.form, *posting->requirements);
  if (!missing.empty()) {
    marking.error = {"marking.incomplete", missing.front()};
    return;
  }
  marking.state = MarkingState::sending;
  marking.error = {};
  marking.refusals.clear();
  work->verification.set_marking_complete(false);
  const std::string number = work->number;
  const int generation = ++marking.generation;
  session_of(number)->client().call(ozon::build_exemplar_set(marking.form.data),
                          [this, number, generation](ozon::Result<net::HttpResponse> sent) {
                            auto it = orders_slice().work.find(number);
                            if (it == orders_slice().work.end() || it->second.marking.generation != generation) return;
                            auto& m = it->second.marking;
                            if (!sent) {
                              m.state = MarkingState::failed;
                              m.error = notice_for(sent.error());
                              return;
                            }
                            send_marking_countries(number, generation);
                          });
}

// Countries go one product at a time (the endpoint takes one), then Ozon's
// check is followed. The form names products by SKU; the country is set on
// the seller's product_id, looked up once in the catalogue.
void OrdersScreen::send_marking_countries(const std::string& number, int generation) {
  auto it = orders_slice().work.find(number);
  const core::Posting* posting = orders_slice().list.find(number);
  if (it == orders_slice().work.end() || !posting || !session_of(number)) return;
  auto& marking = it->second.marking;
  std::vector<std::int64_t> unknown;  // SKUs whose product_id is not known yet
  for (const auto& product : marking.form.data.products)
    if (core::needs_of(product, *posting->requirements).country && !marking.countries_sent[product.product_id] &&
        !marking.product_ids.count(product.product_id))
      unknown.push_back(product.product_id);
  if (!unknown.empty()) {
    auto request = ozon::build_product_info_list({}, {}, unknown);
    if (!request) {
      marking.state = MarkingState::failed;
      marking.error = notice_for(request.error());
      return;
    }
    session_of(number)->client().call(
        std::move(request.value()), &ozon::parse_product_info_list,
        [this, number, generation, unknown](ozon::Result<std::vector<core::Product>> products) {
          auto w = orders_slice().work.find(number);
          if (w == orders_slice().work.end() || w->second.marking.generation != generation) return;
          auto& m = w->second.marking;
          if (!products) {
            m.state = MarkingState::failed;
            m.error = notice_for(products.error());
            return;
          }
          for (const auto& product : *products)
            if (product.sku != 0 && product.product_id != 0) m.product_ids[product.sku] = product.product_id;
          for (const std::int64_t sku : unknown)
            if (!m.product_ids.count(sku)) {
              m.state = MarkingState::failed;
              m.error = {"marking.product_not_found", "SKU " + std::to_string(sku), {{"sku", std::to_string(sku)}}};
              return;
            }
          send_marking_countries(number, generation);
        });
    return;
  }
  for (const auto& product : marking.form.data.products) {
    if (!core::needs_of(product, *posting->requirements).country) continue;
    const std::string code = marking.form.countries[product.product_id];
    bool& sent = marking.countries_sent[product.product_id];
    if (sent) continue;
    sent = true;
    const auto known = marking.product_ids.find(product.product_id);
    if (known == marking.product_ids.end()) {  // looked up above: cannot happen, but never send the SKU
      marking.state = MarkingState::failed;
      marking.error = {"marking.product_not_found", "SKU " + std::to_string(product.product_id),
                       {{"sku", std::to_string(product.product_id)}}};
      return;
    }
    const std::int64_t product_id = known->second;
    session_of(number)->client().call(ozon::build_product_country_set(number, product_id, code),
                            [this, number, generation](ozon::Result<net::HttpResponse> reply) {
                              auto w = orders_slice().work.find(number);
                              if (w == orders_slice().work.end() || w->second.marking.generation != generation) return;
                              if (!reply) {
                                w->second.marking.state = MarkingState::failed;
                                w->second.marking.error = notice_for(reply.error());
                                return;
                              }
                              send_marking_countries(number, generation);
                            });
    return;
  }
  marking.countries_sent.clear();
  marking.state = MarkingState::checking;
  marking.checks = 0;
  app_.after(kFirstCheckMs, [this, number, generation] { poll_marking(number, generation); });
}

void OrdersScreen::poll_marking(const std::string& number, int generation) {
  StoreSession* session = session_of(number);
  if (!session) return;
  session->client().call(
      ozon::build_exemplar_status(number), &ozon::parse_exemplar_data,
      [this, number, generation](ozon::Result<core::ExemplarData> status) {
        auto it = orders_slice().work.find(number);
        if (it == orders_slice().work.end() || it->second.marking.generation != generation) return;
        auto& work = it->second;
        auto& m = work.marking;
        if (!status) {
          m.state = MarkingState::failed;
          m.error = notice_for(status.error());
          return;
        }
        if (status->status == "validation_in_process") {
          if (++m.checks >= kCheckLimit) {
            m.state = MarkingState::failed;
            m.error = {"marking.check_too_slow", status->status};
            return;
          }
          app_.after(kCheckEveryMs, [this, number, generation] { poll_marking(number, generation); });
          return;
        }
        apply_marking_status(work, *status);
      });
}

}  // namespace app
