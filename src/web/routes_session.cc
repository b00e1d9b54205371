// Routes: API tokens, the team's users and passwords. (Signing in and out is in
// server.cc, which owns the cookie and the rate limit.)
#include "app/auth.h"
#include "io/model_json.h"
#include "web/api.h"
#include "web/json_body.h"
#include "web/sign_in.h"

namespace nextcall::web {

void install_session_routes(Routes& r) {
  r.add("GET", "/api/tokens", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto all = c.store.list_api_tokens(c.actor().workspace.id, c.actor().rep.id);
    if (!all.ok()) return all.status();
    nlohmann::json out = nlohmann::json::array();
    for (const ApiToken& t : *all)
      out.push_back({{"id", t.id}, {"name", t.name}, {"created_at", t.created_at.time_since_epoch().count()},
                     {"revoked", t.revoked}});
    return out;
  });
  r.add("POST", "/api/tokens", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"name", "current_password"});
    if (!b.ok()) return b.status();
    auto name = b->text("name", true, 200);
    // From a browser session, the password again: a token outlives the session, so a
    // borrowed or hijacked tab must not be able to mint one. (With a token, a script
    // already holds a secret as strong.)
    const bool by_cookie = !c.session_token.empty();
    auto current = b->text("current_password", by_cookie, 1024);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    if (by_cookie) {
      NEXTCALL_RETURN_IF_ERROR(check_current_password(c, *current));
      if (c.replied) return nlohmann::json();  // 429: too many guesses
    }
    auto t = issue_api_token(c.store, c.actor(), *name, c.now);
    if (!t.ok()) return t.status();
    c.status = 201;
    return nlohmann::json{{"id", t->token.id}, {"name", t->token.name}, {"token", t->secret}};
  });
  r.add("DELETE", "/api/tokens/{id}", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto mine = c.store.list_api_tokens(c.actor().workspace.id, c.actor().rep.id);
    if (!mine.ok()) return mine.status();
    bool found = false;
    for (const ApiToken& t : *mine) found = found || t.id == *id;
    if (!found) return Status::NotFound("no API token of yours with id " + std::to_string(*id));
    NEXTCALL_RETURN_IF_ERROR(c.store.revoke_api_token(c.actor().workspace.id, *id));
    return nlohmann::json{{"id", *id}, {"revoked", true}};
  });

  r.add("GET", "/api/users", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto all = c.store.list_users(c.actor().workspace.id);
    if (!all.ok()) return all.status();
    return nlohmann::json(*all);
  });
  r.add("POST", "/api/users", Access::kAdmin, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"name", "email", "role", "timezone", "phone", "password"});
    if (!b.ok()) return b.status();
    NewUser u;
    u.email = b->text("email", true, 254).value_or("");
    u.name = b->text("name", false, 200).value_or("");
    u.role = b->text("role", false, 20).value_or("rep");
    u.timezone = b->text("timezone", false, 64).value_or("");
    u.phone = b->text("phone", false, 64).value_or("");
    u.password = b->text("password", true, 1024).value_or("");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    // An address another workspace has is refused (e-mails are unique: one signs in with the
    // e-mail alone) in words that do not say so, and such refusals are limited like
    // sign-ins (5 in 10 minutes a workspace, then waits that double), so an admin cannot
    // list who has an account elsewhere. Counted before the try, as sign-ins are: tries sent
    // at once cannot pass together; a try that was not such a refusal takes its count back.
    static const SignInPolicy kPolicy;
    static const SignInLimiter refusals(kPolicy);
    const std::string key = secret_hash("address refused\n" + std::to_string(c.actor().workspace.id));
    auto n = c.store.add_sign_in_failure(key, c.now, kPolicy.window);
    if (!n.ok()) return n.status();
    if (n->failures - 1 >= kPolicy.per_pair) {
      long wait = (n->previous + refusals.wait_after(n->failures - 1, kPolicy.per_pair) - c.now).count();
      if (wait > 0) {
        reply_too_many(c, wait, "too many addresses that cannot be used");
        return nlohmann::json();
      }
    }
    auto added = add_user(c.store, c.actor().workspace.id, u, c.actor().workspace.default_region);
    if (!added.ok() && added.status().code() == Code::kConflict) return added.status();
    NEXTCALL_RETURN_IF_ERROR(c.store.remove_sign_in_failures(key, false));
    if (!added.ok()) return added.status();
    c.status = 201;
    return nlohmann::json(*added);
  });
  r.add("POST", "/api/password", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto b = Body::parse(c.req.body, {"current_password", "new_password"});
    if (!b.ok()) return b.status();
    auto current = b->text("current_password", true, 1024);
    auto next = b->text("new_password", true, 1024);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    NEXTCALL_RETURN_IF_ERROR(check_current_password(c, *current));
    if (c.replied) return nlohmann::json();  // 429: too many guesses
    NEXTCALL_RETURN_IF_ERROR(set_password(c.store, c.actor().rep, *next));
    return nlohmann::json{{"changed", true}, {"signed_out_everywhere", true}, {"api_tokens_revoked", true}};
  });
}

}  // namespace nextcall::web
