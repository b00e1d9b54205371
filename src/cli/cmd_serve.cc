// `nextcall serve`: the API and the web UI on one port, until Ctrl-C.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <thread>

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
  auto store = rt.store();  // creates and migrates the database, or says why it cannot
  if (!store.ok()) return store.status();
  auto users = (*store)->list_workspaces();
  if (!users.ok()) return users.status();
  o.db_url = rt.db_url;

  // Ctrl-C and SIGTERM stop the server cleanly: blocked here, waited for on a thread.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  web::Server server(o, std::make_unique<RuntimeClock>(rt));
  NEXTCALL_RETURN_IF_ERROR(server.bind());
  rt.out() << "nextcall is serving http://" << (o.bind == "0.0.0.0" ? "localhost" : o.bind) << ":" << server.port()
           << "/  (database " << redact_db_url(rt.db_url) << "; Ctrl-C stops it)" << std::endl;
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

}  // namespace

void install_serve(CLI::App& cmd, Runtime& rt) {
  auto o = std::make_shared<web::ServerOptions>();
  long hours = 12;
  cmd.add_option("--port", o->port, "Port to listen on (0: any free port)")->default_val(8080);
  cmd.add_option("--bind", o->bind, "Address to listen on; 0.0.0.0 for every interface")->default_val("127.0.0.1");
  cmd.add_option("--static-dir", o->static_dir, "Serve the UI from this folder instead of the built-in one");
  cmd.add_option("--threads", o->threads, "Worker threads (default 32)");
  cmd.add_option("--max-body", o->max_body_bytes, "Largest request body in bytes")->default_val(8u << 20);
  cmd.add_flag("--secure-cookies", o->secure_cookies, "Mark the session cookie Secure (behind HTTPS)");
  cmd.add_flag("--trust-proxy", o->trust_proxy,
               "Behind a reverse proxy: limit sign-ins by the client address it adds to X-Forwarded-For");
  auto cache_seconds = std::make_shared<long>(5);
  cmd.add_option("--cache-seconds", *cache_seconds,
                 "Keep sheets and briefs until the next write, at most this long (0: plan every request)")
      ->default_val(5);
  auto session_hours = std::make_shared<long>(hours);
  cmd.add_option("--session-hours", *session_hours, "How long a sign-in lasts")->default_val(12);
  cmd.callback([&rt, o, session_hours, cache_seconds] {
    web::ServerOptions opts = *o;
    opts.response_cache_ttl = std::chrono::seconds(*cache_seconds);
    opts.session_lifetime = std::chrono::hours(*session_hours);
    rt.finish(run_serve(rt, opts));
  });
}

}  // namespace nextcall::cli
