#include "web/probes.h"

#include <iostream>

#include "store/db_secrets.h"

namespace nextcall::web {
namespace {

void send_text(httplib::Response& res, int status, const char* text) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(text, "text/plain; charset=utf-8");
}

// Asks the database once on a pooled connection and, when that connection turns out to
// be broken (a restart), once more on a fresh one.
Status database_answers(StorePool& pool) {
  Status s;
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto lease = pool.acquire();
    if (!lease.ok()) return lease.status();
    s = (*lease)->ping();
    if (s.ok() || !(*lease)->connection_lost()) return s;
    lease->discard();
    pool.drop_idle();
  }
  return s;
}

}  // namespace

void install_probes(httplib::Server& http, StorePool& pool) {
  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { send_text(res, 200, "ok\n"); });
  http.Get("/readyz", [&pool](const httplib::Request&, httplib::Response& res) {
    Status s = database_answers(pool);
    if (s.ok()) return send_text(res, 200, "ready\n");
    std::cerr << "nextcall serve: /readyz: not ready: " << mask_db_secrets(s.message()) << "\n";
    send_text(res, 503, "not ready\n");
  });
}

}  // namespace nextcall::web
