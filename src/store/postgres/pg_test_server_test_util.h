// For tests: a private PostgreSQL server started on first use (initdb into a temporary
// directory, listening on 127.0.0.1 on a free port, fsync off) and stopped when the test
// binary exits. As root it runs the server as the `postgres` OS user (initdb refuses root).
#pragma once

#include <string>

#include "core/status.h"

namespace nextcall::pgtest {

// A postgres:// URL naming a new, empty database on the test server; Unavailable with the
// reason (binaries missing, initdb or start failed: see the log it names) when it has none.
Result<std::string> fresh_database_url();

}  // namespace nextcall::pgtest
