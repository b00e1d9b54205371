#ifdef NEXTCALL_HAVE_POSTGRES
#include "store/postgres/pg_test_server_test_util.h"

#include <arpa/inet.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "store/store.h"

namespace nextcall::pgtest {
namespace {

namespace fs = std::filesystem;

// The directory of initdb and pg_ctl: $NEXTCALL_PG_BINDIR, else the newest
// /usr/lib/postgresql/N/bin (Debian's layout), else PATH.
std::string find_bindir() {
  if (const char* env = std::getenv("NEXTCALL_PG_BINDIR"); env && *env) return env;
  for (int v = 20; v >= 10; --v) {
    std::string dir = "/usr/lib/postgresql/" + std::to_string(v) + "/bin";
    if (fs::exists(dir + "/initdb") && fs::exists(dir + "/pg_ctl")) return dir;
  }
  for (const char* dir : {"/usr/bin", "/usr/local/bin", "/usr/local/pgsql/bin"})
    if (fs::exists(std::string(dir) + "/initdb") && fs::exists(std::string(dir) + "/pg_ctl")) return dir;
  return "";
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  close(fd);
  return port;
}

std::string tail(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  return s.size() > 1500 ? s.substr(s.size() - 1500) : s;
}

class Server {
 public:
  Server() { error_ = start(); }
  ~Server() { stop(); }
  const std::string& error() const { return error_; }

  Result<std::string> fresh_database() {
    if (!error_.empty()) return Status::Unavailable(error_);
    std::string name = "t_" + std::to_string(++databases_);
    std::string base = "postgres://nextcall@127.0.0.1:" + std::to_string(port_) + "/";
    PGconn* c = PQconnectdb((base + "postgres").c_str());
    std::unique_ptr<PGconn, void (*)(PGconn*)> guard(c, &PQfinish);
    if (PQstatus(c) != CONNECTION_OK)
      return Status::Unavailable(std::string("test PostgreSQL server: ") + PQerrorMessage(c));
    // The name is ours (a counter), not input: it is an identifier, which cannot be bound.
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name).c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string m = PQresultErrorMessage(r);
    PQclear(r);
    if (!ok) return Status::Unavailable("test PostgreSQL server: CREATE DATABASE: " + m);
    return base + name;
  }

  Status stop_now() {
    if (!error_.empty()) return Status::Unavailable(error_);
    if (run(pg_ctl_ + " -m fast -w -t 60 stop >/dev/null 2>&1") != 0)
      return Status::Io("test PostgreSQL server: pg_ctl stop failed");
    started_ = false;
    return Status::Ok();
  }

  Status start_again() {
    if (!error_.empty()) return Status::Unavailable(error_);
    if (started_) return Status::Ok();
    if (run(start_command_) != 0)
      return Status::Io("test PostgreSQL server: pg_ctl start failed:\n" + tail(dir_ + "/server.log"));
    started_ = true;
    return Status::Ok();
  }

 private:
  // Runs cmd (as the postgres user when we are root); returns its exit status.
  int run(const std::string& cmd) {
    std::string full = (as_root_ ? "runuser -u postgres -- " : "") + cmd;
    return std::system(full.c_str());
  }

