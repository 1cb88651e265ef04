#include <doctest/doctest.h>

#include "core/label_job.h"

namespace {

std::vector<std::string> numbers(int count) {
  std::vector<std::string> out;
  for (int i = 1; i <= count; ++i) out.push_back("10000000-" + std::to_string(1000 + i) + "-1");
  return out;
}

std::string joined_pdfs(const core::LabelJob& job) {
  std::string out;
  for (const auto& part : job.pdfs()) out += *part.bytes + "|";
  return out;
}

}  // namespace

TEST_CASE("label job: 45 postings go out as 20, 20 and 5, one at a time") {
  core::LabelJob job(numbers(45));
  CHECK_FALSE(job.done());
  CHECK(job.progress().total == 45);

  auto b1 = job.next_request(0);
  REQUIRE(b1);
  CHECK(b1->posting_numbers.size() == 20);
  CHECK(b1->posting_numbers.front() == "10000000-1001-1");
  CHECK(b1->attempt == 1);
  CHECK_FALSE(job.next_request(0));  // max_in_flight = 1
  CHECK(job.in_flight() == 1);
  CHECK(job.on_success(b1->id, "A"));
  CHECK_FALSE(job.on_success(b1->id, "again"));  // not in flight any more

  auto b2 = job.next_request(10);
  REQUIRE(b2);
  CHECK(b2->posting_numbers.size() == 20);
  CHECK(b2->posting_numbers.front() == "10000000-1021-1");
  CHECK(job.on_success(b2->id, "B"));
  auto b3 = job.next_request(20);
  REQUIRE(b3);
  CHECK(b3->posting_numbers.size() == 5);
  CHECK(b3->posting_numbers.back() == "10000000-1045-1");
  CHECK(job.progress().succeeded == 40);
  CHECK(job.progress().fraction() == doctest::Approx(40.0 / 45.0));
  CHECK(job.on_success(b3->id, "C"));

  CHECK(job.done());
  CHECK_FALSE(job.next_request(30));
  CHECK(job.progress().succeeded == 45);
  CHECK(job.failed().empty());
  const auto parts = job.pdfs();
  REQUIRE(parts.size() == 3);
  CHECK(parts[2].posting_numbers.size() == 5);
  CHECK(joined_pdfs(job) == "A|B|C|");
}

