// ozon-sandbox: the demo marketplace behind a loopback HTTP/1.1 server, for
// browser tests and for trying the console against a "real" HTTP endpoint.
//
//   ozon_sandbox --port N [--host 127.0.0.1] [--seed S] [--latency-ms L]
//                [--error-rate R] [--no-arrivals] [--cors]
//
// --seed S: the store's data (default 42); the browser's demo stores are
// seeds 20261126, 20261127, 20261128 (Marketplace::demo_seed(0..2)), each
// with its own posting numbers. --no-arrivals: no new postings arrive as
// time passes (a static store); by default one arrives every 4..9 minutes.
//
// POST <Seller API path> with Client-Id + Api-Key headers -> Marketplace.
// Control endpoints (no keys): POST /__sandbox/faults {error_rate, latency_ms,
// force_next: {count, kind: 429|500|"malformed"|"html"}}, GET /__sandbox/calls,
// POST /__sandbox/reset, POST /__sandbox/advance {seconds},
// POST /__sandbox/postings/add {count: 1..100} -> {added: [posting numbers]}
// (new awaiting_packaging postings now), POST /__sandbox/postings/status
// {posting_number} -> {status} (404 when unknown);
// POST /__sandbox/chats/message {chat_id?, text?} -> {chat_id, message_id}
// (a buyer message now, unread; without chat_id in a random open chat the
// seller may answer in, without text one of the demo's questions; 404 when
// the chat is unknown), POST /__sandbox/returns/rfbs/state {return_id,
// group_state: New|Delivering|Checkout|Arbitration|Approved|Rejected} ->
// {return_id, group_state} (forces an rFBS return request's state, e.g. to
// make the console's view stale), POST /__sandbox/premium {enabled: bool} ->
// {premium_plus} (off: chat and review methods answer 403, code 7; on by
// default except for demo store 2; a reset restores the default);
// GET|POST /__sandbox/files/label-<task>.pdf (async label files).
// Single thread, poll(), keep-alive; responses are delayed by the latency.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/json_read.h"
#include "sandbox/marketplace.h"

namespace {

using json = nlohmann::json;

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

constexpr std::size_t kMaxBody = 10 * 1024 * 1024;
constexpr std::size_t kMaxHeader = 64 * 1024;

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::uint64_t seed = 42;
  int latency_ms = 0;
  double error_rate = 0.0;
  bool arrivals = true;
  bool cors = false;
};

struct Pending {
  core::EpochMs ready_at;
  std::string bytes;
  bool close_after;
};

struct Conn {
  int fd = -1;
  std::string in;
  std::string out;
  std::deque<Pending> pending;
  bool closing = false;  // close once `out` is flushed
};

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  bool close = false;
};

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    default: return "Status";
  }
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

Reply json_reply(int status, const json& j) {
  Reply r;
  r.status = status;
  r.body = core::json_read::dump(j);
  return r;
}

Reply ozon_error(int status, int code, const std::string& message) {
  return json_reply(status, {{"code", code}, {"message", message}, {"details", json::array()}});
}

class Server {
 public:
  explicit Server(Options o) : opt_(std::move(o)) { reset(); }

  int run();

 private:
  Options opt_;
  core::SystemClock clock_;
  core::EpochMs offset_ms_ = 0;
  std::unique_ptr<sandbox::Marketplace> market_;
  std::vector<Conn> conns_;

  core::EpochMs now() const { return clock_.now_ms() + offset_ms_; }
  void reset() {
    market_ = std::make_unique<sandbox::Marketplace>(opt_.seed, now());
    market_->faults().error_rate = opt_.error_rate;
    market_->faults().latency_ms = opt_.latency_ms;
    market_->set_arrivals(opt_.arrivals);
  }
  // Parses as many complete requests as `c.in` holds.
  void process(Conn& c);
  Reply route(const std::string& method, const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body);
  Reply control(const std::string& method, const std::string& path, const std::string& body);
  void queue(Conn& c, const Reply& r, bool keep_alive, core::EpochMs delay);
};

