// Printing labels: the selected postings (or the open one) in batches of
// at most 20, "not ready" retried with a visible countdown, a posting that
// fails its batch isolated, and the parts handed over as one PDF.
#include "app/orders_screen.h"
#include "core/store_batches.h"
#include "ozon/parsers.h"
#include "ozon/requests.h"

namespace app {

void OrdersScreen::on(const PrintLabels& a) {
  const auto& orders = orders_slice();
  print_labels(a.selected ? orders.selection.numbers(orders.list) : std::vector<std::string>{orders.open}, false);
}

void OrdersScreen::print_labels(const std::vector<std::string>& candidates, bool auto_print) {
  auto& orders = orders_slice();
  std::vector<std::string> numbers;
  for (const auto& number : candidates) {
    const core::Posting* posting = orders.list.find(number);
    // Ozon prints labels only for postings awaiting shipment.
    if (posting && posting->status == core::PostingStatus::awaiting_deliver) numbers.push_back(number);
  }
  auto& labels = app_.mutable_state().labels;
  const int generation = labels.generation + 1;
  const int printed = labels.printed;
  labels = LabelsSlice{};
  labels.generation = generation;
  labels.printed = printed;
  labels.auto_print = auto_print;
  if (!auto_print) auto_label_failed();  // the seller printed by hand: the station's own job is over
  if (numbers.empty()) {
    labels.error = {"labels.none", ""};
    return;
  }
  // A selection across stores: each store prints its own postings.
  std::vector<core::StorePosting> selected;
  for (auto& number : numbers) selected.push_back({store_of(number), std::move(number)});
  for (auto& batch : core::split_by_store(selected))
    labels.jobs.push_back({batch.store_id, std::make_shared<core::LabelJob>(std::move(batch.posting_numbers))});
  labels.running = true;
  pump_labels(labels.generation);
}

void OrdersScreen::pump_labels(int generation) {
  auto& labels = app_.mutable_state().labels;
  if (labels.jobs.empty() || generation != labels.generation) return;
  const core::EpochMs now = app_.now();
  for (std::size_t j = 0; j < labels.jobs.size(); ++j) {
    const std::shared_ptr<core::LabelJob> job = labels.jobs[j].job;
    StoreSession* session = app_.session_for(labels.jobs[j].store_id);
    if (!session) continue;
    while (auto batch = job->next_request(now)) {
      const int id = batch->id;
      for (auto& request : ozon::build_package_labels(batch->posting_numbers)) {
        session->client().call_with(
            std::move(request), ozon::CallOptions{.retry_not_ready = false},
            [this, generation, id, job](ozon::Result<net::HttpResponse> reply) {
              if (generation != app_.state().labels.generation) return;
              const core::EpochMs at = app_.now();
              if (reply) {
                auto pdf = ozon::parse_pdf(*reply);
                if (pdf) {
                  job->on_success(id, std::move(*pdf));
                } else {
                  ozon::note_reply(pdf.error(), *reply);  // e.g. a proxy's page instead of the PDF
                  job->on_failure(id, pdf.error().summary(), false, at);
                }
              } else if (reply.error().kind == ozon::ErrorKind::label_not_ready) {
                job->on_not_ready(id, at);
              } else {
                job->on_failure(id, reply.error().summary(), reply.error().retryable(), at);
              }
              pump_labels(generation);
            });
      }
    }
  }
  labels.progress = {};
  labels.failed.clear();
  labels.retry_in_ms.reset();
  bool done = true;
  std::optional<core::EpochMs> wakeup;
  std::size_t in_flight = 0;
  for (const auto& store_job : labels.jobs) {
    const core::LabelJob* job = store_job.job.get();
    const auto progress = job->progress();
    labels.progress.succeeded += progress.succeeded;
    labels.progress.failed += progress.failed;
    labels.progress.total += progress.total;
    for (auto& failure : job->failed()) labels.failed.push_back(std::move(failure));
    // A store that is no longer connected cannot finish: its postings count as failed.
    if (!app_.session_for(store_job.store_id)) continue;
    done = done && job->done();
    in_flight += job->in_flight();
    if (auto w = job->next_wakeup(); w && (!wakeup || *w < *wakeup)) wakeup = w;
  }
  if (done) return finish_labels();
  if (wakeup && in_flight == 0) {
    labels.retry_in_ms = *wakeup - now;
    app_.after(*wakeup - now, [this, generation] { pump_labels(generation); });
  }
}

void OrdersScreen::finish_labels() {
  auto& labels = app_.mutable_state().labels;
  labels.running = false;
  std::vector<std::string> parts;
  for (const auto& store_job : labels.jobs)
    for (const auto& part : store_job.job->pdfs())
      if (part.bytes) parts.push_back(*part.bytes);
  if (parts.empty()) {
    labels.error = {"labels.all_failed", ""};
    if (labels.auto_print) auto_label_failed();
    return;
  }
  labels.document_name = "labels-" + std::to_string(app_.now() / 1000) + ".pdf";
  app_.mutable_state().document_name = labels.document_name;
  if (app_.services().publish_document) app_.services().publish_document(labels.document_name, parts);
  labels.document_ready = true;
  if (labels.auto_print) auto_label_printed();
}

}  // namespace app
