#include "web/server.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <mutex>
#include <regex>
#include <thread>

#include "app/auth.h"
#include "io/model_json.h"
#include "store/db_secrets.h"
#include "web/http_errors.h"
#include "web/idempotency.h"
#include "web/json_body.h"
#include "web/probes.h"
#include "web/request_body.h"
#include "web/response_cache.h"
#include "web/sign_in.h"
#include "web/sign_in_limiter.h"
#include "web/static_files.h"
#include "web/store_pool.h"
#include "web/temp_upload.h"

#ifndef NEXTCALL_STATIC_DIR
#define NEXTCALL_STATIC_DIR "web/static"
#endif

namespace nextcall::web {

namespace {

constexpr const char* kSessionCookie = "nextcall_session";

// "/api/contacts/{id}/calls" -> "/api/contacts/([^/]+)/calls"
std::string route_regex(const std::string& path) {
  static const std::regex kParam(R"(\{[a-z_]+\})");
  return std::regex_replace(path, kParam, "([^/]+)");
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    std::size_t eq = header.find('=', pos);
    if (eq == std::string::npos) break;
    std::size_t end = header.find(';', eq);
    if (end == std::string::npos) end = header.size();
    if (header.compare(pos, eq - pos, name) == 0) return header.substr(eq + 1, end - eq - 1);
    pos = end;
  }
  return "";
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool allowed(Access access, UserRole role) {
  switch (access) {
    case Access::kPublic:
    case Access::kSignedIn: return true;
    case Access::kManager: return role == UserRole::kManager || role == UserRole::kAdmin;
    case Access::kAdmin: return role == UserRole::kAdmin;
  }
  return false;
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, const Status& s) { send_json(res, http_status(s.code()), error_body(s)); }

nlohmann::json user_json(const Actor& a) {
  return {{"user", a.rep}, {"workspace", a.workspace}};
}

}  // namespace

Result<Id> parse_id(const std::string& text, const std::string& field) {
  Id id = 0;
  if (text.empty() || text.size() > 15) return Status::InvalidArgument(field + ": must be a number");
  for (char ch : text) {
    if (ch < '0' || ch > '9') return Status::InvalidArgument(field + ": must be a number");
    id = id * 10 + (ch - '0');
  }
  return id;
}

Result<Id> Ctx::path_id(std::size_t n) const {
  if (req.matches.size() <= n + 1) return Status::Internal("route has no parameter " + std::to_string(n));
  const std::string s = req.matches[static_cast<int>(n + 1)].str();
  auto id = parse_id(s, "id");
  // A path that names no row is a missing page, not a bad form.
  if (!id.ok()) return Status::NotFound("no such item: '" + s + "'");
  return id;
}

std::string Ctx::query(const std::string& name) const {
  return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : "";
}

bool Ctx::is_manager() const { return signed_in && allowed(Access::kManager, signed_in->rep.role); }

struct Server::Impl : Routes {
  ServerOptions o;
  std::unique_ptr<Clock> clock;
  GuardedServer http;  // httplib behind the connection limits
  StorePool pool;
  std::unique_ptr<StorePool> read_pool;  // --read-db: the GET requests'
  StaticFiles files;
  SignInLimiter limiter;  // failed sign-ins, counted in the store (shared by every server)
  ResponseCache cache;
  std::atomic<unsigned> idempotent_requests{0};  // every 256th purges the keys a day old
  std::vector<Route> routes;
  std::thread thread;
  int port = 0;

  Impl(ServerOptions opts, std::unique_ptr<Clock> c)
      : o(std::move(opts)),
        clock(std::move(c)),
        http(o.limits),
        pool(o.db_url, o.pool),
        read_pool(o.read_db_url.empty() ? nullptr : std::make_unique<StorePool>(o.read_db_url, o.pool)),
        limiter(SignInPolicy::from(o.sign_in_failures_allowed, o.sign_in_window)),
        cache(o.response_cache_ttl) {}