void Server::queue(Conn& c, const Reply& r, bool keep_alive, core::EpochMs delay) {
  bool close = r.close || !keep_alive;
  std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
  if (r.status != 204) {
    head += "Content-Type: " + r.content_type + "\r\n";
    head += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  }
  if (opt_.cors) {
    head += "Access-Control-Allow-Origin: *\r\n";
    head += "Access-Control-Allow-Headers: Client-Id, Api-Key, Content-Type\r\n";
    head += "Access-Control-Allow-Methods: POST, GET, OPTIONS\r\n";
    head += "Access-Control-Max-Age: 600\r\n";
  }
  head += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
  head += "Server: ozon-sandbox\r\n\r\n";
  c.pending.push_back(Pending{now() + delay, head + (r.status == 204 ? std::string() : r.body), close});
}

Reply Server::control(const std::string& method, const std::string& path, const std::string& body) {
  if (path == "/__sandbox/calls") {
    json j = json::object();
    for (const auto& [p, n] : market_->faults().all_calls()) j[p] = n;
    return json_reply(200, j);
  }
  if (method != "POST") return ozon_error(405, 12, "use POST");
  json b = body.empty() ? json::object() : json::parse(body, nullptr, false);
  if (b.is_discarded() || !b.is_object()) return ozon_error(400, 3, "invalid JSON body");
  if (path == "/__sandbox/reset") {
    reset();
    return json_reply(200, {{"result", "reset"}, {"postings", market_->posting_count()}});
  }
  if (path == "/__sandbox/advance") {
    auto it = b.find("seconds");
    if (it == b.end() || !it->is_number()) return ozon_error(400, 3, "seconds must be a number");
    double s = it->get<double>();
    if (s < 0 || s > 366.0 * 86400) return ozon_error(400, 3, "seconds out of range");
    offset_ms_ += static_cast<core::EpochMs>(s * 1000.0);
    return json_reply(200, {{"now", sandbox::format_iso8601(now())}, {"offset_ms", offset_ms_}});
  }
  if (path == "/__sandbox/postings/add") {
    auto it = b.find("count");
    if (it == b.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > 100)
      return ozon_error(400, 3, "count must be an integer 1..100");
    json added = json::array();
    for (auto& n : market_->add_postings(it->get<int>(), now())) added.push_back(n);
    return json_reply(200, {{"added", added}});
  }
  if (path == "/__sandbox/postings/status") {
    auto it = b.find("posting_number");
    if (it == b.end() || !it->is_string()) return ozon_error(400, 3, "posting_number must be a string");
    std::string status = market_->posting_status(it->get<std::string>());
    if (status.empty()) return ozon_error(404, 5, "POSTING_NOT_FOUND");
    return json_reply(200, {{"status", status}});
  }
  if (path == "/__sandbox/chats/message") {
    auto id = b.find("chat_id"), text = b.find("text");
    if ((id != b.end() && !id->is_string()) || (text != b.end() && !text->is_string()))
      return ozon_error(400, 3, "chat_id and text must be strings");
    const std::string t = text == b.end() ? std::string() : text->get<std::string>();
    std::size_t chars = 0;
    for (char c : t) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (chars > 1000) return ozon_error(400, 3, "text must be at most 1000 characters");
    auto sent = market_->add_buyer_message(id == b.end() ? std::string() : id->get<std::string>(), t, now());
    if (!sent) return ozon_error(404, 5, "CHAT_NOT_FOUND");
    return json_reply(200, {{"chat_id", sent->chat_id}, {"message_id", sent->message_id}});
  }
  if (path == "/__sandbox/returns/rfbs/state") {
    auto id = b.find("return_id"), group = b.find("group_state");
    if (id == b.end() || !id->is_number_integer() || group == b.end() || !group->is_string())
      return ozon_error(400, 3, "return_id (integer) and group_state (string) are required");
    const std::string g = group->get<std::string>();
    if (!market_->set_rfbs_return_state(id->get<std::int64_t>(), g))
      return ozon_error(404, 5, "RETURN_NOT_FOUND or unknown group_state " + g);
    return json_reply(200, {{"return_id", id->get<std::int64_t>()}, {"group_state", g}});
  }
  if (path == "/__sandbox/premium") {
    auto on = b.find("enabled");
    if (on == b.end() || !on->is_boolean()) return ozon_error(400, 3, "enabled must be a boolean");
    market_->set_premium_plus(on->get<bool>());
    return json_reply(200, {{"premium_plus", market_->premium_plus()}});
  }
  if (path == "/__sandbox/faults") {
    auto& f = market_->faults();
    if (auto it = b.find("error_rate"); it != b.end() && it->is_number()) {
      double r = it->get<double>();
      f.error_rate = r < 0 ? 0 : r > 1 ? 1 : r;
    }
    if (auto it = b.find("latency_ms"); it != b.end() && it->is_number()) {
      double l = it->get<double>();
      f.latency_ms = l < 0 ? 0 : l > 600000 ? 600000 : static_cast<int>(l);
    }
    if (auto it = b.find("force_next"); it != b.end() && it->is_object()) {
      int count = 1;
      if (auto c = it->find("count"); c != it->end() && c->is_number_integer()) count = c->get<int>();
      std::string kind;
      if (auto k = it->find("kind"); k != it->end()) {
        if (k->is_string()) kind = k->get<std::string>();
        else if (k->is_number_integer()) kind = std::to_string(k->get<int>());
      }
      sandbox::FaultKnob::Kind kk;
      if (kind == "429") kk = sandbox::FaultKnob::Kind::http429;
      else if (kind == "500") kk = sandbox::FaultKnob::Kind::http500;
      else if (kind == "malformed") kk = sandbox::FaultKnob::Kind::malformed;
      else if (kind == "html") kk = sandbox::FaultKnob::Kind::html;
      else return ozon_error(400, 3, "force_next.kind must be 429, 500, \"malformed\" or \"html\"");
      f.force_next(count, kk);
    }
    return json_reply(200, {{"error_rate", f.error_rate}, {"latency_ms", f.latency_ms},
                            {"forced_remaining", f.forced_remaining()}});
  }
  return ozon_error(404, 5, "unknown control endpoint");
}

