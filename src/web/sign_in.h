// POST /api/session (signing in) and the guard on the current password, apart from the
// server's plumbing: the limit on failures (sign_in_limiter.h), login CSRF, equal work.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "web/api.h"
#include "web/sign_in_limiter.h"

namespace nextcall::web {

struct SignInSettings {
  bool trust_proxy = false;              // the client's address from X-Forwarded-For
  std::chrono::seconds lifetime{};       // of the session
  // The Set-Cookie value for a session token.
  std::function<std::string(const std::string& token)> cookie;
};

// Signs in. Refuses (before any work) a body that is not application/json or an Origin
// that is not this server's: a page elsewhere cannot sign a browser into its own account
// (login CSRF), since a form can send neither without the browser asking first.
Result<nlohmann::json> post_session(Ctx& c, SignInLimiter& limiter, const SignInSettings& s);

// Checks the signed-in user's current password (changing it, making a token), with guesses
// counted before the check and limited like sign-ins (5, then waits that double). A wrong
// password is InvalidArgument; too many guesses are answered 429 here: Ok with c.replied
// set, and the handler returns at once.
Status check_current_password(Ctx& c, const std::string& current);

// Writes a 429 with Retry-After (c.replied: the handler returns any body).
void reply_too_many(Ctx& c, long wait_seconds, const std::string& what);

}  // namespace nextcall::web
