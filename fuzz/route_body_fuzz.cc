// Fuzzes every route of the API's route table with an arbitrary body, as the server runs
// it: the body rules (depth before any parser, multipart refused) and then the route's
// handler, signed in as a manager of a demo workspace in a SQLite file. The first byte of
// the input picks the route; the rest is the body. The corpus (fuzz/corpus/request_body/)
// holds bodies at the depth limit; scripts/fuzz.sh adds nesting a hundred thousand deep.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/demo_workspace.h"
#include "core/civil_time.h"
#include "store/store.h"
#include "web/api.h"
#include "web/http_errors.h"
#include "web/request_body.h"

namespace {

using namespace nextcall;
using namespace nextcall::web;

struct Collected {
  Route route;
  std::regex re;
  Handler h;
};

class Table : public Routes {
 public:
  using Routes::add;
  void add(const std::string& method, const std::string& path, Access access, Handler h, Caching) override {
    static const std::regex kParam(R"(\{[a-z_]+\})");
    if (method == "GET") return;  // bodies only
    all.push_back({{method, path, access}, std::regex(std::regex_replace(path, kParam, "([^/]+)")), std::move(h)});
  }
  std::vector<Collected> all;
};

struct World {
  std::unique_ptr<Store> store;
  Actor manager;
  Instant now;
  Table table;
};

World& world() {
  static World* w = [] {
    auto* w = new World;
    w->now = *parse_instant("2026-11-24T15:00:00Z");
    const std::string path =
        (std::filesystem::temp_directory_path() / ("nextcall-route-fuzz-" + std::to_string(getpid()) + ".db")).string();
    std::filesystem::remove(path);
    auto opened = open_store(path);
    w->store = std::move(opened.value());
    DemoOptions d;
    d.contacts = 20;
    auto demo = build_demo(*w->store, d, w->now);
    w->manager.workspace = *w->store->get_workspace(demo->workspace_id);
    // The list is kept while it is walked: `*list_users(…)` in the loop's head would be a
    // reference into a temporary that is gone before the first user is read.
    auto users = w->store->list_users(demo->workspace_id);
    for (const User& u : *users)
      if (u.role == UserRole::kManager) w->manager.rep = u;
    install_session_routes(w->table);
    install_contact_routes(w->table);
    install_memory_routes(w->table);
    install_call_routes(w->table);
    install_library_routes(w->table);
    install_data_routes(w->table);
    install_coach_routes(w->table);
    return w;
  }();
  return *w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  World& w = world();
  const Collected& c = w.table.all[data[0] % w.table.all.size()];
  httplib::Request req;
  req.method = c.route.method;
  req.path = std::regex_replace(c.route.path, std::regex(R"(\{[a-z_]+\})"), "1");
  req.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  std::regex_match(req.path, req.matches, c.re);
  const BodyRule rule = body_rule(req.method, c.route.path);
  if (Status s = check_body_depth(req.body, rule); !s.ok()) {
    (void)error_body(s).dump();
    return 0;
  }
  httplib::Response res;
  Ctx ctx{req, res, *w.store, w.now, w.manager, "", 200, false};
  try {
    auto out = c.h(ctx);
    if (out.ok()) (void)out->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    else (void)error_body(out.status()).dump();
  } catch (const std::exception&) {
    // The server answers 500 for a handler that throws; the fuzzer looks for crashes.
  }
  return 0;
}