  using Routes::add;
  void add(const std::string& method, const std::string& path, Access access, Handler h,
           Caching caching) override {
    routes.push_back({method, path, access});
    const bool cached = caching == Caching::kUntilWrite && o.response_cache_ttl.count() > 0;
    const BodyRule rule = body_rule(method, path);
    auto shared = std::make_shared<Handler>(std::move(h));
    auto wrapped = [this, access, cached, rule, shared](const httplib::Request& req, httplib::Response& res) {
      if (Status s = check_body_depth(req.body, rule); !s.ok()) return send_error(res, s);
      serve_api(req, res, access, *shared, cached);
    };
    // A body is read by the route, whatever its Content-Type: httplib's own reading would
    // refuse a form-labelled body over 8 KB (`curl --data-binary @file.csv`).
    auto with_body = [this, rule, wrapped](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader& read) {
      if (Status s = acceptable_body_type(req, rule); !s.ok()) {
        // Read past the parts (within --max-body), so the connection can go on.
        (void)read([](const httplib::MultipartFormData&) { return true; },
                   [](const char*, std::size_t) { return true; });
        return send_json(res, 415, error_body(s));
      }
      std::string body;
      if (!read([&body](const char* data, std::size_t n) {
            body.append(data, n);
            return true;
          })) {
        if (res.status == 413) send_json(res, 413, error_body(too_large()));
        return;
      }
      // httplib hands handlers a const Request it owns as a mutable local: the body read
      // here is stored where every handler looks for it.
      const_cast<httplib::Request&>(req).body = std::move(body);
      wrapped(req, res);
    };
    const std::string re = route_regex(path);
    if (method == "GET") http.Get(re, wrapped);
    else if (method == "POST") http.Post(re, wrapped).Post(re, with_body);
    else if (method == "PUT") http.Put(re, wrapped).Put(re, with_body);
    else if (method == "PATCH") http.Patch(re, wrapped).Patch(re, with_body);
    else if (method == "DELETE") http.Delete(re, wrapped).Delete(re, with_body);
  }

  Status too_large() const {
    return Status::InvalidArgument("body: larger than this server takes (limit: " + byte_size_text(o.max_body_bytes) +
                                   ", set by serve --max-body)");
  }

  // A failure of the server or its database (5xx): the client gets a generic message and a
  // request id, the log the detail under that id with every password masked.
  void send_failure(const httplib::Request& req, httplib::Response& res, const Status& s) {
    if (http_status(s.code()) < 500) return send_error(res, s);
    const std::string id = new_request_id();
    std::cerr << "nextcall serve: request " << id << ": " << req.method << " " << req.path << ": "
              << mask_db_secrets(s.message(), o.db_url) << "\n";
    res.set_header("X-Request-Id", id);
    send_json(res, http_status(s.code()), error_body(s, id));
  }

  void serve_api(const httplib::Request& req, httplib::Response& res, Access access, const Handler& h,
                 bool cached) {
    // A read goes to the replica when there is one. No GET handler writes; resuming an
    // expired session tries to delete it, which a replica refuses and which is ignored.
    StorePool& stores = req.method == "GET" && read_pool ? *read_pool : pool;
    auto lease = stores.acquire();
    if (!lease.ok()) {
      // Every connection stayed in use for --db-pool-wait-ms: the client may try again soon.
      if (StorePool::busy(lease.status())) res.set_header("Retry-After", "1");
      return send_failure(req, res, lease.status());
    }
    ClaimedKey claimed;
    serve_on(**lease, req, res, access, h, cached, &claimed);
    if (&stores != &pool && res.status == 401 && !(*lease)->connection_lost()) {
      // A session made a moment ago may not have reached the replica yet: ask --db.
      auto primary = pool.acquire();
      if (!primary.ok()) return;
      res.status = -1;
      res.headers.clear();
      res.body.clear();
      return serve_on(**primary, req, res, access, h, cached);
    }
    if (!(*lease)->connection_lost()) return;
    // The connection broke under the request (a database restart, a terminated backend, an
    // idle timeout): it is closed, and the idle ones with it, as they most likely broke
    // too. A read is tried once more on a fresh connection; a write is not (it may have
    // been applied), its client gets the 503 and may send it again.
    lease->discard();
    stores.drop_idle();
    if (!claimed.key.empty()) {
      // Its key is given up unless its answer was committed (then the next try gets that).
      auto fresh = pool.acquire();
      if (fresh.ok()) (void)(*fresh)->release_idempotency_key(claimed.workspace, claimed.user, claimed.key);
    }
    if (req.method != "GET") return;
    auto fresh = stores.acquire();
    if (!fresh.ok()) return;  // the 503 of the first try stands
    res.status = -1;
    res.headers.clear();
    res.body.clear();
    serve_on(**fresh, req, res, access, h, cached);
  }

