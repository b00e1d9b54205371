// `serve --read-db`: GET requests read from a second database URL (a replica; here a
// read-only role on the same test database, which is how a replica answers: SELECT only),
// every other request writes to --db.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "app/clock.h"
#include "core/civil_time.h"
#include "web/server.h"
#include "web/web_test_util.h"
#ifdef NEXTCALL_HAVE_POSTGRES

#include "store/postgres/pg_test_server_test_util.h"
#endif

namespace nextcall::web {
namespace {

#ifdef NEXTCALL_HAVE_POSTGRES
using testing::kNow;
using testing::Reply;
using testing::Tab;

// Runs sql as the test database's owner; the first cell of the last result, if any.
std::string pg_exec(const std::string& url, const std::string& sql) {
  auto r = pgtest::exec(url, sql);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : "";
}

TEST(ReadDbTest, ReadsGoToTheReadDatabaseAndWritesToDb) {
  auto url = testing::postgres_demo(20);
  ASSERT_TRUE(url.ok()) << url.status().message();
  const Instant now = *parse_instant(kNow);
  const std::string reader = "replica_" + url->substr(url->rfind('/') + 1);
  pg_exec(*url, "CREATE ROLE " + reader + " LOGIN; GRANT USAGE ON SCHEMA public TO " + reader +
                    "; GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader + "; ALTER ROLE " + reader +
                    " SET default_transaction_read_only = on");
  const std::string read_url = pgtest::as_role(*url, reader);

  ServerOptions o;
  o.db_url = *url;
  o.read_db_url = read_url;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.threads = 4;
  o.response_cache_ttl = std::chrono::seconds(0);  // every read goes to a database
  Server server(o, std::make_unique<FixedClock>(now));
  Status started = server.start_in_background();
  ASSERT_TRUE(started.ok()) << started.message();

  Tab tab(server.port());
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);  // a write: the session, on --db
  Reply plan = tab.get("/api/plan");
  ASSERT_EQ(plan.status, 200) << plan.body;
  ASSERT_FALSE(plan.json["calls"].empty());
  const std::string contact = std::to_string(plan.json["calls"][0]["contact_id"].get<long>());
  for (const std::string& path : {"/api/contacts/" + contact + "/brief", "/api/contacts/" + contact,
                                 std::string("/api/contacts"), std::string("/api/dashboard")}) {
    Reply r = tab.get(path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body;
  }
  EXPECT_NE(pg_exec(*url, "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + reader + "'"), "0");

  // A write goes to --db (the read-only role could not make it) and shows in the next read.
  Reply logged = tab.send("POST", "/api/contacts/" + contact + "/calls", {{"outcome", "voicemail"}});
  EXPECT_TRUE(logged.status == 200 || logged.status == 201) << logged.status << " " << logged.body;
  Reply calls = tab.get("/api/contacts/" + contact + "/calls");
  ASSERT_EQ(calls.status, 200) << calls.body;
  EXPECT_FALSE(calls.body.find("voicemail") == std::string::npos) << calls.body;

  // Reads are the read database's: with its right to read contacts gone, they fail while
  // writes to contacts still succeed.
  pg_exec(*url, "REVOKE SELECT ON contacts FROM " + reader);
  EXPECT_EQ(tab.get("/api/contacts").status, 500);
  Reply thread = tab.send("POST", "/api/contacts/" + contact + "/threads", {{"topic", "the new line"}});
  EXPECT_TRUE(thread.status == 200 || thread.status == 201) << thread.status << " " << thread.body;
  server.stop();
}
#endif

}  // namespace
}  // namespace nextcall::web
