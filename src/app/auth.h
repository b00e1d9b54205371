// Signing in: argon2id password hashes (libsodium), browser sessions with a CSRF token,
// and API tokens for scripts. Secrets are random 256-bit values handed to the client
// once; the store keeps only their SHA-256, so reading the database does not let anyone
// sign in.
#pragma once

#include <chrono>
#include <string>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// argon2id with libsodium's interactive limits, in its self-describing string form.
Result<std::string> hash_password(const std::string& password);
bool verify_password(const std::string& password, const std::string& hash);
// argon2id with a salt of its own but libsodium's minimum limits (1 pass, 8 KiB), for demo
// users only: their password is printed by `nextcall demo` for anyone to read, so the cost
// of guessing it protects nothing, while the interactive limits (64 MiB, ~0.1-0.3 s each)
// would be paid for every demo user by every demo and every test server that builds one.
// A demo user who sets a password of their own gets hash_password's limits.
Result<std::string> hash_demo_password(const std::string& password);
// InvalidArgument unless 8..1024 bytes: long enough to matter, short enough to hash.
Status check_password_strength(const std::string& password);

// A random secret, URL-safe, and the hex SHA-256 under which it is stored.
std::string new_secret();
std::string secret_hash(const std::string& secret);

struct SignedIn {
  std::string session_token;  // the cookie value
  std::string csrf_token;
  Actor actor;
  Instant expires_at{};
};

// Checks the password and opens a session of `lifetime`. Unauthenticated with the same
// words whether the e-mail or the password was wrong, so sign-in does not reveal who
// has an account.
Result<SignedIn> sign_in(Store& store, const std::string& email, const std::string& password,
                         Instant now, std::chrono::seconds lifetime);
// Who holds this session cookie; Unauthenticated when unknown, signed out or expired.
Result<SignedIn> resume_session(Store& store, const std::string& session_token, Instant now);
Status sign_out(Store& store, const std::string& session_token);

// A new API token for the user, returned in clear once.
struct IssuedToken {
  ApiToken token;
  std::string secret;
};
Result<IssuedToken> issue_api_token(Store& store, const Actor& actor, const std::string& name,
                                    Instant now);
// Who holds this bearer token; Unauthenticated when unknown or revoked.
Result<Actor> authenticate_token(Store& store, const std::string& secret);

// Users of a workspace, managed from the CLI (`nextcall user`) and by admins in the API.
struct NewUser {
  std::string name, email, role = "rep", timezone, phone, password;
};
// AlreadyExists when the e-mail is a user of this workspace; Conflict, with words that do
// not say why, when it cannot be used otherwise (a user of another workspace has it).
Result<User> add_user(Store& store, Id workspace_id, const NewUser& u, const std::string& default_region);
// Sets a new password, signs the user out of every browser and revokes their API tokens.
Status set_password(Store& store, const User& user, const std::string& password);

}  // namespace nextcall
