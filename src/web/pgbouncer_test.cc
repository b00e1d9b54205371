// `serve` behind PgBouncer in transaction pooling mode (docs/team-server.md): a server
// connection is a client's only for one transaction, so nothing may outlive one (named
// prepared statements, SET, session advisory locks). nextcall sends each statement with
// its parameters unnamed (PQexecParams), sets only client_encoding (which PgBouncer keeps
// per client) and takes only transaction-scoped locks; this runs
// a plan and logged calls through a real PgBouncer in front of the suite's PostgreSQL.
#include <gtest/gtest.h>

#ifdef NEXTCALL_HAVE_POSTGRES
#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "core/civil_time.h"
#include "store/postgres/pg_test_server_test_util.h"
#include "web/server.h"
#include "web/web_test_util.h"
#endif

namespace nextcall::web {
namespace {

#ifdef NEXTCALL_HAVE_POSTGRES
using testing::kNow;
using testing::Reply;
using testing::Tab;

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t n = sizeof a;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n) == 0)
    port = ntohs(a.sin_port);
  ::close(fd);
  return port;
}

std::string pgbouncer_binary() {
  for (const char* p : {"/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"})
    if (std::filesystem::exists(p)) return p;
  return "";
}

// A PgBouncer of its own on a free loopback port, in front of `database` on the suite's
// server; stopped (by the process id it wrote) when the test ends.
class PgBouncer {
 public:
  PgBouncer(const std::string& binary, int pg_port, const std::string& database) {
    dir_ = std::filesystem::temp_directory_path() / ("nextcall-pgbouncer-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    // As root it runs as the postgres user (PgBouncer refuses root), which writes its log here.
    std::filesystem::permissions(dir_, std::filesystem::perms::all);
    port_ = free_port();
    std::ofstream((dir_ / "userlist.txt").string()) << "\"nextcall\" \"\"\n";
    std::ofstream((dir_ / "pgbouncer.ini").string())
        << "[databases]\n"
        << database << " = host=127.0.0.1 port=" << pg_port << " dbname=" << database << "\n"
        << "[pgbouncer]\n"
        << "listen_addr = 127.0.0.1\nlisten_port = " << port_ << "\nunix_socket_dir =\n"
        << "auth_type = trust\nauth_file = " << (dir_ / "userlist.txt").string() << "\n"
        << "pool_mode = transaction\n"
        << "default_pool_size = 2\nmax_client_conn = 200\n"  // fewer than the server's pool
        << "logfile = " << (dir_ / "pgbouncer.log").string() << "\n"
        << "pidfile = " << (dir_ / "pgbouncer.pid").string() << "\n";
    const std::string run_as = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
    started_ = std::system((run_as + binary + " -q -d " + (dir_ / "pgbouncer.ini").string()).c_str()) == 0;
  }
  ~PgBouncer() {
    std::ifstream pidfile((dir_ / "pgbouncer.pid").string());
    pid_t pid = 0;
    if (pidfile >> pid && pid > 0) {
      ::kill(pid, SIGTERM);
      // Gone once signalling it fails; a daemon is not our child to wait for.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (::kill(pid, 0) == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  bool started() const { return started_; }
  int port() const { return port_; }
  std::string log() const {
    std::ifstream in((dir_ / "pgbouncer.log").string());
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

 private:
  std::filesystem::path dir_;
  int port_ = 0;
  bool started_ = false;
};

// Waits for a PostgreSQL-protocol answer at url: true once a connection is made.
bool answers(const std::string& url) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::unique_ptr<PGconn, void (*)(PGconn*)> c(PQconnectdb(url.c_str()), &PQfinish);
    if (PQstatus(c.get()) == CONNECTION_OK) return true;
    std::this_thread::yield();
  }
  return false;
}

TEST(PgBouncerTest, ServePlansAndLogsCallsThroughPgBouncerInTransactionPooling) {
  const std::string binary = pgbouncer_binary();
  if (binary.empty()) GTEST_SKIP() << "pgbouncer is not installed (scripts/setup.sh installs it)";
  auto url = testing::postgres_demo(30);
  ASSERT_TRUE(url.ok()) << url.status().message();
  const Instant now = *parse_instant(kNow);
  // postgres://nextcall@127.0.0.1:PORT/DB
  const std::size_t colon = url->rfind(':');
  const std::size_t slash = url->rfind('/');
  const int pg_port = std::stoi(url->substr(colon + 1, slash - colon - 1));
  const std::string database = url->substr(slash + 1);
  PgBouncer bouncer(binary, pg_port, database);
  ASSERT_TRUE(bouncer.started()) << bouncer.log();
  const std::string through = "postgres://nextcall@127.0.0.1:" + std::to_string(bouncer.port()) + "/" + database;
  ASSERT_TRUE(answers(through)) << bouncer.log();
  // Debian's PgBouncer (before 1.21) keeps no prepared statement across transactions:
  // nextcall sends its statements unnamed, as the administrator's guide says to ask.
  const std::string unprepared = through + "?prepared_statements=off";

  ServerOptions o;
  o.db_url = unprepared;
  o.bind = "127.0.0.1";
  o.port = 0;
  o.threads = 8;
  o.pool = PoolLimits{6, std::chrono::seconds(120), std::chrono::minutes(5)};
  o.response_cache_ttl = std::chrono::seconds(0);
  Server server(o, std::make_unique<FixedClock>(now));
  Status started = server.start_in_background();
  ASSERT_TRUE(started.ok()) << started.message();

  Tab tab(server.port());
  ASSERT_EQ(tab.sign_in("sam@demo.nextcall").status, 200);
  Reply plan = tab.get("/api/plan");
  ASSERT_EQ(plan.status, 200) << plan.body;
  ASSERT_FALSE(plan.json["calls"].empty());
  const std::string calls = "/api/contacts/" + std::to_string(plan.json["calls"][0]["contact_id"].get<long>()) + "/calls";
  Reply before = tab.get(calls);
  ASSERT_EQ(before.status, 200) << before.body;
  tab.extra = {{"Idempotency-Key", "through-the-bouncer"}};
  Reply logged = tab.send("POST", calls, {{"outcome", "connected"}, {"rung", "send_info"}, {"note", "via pgbouncer"}});
  EXPECT_TRUE(logged.status == 200 || logged.status == 201) << logged.status << " " << logged.body;
  tab.extra.clear();
  // Eight clients at once on six server connections over two of PgBouncer's: reads and
  // writes in transactions that land on whichever database connection is free.
  std::atomic<int> failed{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 8; ++i)
    clients.emplace_back([&, i] {
      Tab t(server.port());
      t.cookie = tab.cookie;
      t.csrf = tab.csrf;
      for (int k = 0; k < 4; ++k) {
        Reply r = k % 2 ? t.send("POST", calls, {{"outcome", "voicemail"}, {"note", std::to_string(i)}})
                        : t.get("/api/plan");
        if (r.status >= 300) {
          ++failed;
          ADD_FAILURE() << r.status << " " << r.body;
        }
      }
    });
  for (auto& c : clients) c.join();
  EXPECT_EQ(failed.load(), 0);
  Reply history = tab.get(calls);
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(history.json.size(), before.json.size() + 1u + 8u * 2u);
  EXPECT_NE(history.body.find("via pgbouncer"), std::string::npos);
  server.stop();
}
#endif

}  // namespace
}  // namespace nextcall::web