Reply Server::route(const std::string& method, const std::string& path,
                    const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  if (method == "OPTIONS") {
    if (!opt_.cors) return ozon_error(405, 12, "Method Not Allowed");
    Reply r;
    r.status = 204;
    return r;
  }
  std::string clean = path.substr(0, path.find('?'));
  if (clean.rfind("/__sandbox/files/", 0) == 0) {
    net::HttpResponse h = market_->handle(clean, "", now());
    Reply r;
    r.status = h.status;
    r.content_type = h.content_type;
    r.body = std::move(h.body);
    return r;
  }
  if (clean.rfind("/__sandbox/", 0) == 0) return control(method, clean, body);
  if (clean == "/" && method == "GET") {
    Reply r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "ozon-sandbox: the demo Ozon Seller API. POST /v4/posting/fbs/list etc.\n";
    return r;
  }
  if (method != "POST") return ozon_error(405, 12, "Method Not Allowed");
  std::string client_id, api_key;
  for (const auto& [k, v] : headers) {
    if (k == "client-id") client_id = v;
    if (k == "api-key") api_key = v;
  }
  if (client_id.empty() || api_key.empty()) return ozon_error(401, 16, "Client-Id and Api-Key headers are required");
  if (api_key == "bad-key") return ozon_error(403, 7, "Invalid Api-Key, please contact support");
  net::HttpResponse h = market_->handle(clean, body, now());
  Reply r;
  r.status = h.status;
  r.content_type = h.content_type.empty() ? "application/json" : h.content_type;
  r.body = std::move(h.body);
  return r;
}

