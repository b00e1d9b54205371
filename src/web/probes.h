// Probes for a load balancer or an orchestrator, answered without a sign-in and without
// revealing anything (no version, no address, no cause):
//   GET /healthz  200 "ok": the process is alive and serving.
//   GET /readyz   200 "ready" when the database answers a trivial query, else 503
//                 "not ready" (the cause goes to the server's log, passwords masked).
#pragma once

#include <httplib.h>

#include "web/store_pool.h"

namespace nextcall::web {

void install_probes(httplib::Server& http, StorePool& pool);

}  // namespace nextcall::web
