#include "app/auth.h"

#include <sodium.h>

#include "core/model_text.h"
#include "core/time_zones.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

bool sodium_ready() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string to_hex(const unsigned char* p, std::size_t n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[p[i] >> 4];
    out[2 * i + 1] = kDigits[p[i] & 15];
  }
  return out;
}

const char* kWrongCredentials = "wrong e-mail or password";

}  // namespace

Status check_password_strength(const std::string& password) {
  if (password.size() < 8) return Status::InvalidArgument("password: use at least 8 characters");
  if (password.size() > 1024) return Status::InvalidArgument("password: use at most 1024 characters");
  return Status::Ok();
}

Result<std::string> hash_password(const std::string& password) {
  if (!sodium_ready()) return Status::Internal("libsodium could not be initialised");
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(),
                                 crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
                                 crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) != 0)
    return Status::Unavailable("not enough memory to hash the password (argon2id needs 64 MiB)");
  return std::string(out);
}

Result<std::string> hash_demo_password(const std::string& password) {
  if (!sodium_ready()) return Status::Internal("libsodium could not be initialised");
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, password.data(), password.size(), crypto_pwhash_argon2id_OPSLIMIT_MIN,
                                 crypto_pwhash_argon2id_MEMLIMIT_MIN) != 0)
    return Status::Unavailable("not enough memory to hash the demo password");
  return std::string(out);
}