void Server::process(Conn& c) {
  while (!c.closing) {
    std::size_t end = c.in.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (c.in.size() > kMaxHeader) {
        queue(c, ozon_error(431, 3, "request headers too large"), false, 0);
        c.in.clear();
      }
      return;
    }
    std::string head = c.in.substr(0, end);
    std::size_t line_end = head.find("\r\n");
    std::string request_line = head.substr(0, line_end);
    std::size_t sp1 = request_line.find(' '), sp2 = request_line.rfind(' ');
    if (sp1 == std::string::npos || sp2 == sp1) {
      queue(c, ozon_error(400, 3, "malformed request line"), false, 0);
      c.in.clear();
      return;
    }
    std::string method = request_line.substr(0, sp1);
    std::string path = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
    std::string version = request_line.substr(sp2 + 1);
    std::vector<std::pair<std::string, std::string>> headers;
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      std::size_t e = head.find("\r\n", pos);
      if (e == std::string::npos) e = head.size();
      std::string line = head.substr(pos, e - pos);
      std::size_t colon = line.find(':');
      if (colon != std::string::npos) headers.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
      pos = e + 2;
    }
    std::size_t length = 0;
    bool keep_alive = version == "HTTP/1.1";
    for (const auto& [k, v] : headers) {
      if (k == "content-length") {
        char* endp = nullptr;
        unsigned long long n = std::strtoull(v.c_str(), &endp, 10);
        if (endp == v.c_str() || n > kMaxBody) {
          queue(c, ozon_error(413, 3, "request body too large (limit 10 MB)"), false, 0);
          c.in.clear();
          return;
        }
        length = static_cast<std::size_t>(n);
      } else if (k == "transfer-encoding" && lower(v) != "identity") {
        queue(c, ozon_error(411, 3, "chunked bodies are not supported; send Content-Length"), false, 0);
        c.in.clear();
        return;
      } else if (k == "connection") {
        std::string lv = lower(v);
        if (lv == "close") keep_alive = false;
        if (lv == "keep-alive") keep_alive = true;
      }
    }
    if (c.in.size() < end + 4 + length) return;  // wait for the body
    std::string body = c.in.substr(end + 4, length);
    c.in.erase(0, end + 4 + length);
    bool api = path.rfind("/__sandbox/", 0) != 0 && method == "POST";
    Reply r = route(method, path, headers, body);
    queue(c, r, keep_alive, api ? market_->faults().latency_ms : 0);
    if (!keep_alive) return;
  }
}