  // The Idempotency-Key a request claimed (to give it up should its connection break).
  struct ClaimedKey {
    Id workspace = 0;
    Id user = 0;
    std::string key;
  };

  void serve_on(Store& store, const httplib::Request& req, httplib::Response& res, Access access,
                const Handler& h, bool cached, ClaimedKey* claimed = nullptr) {
    Ctx ctx{req, res, store, clock->now(), std::nullopt, "", 200, false};
    if (access != Access::kPublic) {
      Status s = authenticate(ctx);
      if (!s.ok()) return send_failure(req, res, s);
      if (!allowed(access, ctx.actor().rep.role))
        return send_error(res, Status::PermissionDenied(std::string("this needs the ") +
                                                        (access == Access::kAdmin ? "admin" : "manager") + " role"));
    }
    if (req.method != "GET" && ctx.signed_in) {
      auto key = read_idempotency_key(req);
      if (!key.ok()) return send_error(res, key.status());
      if (*key) return serve_once(ctx, **key, h, claimed);
    }
    std::string cache_key;
    std::uint64_t generation = 0;
    if (cached) {
      // The minute is part of the key: a plan depends on the time of day.
      cache_key = std::to_string(ctx.actor().workspace.id) + "/" + std::to_string(ctx.actor().rep.id) + "/" +
                  std::to_string(ctx.now.time_since_epoch().count() / 60) + req.target;
      if (auto hit = cache.get(ctx.actor().workspace.id, cache_key, ctx.now)) {
        res.status = 200;
        res.set_header("Cache-Control", "no-store");
        res.set_content(std::move(*hit), "application/json");
        return;
      }
      generation = cache.generation(ctx.actor().workspace.id);
    }
    try {
      auto body = h(ctx);
      if (!body.ok()) return send_failure(req, res, body.status());
      if (req.method != "GET" && ctx.signed_in) cache.invalidate(ctx.actor().workspace.id);
      if (!ctx.replied) send_json(res, ctx.status, *body);
      if (cached && res.status == 200) cache.put(ctx.actor().workspace.id, cache_key, res.body, ctx.now, generation);
    } catch (const std::exception& e) {
      send_failure(req, res, Status::Internal(e.what()));
    }
  }

