// The HTTP API's building blocks: what a route handler is given (Ctx), who may call it
// (Access), and the table every route is registered in, so the OpenAPI file can be
// checked against the real routes.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall::web {

enum class Access {
  kPublic,    // anyone (sign-in)
  kSignedIn,  // any user of the workspace
  kManager,   // managers and admins
  kAdmin,     // admins
};

// One request as a handler sees it. Every store call goes through `store` with
// `actor().workspace.id`, so a handler cannot reach another workspace's rows.
struct Ctx {
  const httplib::Request& req;
  httplib::Response& res;
  Store& store;
  Instant now;
  std::optional<Actor> signed_in;  // set on every route but kPublic
  std::string session_token;       // the cookie, when signed in by cookie
  int status = 200;                // a handler sets 201 when it creates
  bool replied = false;            // the handler wrote res itself (CSV, 429): send nothing

  const Actor& actor() const { return *signed_in; }
  // The n-th {param} of the path as an id: InvalidArgument when it is not a number.
  Result<Id> path_id(std::size_t n = 0) const;
  // A query parameter, or "" when absent.
  std::string query(const std::string& name) const;
  bool is_manager() const;
};

// A row id as typed in a path or a query ("42"); InvalidArgument naming `field` otherwise.
Result<Id> parse_id(const std::string& text, const std::string& field);

// A handler answers with the JSON body (its status in ctx.status) or a Status that the
// router turns into a JSON error with the matching HTTP status.
using Handler = std::function<Result<nlohmann::json>(Ctx&)>;

// Whether a GET's answer may be kept until the workspace next changes (see
// response_cache.h): only for answers that depend on nothing but the stored data, the
// signed-in user, the request and the minute.
enum class Caching { kNone, kUntilWrite };

struct Route {
  std::string method;  // GET, POST, PUT, PATCH, DELETE
  std::string path;    // OpenAPI form: /api/contacts/{id}
  Access access = Access::kSignedIn;
};

class Routes {
 public:
  virtual ~Routes() = default;
  virtual void add(const std::string& method, const std::string& path, Access access, Handler h,
                   Caching caching) = 0;
  void add(const std::string& method, const std::string& path, Access access, Handler h) {
    add(method, path, access, std::move(h), Caching::kNone);
  }
};

// Each file of routes installs its own.
void install_session_routes(Routes& r);
void install_contact_routes(Routes& r);
void install_memory_routes(Routes& r);
void install_call_routes(Routes& r);
void install_library_routes(Routes& r);
void install_data_routes(Routes& r);
void install_coach_routes(Routes& r);

}  // namespace nextcall::web
