// A real server for API tests: a demo workspace (and a second one, to prove nobody sees
// it) in a temporary SQLite file, served on a free loopback port at a fixed "now", and a
// small client that keeps the session cookie and the CSRF token like a browser tab.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "web/server.h"

namespace nextcall::web::testing {

inline constexpr const char* kDemoPassword = "nextcall-demo";
inline constexpr const char* kNow = "2026-11-24T15:00:00Z";

struct TestServer {
  std::string db_path;
  std::unique_ptr<Server> server;
  int port = 0;
  Id other_workspace_id = 0;
  std::string other_email;  // a rep of the other workspace

  // Builds the database and starts serving; aborts the test on failure.
  static std::unique_ptr<TestServer> start(ServerOptions o = {});
  ~TestServer();
};

#ifdef NEXTCALL_HAVE_POSTGRES
// A new database on the suite's PostgreSQL holding the demo workspace (`contacts` contacts,
// the demo's reps with kDemoPassword) as of kNow; its URL, or why there is none.
Result<std::string> postgres_demo(int contacts);
#endif

struct Reply {
  int status = 0;
  nlohmann::json json;  // null when the body is not JSON
  std::string body;
  httplib::Headers headers;
  std::string header(const std::string& name) const;
};

class Tab {
 public:
  // Time-outs for a sanitizer build on a busy 2-core machine: a slow answer is not a failure
  // (cpp-httplib's default of 5 s made CI red for load alone).
  explicit Tab(int port) : cli_("127.0.0.1", port) {
    cli_.set_connection_timeout(30);
    cli_.set_read_timeout(120);
    cli_.set_write_timeout(120);
  }

  // Signs in; returns the reply of POST /api/session.
  Reply sign_in(const std::string& email, const std::string& password = kDemoPassword);
  Reply get(const std::string& path);
  Reply send(const std::string& method, const std::string& path, const nlohmann::json& body);
  Reply send_raw(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& content_type = "application/json");

  std::string cookie;  // "nextcall_session=…", as the browser would send it
  std::string csrf;    // sent as X-CSRF-Token when set
  std::string bearer;  // sent as Authorization: Bearer when set
  httplib::Headers extra;  // sent as well (Origin, X-Forwarded-For...)

 private:
  httplib::Headers headers() const;
  Reply wrap(const httplib::Result& r);
  httplib::Client cli_;
};

// A suite of API tests sharing one demo server, started once for the suite.
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = TestServer::start().release(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_, nullptr); }
  // A tab signed in as `email` (with the demo's password).
  static Tab signed_in(const std::string& email) {
    Tab t(server_->port);
    Reply r = t.sign_in(email);
    EXPECT_EQ(r.status, 200) << r.body;
    return t;
  }
  static inline TestServer* server_ = nullptr;
};

}  // namespace nextcall::web::testing