  // A request with an Idempotency-Key (web/idempotency.h): served once, its answer kept
  // under the key in the transaction of its writes; sent again, it gets that answer.
  void serve_once(Ctx& ctx, const IdempotencyKey& k, const Handler& h, ClaimedKey* claimed) {
    const httplib::Request& req = ctx.req;
    httplib::Response& res = ctx.res;
    const Id ws = ctx.actor().workspace.id;
    const Id user = ctx.actor().rep.id;
    if (idempotent_requests.fetch_add(1) % 256 == 0)
      (void)ctx.store.purge_idempotency_keys(ctx.now - kIdempotencyKeyLifetime);
    auto seen = ctx.store.claim_idempotency_key(ws, user, k.key, k.fingerprint, ctx.now,
                                                ctx.now - kIdempotencyKeyStale, ctx.now - kIdempotencyKeyLifetime);
    if (!seen.ok()) return send_failure(req, res, seen.status());
    if (*seen) {
      const IdempotentRequest& first = **seen;
      if (first.fingerprint != k.fingerprint)
        return send_json(res, 422,
                         error_body(Status::InvalidArgument(
                             std::string(kIdempotencyHeader) +
                             ": this key was sent before with another request (method, path or body); "
                             "give each new request a new key")));
      if (first.status == 0) {
        res.set_header("Retry-After", "1");
        return send_error(res, Status::Conflict(std::string(kIdempotencyHeader) +
                                                ": a request with this key is still being served; "
                                                "send it again when that one has finished"));
      }
      res.status = first.status;
      res.set_header("Cache-Control", "no-store");
      res.set_header("Idempotent-Replayed", "true");
      res.set_content(first.body, "application/json");
      return;
    }
    if (claimed) *claimed = {ws, user, k.key};
    // The request's writes and its answer under the key commit together: an answer lost
    // to a crash after the commit is still kept for the client's next try.
    Result<nlohmann::json> body = Status::Internal("not served");
    std::string text;
    Status s = ctx.store.transaction([&]() -> Status {
      try {
        body = h(ctx);
      } catch (const std::exception& e) {
        body = Status::Internal(e.what());
      }
      if (!body.ok()) return body.status();
      if (ctx.replied) return Status::Ok();  // not JSON (a 429 of its own, a file): not kept
      text = body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return ctx.store.finish_idempotency_key(ws, user, k.key, ctx.status, text);
    });
    // Nothing written, or an answer not kept: the key is free for the next try.
    if (!s.ok() || ctx.replied) (void)ctx.store.release_idempotency_key(ws, user, k.key);
    if (s.ok() || body.ok()) cache.invalidate(ws);
    if (!s.ok()) return send_failure(req, res, s);
    if (ctx.replied) return;
    res.status = ctx.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(text, "application/json");
  }

  // Bearer token, else the session cookie; state-changing requests by cookie must carry
  // the session's CSRF token (a forged form from another site cannot read it).
  Status authenticate(Ctx& ctx) {
    const std::string auth = ctx.req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) {
      auto a = authenticate_token(ctx.store, auth.substr(7));
      if (!a.ok()) return a.status();
      ctx.signed_in = *a;
      return Status::Ok();
    }
    const std::string token = cookie_value(ctx.req, kSessionCookie);
    if (token.empty()) return Status::Unauthenticated("sign in first (or send Authorization: Bearer TOKEN)");
    auto s = resume_session(ctx.store, token, ctx.now);
    if (!s.ok()) return s.status();
    if (ctx.req.method != "GET" && ctx.req.method != "HEAD" &&
        !same_secret(ctx.req.get_header_value("X-CSRF-Token"), s->csrf_token))
      return Status::PermissionDenied("missing or wrong X-CSRF-Token header: reload the page");
    ctx.signed_in = s->actor;
    ctx.session_token = token;
    return Status::Ok();
  }

  std::string cookie(const std::string& value, long max_age) const {
    return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
           std::to_string(max_age) + (o.secure_cookies ? "; Secure" : "");
  }

  void install_session() {
    add("POST", "/api/session", Access::kPublic, [this](Ctx& c) -> Result<nlohmann::json> {
      SignInSettings settings{o.trust_proxy, o.session_lifetime,
                              [this](const std::string& token) { return cookie(token, o.session_lifetime.count()); }};
      return post_session(c, limiter, settings);  // web/sign_in.cc
    });
    add("GET", "/api/session", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
      nlohmann::json j = user_json(c.actor());
      if (!c.session_token.empty()) {
        auto s = resume_session(c.store, c.session_token, c.now);
        if (s.ok()) j["csrf_token"] = s->csrf_token;
      }
      return j;
    });
    add("DELETE", "/api/session", Access::kSignedIn, [this](Ctx& c) -> Result<nlohmann::json> {
      if (!c.session_token.empty()) NEXTCALL_RETURN_IF_ERROR(sign_out(c.store, c.session_token));
      c.res.set_header("Set-Cookie", cookie("", 0));
      return nlohmann::json{{"signed_out", true}};
    });
  }

  void install_static() {
    http.Get("/(.*)", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/api/", 0) == 0 || req.path == "/api")
        return send_error(res, Status::NotFound("no API route " + req.method + " " + req.path + " (see docs/openapi.json)"));
      const StaticFile* f = files.find(req.path);
      if (!f) {
        res.status = 404;
        res.set_content("not found", "text/plain; charset=utf-8");
        return;
      }
      res.set_header("ETag", f->etag);
      res.set_header("Cache-Control", "no-cache");
      res.set_header("X-Content-Type-Options", "nosniff");
      if (f->content_type.rfind("text/html", 0) == 0) {
        res.set_header("Content-Security-Policy",
                       "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        res.set_header("Referrer-Policy", "no-referrer");
      }
      if (req.get_header_value("If-None-Match") == f->etag) {
        res.status = 304;
        return;
      }
      res.set_content(f->body, f->content_type.c_str());
    });
  }
};

