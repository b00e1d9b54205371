#include "web/web_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/auth.h"
#include "app/clock.h"
#include "app/demo_workspace.h"
#include "core/civil_time.h"

#ifdef NEXTCALL_HAVE_POSTGRES
#include "store/postgres/pg_test_server_test_util.h"
#endif

namespace nextcall::web::testing {

#ifdef NEXTCALL_HAVE_POSTGRES
Result<std::string> postgres_demo(int contacts) {
  auto url = pgtest::fresh_database_url();
  if (!url.ok()) return url.status();
  auto store = open_store(*url);
  if (!store.ok()) return store.status();
  DemoOptions d;
  d.contacts = contacts;
  d.password = kDemoPassword;
  auto demo = build_demo(**store, d, *parse_instant(kNow));
  if (!demo.ok()) return demo.status();
  return url;
}
#endif

std::unique_ptr<TestServer> TestServer::start(ServerOptions o) {
  auto t = std::make_unique<TestServer>();
  static int n = 0;
  t->db_path = (std::filesystem::temp_directory_path() /
                ("nextcall-web-" + std::to_string(getpid()) + "-" + std::to_string(++n) + ".db"))
                   .string();
  Instant now = *parse_instant(kNow);
  {
    auto store = open_store(t->db_path);
    EXPECT_TRUE(store.ok()) << store.status().message();
    if (!store.ok()) return nullptr;
    DemoOptions d;
    d.contacts = 60;
    d.password = kDemoPassword;
    auto demo = build_demo(**store, d, now);
    EXPECT_TRUE(demo.ok()) << demo.status().message();
    d.workspace_name = "Other Team";
    d.seed = 2;
    auto other = build_demo(**store, d, now);
    EXPECT_TRUE(other.ok()) << other.status().message();
    if (!demo.ok() || !other.ok()) return nullptr;
    t->other_workspace_id = other->workspace_id;
    t->other_email = std::to_string(other->workspace_id) + ".sam@demo.nextcall";
  }
  o.db_url = t->db_path;
  o.bind = "127.0.0.1";
  o.port = 0;
  t->server = std::make_unique<Server>(o, std::make_unique<FixedClock>(now));
  Status s = t->server->start_in_background();
  EXPECT_TRUE(s.ok()) << s.message();
  if (!s.ok()) return nullptr;
  t->port = t->server->port();
  return t;
}

TestServer::~TestServer() {
  if (server) server->stop();
  server.reset();
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + ext);
}

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

httplib::Headers Tab::headers() const {
  httplib::Headers h;
  if (!cookie.empty()) h.emplace("Cookie", cookie);
  if (!csrf.empty()) h.emplace("X-CSRF-Token", csrf);
  if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
  for (const auto& [name, value] : extra) h.emplace(name, value);
  return h;
}

Reply Tab::wrap(const httplib::Result& r) {
  Reply out;
  if (!r) {
    ADD_FAILURE() << "request failed: " << httplib::to_string(r.error());
    return out;
  }
  out.status = r->status;
  out.body = r->body;
  out.headers = r->headers;
  out.json = nlohmann::json::parse(r->body, nullptr, false);
  if (out.json.is_discarded()) out.json = nullptr;
  return out;
}

Reply Tab::sign_in(const std::string& email, const std::string& password) {
  Reply r = send("POST", "/api/session", {{"email", email}, {"password", password}});
  if (r.status == 200) {
    std::string set = r.header("Set-Cookie");
    cookie = set.substr(0, set.find(';'));
    csrf = r.json.value("csrf_token", "");
  }
  return r;
}

Reply Tab::get(const std::string& path) { return wrap(cli_.Get(path.c_str(), headers())); }

Reply Tab::send(const std::string& method, const std::string& path, const nlohmann::json& body) {
  return send_raw(method, path, body.is_null() ? "" : body.dump());
}

Reply Tab::send_raw(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& content_type) {
  if (method == "POST") return wrap(cli_.Post(path.c_str(), headers(), body, content_type.c_str()));
  if (method == "PATCH") return wrap(cli_.Patch(path.c_str(), headers(), body, content_type.c_str()));
  if (method == "PUT") return wrap(cli_.Put(path.c_str(), headers(), body, content_type.c_str()));
  if (method == "DELETE") return wrap(cli_.Delete(path.c_str(), headers(), body, content_type.c_str()));
  return wrap(cli_.Get(path.c_str(), headers()));
}

}  // namespace nextcall::web::testing
