// `nextcall serve`: the API and the web UI on one port, until Ctrl-C.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/runtime.h"
#include "store/store.h"
#include "web/server.h"

namespace nextcall::cli {
namespace {

// The server reads the command's clock ($NEXTCALL_NOW fixes it for demos and tests).
class RuntimeClock : public Clock {
 public:
  explicit RuntimeClock(const Runtime& rt) : rt_(rt) {}
  Instant now() const override { return rt_.now(); }

 private:
  const Runtime& rt_;
};

Status run_serve(Runtime& rt, web::ServerOptions o) {
  // The server opens the database itself (checking its schema version), waiting up to
  // --db-wait for one that cannot be reached yet.
  o.db_url = rt.db_url;
  if (!o.read_db_url.empty() && o.read_db_url.rfind("postgres", 0) != 0)
    return Status::InvalidArgument("--read-db: give the postgres:// URL of a replica (or of a read-only role)");

  // Ctrl-C and SIGTERM stop the server cleanly: blocked here, waited for on a thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  web::Server server(o, std::make_unique<RuntimeClock>(rt));
  NEXTCALL_RETURN_IF_ERROR(server.bind());
  rt.out() << "nextcall is serving http://" << (o.bind == "0.0.0.0" ? "localhost" : o.bind) << ":" << server.port()
           << "/  (database " << redact_db_url(rt.db_url)
           << (o.read_db_url.empty() ? "" : ", reads from " + redact_db_url(o.read_db_url)) << "; Ctrl-C stops it)"
           << std::endl;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  Status s = server.run();
  // The server may have stopped for another reason: release the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return s;
}

// An integer flag of `serve` with the range it accepts: beyond it the server would not
// start (0 hours, a negative cap) or would undo a limit that keeps it up (a header block
// of a gigabyte, a connection cap of a million threads).
struct BoundedFlag {
  const char* name;
  const char* help;
  long value;
  long min, max;
  const char* unit;
};

Status check_bounded(const BoundedFlag& f) {
  if (f.value >= f.min && f.value <= f.max) return Status::Ok();
  return Status::InvalidArgument(std::string(f.name) + ": " + std::to_string(f.value) + " is out of range; give " +
                                 f.unit + " from " + std::to_string(f.min) + " to " + std::to_string(f.max));
}

}  // namespace

void install_serve(CLI::App& cmd, Runtime& rt) {
  auto o = std::make_shared<web::ServerOptions>();
  const web::ConnectionLimits limits;  // today's defaults
  const web::PoolLimits pool;
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  cmd.add_option("--port", o->port, "Port to listen on (0: any free port)")->default_val(8080);
  cmd.add_option("--bind", o->bind, "Address to listen on; 0.0.0.0 for every interface")->default_val("127.0.0.1");
  cmd.add_option("--static-dir", o->static_dir, "Serve the UI from this folder instead of the built-in one");
  cmd.add_option("--threads", o->threads, "Worker threads (default 32)");
  cmd.add_option("--max-body", o->max_body_bytes, "Largest request body in bytes")->default_val(8u << 20);
  cmd.add_flag("--secure-cookies", o->secure_cookies, "Mark the session cookie Secure (behind HTTPS)");
  cmd.add_flag("--trust-proxy", o->trust_proxy,
               "Behind a reverse proxy: limit sign-ins by the client address it adds to X-Forwarded-For");
  cmd.add_option("--read-db", o->read_db_url,
                 "A replica of --db (a postgres:// URL): GET requests (plans, briefs, contacts, the dashboard) "
                 "read from it, every write goes to --db");
  cmd.add_option("--db-wait", o->db_wait_seconds,
                 "At start, wait this many seconds for a database that cannot be reached yet, trying again "
                 "with backoff (0: fail at once) [0-3600]")
      ->check(CLI::Range(0, 3600))
      ->default_val(30);
  // In the order of --help; each is checked against its range before the server starts.
  auto flags = std::make_shared<std::vector<BoundedFlag>>(std::vector<BoundedFlag>{
      {"--cache-seconds", "Keep sheets and briefs until the next write, at most this long (0: plan every request)",
       5, 0, 3600, "seconds"},
      {"--session-hours", "How long a sign-in lasts", 12, 1, 24 * 366, "hours"},
      {"--max-header-bytes", "Largest request line and headers of a request, in bytes (431 beyond)",
       static_cast<long>(limits.max_header_bytes), 8 * 1024, 1024 * 1024, "bytes"},
      {"--max-header-count", "Most header fields in a request (431 beyond)",
       static_cast<long>(limits.max_header_count), 10, 1000, "fields"},
      {"--header-seconds", "Time a client has to send a request's headers, from their first byte (408 beyond)",
       static_cast<long>(duration_cast<seconds>(limits.header_timeout).count()), 1, 300, "seconds"},
      {"--body-seconds", "Time a client has to send a request's body, from the end of its headers",
       static_cast<long>(duration_cast<seconds>(limits.body_timeout).count()), 1, 3600, "seconds"},
      {"--max-connections", "Most connections at once, from all addresses (503 beyond)",
       static_cast<long>(limits.max_connections), 1, 4096, "connections"},
      {"--max-connections-per-address",
       "Most connections at once from one client address (503 beyond; behind a proxy every client is the proxy)",
       static_cast<long>(limits.max_connections_per_address), 1, 4096, "connections"},
      {"--db-pool",
       "Most database connections this server holds (and as many again for --read-db); a request finds one "
       "free or waits for it",
       static_cast<long>(pool.size), 1, 1000, "connections"},
      {"--db-pool-wait-ms", "How long a request waits for a free database connection (503 with Retry-After beyond)",
       static_cast<long>(pool.wait.count()), 0, 60000, "milliseconds"},
      {"--db-idle-seconds", "Close a database connection unused this long (0: keep them open)",
       static_cast<long>(pool.idle.count()), 0, 86400, "seconds"},
  });
  for (BoundedFlag& f : *flags)
    cmd.add_option(f.name, f.value, std::string(f.help) + " [" + std::to_string(f.min) + "-" + std::to_string(f.max) + "]")
        ->default_val(f.value);
  cmd.callback([&rt, o, flags] {
    rt.finish([&]() -> Status {
      auto get = [&](std::string_view name) -> long {
        for (const BoundedFlag& f : *flags)
          if (name == f.name) return f.value;
        return 0;
      };
      for (const BoundedFlag& f : *flags) NEXTCALL_RETURN_IF_ERROR(check_bounded(f));
      if (get("--max-connections-per-address") > get("--max-connections"))
        return Status::InvalidArgument("--max-connections-per-address: " +
                                       std::to_string(get("--max-connections-per-address")) +
                                       " is more than --max-connections (" + std::to_string(get("--max-connections")) +
                                       "); give at most as many as in all");
      web::ServerOptions opts = *o;
      opts.response_cache_ttl = seconds(get("--cache-seconds"));
      opts.session_lifetime = std::chrono::hours(get("--session-hours"));
      opts.limits.max_header_bytes = static_cast<std::size_t>(get("--max-header-bytes"));
      opts.limits.max_header_count = static_cast<std::size_t>(get("--max-header-count"));
      opts.limits.header_timeout = seconds(get("--header-seconds"));
      opts.limits.body_timeout = seconds(get("--body-seconds"));
      opts.limits.max_connections = static_cast<std::size_t>(get("--max-connections"));
      opts.limits.max_connections_per_address = static_cast<std::size_t>(get("--max-connections-per-address"));
      opts.pool.size = static_cast<int>(get("--db-pool"));
      opts.pool.wait = std::chrono::milliseconds(get("--db-pool-wait-ms"));
      opts.pool.idle = seconds(get("--db-idle-seconds"));
      return run_serve(rt, opts);
    }());
  });
}

}  // namespace nextcall::cli
