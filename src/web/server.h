// `nextcall serve`: the JSON API and the web UI from one process.
//
// Requests run on a pool of threads; each borrows a Store of its own from a pool (a
// Store is used by one thread at a time), so SQLite's WAL lets readers run beside a
// writer. Sign-in is by session cookie (HttpOnly, SameSite=Strict, with a CSRF token for
// every state-changing request) or by API token (Authorization: Bearer).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/status.h"
#include "web/api.h"
#include "web/connection_guard.h"
#include "web/store_pool.h"

namespace nextcall::web {

struct ServerOptions {
  std::string db_url = "nextcall.db";
  // A replica of db_url (or a read-only role on it): GET requests read from it, every other
  // request goes to db_url. Empty: everything goes to db_url.
  std::string read_db_url;
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port())
  std::string static_dir;  // the UI's files; empty: the ones built in
  std::size_t max_body_bytes = 8u << 20;
  std::chrono::seconds session_lifetime = std::chrono::hours(12);
  bool secure_cookies = false;  // set Secure on the cookie (behind HTTPS)
  int threads = 0;              // 0: 32
  int sign_in_failures_allowed = 5;  // per e-mail and address, in sign_in_window (sign_in_limiter.h)
  // Behind a reverse proxy: the client's address is the last of X-Forwarded-For (the one
  // the proxy added), for the sign-in limit. Off: the peer's address (the proxy's).
  bool trust_proxy = false;
  std::chrono::seconds sign_in_window = std::chrono::minutes(10);
  // Sheets and briefs are kept until the next write (0: never kept). Writes by other
  // processes on the same database show within this many seconds.
  std::chrono::seconds response_cache_ttl = std::chrono::seconds(5);
  // At start, how long to wait for a database that cannot be reached yet (a server and
  // its database started together), trying again with backoff; 0: fail at once.
  int db_wait_seconds = 30;
  // Database connections per pool (--db and --read-db each), how long a request waits for
  // one when all are in use (then 503 with Retry-After), when an idle one is closed.
  PoolLimits pool;
  // Header block size and count, read time-outs, connections per address and in all
  // (see connection_guard.h and docs/security.md).
  ConnectionLimits limits;
};

class Server {
 public:
  Server(ServerOptions o, std::unique_ptr<Clock> clock);
  ~Server();

  // Opens the store (checking its schema version; waiting up to db_wait for the database),
  // and the read store of read_db_url if given, loads the
  // UI's files and binds the port.
  Status bind();
  int port() const;
  // Serves until stop(); returns when stopped.
  Status run();
  // Binds and serves on a thread of its own; returns once requests are accepted.
  Status start_in_background();
  void stop();

  const std::vector<Route>& routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nextcall::web
