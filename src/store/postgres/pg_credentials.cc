// PostgresStore: browser sessions and API tokens, looked up by the hash of their secret.
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using pg::epoch;
using pg::Params;
using pg::Row;

Status PostgresStore::create_session(const Session& s) {
  auto r = db_->query(
      "INSERT INTO sessions(token_hash, workspace_id, user_id, csrf_token, created_at, expires_at) "
      "SELECT $1::text, $2::bigint, $3::bigint, $4::text, $5::bigint, $6::bigint WHERE EXISTS "
      "(SELECT 1 FROM users WHERE id=$3 AND workspace_id=$2)",
      Params()
          .add(s.token_hash)
          .add(s.workspace_id)
          .add(s.user_id)
          .add(s.csrf_token)
          .add(epoch(s.created_at))
          .add(epoch(s.expires_at)));
  if (!r.ok()) return r.status();
  if (r->affected() == 0)
    return Status::InvalidArgument("no user with id " + std::to_string(s.user_id) + " in this workspace");
  return Status::Ok();
}

Result<std::optional<Session>> PostgresStore::find_session(const std::string& token_hash) {
  auto r = db_->query(
      "SELECT token_hash, workspace_id, user_id, csrf_token, created_at, expires_at FROM sessions "
      "WHERE token_hash=$1",
      Params().add(token_hash));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<Session>();
  Row x = r->row(0);
  Session out;
  out.token_hash = x.text(0);
  out.workspace_id = x.i64(1);
  out.user_id = x.i64(2);
  out.csrf_token = x.text(3);
  out.created_at = pg::instant(x.i64(4));
  out.expires_at = pg::instant(x.i64(5));
  return std::optional<Session>(std::move(out));
}

Status PostgresStore::delete_session(const std::string& token_hash) {
  return db_->query("DELETE FROM sessions WHERE token_hash=$1", Params().add(token_hash)).status();
}

Status PostgresStore::delete_sessions_of_user(Id ws, Id user_id) {
  return db_->query("DELETE FROM sessions WHERE workspace_id=$1 AND user_id=$2",
                    Params().add(ws).add(user_id))
      .status();
}

Result<Id> PostgresStore::add_api_token(const ApiToken& t) {
  auto r = db_->query(
      "INSERT INTO api_tokens(workspace_id, user_id, name, token_hash, created_at, revoked) "
      "SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::bigint, $6::boolean WHERE EXISTS "
      "(SELECT 1 FROM users WHERE id=$2 AND workspace_id=$1) RETURNING id",
      Params()
          .add(t.workspace_id)
          .add(t.user_id)
          .add(t.name)
          .add(t.token_hash)
          .add(epoch(t.created_at))
          .flag(t.revoked));
  if (!r.ok()) return r.status();
  if (r->empty())
    return Status::InvalidArgument("no user with id " + std::to_string(t.user_id) + " in this workspace");
  return r->row(0).i64(0);
}

namespace {
ApiToken read_token(const Row& x) {
  ApiToken t;
  t.id = x.i64(0);
  t.workspace_id = x.i64(1);
  t.user_id = x.i64(2);
  t.name = x.text(3);
  t.token_hash = x.text(4);
  t.created_at = pg::instant(x.i64(5));
  t.revoked = x.flag(6);
  return t;
}
constexpr const char* kTokenColumns =
    "SELECT id, workspace_id, user_id, name, token_hash, created_at, revoked FROM api_tokens ";
}  // namespace

Result<std::optional<ApiToken>> PostgresStore::find_api_token(const std::string& token_hash) {
  auto r = db_->query(std::string(kTokenColumns) + "WHERE token_hash=$1", Params().add(token_hash));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<ApiToken>();
  return std::optional<ApiToken>(read_token(r->row(0)));
}

Result<std::vector<ApiToken>> PostgresStore::list_api_tokens(Id ws, Id user_id) {
  auto r = db_->query(std::string(kTokenColumns) + "WHERE workspace_id=$1 AND user_id=$2 ORDER BY id",
                      Params().add(ws).add(user_id));
  if (!r.ok()) return r.status();
  std::vector<ApiToken> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_token(r->row(i)));
  return out;
}

Status PostgresStore::revoke_api_token(Id ws, Id token_id) {
  auto r = db_->query("UPDATE api_tokens SET revoked=TRUE WHERE id=$1 AND workspace_id=$2",
                      Params().add(token_id).add(ws));
  if (!r.ok()) return r.status();
  return pg::touched(*r, "API token", token_id);
}

// --- sign-in failures: one statement each, so servers sharing the database count exactly -

namespace {
SignInFailures read_failures(const Row& x) {
  return SignInFailures{static_cast<long>(x.i64(0)), pg::instant(x.i64(1)), pg::instant(x.i64(2))};
}
}  // namespace

Result<SignInFailures> PostgresStore::get_sign_in_failures(const std::string& key, Instant now,
                                                           std::chrono::seconds window) {
  auto r = db_->query("SELECT failures, last_at, previous_at FROM sign_in_failures WHERE key=$1 AND last_at>$2",
                      Params().add(key).add(epoch(now - window)));
  if (!r.ok()) return r.status();
  if (r->empty()) return SignInFailures{};
  return read_failures(r->row(0));
}

Result<SignInFailures> PostgresStore::add_sign_in_failure(const std::string& key, Instant now,
                                                          std::chrono::seconds window) {
  auto r = db_->query(
      "INSERT INTO sign_in_failures(key, failures, last_at, previous_at) VALUES ($1::text, 1, $2::bigint, 0) "
      "ON CONFLICT (key) DO UPDATE SET "
      "failures = CASE WHEN sign_in_failures.last_at <= $3::bigint THEN 1 ELSE sign_in_failures.failures + 1 END, "
      "previous_at = CASE WHEN sign_in_failures.last_at <= $3::bigint THEN 0 ELSE sign_in_failures.last_at END, "
      "last_at = $2::bigint "
      "RETURNING failures, last_at, previous_at",
      Params().add(key).add(epoch(now)).add(epoch(now - window)));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::Internal("counting a sign-in failure returned no row");
  return read_failures(r->row(0));
}

Status PostgresStore::remove_sign_in_failures(const std::string& key, bool all) {
  return db_
      ->query(all ? "DELETE FROM sign_in_failures WHERE key=$1"
                  : "UPDATE sign_in_failures SET failures=failures-1 WHERE key=$1 AND failures>0",
              Params().add(key))
      .status();
}

Status PostgresStore::purge_sign_in_failures(Instant before) {
  return db_->query("DELETE FROM sign_in_failures WHERE last_at<$1", Params().add(epoch(before))).status();
}

}  // namespace nextcall
