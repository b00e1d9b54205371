#include "web/connection_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

namespace nextcall::web {

namespace {

using Clock = std::chrono::steady_clock;

// httplib::Server::process_request is private and not virtual. It is the library's own
// request processing (parse, route, respond, keep-alive headers), exported by the shared
// library; a pointer to it is taken through an explicit instantiation, where C++ does not
// check access, so the guard can hand it a Stream of its own.
using ProcessRequest = bool (httplib::Server::*)(httplib::Stream&, bool, bool&,
                                                  const std::function<void(httplib::Request&)>&);
struct ProcessRequestTag {};
ProcessRequest process_request_of(ProcessRequestTag);
template <ProcessRequest P>
struct Expose {
  friend ProcessRequest process_request_of(ProcessRequestTag) { return P; }
};
template struct Expose<&httplib::Server::process_request>;

// A pool that grows a thread whenever no worker is idle, up to `max`: a connection that
// waits for a slow client holds a thread, never the others' turn.
class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(std::size_t min, std::size_t max) : max_(std::max<std::size_t>(max, 1)) {
    std::lock_guard<std::mutex> l(mu_);
    for (std::size_t i = 0; i < std::min(min, max_); ++i) spawn();
  }
  ~ElasticPool() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    std::lock_guard<std::mutex> l(mu_);
    jobs_.push_back(std::move(fn));
    if (idle_ < jobs_.size() && threads_.size() < max_) spawn();
    cv_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> l(mu_);
      if (stopping_) return;
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

 private:
  void spawn() {  // REQUIRES: mu_ held
    ++idle_;
    threads_.emplace_back([this] {
      std::unique_lock<std::mutex> l(mu_);
      for (;;) {
        cv_.wait(l, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, and every connection handed over was served
        auto fn = std::move(jobs_.front());
        jobs_.pop_front();
        --idle_;
        l.unlock();
        fn();
        l.lock();
        ++idle_;
      }
    });
  }

  const std::size_t max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

// Incremental scan of a header block, so a sender of one byte at a time costs one pass.
struct HeadScan {
  std::size_t line_start = 0;
  std::size_t pos = 0;
  std::size_t lines = 0;  // the request line and the header lines seen
};

std::size_t scan_head(const std::string& b, HeadScan& s, std::size_t max_bytes, std::size_t max_count) {
  for (;;) {
    const std::size_t nl = b.find('\n', s.pos);
    if (nl == std::string::npos) {
      s.pos = b.size();
      return b.size() > max_bytes ? std::string::npos : 0;
    }
    if (nl + 1 > max_bytes) return std::string::npos;
    std::size_t len = nl - s.line_start;
    if (len > 0 && b[nl - 1] == '\r') --len;
    s.pos = s.line_start = nl + 1;
    if (len == 0) {
      if (s.lines == 0) continue;  // blank lines before the request line are ignored
      return nl + 1;
    }
    if (++s.lines > max_count + 1) return std::string::npos;
  }
}

int wait_for(int fd, short events, Clock::duration d) {
  pollfd p{fd, events, 0};
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  return ::poll(&p, 1, static_cast<int>(std::clamp<long long>(ms, 0, 100)));
}

void peer_of(int sock, std::string& ip, int& port) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  ip.clear();
  port = 0;
  if (::getpeername(sock, reinterpret_cast<sockaddr*>(&a), &len) != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (a.ss_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
    ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    port = ntohs(v4->sin_port);
  } else if (a.ss_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
    ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    port = ntohs(v6->sin6_port);
  }
  ip = text;
}

// Reads through a buffer the guard fills first (the header block, and whatever came with
// it); every wait is bounded by the read time-out and by a deadline for the whole request.
class GuardStream : public httplib::Stream {
 public:
  GuardStream(int sock, const ConnectionLimits& l, std::string ip, int port)
      : sock_(sock), limits_(l), ip_(std::move(ip)), port_(port) {}

  std::string buf;  // bytes received and not yet read
  std::size_t off = 0;
  Clock::time_point deadline = Clock::time_point::max();

  // Receives more into buf; false on end of stream, error, time-out or `stop`.
  bool fill(Clock::time_point until, const std::function<bool()>& stop) {
    for (;;) {
      const auto now = Clock::now();
      if (now >= until || stop()) return false;
      const int r = wait_for(sock_, POLLIN, until - now);
      if (r < 0 && errno != EINTR) return false;
      if (r <= 0) continue;
      char tmp[16384];
      const ssize_t n = ::recv(sock_, tmp, sizeof tmp, 0);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) return false;
      buf.append(tmp, static_cast<std::size_t>(n));
      return true;
    }
  }

  std::size_t buffered() const { return buf.size() - off; }

  bool is_readable() const override {
    if (buffered() > 0) return true;
    pollfd p{sock_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(limits_.read_timeout.count())) > 0;
  }
  bool is_writable() const override {
    pollfd p{sock_, POLLOUT, 0};
    return ::poll(&p, 1, static_cast<int>(limits_.write_timeout.count())) > 0;
  }
  ssize_t read(char* ptr, std::size_t size) override {
    if (buffered() == 0) {
      buf.clear();
      off = 0;
      const auto until = std::min(deadline, Clock::now() + limits_.read_timeout);
      if (!fill(until, [] { return false; })) return -1;
    }
    const std::size_t n = std::min(size, buffered());
    std::memcpy(ptr, buf.data() + off, n);
    off += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, std::size_t size) override {
    pollfd p{sock_, POLLOUT, 0};
    if (::poll(&p, 1, static_cast<int>(limits_.write_timeout.count())) <= 0) return -1;
    return ::send(sock_, ptr, size, MSG_NOSIGNAL);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = ip_;
    port = port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    char text[INET6_ADDRSTRLEN] = {};
    port = 0;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0 && a.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    }
    ip = text;
  }
  socket_t socket() const override { return sock_; }