int Server::run() {
  int lfd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (lfd < 0) {
    std::perror("socket");
    return 1;
  }
  int one = 1;
  ::setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(opt_.port));
  if (::inet_pton(AF_INET, opt_.host.c_str(), &addr.sin_addr) != 1) {
    std::fprintf(stderr, "ozon-sandbox: bad --host %s (IPv4 address expected)\n", opt_.host.c_str());
    return 2;
  }
  if (::bind(lfd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(lfd, 64) != 0) {
    std::perror("ozon-sandbox: bind/listen");
    return 1;
  }
  socklen_t len = sizeof addr;
  ::getsockname(lfd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::fcntl(lfd, F_SETFL, ::fcntl(lfd, F_GETFL) | O_NONBLOCK);
  std::printf("ozon-sandbox listening on http://%s:%d\n", opt_.host.c_str(), ntohs(addr.sin_port));
  std::fflush(stdout);

  std::vector<pollfd> fds;
  char buf[65536];
  while (!g_stop) {
    core::EpochMs t = now();
    int timeout = 1000;
    for (auto& c : conns_) {
      while (!c.pending.empty() && c.pending.front().ready_at <= t) {
        c.out += c.pending.front().bytes;
        if (c.pending.front().close_after) c.closing = true;
        c.pending.pop_front();
      }
      if (!c.pending.empty())
        timeout = std::min<int>(timeout, static_cast<int>(std::max<core::EpochMs>(1, c.pending.front().ready_at - t)));
    }
    fds.clear();
    fds.push_back({lfd, POLLIN, 0});
    for (auto& c : conns_) {
      short ev = c.closing ? 0 : POLLIN;
      if (!c.out.empty()) ev = static_cast<short>(ev | POLLOUT);
      fds.push_back({c.fd, ev, 0});
    }
    int n = ::poll(fds.data(), fds.size(), timeout);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::perror("poll");
      break;
    }
    for (std::size_t i = 1; i < fds.size(); ++i) {
      Conn& c = conns_[i - 1];
      if (fds[i].revents & (POLLERR | POLLNVAL)) {
        ::close(c.fd);
        c.fd = -1;
        continue;
      }
      if (fds[i].revents & (POLLIN | POLLHUP)) {
        ssize_t got = ::recv(c.fd, buf, sizeof buf, 0);
        if (got <= 0) {
          if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
            ::close(c.fd);
            c.fd = -1;
            continue;
          }
        } else {
          c.in.append(buf, static_cast<std::size_t>(got));
          process(c);
        }
      }
      if (c.fd >= 0 && !c.out.empty() && (fds[i].revents & POLLOUT)) {
        ssize_t sent = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno != EAGAIN && errno != EINTR) {
          ::close(c.fd);
          c.fd = -1;
          continue;
        }
        if (sent > 0) c.out.erase(0, static_cast<std::size_t>(sent));
      }
      if (c.fd >= 0 && c.closing && c.out.empty() && c.pending.empty()) {
        ::close(c.fd);
        c.fd = -1;
      }
    }
    if (fds[0].revents & POLLIN) {
      for (;;) {
        int cfd = ::accept(lfd, nullptr, nullptr);
        if (cfd < 0) break;
        ::fcntl(cfd, F_SETFL, ::fcntl(cfd, F_GETFL) | O_NONBLOCK);
        if (conns_.size() >= 512) {
          ::close(cfd);
          continue;
        }
        Conn c;
        c.fd = cfd;
        conns_.push_back(std::move(c));
      }
    }
    conns_.erase(std::remove_if(conns_.begin(), conns_.end(), [](const Conn& c) { return c.fd < 0; }), conns_.end());
  }
  for (auto& c : conns_) ::close(c.fd);
  ::close(lfd);
  std::printf("ozon-sandbox stopped\n");
  return 0;
}

void usage() {
  std::fprintf(stderr,
               "usage: ozon_sandbox --port N [--host 127.0.0.1] [--seed S] [--latency-ms L] [--error-rate R] "
               "[--no-arrivals] [--cors]\n"
               "  --seed S        the store's data (default 42; demo stores: %llu, %llu, %llu)\n"
               "  --no-arrivals   no new postings arrive as time passes\n",
               static_cast<unsigned long long>(sandbox::Marketplace::demo_seed(0)),
               static_cast<unsigned long long>(sandbox::Marketplace::demo_seed(1)),
               static_cast<unsigned long long>(sandbox::Marketplace::demo_seed(2)));
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "ozon-sandbox: %s needs a value\n", name);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--port") o.port = std::atoi(value("--port"));
    else if (a == "--host") o.host = value("--host");
    else if (a == "--seed") {
      const char* v = value("--seed");
      char* end = nullptr;
      errno = 0;
      o.seed = std::strtoull(v, &end, 10);
      if (end == v || *end != '\0' || errno == ERANGE || *v == '-') {
        std::fprintf(stderr, "ozon-sandbox: --seed needs a non-negative integer, got %s\n", v);
        return 2;
      }
    } else if (a == "--no-arrivals") o.arrivals = false;
    else if (a == "--latency-ms") o.latency_ms = std::atoi(value("--latency-ms"));
    else if (a == "--error-rate") o.error_rate = std::atof(value("--error-rate"));
    else if (a == "--cors") o.cors = true;
    else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      usage();
      return 2;
    }
  }
  if (o.port < 0 || o.port > 65535) {
    usage();
    return 2;
  }
  struct sigaction sa {};
  sa.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &sa, nullptr);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: poll() returns EINTR
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  Server server(o);
  return server.run();
}
