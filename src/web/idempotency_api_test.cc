// Idempotency-Key: a save sent again (its first answer lost) is applied once and answered
// as the first time; the same key with another request is 422, one still being served 409.
#include "web/idempotency.h"

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

using testing::kNow;
using testing::Reply;
using testing::Tab;
using testing::TestServer;

Id first_planned(Tab& tab) {
  Reply plan = tab.get("/api/plan");
  EXPECT_EQ(plan.status, 200) << plan.body;
  return plan.json["calls"].empty() ? 0 : plan.json["calls"][0]["contact_id"].get<Id>();
}

std::size_t calls_of(Tab& tab, Id contact) {
  Reply r = tab.get("/api/contacts/" + std::to_string(contact) + "/calls");
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json.size();
}

// The rule itself, on whichever database the server runs.
void a_call_sent_twice_with_one_key_is_logged_once(int port) {
  Tab tab(port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  const Id contact = first_planned(tab);
  ASSERT_NE(contact, 0);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  const std::size_t before = calls_of(tab, contact);
  const nlohmann::json call = {{"outcome", "connected"}, {"rung", "send_info"}, {"note", "sent once"}};
  tab.extra = {{"Idempotency-Key", "3f1c2a9e-5b7d-4e2a-9c1f-000000000001"}};
  Reply first = tab.send("POST", path, call);
  ASSERT_TRUE(first.status == 200 || first.status == 201) << first.status << " " << first.body;
  EXPECT_EQ(first.header("Idempotent-Replayed"), "");
  Reply again = tab.send("POST", path, call);  // the first answer was lost: sent again
  EXPECT_EQ(again.status, first.status) << again.body;
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  tab.extra.clear();
  EXPECT_EQ(calls_of(tab, contact), before + 1);
  // Without a key, or with a new one, it is a new call.
  tab.extra = {{"Idempotency-Key", "3f1c2a9e-5b7d-4e2a-9c1f-000000000002"}};
  Reply second = tab.send("POST", path, call);
  EXPECT_TRUE(second.status == 200 || second.status == 201) << second.status << " " << second.body;
  tab.extra.clear();
  EXPECT_EQ(calls_of(tab, contact), before + 2);
}

TEST(IdempotencyApiTest, ACallSentTwiceWithOneKeyIsLoggedOnce) {
  auto t = TestServer::start();
  ASSERT_TRUE(t);
  a_call_sent_twice_with_one_key_is_logged_once(t->port);
}

TEST(IdempotencyApiTest, TheSameKeyWithAnotherBodyIs422NamingTheHeader) {
  auto t = TestServer::start();
  ASSERT_TRUE(t);
  Tab tab(t->port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  const Id contact = first_planned(tab);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  const std::size_t before = calls_of(tab, contact);
  tab.extra = {{"Idempotency-Key", "save-1"}};
  Reply first = tab.send("POST", path, {{"outcome", "voicemail"}});
  ASSERT_TRUE(first.status == 200 || first.status == 201) << first.status << " " << first.body;
  Reply other = tab.send("POST", path, {{"outcome", "no_answer"}});
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(other.json["error"].value("message", ""),
            "Idempotency-Key: this key was sent before with another request (method, path or body); give each new "
            "request a new key")
      << other.body;
  tab.extra.clear();
  EXPECT_EQ(calls_of(tab, contact), before + 1);
}

TEST(IdempotencyApiTest, KeysAreTheUsersOwnAndAFailedRequestLeavesItsKeyFree) {
  auto t = TestServer::start();
  ASSERT_TRUE(t);
  Tab sam(t->port);
  ASSERT_EQ(sam.sign_in("sam@demo.nextcall").status, 200);
  const Id contact = first_planned(sam);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  const std::size_t before = calls_of(sam, contact);
  // Refused (a bad outcome): nothing written, nothing kept; the corrected save goes through.
  sam.extra = {{"Idempotency-Key", "save-1"}};
  EXPECT_EQ(sam.send("POST", path, {{"outcome", "bored"}}).status, 400);
  Reply fixed = sam.send("POST", path, {{"outcome", "voicemail"}});
  EXPECT_TRUE(fixed.status == 200 || fixed.status == 201) << fixed.status << " " << fixed.body;
  EXPECT_EQ(fixed.header("Idempotent-Replayed"), "");
  // A manager using the same key logs a call of her own.
  Tab maria(t->port);
  ASSERT_EQ(maria.sign_in("maria@demo.nextcall").status, 200);
  maria.extra = {{"Idempotency-Key", "save-1"}};
  Reply hers = maria.send("POST", path, {{"outcome", "voicemail"}});
  EXPECT_TRUE(hers.status == 200 || hers.status == 201) << hers.status << " " << hers.body;
  EXPECT_EQ(hers.header("Idempotent-Replayed"), "");
  sam.extra.clear();
  EXPECT_EQ(calls_of(sam, contact), before + 2);
}

TEST(IdempotencyApiTest, AKeyThatIsTooLongOrNotPrintableIs400NamingTheHeader) {
  auto t = TestServer::start();
  ASSERT_TRUE(t);
  Tab tab(t->port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  const Id contact = first_planned(tab);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  const std::size_t before = calls_of(tab, contact);
  for (const std::string& key : {std::string(201, 'k'), std::string("caf\xc3\xa9")}) {
    tab.extra = {{"Idempotency-Key", key}};
    Reply r = tab.send("POST", path, {{"outcome", "voicemail"}});
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.json["error"].value("message", ""),
              "Idempotency-Key: give 1 to 200 printable ASCII characters (a new UUID for each request, say)")
        << r.body;
  }
  tab.extra = {{"Idempotency-Key", std::string(200, 'k')}};
  EXPECT_EQ(tab.send("POST", path, {{"outcome", "voicemail"}}).status / 100, 2);
  tab.extra.clear();
  EXPECT_EQ(calls_of(tab, contact), before + 1);
}

TEST(IdempotencyApiTest, AKeyStillBeingServedIs409WithRetryAfter) {
  auto t = TestServer::start();
  ASSERT_TRUE(t);
  Tab tab(t->port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  Reply me = tab.get("/api/session");
  ASSERT_EQ(me.status, 200) << me.body;
  const Id contact = first_planned(tab);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  const nlohmann::json call = {{"outcome", "voicemail"}};
  // Another server is serving the same request: its claim is in the database.
  httplib::Request same;
  same.method = "POST";
  same.target = path;
  same.body = call.dump();
  same.headers.emplace("Idempotency-Key", "save-1");
  auto key = read_idempotency_key(same);
  ASSERT_TRUE(key.ok() && *key);
  {
    auto store = open_store(t->db_path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    const Instant now = *parse_instant(kNow);
    auto claimed = (*store)->claim_idempotency_key(me.json["workspace"]["id"].get<Id>(),
                                                   me.json["user"]["id"].get<Id>(), "save-1", (*key)->fingerprint,
                                                   now, now - kIdempotencyKeyStale, now - kIdempotencyKeyLifetime);
    ASSERT_TRUE(claimed.ok() && !*claimed);
  }
  const std::size_t before = calls_of(tab, contact);
  tab.extra = {{"Idempotency-Key", "save-1"}};
  Reply busy = tab.send("POST", path, call);
  EXPECT_EQ(busy.status, 409) << busy.body;
  EXPECT_EQ(busy.header("Retry-After"), "1");
  EXPECT_NE(busy.body.find("Idempotency-Key"), std::string::npos) << busy.body;
  tab.extra.clear();
  EXPECT_EQ(calls_of(tab, contact), before);
}

#ifdef NEXTCALL_HAVE_POSTGRES
TEST(IdempotencyApiTest, ACallSentTwiceWithOneKeyIsLoggedOnceOnPostgres) {
  auto url = testing::postgres_demo(20);
  ASSERT_TRUE(url.ok()) << url.status().message();
  const Instant now = *parse_instant(kNow);
  ServerOptions o;
  o.db_url = *url;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.threads = 4;
  Server server(o, std::make_unique<FixedClock>(now));
  Status started = server.start_in_background();
  ASSERT_TRUE(started.ok()) << started.message();
  a_call_sent_twice_with_one_key_is_logged_once(server.port());
  server.stop();
}
#endif

}  // namespace
}  // namespace nextcall::web