 private:
  int sock_;
  const ConnectionLimits& limits_;
  std::string ip_;
  int port_;
};

std::string json_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

// Answers before httplib has a request, then closes: what the client still sends is read
// and dropped for a moment, so the answer is not lost to a reset.
void refuse(int sock, int status, const char* reason, const std::string& code, const std::string& message,
            const std::string& extra_headers = "") {
  const std::string body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + json_escape(message) + "\"}}";
  const std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                          "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n" +
                          extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t sent = 0;
  const auto until = Clock::now() + std::chrono::seconds(2);
  while (sent < out.size() && Clock::now() < until) {
    if (wait_for(sock, POLLOUT, until - Clock::now()) <= 0) continue;
    const ssize_t n = ::send(sock, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(sock, SHUT_WR);
  const auto drain_until = Clock::now() + std::chrono::milliseconds(500);
  std::size_t drained = 0;
  char tmp[16384];
  while (drained < (4u << 20) && Clock::now() < drain_until) {
    if (wait_for(sock, POLLIN, drain_until - Clock::now()) <= 0) continue;
    const ssize_t n = ::recv(sock, tmp, sizeof tmp, 0);
    if (n <= 0) break;
    drained += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::size_t header_block_end(const std::string& head, std::size_t max_bytes, std::size_t max_count) {
  HeadScan s;
  return scan_head(head, s, max_bytes, max_count);
}

httplib::TaskQueue* new_connection_pool(std::size_t min, std::size_t max) { return new ElasticPool(min, max); }

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  new_task_queue = [this] { return new ElasticPool(8, limits_.max_connections + 16); };
}

void GuardedServer::widen_backlog(int backlog) {
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, backlog);  // Linux: updates the backlog
}

std::size_t GuardedServer::open_connections() const {
  std::lock_guard<std::mutex> l(mu_);
  return open_;
}

bool GuardedServer::admit(const std::string& address) {
  std::lock_guard<std::mutex> l(mu_);
  std::size_t& mine = per_address_[address];
  if (open_ >= limits_.max_connections || mine >= limits_.max_connections_per_address) {
    if (mine == 0) per_address_.erase(address);
    return false;
  }
  ++open_;
  ++mine;
  return true;
}

void GuardedServer::release(const std::string& address) {
  std::lock_guard<std::mutex> l(mu_);
  --open_;
  auto it = per_address_.find(address);
  if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  std::string ip;
  int port = 0;
  peer_of(sock, ip, port);
  if (!admit(ip)) {
    refuse(sock, 503, "Service Unavailable", "unavailable",
           "too many connections at once (at most " + std::to_string(limits_.max_connections_per_address) +
               " from one address, " + std::to_string(limits_.max_connections) + " in all): retry shortly",
           "Retry-After: 5\r\n");
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
  }
  const auto stopping = [this] { return svr_sock_ == INVALID_SOCKET; };
  GuardStream s(sock, limits_, ip, port);
  bool ok = true;
  for (std::size_t n = 0; n < limits_.max_requests_per_connection && !stopping(); ++n) {
    // Bytes of the next request may already be here (pipelined); keep them.
    s.buf.erase(0, s.off);
    s.off = 0;
    s.deadline = Clock::time_point::max();
    HeadScan scan;
    std::size_t end = scan_head(s.buf, scan, limits_.max_header_bytes, limits_.max_header_count);
    if (s.buf.empty()) {
      // Idle: the first request's first byte may take the header time-out, a kept-alive
      // connection's next request the keep-alive time-out.
      const auto idle = n == 0 ? limits_.header_timeout : limits_.keep_alive_timeout;
      if (!s.fill(Clock::now() + idle, stopping)) break;
      end = scan_head(s.buf, scan, limits_.max_header_bytes, limits_.max_header_count);
    }
    const auto head_deadline = Clock::now() + limits_.header_timeout;
    bool closed = false;
    while (end == 0) {
      if (!s.fill(head_deadline, stopping)) {
        if (Clock::now() >= head_deadline)
          refuse(sock, 408, "Request Timeout", "request_timeout",
                 "request headers: not complete within " +
                     std::to_string(limits_.header_timeout.count() / 1000) + " s");
        closed = true;
        break;
      }
      end = scan_head(s.buf, scan, limits_.max_header_bytes, limits_.max_header_count);
    }
    if (closed) break;
    if (end == std::string::npos) {
      refuse(sock, 431, "Request Header Fields Too Large", "headers_too_large",
             "request headers: more than " + std::to_string(limits_.max_header_bytes) + " bytes or " +
                 std::to_string(limits_.max_header_count) + " fields (the limits)");
      break;
    }
    s.deadline = Clock::now() + limits_.body_timeout;
    const bool last = n + 1 == limits_.max_requests_per_connection;
    bool connection_closed = false;
    ok = (this->*process_request_of(ProcessRequestTag{}))(s, last, connection_closed, nullptr);
    if (!ok || connection_closed || last) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  release(ip);
  return ok;
}

}  // namespace nextcall::web
