// Bounded-time fuzzing of every Seller API response parser (no libFuzzer):
// loads the fixtures, mutates them with a fixed seed (byte flips,
// truncation, splices, and type swaps inside valid JSON) and feeds every
// parser. Any crash (or abort: the WASM build has no exceptions) kills the
// process, so reaching the end means "0 crashes"; so does the posting list's
// fast reader reading anything differently from the DOM one, or a list's
// compact offline copy reading back differently from the list.
// Usage: fuzz_parsers [seconds]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "mutate.h"
#include "posting_list_agreement.h"
#include "ozon/errors.h"
#include "ozon/parsers.h"
#include "ozon/posting_compact.h"
#include "ozon/posting_json.h"

namespace {

using fuzz::mutate;

// Touches the results so nothing is optimised away.
template <typename R>
std::size_t touch(const R& result) {
  return result.ok() ? 1 : result.error().message.size() % 7;
}

std::size_t feed(const std::string& body) {
  using namespace ozon;
  std::size_t sum = 0;
  // The posting list's two readers must read the same (see posting_list_agreement.h).
  if (const std::string difference = fuzz::posting_list_disagreement(body); !difference.empty()) {
    std::fprintf(stderr, "fuzz: the posting list readers disagree: %s\ninput (%zu bytes): %.*s\n", difference.c_str(),
                 body.size(), static_cast<int>(std::min<std::size_t>(body.size(), 2000)), body.c_str());
    std::abort();
  }
  const auto list = parse_posting_list(body);
  sum += touch(list);
  // A list read from Ozon's shape reads back the same from its compact offline copy.
  if (list.ok() && !list->items.empty()) {
    auto back = read_offline_postings(postings_to_compact_chunks(list->items, 1000).front());
    if (!back.ok() || postings_to_list_json(*back) != postings_to_list_json(list->items)) {
      std::fprintf(stderr, "fuzz: the compact copy reads back differently\ninput: %.*s\n",
                   static_cast<int>(std::min<std::size_t>(body.size(), 2000)), body.c_str());
      std::abort();
    }
  }
  sum += touch(read_offline_postings(body));
  sum += touch(parse_posting(body));
  sum += touch(parse_ship_result(body));
  sum += touch(parse_done(body));
  sum += touch(parse_exemplar_data(body));
  net::HttpResponse response;
  response.status = 200;
  response.content_type = (body.size() % 2) != 0 ? "application/pdf" : "application/json";
  response.body = body;
  sum += touch(parse_pdf(response));
  sum += touch(parse_label_tasks(body));
  sum += touch(parse_label_task(body));
  sum += touch(parse_cancel_reasons(body));
  sum += touch(parse_posting_cancel_reasons(body));
  sum += touch(parse_posting_batch_result(body));
  sum += touch(parse_act_create(body));
  sum += touch(parse_act_status(body));
  sum += touch(parse_act_list(body));
  sum += touch(parse_pick_list(body));
  sum += touch(parse_warehouses(body));
  sum += touch(parse_delivery_methods(body));
  sum += touch(parse_stock_update(body));
  sum += touch(parse_stock_update_items(body));
  sum += touch(parse_stocks_by_warehouse(body));
  sum += touch(parse_product_stocks(body));
  sum += touch(parse_product_list(body));
  sum += touch(parse_product_info_list(body));
  sum += touch(parse_chat_list(body));
  sum += touch(parse_chat_history(body));
  sum += touch(parse_returns(body));
  sum += touch(parse_reviews(body));
  sum += touch(parse_review_comment(body));
  sum += touch(parse_chat_read(body));
  sum += touch(parse_rfbs_returns(body));
  sum += touch(parse_rfbs_return(body));
  sum += touch(parse_review_comments(body));
  sum += touch(parse_review_info(body));
  sum += touch(parse_rating_summary(body));
  sum += touch(parse_rating_history(body));
  sum += touch(parse_analytics_data(body, static_cast<int>(body.size() % 5), static_cast<int>(body.size() % 3)));
  sum += touch(parse_finance_transactions(body));
  sum += touch(parse_finance_totals(body));
  const auto error = parse_error_body(static_cast<int>(400 + body.size() % 200), body);
  sum += error.summary().size() + static_cast<std::size_t>(classify(error)) + (error.retryable() ? 1 : 0);
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 5.0;
  std::vector<std::string> corpus;
  const std::filesystem::path dir = std::filesystem::path(FIXTURES_DIR) / "ozon";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    corpus.push_back(text.str());
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "fuzz: no fixtures in %s\n", dir.string().c_str());
    return 1;
  }
  // The compact offline copies of the fixture lists, to be mutated too.
  for (std::size_t i = 0, fixtures = corpus.size(); i < fixtures; ++i)
    if (const auto list = ozon::parse_posting_list(corpus[i]); list.ok() && !list->items.empty())
      corpus.push_back(ozon::postings_to_compact_chunks(list->items, 1000).front());
  fuzz::Rng rng(20260514);
  std::size_t inputs = 0, sink = 0;
  for (const auto& text : corpus) {  // the untouched fixtures first
    sink += feed(text);
    ++inputs;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    for (int i = 0; i < 64; ++i) {
      sink += feed(mutate(corpus, rng));
      ++inputs;
    }
  }
  std::printf("fuzz: %zu inputs, 0 crashes (checksum %zu)\n", inputs, sink % 1000);
  return 0;
}
