// The server and its database going away: probes for a load balancer, connections broken
// under a running server (a restart, pg_terminate_backend) replaced without restarting it,
// and nothing about the database (host, user, password) in what a client is sent.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <sstream>
#include <streambuf>
#include <thread>

#include "app/clock.h"
#include "app/demo_workspace.h"
#include "core/civil_time.h"
#include "web/server.h"
#include "web/store_pool.h"
#include "web/web_test_util.h"
#ifdef NEXTCALL_HAVE_POSTGRES
#include "store/postgres/pg_test_server_test_util.h"
#endif

namespace nextcall::web {
namespace {

using testing::kDemoPassword;
using testing::kNow;
using testing::Reply;
using testing::Tab;
using testing::TestServer;

TEST(ProbesTest, HealthzAndReadyzAnswerWithoutASignInAndRevealNothing) {
  auto t = TestServer::start();
  ASSERT_TRUE(t);
  Tab anonymous(t->port);
  Reply health = anonymous.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  Reply ready = anonymous.get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
  for (const Reply& r : {health, ready}) {
    EXPECT_EQ(r.header("Cache-Control"), "no-store");
    EXPECT_EQ(r.header("Set-Cookie"), "");
    EXPECT_EQ(r.body.find(t->db_path), std::string::npos);
  }
}

#ifdef NEXTCALL_HAVE_POSTGRES

// A server on a fresh database of the suite's PostgreSQL, with a small demo workspace.
struct PgServer {
  std::string url;
  std::unique_ptr<Server> server;
  int port = 0;
  ~PgServer() {
    if (server) server->stop();
  }
};

std::unique_ptr<PgServer> start_on_postgres(const std::string& password = "") {
  auto fresh = testing::postgres_demo(20);
  EXPECT_TRUE(fresh.ok()) << fresh.status().message();
  if (!fresh.ok()) return nullptr;
  auto t = std::make_unique<PgServer>();
  t->url = *fresh;
  if (!password.empty()) {  // the test server trusts every password: one is carried, not checked
    std::size_t at = t->url.find('@');
    t->url.insert(at, ":" + password);
  }
  const Instant now = *parse_instant(kNow);
  ServerOptions o;
  o.db_url = t->url;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.threads = 4;
  o.response_cache_ttl = std::chrono::seconds(0);  // every read goes to the database
  t->server = std::make_unique<Server>(o, std::make_unique<FixedClock>(now));
  Status s = t->server->start_in_background();
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return nullptr;
  t->port = t->server->port();
  return t;
}

// Starts the suite's PostgreSQL again when a test ends, however it ends.
struct RestartAtEnd {
  ~RestartAtEnd() {
    Status s = pgtest::start_server();
    EXPECT_TRUE(s.ok()) << s.message();
  }
};

// Several requests at once, so that the pool holds several connections.
void read_from_several_connections(int port, const Tab& signed_in) {
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i)
    clients.emplace_back([&] {
      Tab t(port);
      t.cookie = signed_in.cookie;
      for (int k = 0; k < 5; ++k) EXPECT_EQ(t.get("/api/contacts").status, 200);
    });
  for (auto& c : clients) c.join();
}

Id first_contact(Tab& t) {
  Reply r = t.get("/api/contacts?limit=1");
  EXPECT_EQ(r.status, 200);
  return r.json.is_array() && !r.json.empty() ? r.json[0].value("id", Id{0}) : 0;
}

TEST(DatabaseOutageTest, ReadyzIsUnavailableWhileTheDatabaseIsDownAndReadyAfter) {
  auto t = start_on_postgres();
  ASSERT_TRUE(t);
  Tab probe(t->port);
  EXPECT_EQ(probe.get("/readyz").status, 200);
  RestartAtEnd restart;
  ASSERT_TRUE(pgtest::stop_server().ok());
  Reply down = probe.get("/readyz");
  EXPECT_EQ(down.status, 503);
  EXPECT_EQ(down.body, "not ready\n");
  EXPECT_EQ(probe.get("/healthz").status, 200);  // the process itself is alive
  ASSERT_TRUE(pgtest::start_server().ok());
  EXPECT_EQ(probe.get("/readyz").status, 200);  // at once: the broken connection is replaced
}

TEST(DatabaseOutageTest, RequestsSucceedAgainAfterEveryBackendIsTerminated) {
  auto t = start_on_postgres();
  ASSERT_TRUE(t);
  Tab tab(t->port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  read_from_several_connections(t->port, tab);
  Id contact = first_contact(tab);
  ASSERT_NE(contact, 0);
  auto ended = pgtest::terminate_backends(t->url);
  ASSERT_TRUE(ended.ok()) << ended.status().message();
  EXPECT_GE(*ended, 1);
  // A read succeeds at once: tried again on a fresh connection.
  EXPECT_EQ(tab.get("/api/contacts").status, 200);
  ASSERT_TRUE(pgtest::terminate_backends(t->url).ok());
  // A write may fail once (503: it is not tried again, it may have been applied); the
  // next one succeeds.
  Reply first = tab.send("POST", "/api/contacts/" + std::to_string(contact) + "/threads", {{"topic", "the new line"}});
  EXPECT_TRUE(first.status == 201 || first.status == 200 || first.status == 503) << first.status << " " << first.body;
  if (first.status == 503) {
    Reply again = tab.send("POST", "/api/contacts/" + std::to_string(contact) + "/threads", {{"topic", "the new line"}});
    EXPECT_TRUE(again.status == 201 || again.status == 200) << again.status << " " << again.body;
  }
  read_from_several_connections(t->port, tab);
}

TEST(DatabaseOutageTest, RequestsSucceedAgainAfterTheDatabaseRestarts) {
  auto t = start_on_postgres();
  ASSERT_TRUE(t);
  Tab tab(t->port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  read_from_several_connections(t->port, tab);
  {
    RestartAtEnd restart;
    ASSERT_TRUE(pgtest::stop_server().ok());
    EXPECT_EQ(tab.get("/api/contacts").status, 503);
  }
  EXPECT_EQ(tab.get("/api/contacts").status, 200);
  read_from_several_connections(t->port, tab);
  Id contact = first_contact(tab);
  ASSERT_NE(contact, 0);
  Reply write = tab.send("POST", "/api/contacts/" + std::to_string(contact) + "/threads", {{"topic", "after"}});
  EXPECT_TRUE(write.status == 201 || write.status == 200) << write.status << " " << write.body;
}

TEST(DatabaseOutageTest, AnUnavailableDatabaseIsNotDescribedToTheClient) {
  auto t = start_on_postgres("s3cretpw");
  ASSERT_TRUE(t);
  Tab tab(t->port);
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  RestartAtEnd restart;
  ASSERT_TRUE(pgtest::stop_server().ok());
  const std::string port = t->url.substr(t->url.rfind(':'), t->url.rfind('/') - t->url.rfind(':'));  // ":5432"
  const std::string database = t->url.substr(t->url.rfind('/'));                                   // "/t_3"
  Tab anonymous(t->port);
  ::testing::internal::CaptureStderr();
  std::vector<Reply> replies = {anonymous.send("POST", "/api/session", {{"email", "sam@demo.nextcall"}, {"password", "x"}}),
                                tab.get("/api/contacts")};
  const std::string log = ::testing::internal::GetCapturedStderr();
  for (const Reply& r : replies) {
    EXPECT_EQ(r.status, 503) << r.body;
    for (const std::string& secret : {std::string("127.0.0.1"), std::string("nextcall@"), std::string("s3cretpw"),
                                      std::string("postgres"), port, database})
      EXPECT_EQ(r.body.find(secret), std::string::npos) << secret << " in " << r.body;
    ASSERT_TRUE(r.json.is_object()) << r.body;
    const std::string id = r.json["error"].value("request_id", "");
    EXPECT_EQ(id.size(), 16u);
    EXPECT_EQ(r.header("X-Request-Id"), id);
    EXPECT_NE(log.find("request " + id), std::string::npos) << log;  // the detail is in the log
  }
  EXPECT_EQ(log.find("s3cretpw"), std::string::npos) << log;
}

// A stream that several threads may write and read.
class SharedLog : public std::streambuf {
 public:
  std::string text() {
    std::lock_guard<std::mutex> lock(mu_);
    return text_;
  }

 protected:
  int overflow(int ch) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (ch != EOF) text_ += static_cast<char>(ch);
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mu_);
    text_.append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::mutex mu_;
  std::string text_;
};

TEST(DatabaseOutageTest, ServeStartedWhileTheDatabaseIsDownWaitsForIt) {
  auto fresh = pgtest::fresh_database_url();
  ASSERT_TRUE(fresh.ok()) << fresh.status().message();
  StorePool pool(*fresh);
  RestartAtEnd restart;
  ASSERT_TRUE(pgtest::stop_server().ok());
  SharedLog buf;
  std::ostream log(&buf);
  Status waited;
  std::thread serve([&] { waited = pool.wait_until_open(std::chrono::seconds(60), log); });
  // Once it has said that it waits, the database comes back.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (buf.text().find(" s more\n") == std::string::npos && std::chrono::steady_clock::now() < deadline)
    std::this_thread::yield();
  EXPECT_NE(buf.text().find("the database is not reachable yet"), std::string::npos) << buf.text();
  EXPECT_NE(buf.text().find("trying again in 0.5 s"), std::string::npos) << buf.text();
  ASSERT_TRUE(pgtest::start_server().ok());
  serve.join();
  EXPECT_TRUE(waited.ok()) << waited.message();
  // Without time to wait, it gives up at once with the cause.
  ASSERT_TRUE(pgtest::stop_server().ok());
  StorePool impatient(*fresh);
  Status gave_up = impatient.wait_until_open(std::chrono::seconds(0), log);
  EXPECT_EQ(gave_up.code(), Code::kUnavailable);
  EXPECT_NE(gave_up.message().find("--db-wait"), std::string::npos) << gave_up.message();
}

#endif  // NEXTCALL_HAVE_POSTGRES

}  // namespace
}  // namespace nextcall::web