bool verify_password(const std::string& password, const std::string& hash) {
  if (!sodium_ready() || hash.empty() || hash.size() >= crypto_pwhash_argon2id_STRBYTES) return false;
  return crypto_pwhash_argon2id_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_secret() {
  sodium_ready();
  unsigned char raw[32];
  randombytes_buf(raw, sizeof raw);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string secret_hash(const std::string& secret) {
  sodium_ready();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  return to_hex(digest, sizeof digest);
}

Result<SignedIn> sign_in(Store& store, const std::string& email, const std::string& password,
                         Instant now, std::chrono::seconds lifetime) {
  auto user = store.find_user_by_email(email);
  if (!user.ok()) return user.status();
  if (!*user || (*user)->password_hash.empty()) {
    // Spend the time a real check takes, so timing does not tell which e-mails exist or
    // which accounts have no password: a check against a real argon2id hash.
    static const std::string kDummy = [] {
      auto h = hash_password("not-a-real-password");
      return h.ok() ? *h : std::string();
    }();
    (void)verify_password(password, kDummy);
    return Status::Unauthenticated(kWrongCredentials);
  }
  if (!verify_password(password, (*user)->password_hash)) return Status::Unauthenticated(kWrongCredentials);
  auto ws = store.get_workspace((*user)->workspace_id);
  if (!ws.ok()) return ws.status();
  SignedIn out;
  out.session_token = new_secret();
  out.csrf_token = new_secret();
  out.actor = Actor{*ws, **user};
  out.expires_at = now + lifetime;
  Session s;
  s.token_hash = secret_hash(out.session_token);
  s.user_id = (*user)->id;
  s.workspace_id = ws->id;
  s.csrf_token = out.csrf_token;
  s.created_at = now;
  s.expires_at = out.expires_at;
  NEXTCALL_RETURN_IF_ERROR(store.create_session(s));
  return out;
}

Result<SignedIn> resume_session(Store& store, const std::string& session_token, Instant now) {
  if (session_token.empty()) return Status::Unauthenticated("sign in first");
  auto s = store.find_session(secret_hash(session_token));
  if (!s.ok()) return s.status();
  if (!*s) return Status::Unauthenticated("your session has ended: sign in again");
  if ((*s)->expires_at <= now) {
    (void)store.delete_session((*s)->token_hash);
    return Status::Unauthenticated("your session has expired: sign in again");
  }
  auto ws = store.get_workspace((*s)->workspace_id);
  if (!ws.ok()) return ws.status();
  auto user = store.get_user(ws->id, (*s)->user_id);
  if (!user.ok()) return Status::Unauthenticated("your account no longer exists");
  return SignedIn{session_token, (*s)->csrf_token, Actor{*ws, *user}, (*s)->expires_at};
}

Status sign_out(Store& store, const std::string& session_token) {
  return store.delete_session(secret_hash(session_token));
}

Result<IssuedToken> issue_api_token(Store& store, const Actor& actor, const std::string& name,
                                    Instant now) {
  if (name.empty() || name.size() > 200)
    return Status::InvalidArgument("name: give the token a name of 1 to 200 characters (what uses it)");
  IssuedToken out;
  out.secret = "nct_" + new_secret();
  out.token.workspace_id = actor.workspace.id;
  out.token.user_id = actor.rep.id;
  out.token.name = name;
  out.token.token_hash = secret_hash(out.secret);
  out.token.created_at = now;
  auto id = store.add_api_token(out.token);
  if (!id.ok()) return id.status();
  out.token.id = *id;
  return out;
}

Result<Actor> authenticate_token(Store& store, const std::string& secret) {
  auto t = store.find_api_token(secret_hash(secret));
  if (!t.ok()) return t.status();
  if (!*t || (*t)->revoked) return Status::Unauthenticated("unknown or revoked API token");
  auto ws = store.get_workspace((*t)->workspace_id);
  if (!ws.ok()) return ws.status();
  auto user = store.get_user(ws->id, (*t)->user_id);
  if (!user.ok()) return Status::Unauthenticated("the token's user no longer exists");
  return Actor{*ws, *user};
}

static std::string address_unavailable(const std::string& email) {
  return "email: '" + email + "' cannot be given to a new user here: ask them for another address";
}

Result<User> add_user(Store& store, Id workspace_id, const NewUser& in, const std::string& default_region) {
  User u;
  u.workspace_id = workspace_id;
  u.name = in.name;
  u.email = in.email;
  if (u.email.find('@') == std::string::npos || u.email.size() > 254)
    return Status::InvalidArgument("email: '" + in.email + "' is not an e-mail address");
  if (u.name.empty()) u.name = u.email.substr(0, u.email.find('@'));
  auto role = parse_user_role(in.role);
  if (!role) return Status::InvalidArgument("role: '" + in.role + "' is not one of rep|manager|admin");
  u.role = *role;
  if (!in.timezone.empty()) {
    auto z = canonical_zone(in.timezone);
    if (!z) return Status::InvalidArgument("timezone: '" + in.timezone + "' is not an IANA time zone (e.g. America/Chicago)");
    u.timezone = *z;
  }
  if (!in.phone.empty()) {
    auto p = parse_phone(in.phone, default_region);
    if (!p.ok()) return Status::InvalidArgument("phone: " + p.status().message());
    u.phone_e164 = p->e164;
  }
  if (!in.password.empty()) {
    NEXTCALL_RETURN_IF_ERROR(check_password_strength(in.password));
    auto h = hash_password(in.password);
    if (!h.ok()) return h.status();
    u.password_hash = *h;
  }
  auto id = store.create_user(u);
  if (!id.ok()) {
    if (id.status().code() == Code::kAlreadyExists) {
      // E-mails are unique across workspaces (one signs in with the e-mail alone), but whom
      // another workspace has is not this workspace's business: only a user of this one is
      // named as such.
      auto existing = store.find_user_by_email(u.email);
      if (!existing.ok()) return existing.status();
      if (*existing && (*existing)->workspace_id == workspace_id)
        return Status::AlreadyExists("email: '" + in.email + "' already exists in this workspace");
      return Status::Conflict(address_unavailable(in.email));
    }
    return id.status();
  }
  u.id = *id;
  return u;
}

Status set_password(Store& store, const User& user, const std::string& password) {
  NEXTCALL_RETURN_IF_ERROR(check_password_strength(password));
  auto h = hash_password(password);
  if (!h.ok()) return h.status();
  User u = user;
  u.password_hash = *h;
  return store.transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(store.update_user(u));
    NEXTCALL_RETURN_IF_ERROR(store.delete_sessions_of_user(u.workspace_id, u.id));
    // Signed out everywhere means scripts too: a token made by whoever knew the old
    // password stops working with it.
    auto tokens = store.list_api_tokens(u.workspace_id, u.id);
    if (!tokens.ok()) return tokens.status();
    for (const ApiToken& t : *tokens)
      if (!t.revoked) NEXTCALL_RETURN_IF_ERROR(store.revoke_api_token(u.workspace_id, t.id));
    return Status::Ok();
  });
}

}  // namespace nextcall
