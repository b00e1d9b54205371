#include "web/sign_in.h"

#include <cctype>

#include "app/auth.h"
#include "io/model_json.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

std::string lowered(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

void reply(Ctx& c, int status, const std::string& code, const std::string& message) {
  c.res.status = status;
  c.res.set_header("Cache-Control", "no-store");
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  c.res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
  c.replied = true;
}

// "application/json; charset=utf-8" -> "application/json"
std::string media_type(const std::string& content_type) {
  std::string t = lowered(content_type.substr(0, content_type.find(';')));
  std::size_t a = t.find_first_not_of(" \t"), b = t.find_last_not_of(" \t");
  return a == std::string::npos ? "" : t.substr(a, b - a + 1);
}

// "https://team.example:8443" -> "team.example:8443"; "" when it is no http(s) origin.
std::string origin_host(const std::string& origin) {
  const std::string o = lowered(origin);
  for (const char* scheme : {"http://", "https://"}) {
    const std::string p = scheme;
    if (o.rfind(p, 0) == 0) {
      std::string host = o.substr(p.size());
      if (!host.empty() && host.back() == '/') host.pop_back();
      return host.find('/') == std::string::npos ? host : "";
    }
  }
  return "";
}

// A default port may be left out of one and written in the other.
bool same_host(std::string a, std::string b) {
  for (std::string* h : {&a, &b}) {
    for (const char* port : {":80", ":443"}) {
      const std::string p = port;
      if (h->size() > p.size() && h->compare(h->size() - p.size(), p.size(), p) == 0) h->resize(h->size() - p.size());
    }
  }
  return !a.empty() && a == b;
}

}  // namespace

void reply_too_many(Ctx& c, long wait_seconds, const std::string& what) {
  c.res.set_header("Retry-After", std::to_string(wait_seconds));
  reply(c, 429, "too_many_requests", what + ": try again in " + std::to_string(wait_seconds) + " s");
}

Result<nlohmann::json> post_session(Ctx& c, SignInLimiter& limiter, const SignInSettings& settings) {
  // Login CSRF: a form on another site can post text/plain (no preflight) with the
  // attacker's e-mail and password; the browser would then hold the attacker's session.
  if (media_type(c.req.get_header_value("Content-Type")) != "application/json") {
    reply(c, 415, "unsupported_media_type",
          "body: send the e-mail and password as JSON with Content-Type: application/json");
    return nlohmann::json();
  }
  if (c.req.has_header("Origin")) {
    const std::string host = origin_host(c.req.get_header_value("Origin"));
    bool ok = same_host(host, lowered(c.req.get_header_value("Host")));
    if (!ok && settings.trust_proxy && c.req.has_header("X-Forwarded-Host"))
      ok = same_host(host, lowered(c.req.get_header_value("X-Forwarded-Host")));
    if (!ok) {
      reply(c, 403, "permission_denied", "Origin: sign in from this server's own page");
      return nlohmann::json();
    }
  }
  auto b = Body::parse(c.req.body, {"email", "password"});
  if (!b.ok()) return b.status();
  auto email = b->text("email", true, 254);
  auto password = b->text("password", true, 1024);
  NEXTCALL_RETURN_IF_ERROR(b->finish());
  const std::string address =
      client_address(c.req.remote_addr, c.req.get_header_value("X-Forwarded-For"), settings.trust_proxy);
  auto t = limiter.begin(c.store, address, *email, c.now);
  if (!t.ok()) return t.status();
  if (t->wait_seconds > 0) {
    reply_too_many(c, t->wait_seconds, "too many failed sign-ins");
    return nlohmann::json();
  }
  auto s = sign_in(c.store, *email, *password, c.now, settings.lifetime);
  if (!s.ok()) return s.status();  // the try stays counted
  NEXTCALL_RETURN_IF_ERROR(limiter.succeeded(c.store, *t));
  c.res.set_header("Set-Cookie", settings.cookie(s->session_token));
  nlohmann::json j = {{"user", s->actor.rep}, {"workspace", s->actor.workspace}};
  j["csrf_token"] = s->csrf_token;
  j["expires_at"] = nlohmann::json(s->expires_at.time_since_epoch().count());
  return j;
}

Status check_current_password(Ctx& c, const std::string& current) {
  static const SignInPolicy kPolicy;
  static SignInLimiter guesses(kPolicy);
  const std::string key = secret_hash("current password\n" + std::to_string(c.actor().workspace.id) + "\n" +
                                      std::to_string(c.actor().rep.id));
  auto seen = c.store.get_sign_in_failures(key, c.now, kPolicy.window);
  if (!seen.ok()) return seen.status();
  long wait = seen->failures < kPolicy.per_pair
                  ? 0
                  : (seen->last + guesses.wait_after(seen->failures, kPolicy.per_pair) - c.now).count();
  if (wait <= 0) {
    // Counted before the check, as sign-ins are: guesses sent at once cannot pass together.
    auto n = c.store.add_sign_in_failure(key, c.now, kPolicy.window);
    if (!n.ok()) return n.status();
    if (n->failures - 1 >= kPolicy.per_pair)
      wait = (n->previous + guesses.wait_after(n->failures - 1, kPolicy.per_pair) - c.now).count();
  }
  if (wait > 0) {
    reply_too_many(c, wait, "too many wrong current passwords");
    return Status::Ok();
  }
  if (!verify_password(current, c.actor().rep.password_hash))
    return Status::InvalidArgument("current_password: is not your current password");
  return c.store.remove_sign_in_failures(key, true);
}

}  // namespace nextcall::web