Server::Server(ServerOptions o, std::unique_ptr<Clock> clock)
    : impl_(std::make_unique<Impl>(std::move(o), std::move(clock))) {}

Server::~Server() { stop(); }

const std::vector<Route>& Server::routes() const { return impl_->routes; }
int Server::port() const { return impl_->port; }

Status Server::bind() {
  Impl& m = *impl_;
  // Uploads left in the temporary folder by a server killed mid-request (SIGKILL, a crash).
  remove_stray_uploads(std::filesystem::temp_directory_path(), std::filesystem::file_time_type::clock::now());
  // Opens the database once, up front, checking its schema version; a database still
  // starting is waited for.
  NEXTCALL_RETURN_IF_ERROR(m.pool.wait_until_open(std::chrono::seconds(m.o.db_wait_seconds), std::cerr));
  if (m.read_pool)
    NEXTCALL_RETURN_IF_ERROR(m.read_pool->wait_until_open(std::chrono::seconds(m.o.db_wait_seconds), std::cerr)
                                 .with_context("--read-db"));
  NEXTCALL_RETURN_IF_ERROR(m.files.load(m.o.static_dir.empty() ? NEXTCALL_STATIC_DIR : m.o.static_dir));
  const int threads = m.o.threads > 0 ? m.o.threads : 32;
  const std::size_t most = std::max<std::size_t>(static_cast<std::size_t>(threads), m.o.limits.max_connections + 16);
  m.http.new_task_queue = [threads, most] { return new_connection_pool(static_cast<std::size_t>(threads), most); };
  m.http.set_payload_max_length(m.o.max_body_bytes);
  m.http.set_keep_alive_max_count(100000);
  m.http.set_tcp_nodelay(true);
  m.http.set_error_handler([&m](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      send_json(res, 413, error_body(m.too_large()));
    else if (req.path.rfind("/api/", 0) == 0 && res.status == 404)
      send_error(res, Status::NotFound("no API route " + req.method + " " + req.path));
    else if (res.status == 404 || res.status == 405)
      send_json(res, res.status, {{"error", {{"code", "not_found"}, {"message", "no route " + req.method + " " + req.path}}}});
    else if (res.status == 400)
      send_json(res, 400, {{"error", {{"code", "invalid_argument"}, {"message", "malformed HTTP request"}}}});
  });
  install_probes(m.http, m.pool);  // /healthz and /readyz, before the catch-all of the UI
  m.install_session();
  install_session_routes(m);
  install_contact_routes(m);
  install_memory_routes(m);
  install_call_routes(m);
  install_library_routes(m);
  install_data_routes(m);
  install_coach_routes(m);
  m.install_static();

  if (m.o.port == 0) {
    m.port = m.http.bind_to_any_port(m.o.bind);
    if (m.port <= 0) return Status::Io("cannot bind to " + m.o.bind);
  } else {
    if (!m.http.bind_to_port(m.o.bind, m.o.port))
      return Status::Io("cannot listen on " + m.o.bind + ":" + std::to_string(m.o.port) +
                        " (in use? give another --port)");
    m.port = m.o.port;
  }
  m.http.widen_backlog();
  return Status::Ok();
}

Status Server::run() {
  if (!impl_->http.listen_after_bind()) return Status::Io("the server stopped with an error");
  return Status::Ok();
}

Status Server::start_in_background() {
  NEXTCALL_RETURN_IF_ERROR(bind());
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  while (!impl_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return Status::Ok();
}

void Server::stop() {
  if (impl_->http.is_running()) impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace nextcall::web
