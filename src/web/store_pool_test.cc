// The pool of database connections behind `serve`: at most --db-pool open, a request waits
// for one in line up to --db-pool-wait-ms, idle ones are closed; on PostgreSQL, a role with
// fewer connections than the server has threads serves every request and leaves room for
// the CLI.
#include "web/store_pool.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "core/civil_time.h"
#include "web/server.h"
#include "web/web_test_util.h"
#ifdef NEXTCALL_HAVE_POSTGRES

#include "store/postgres/pg_test_server_test_util.h"
#endif

namespace nextcall::web {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;

// A SQLite file of its own (":memory:" would be a new database per connection).
struct TempDb {
  std::string path = ::testing::TempDir() + "pool_" + std::to_string(::getpid()) + "_" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
  TempDb() {
    auto s = open_store(path);
    EXPECT_TRUE(s.ok()) << s.status().message();
  }
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  }
};

TEST(StorePoolTest, NoMoreThanItsSizeAreOpenAndARequestBeyondIsBusyAfterItsWait) {
  TempDb db;
  StorePool pool(db.path, PoolLimits{2, milliseconds(0), minutes(5)});
  auto a = pool.acquire();
  auto b = pool.acquire();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(pool.open_count(), 2u);
  auto c = pool.acquire();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Code::kUnavailable);
  EXPECT_TRUE(StorePool::busy(c.status())) << c.status().message();
  EXPECT_NE(c.status().message().find("--db-pool"), std::string::npos) << c.status().message();
  EXPECT_EQ(pool.open_count(), 2u);
}

TEST(StorePoolTest, ARequestWaitsInLineForAConnectionGivenBack) {
  TempDb db;
  StorePool pool(db.path, PoolLimits{2, std::chrono::seconds(120), minutes(5)});
  auto first = pool.acquire();
  ASSERT_TRUE(first.ok());
  std::optional<StorePool::Lease> a(std::move(*first));
  auto b = pool.acquire();
  ASSERT_TRUE(b.ok());
  Status waited = Status::Internal("not yet");
  std::thread third([&] {
    auto c = pool.acquire();
    waited = c.status();
  });
  while (pool.waiting_count() == 0) std::this_thread::yield();  // it waits in line
  EXPECT_EQ(pool.open_count(), 2u);
  a.reset();  // given back: the one waiting gets it
  third.join();
  EXPECT_TRUE(waited.ok()) << waited.message();
  EXPECT_EQ(pool.open_count(), 2u);
}

TEST(StorePoolTest, AConnectionClosedAsBrokenMakesRoomForANewOne) {
  TempDb db;
  StorePool pool(db.path, PoolLimits{1, milliseconds(0), minutes(5)});
  {
    auto a = pool.acquire();
    ASSERT_TRUE(a.ok());
    a->discard();
  }
  EXPECT_EQ(pool.open_count(), 0u);
  EXPECT_TRUE(pool.acquire().ok());
}

TEST(StorePoolTest, IdleConnectionsAreClosedAfterTheIdleTime) {
  TempDb db;
  StorePool pool(db.path, PoolLimits{4, milliseconds(0), minutes(5)});
  {
    std::vector<StorePool::Lease> lent;
    for (int i = 0; i < 3; ++i) {
      auto l = pool.acquire();
      ASSERT_TRUE(l.ok());
      lent.push_back(std::move(*l));
    }
  }
  EXPECT_EQ(pool.open_count(), 3u);
  const auto now = StorePool::SteadyClock::now();
  EXPECT_EQ(pool.close_idle(now + minutes(1)), 0u);
  EXPECT_EQ(pool.open_count(), 3u);
  EXPECT_EQ(pool.close_idle(now + minutes(6)), 3u);
  EXPECT_EQ(pool.open_count(), 0u);
  EXPECT_TRUE(pool.acquire().ok());
}

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

TEST(DbPoolTest, ThirtyTwoClientsShareAPoolUnderTheRolesConnectionLimitAndTheCliStillConnects) {
  auto url = testing::postgres_demo(40);
  ASSERT_TRUE(url.ok()) << url.status().message();
  const Instant now = *parse_instant(kNow);
  // The team's role may hold 4 connections: 3 for the server, 1 left for the CLI.
  const std::string role = "team_" + url->substr(url->rfind('/') + 1);
  pg_exec(*url, "CREATE ROLE " + role + " LOGIN CONNECTION LIMIT 4; GRANT ALL ON ALL TABLES IN SCHEMA public TO " +
                    role + "; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
  const std::string team_url = pgtest::as_role(*url, role);

  ServerOptions o;
  o.db_url = team_url;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.threads = 32;
  o.pool = PoolLimits{3, std::chrono::seconds(120), minutes(5)};
  o.response_cache_ttl = std::chrono::seconds(0);  // every request goes to the database
  o.limits.max_connections_per_address = 64;  // 32 clients and the signed-in tab, all from 127.0.0.1
  Server server(o, std::make_unique<FixedClock>(now));
  Status started = server.start_in_background();
  ASSERT_TRUE(started.ok()) << started.message();

  Tab signed_in(server.port());
  ASSERT_EQ(signed_in.sign_in("sam@demo.nextcall").status, 200);
  Reply plan = signed_in.get("/api/plan");
  ASSERT_EQ(plan.status, 200) << plan.body;
  ASSERT_FALSE(plan.json["calls"].empty());
  const std::string contact = std::to_string(plan.json["calls"][0]["contact_id"].get<long>());

  // 32 clients at once, each reading and writing: every request is answered.
  std::atomic<int> ready{0};
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 32; ++i)
    clients.emplace_back([&, i] {
      Tab t(server.port());
      t.cookie = signed_in.cookie;
      t.csrf = signed_in.csrf;
      ++ready;
      while (ready.load() < 32) std::this_thread::yield();  // all start together
      for (int k = 0; k < 3; ++k) {
        Reply r = k == 1 ? t.send("POST", "/api/contacts/" + contact + "/threads",
                                  {{"topic", "line " + std::to_string(i)}})
                         : t.get(k == 0 ? "/api/plan" : "/api/contacts");
        (r.status == 200 || r.status == 201 ? ok : failed)++;
        if (r.status >= 300) ADD_FAILURE() << r.status << " " << r.body;
      }
    });
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), 96);
  EXPECT_EQ(failed.load(), 0);
  // The server held no more than its pool; the CLI gets the connection left.
  EXPECT_LE(std::stoi(pg_exec(*url, "SELECT count(*) FROM pg_stat_activity WHERE usename = '" + role + "'")), 3);
  auto cli = open_store(team_url);
  EXPECT_TRUE(cli.ok()) << cli.status().message();
  server.stop();
}

#endif  // NEXTCALL_HAVE_POSTGRES

}  // namespace
}  // namespace nextcall::web
