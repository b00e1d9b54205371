// The connection layer in front of cpp-httplib: what a hostile network can do before a
// request reaches a route.
//
// Debian's cpp-httplib 0.11.4 is a shared library, so its CPPHTTPLIB_* limits were fixed
// when it was built (a header line of 8 KB, any number of lines, a read time-out per recv
// that a slow sender resets with every byte, one worker per connection from a fixed pool).
// Defining those macros in this project would change nothing in the library's code.
// GuardedServer therefore reads each request's header block itself, before httplib does:
//
//   - connections are admitted per client address and in total (503 beyond either cap),
//     and each runs on a thread of an elastic pool sized above the total cap, so a few
//     slow connections never hold every worker;
//   - the header block must end within header_timeout (a total, not per recv: 408) and
//     within max_header_bytes and max_header_count (431);
//   - the body must be read within body_timeout of the end of the headers.
//
// Once a header block passes, the bytes already read are handed to httplib's own request
// processing (routes, keep-alive, responses) through a Stream that serves them first.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace nextcall::web {

struct ConnectionLimits {
  std::size_t max_header_bytes = 64 * 1024;  // request line and headers, CRLFs included
  std::size_t max_header_count = 100;
  std::chrono::milliseconds header_timeout{10000};    // from the first byte to the blank line
  std::chrono::milliseconds body_timeout{120000};     // from the headers to the body's end
  std::chrono::milliseconds keep_alive_timeout{5000};  // idle wait for the next request
  std::chrono::milliseconds read_timeout{5000};        // any one wait for bytes
  std::chrono::milliseconds write_timeout{10000};
  std::size_t max_connections = 256;             // at once, all addresses
  std::size_t max_connections_per_address = 32;  // at once, one client address
  std::size_t max_requests_per_connection = 1000;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits = {});

  const ConnectionLimits& limits() const { return limits_; }
  // The library listens with a backlog of 5 (built in): a burst of connections then waits
  // for SYN retransmissions, seconds. Call after binding.
  void widen_backlog(int backlog = 1024);
  // Connections being served now (for tests and the bench).
  std::size_t open_connections() const;

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool admit(const std::string& address);
  void release(const std::string& address);

  ConnectionLimits limits_;
  mutable std::mutex mu_;
  std::size_t open_ = 0;
  std::map<std::string, std::size_t> per_address_;
};

// The worker pool GuardedServer needs: a thread per connection being served, from `min`
// kept ready up to `max` (above max_connections, so a refusal always finds a thread).
httplib::TaskQueue* new_connection_pool(std::size_t min, std::size_t max);

// "GET / HTTP/1.1\r\n…\r\n\r\n": where the header block ends (just past the blank line),
// 0 when it has not ended in `head`, or npos when it is over the limits (431).
std::size_t header_block_end(const std::string& head, std::size_t max_bytes, std::size_t max_count);

}  // namespace nextcall::web
