// Printing labels: the selected postings (or the open one) in batches of
// at most 20, "not ready" retried with a visible countdown, a posting that
// fails its batch isolated, and the parts handed over as one PDF.
#include "app/orders_screen.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {

void OrdersScreen::on(const PrintLabels& a) {
  auto& orders = orders_slice();
  std::vector<std::string> numbers;
  const auto candidates = a.selected ? orders.selection.numbers(orders.list) : std::vector<std::string>{orders.open};
  for (const auto& number : candidates) {
    const core::Posting* posting = orders.list.find(number);
    // Ozon prints labels only for postings awaiting shipment.
    if (posting && posting->status == core::PostingStatus::awaiting_deliver) numbers.push_back(number);
  }
  auto& labels = app_.mutable_state().labels;
  const int generation = labels.generation + 1;
  labels = LabelsSlice{};
  labels.generation = generation;
  if (numbers.empty()) {
    labels.error = {"labels.none", ""};
    return;
  }
  labels.job = std::make_shared<core::LabelJob>(std::move(numbers));
  labels.running = true;
  labels.progress = labels.job->progress();
  pump_labels(labels.generation);
}

void OrdersScreen::pump_labels(int generation) {
  auto& labels = app_.mutable_state().labels;
  if (!app_.session() || !labels.job || generation != labels.generation) return;
  const core::EpochMs now = app_.now();
  while (auto batch = labels.job->next_request(now)) {
    const int id = batch->id;
    for (auto& request : ozon::build_package_labels(batch->posting_numbers)) {
      app_.session()->client().call_with(
          std::move(request), ozon::CallOptions{.retry_not_ready = false},
          [this, generation, id](ozon::Result<net::HttpResponse> reply) {
            auto& l = app_.mutable_state().labels;
            if (generation != l.generation || !l.job) return;
            const core::EpochMs at = app_.now();
            if (reply) {
              auto pdf = ozon::parse_pdf(*reply);
              if (pdf) {
                l.job->on_success(id, std::move(*pdf));
              } else {
                ozon::note_reply(pdf.error(), *reply);  // e.g. a proxy's page instead of the PDF
                l.job->on_failure(id, pdf.error().summary(), false, at);
              }
            } else if (reply.error().kind == ozon::ErrorKind::label_not_ready) {
              l.job->on_not_ready(id, at);
            } else {
              l.job->on_failure(id, reply.error().summary(), reply.error().retryable(), at);
            }
            pump_labels(generation);
          });
    }
  }
  labels.progress = labels.job->progress();
  labels.failed = labels.job->failed();
  labels.retry_in_ms.reset();
  if (labels.job->done()) return finish_labels();
  if (auto wakeup = labels.job->next_wakeup(); wakeup && labels.job->in_flight() == 0) {
    labels.retry_in_ms = *wakeup - now;
    app_.after(*wakeup - now, [this, generation] { pump_labels(generation); });
  }
}

void OrdersScreen::finish_labels() {
  auto& labels = app_.mutable_state().labels;
  labels.running = false;
  std::vector<std::string> parts;
  for (const auto& part : labels.job->pdfs())
    if (part.bytes) parts.push_back(*part.bytes);
  if (parts.empty()) {
    labels.error = {"labels.all_failed", ""};
    return;
  }
  labels.document_name = "labels-" + std::to_string(app_.now() / 1000) + ".pdf";
  app_.mutable_state().document_name = labels.document_name;
  if (app_.services().publish_document) app_.services().publish_document(labels.document_name, parts);
  labels.document_ready = true;
}

}  // namespace app
