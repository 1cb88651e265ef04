#pragma once
// The transport interface: how one API request travels (browser fetch, the
// embedding portal's postMessage bridge, the demo store's worker, or the
// in-process sandbox in tests). Every call is asynchronous; the callback runs
// later on the main thread, never inside send().
#include <cstdint>
#include <functional>
#include <string>

namespace net {

struct HttpRequest {
  std::string path;          // e.g. "/v4/posting/fbs/list" (from ozon::endpoint)
  std::string body;          // JSON text; every Seller API call is a POST
  int timeout_ms = 30'000;
};

// Why a request produced no HTTP status.
enum class Failure {
  none,          // an HTTP response arrived (any status)
  network,       // offline, DNS, connection refused or reset
  cors,          // the browser refused the cross-origin call (Ozon forbids direct calls)
  timeout,       // no answer within timeout_ms
  bridge,        // the embedding page did not answer / answered malformed
};

struct HttpResponse {
  int status = 0;              // 0 when failure != none
  std::string content_type;    // e.g. "application/json", "application/pdf"
  std::string body;            // bytes as received (JSON text or binary PDF)
  Failure failure = Failure::none;
  std::string failure_detail;  // human-readable, never contains credentials
};

using ResponseCallback = std::function<void(HttpResponse)>;

class Transport {
 public:
  virtual ~Transport() = default;
  virtual void send(HttpRequest request, ResponseCallback on_done) = 0;
};

}  // namespace net