TEST_CASE("label job: not ready is retried after a growing delay with a countdown") {
  core::LabelJob job(numbers(3));
  auto b = job.next_request(1'000);
  REQUIRE(b);
  CHECK_FALSE(job.seconds_until_next_retry(1'000));
  CHECK(job.on_not_ready(b->id, 2'000));
  CHECK(job.in_flight() == 0);
  CHECK(job.next_wakeup() == 17'000);
  CHECK(job.seconds_until_next_retry(2'000) == 15);
  CHECK(job.seconds_until_next_retry(2'001) == 15);  // rounds up
  CHECK(job.seconds_until_next_retry(16'500) == 1);
  CHECK_FALSE(job.next_request(16'999));
  CHECK(job.seconds_until_next_retry(20'000) == 0);

  auto again = job.next_request(17'000);
  REQUIRE(again);
  CHECK(again->id == b->id);
  CHECK(again->attempt == 2);
  CHECK(again->posting_numbers == b->posting_numbers);
  CHECK(job.on_not_ready(again->id, 18'000));
  CHECK(job.seconds_until_next_retry(18'000) == 23);  // 22.5 s, rounded up
  auto third = job.next_request(40'500);
  REQUIRE(third);
  CHECK(third->attempt == 3);
  CHECK(job.on_success(third->id, "PDF"));
  CHECK(job.done());
  CHECK_FALSE(job.seconds_until_next_retry(41'000));
}

TEST_CASE("label job: gives up on a batch after the bound of not-ready replies") {
  core::LabelJobOptions options;
  options.max_not_ready = 3;
  options.first_retry_ms = 1'000;
  options.max_retry_ms = 2'000;
  core::LabelJob job(numbers(2), options);
  core::EpochMs now = 0;
  std::vector<std::int64_t> delays;
  for (int i = 0; i < 3; ++i) {
    auto b = job.next_request(now);
    REQUIRE(b);
    CHECK(b->attempt == i + 1);
    CHECK(job.on_not_ready(b->id, now));
    if (auto at = job.next_wakeup()) {
      delays.push_back(*at - now);
      now = *at;
    }
  }
  CHECK(delays == std::vector<std::int64_t>{1'000, 1'500});  // then capped, but given up first
  CHECK(job.done());
  CHECK_FALSE(job.next_request(now + 100'000));
  const auto failed = job.failed();
  REQUIRE(failed.size() == 2);
  CHECK(failed[0].posting_number == "10000000-1001-1");
  CHECK(failed[0].message == "label not ready after 3 attempts");
  CHECK(job.progress().failed == 2);
  CHECK(job.progress().fraction() == doctest::Approx(1.0));
  CHECK(job.pdfs().empty());
}

TEST_CASE("label job: a failed batch is split so one bad posting is isolated") {
  core::LabelJob job(numbers(25));
  auto first = job.next_request(0);
  REQUIRE(first);
  CHECK(job.on_failure(first->id, "POSTING_NOT_IN_AWAITING_DELIVER", false));
  CHECK_FALSE(job.done());
  CHECK(job.progress().failed == 0);

  // Now 20 single-posting batches, then the remaining batch of 5, in order.
  std::vector<std::string> sent;
  for (int i = 0; i < 20; ++i) {
    auto single = job.next_request(1);
    REQUIRE(single);
    REQUIRE(single->posting_numbers.size() == 1);
    sent.push_back(single->posting_numbers[0]);
    if (single->posting_numbers[0] == "10000000-1007-1")
      CHECK(job.on_failure(single->id, "POSTING_NOT_IN_AWAITING_DELIVER: cancelled", false));
    else
      CHECK(job.on_success(single->id, single->posting_numbers[0].substr(9, 4)));
  }
  CHECK(sent == std::vector<std::string>(first->posting_numbers));
  auto rest = job.next_request(2);
  REQUIRE(rest);
  CHECK(rest->posting_numbers.size() == 5);
  CHECK(job.on_success(rest->id, "REST"));

  CHECK(job.done());
  CHECK(job.failed() ==
        std::vector<core::LabelFailure>{{"10000000-1007-1", "POSTING_NOT_IN_AWAITING_DELIVER: cancelled"}});
  CHECK(job.progress().succeeded == 24);
  CHECK(job.progress().failed == 1);
  const auto parts = job.pdfs();
  REQUIRE(parts.size() == 20);
  CHECK(*parts[0].bytes == "1001");
  CHECK(*parts[5].bytes == "1006");
  CHECK(*parts[6].bytes == "1008");  // 1007 failed, order kept
  CHECK(*parts[19].bytes == "REST");
}

TEST_CASE("label job: retryable failures retry the same batch, then give up") {
  core::LabelJobOptions options;
  options.max_retryable_failures = 2;
  core::LabelJob job(numbers(30), options);
  auto b = job.next_request(1'000);
  REQUIRE(b);
  CHECK(job.on_failure(b->id, "network error", true));  // delay counts from the request
  CHECK(job.next_wakeup() == 16'000);
  auto b2 = job.next_request(5'000);  // the second batch is due meanwhile
  REQUIRE(b2);
  CHECK(b2->id != b->id);
  CHECK(job.on_success(b2->id, "second"));
  CHECK_FALSE(job.next_request(15'999));
  auto again = job.next_request(16'000);
  REQUIRE(again);
  CHECK(again->id == b->id);
  CHECK(job.on_failure(again->id, "HTTP 503", true, 20'000));
  CHECK(job.next_wakeup() == 20'000 + 22'500);
  auto third = job.next_request(50'000);
  REQUIRE(third);
  CHECK(job.on_failure(third->id, "HTTP 503", true, 50'000));
  CHECK(job.done());
  CHECK(job.failed().size() == 20);
  CHECK(job.failed()[0].message == "HTTP 503");
  CHECK(job.pdfs().size() == 1);
}

TEST_CASE("label job: concurrency, duplicates, empty input and stray replies") {
  core::LabelJobOptions options;
  options.max_in_flight = 2;
  options.batch_size = 2;
  core::LabelJob job({"1-1-1", "", "1-1-2", "1-1-1", "1-1-3"}, options);
  CHECK(job.posting_numbers() == std::vector<std::string>{"1-1-1", "1-1-2", "1-1-3"});
  auto a = job.next_request(0);
  auto b = job.next_request(0);
  REQUIRE(a);
  REQUIRE(b);
  CHECK_FALSE(job.next_request(0));
  CHECK(b->posting_numbers == std::vector<std::string>{"1-1-3"});
  CHECK_FALSE(job.on_success(999, "x"));
  CHECK_FALSE(job.on_not_ready(999, 0));
  CHECK_FALSE(job.on_failure(999, "x", false));
  CHECK(job.on_success(b->id, "second"));  // replies may arrive out of order
  CHECK(job.on_success(a->id, "first"));
  CHECK(joined_pdfs(job) == "first|second|");

  core::LabelJob empty({});
  CHECK(empty.done());
  CHECK_FALSE(empty.next_request(0));
  CHECK(empty.progress().fraction() == doctest::Approx(1.0));
}
