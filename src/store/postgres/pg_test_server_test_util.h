// For tests: a private PostgreSQL server started on first use (initdb into a temporary
// directory, listening on 127.0.0.1 on a free port, fsync off) and stopped when the test
// binary exits. As root it runs the server as the `postgres` OS user (initdb refuses root).
#pragma once

#include <string>

#include "core/status.h"

namespace nextcall::pgtest {

// A postgres:// URL naming a new database on the test server, migrated to the current
// schema (as `nextcall db migrate` would) unless `migrated` is false (then empty);
// Unavailable with the reason (binaries missing, initdb or start failed: see the log it
// names) when it has none.
Result<std::string> fresh_database_url(bool migrated = true);

// Stops the test server (fast: every connection to it ends), for tests of a database
// going away; start_server() starts it again on the same port with the same data. A test
// that stops it starts it again before it ends.
Status stop_server();
Status start_server();

// Ends every other connection to the database behind url (pg_terminate_backend), as an
// administrator or an idle timeout would; returns how many it ended.
Result<int> terminate_backends(const std::string& url);

// Runs sql on url, as the user url names (the test database's owner for a fresh URL); the
// first cell of the last result, empty when it has none.
Result<std::string> exec(const std::string& url, const std::string& sql);

// url with its user replaced by role: the test server trusts every local role, so this is
// how a test connects as a least-privilege, read-only or connection-limited one.
std::string as_role(const std::string& url, const std::string& role);

}  // namespace nextcall::pgtest