  std::string start() {
    std::string bindir = find_bindir();
    if (bindir.empty())
      return "cannot start a test PostgreSQL server: initdb and pg_ctl not found (install the "
             "postgresql package, or set NEXTCALL_PG_BINDIR)";
    as_root_ = geteuid() == 0;
    struct passwd* pw = nullptr;
    if (as_root_) {
      pw = getpwnam("postgres");
      if (!pw)
        return "cannot start a test PostgreSQL server: running as root and there is no "
               "'postgres' user to run it as (initdb refuses root)";
    }
    std::string templ = (fs::temp_directory_path() / "nextcall-pg-XXXXXX").string();
    if (!mkdtemp(templ.data())) return "cannot start a test PostgreSQL server: mkdtemp failed";
    dir_ = templ;
    if (as_root_ && chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0)
      return "cannot start a test PostgreSQL server: cannot chown " + dir_ + " to postgres";
    port_ = free_port();
    if (port_ == 0) return "cannot start a test PostgreSQL server: no free port on 127.0.0.1";
    std::string data = dir_ + "/data";
    std::string log = dir_ + "/initdb.log";
    if (run("'" + bindir + "/initdb' -D '" + data + "' -A trust -U nextcall -E UTF8 --no-locale "
            "--no-sync >'" + log + "' 2>&1") != 0)
      return "cannot start a test PostgreSQL server: initdb failed:\n" + tail(log);
    initialized_ = true;
    pg_ctl_ = "'" + bindir + "/pg_ctl' -D '" + data + "'";
    std::string server_log = dir_ + "/server.log";
    std::string opts = "-p " + std::to_string(port_) + " -k " + dir_ +
                       " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off -c max_connections=50";
    start_command_ = pg_ctl_ + " -o '" + opts + "' -l '" + server_log + "' -w -t 60 start >/dev/null 2>&1";
    if (run(start_command_) != 0)
      return "cannot start a test PostgreSQL server: pg_ctl start failed:\n" + tail(server_log);
    started_ = true;
    return "";
  }

  void stop() {
    if (started_) run(pg_ctl_ + " -m immediate -w stop >/dev/null 2>&1");
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }

  bool as_root_ = false;
  bool initialized_ = false;
  bool started_ = false;
  int port_ = 0;
  int databases_ = 0;
  std::string dir_;
  std::string pg_ctl_;
  std::string start_command_;
  std::string error_;
};

Server& server() {
  static Server s;  // started on first use, stopped at exit
  return s;
}

}  // namespace

Result<std::string> fresh_database_url(bool migrated) {
  auto url = server().fresh_database();
  if (!url.ok() || !migrated) return url;
  auto store = open_store(*url, SchemaUse::kMigrate);
  if (!store.ok()) return store.status().with_context("migrating the test database");
  return url;
}

Status stop_server() { return server().stop_now(); }

Status start_server() { return server().start_again(); }

Result<int> terminate_backends(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  std::unique_ptr<PGconn, void (*)(PGconn*)> guard(c, &PQfinish);
  if (PQstatus(c) != CONNECTION_OK) return Status::Unavailable(std::string("terminate_backends: ") + PQerrorMessage(c));
  PGresult* r = PQexec(c,
                       "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = current_database() AND pid <> pg_backend_pid()) AS ended");
  std::unique_ptr<PGresult, void (*)(PGresult*)> result(r, &PQclear);
  if (PQresultStatus(r) != PGRES_TUPLES_OK)
    return Status::Io(std::string("terminate_backends: ") + PQresultErrorMessage(r));
  return std::atoi(PQgetvalue(r, 0, 0));
}

Result<std::string> exec(const std::string& url, const std::string& sql) {
  std::unique_ptr<PGconn, void (*)(PGconn*)> c(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(c.get()) != CONNECTION_OK) return Status::Unavailable(std::string("exec: ") + PQerrorMessage(c.get()));
  std::unique_ptr<PGresult, void (*)(PGresult*)> r(PQexec(c.get(), sql.c_str()), &PQclear);
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return Status::Io("exec: " + sql + ": " + PQresultErrorMessage(r.get()));
  return status == PGRES_TUPLES_OK && PQntuples(r.get()) > 0 ? std::string(PQgetvalue(r.get(), 0, 0)) : std::string();
}

std::string as_role(const std::string& url, const std::string& role) {
  // fresh_database_url() gives postgres://nextcall@127.0.0.1:PORT/DB
  const std::size_t scheme = url.find("://"), at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  return url.substr(0, scheme + 3) + role + url.substr(at);
}

}  // namespace nextcall::pgtest
#endif  // NEXTCALL_HAVE_POSTGRES
