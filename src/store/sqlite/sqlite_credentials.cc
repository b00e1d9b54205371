// SqliteStore: browser sessions and API tokens, looked up by the hash of their secret.
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::epoch;

Status SqliteStore::create_session(const Session& s) {
  auto st = db_->prepare(
      "INSERT INTO sessions(token_hash, workspace_id, user_id, csrf_token, created_at, expires_at) "
      "SELECT ?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM users WHERE id=?3 AND workspace_id=?2)");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, s.token_hash)
                               .bind(2, s.workspace_id)
                               .bind(3, s.user_id)
                               .bind(4, s.csrf_token)
                               .bind(5, epoch(s.created_at))
                               .bind(6, epoch(s.expires_at))
                               .run());
  if (db_->changes() == 0)
    return Status::InvalidArgument("no user with id " + std::to_string(s.user_id) + " in this workspace");
  return Status::Ok();
}

Result<std::optional<Session>> SqliteStore::find_session(const std::string& token_hash) {
  auto st = db_->prepare(
      "SELECT token_hash, workspace_id, user_id, csrf_token, created_at, expires_at FROM sessions "
      "WHERE token_hash=?");
  if (!st.ok()) return st.status();
  st->bind(1, token_hash);
  Status s;
  if (!st->step(&s)) {
    if (!s.ok()) return s;
    return std::optional<Session>();
  }
  Session out;
  out.token_hash = st->text(0);
  out.workspace_id = st->i64(1);
  out.user_id = st->i64(2);
  out.csrf_token = st->text(3);
  out.created_at = sqlite::instant(st->i64(4));
  out.expires_at = sqlite::instant(st->i64(5));
  return std::optional<Session>(std::move(out));
}

Status SqliteStore::delete_session(const std::string& token_hash) {
  auto st = db_->prepare("DELETE FROM sessions WHERE token_hash=?");
  if (!st.ok()) return st.status();
  return st->bind(1, token_hash).run();
}

Status SqliteStore::delete_sessions_of_user(Id ws, Id user_id) {
  auto st = db_->prepare("DELETE FROM sessions WHERE workspace_id=? AND user_id=?");
  if (!st.ok()) return st.status();
  return st->bind(1, ws).bind(2, user_id).run();
}

Result<Id> SqliteStore::add_api_token(const ApiToken& t) {
  auto st = db_->prepare(
      "INSERT INTO api_tokens(workspace_id, user_id, name, token_hash, created_at, revoked) "
      "SELECT ?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM users WHERE id=?2 AND workspace_id=?1)");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, t.workspace_id)
                               .bind(2, t.user_id)
                               .bind(3, t.name)
                               .bind(4, t.token_hash)
                               .bind(5, epoch(t.created_at))
                               .bind(6, t.revoked ? 1 : 0)
                               .run());
  if (db_->changes() == 0)
    return Status::InvalidArgument("no user with id " + std::to_string(t.user_id) + " in this workspace");
  return db_->last_insert_id();
}

namespace {
ApiToken read_token(const sqlite::Stmt& st) {
  ApiToken t;
  t.id = st.i64(0);
  t.workspace_id = st.i64(1);
  t.user_id = st.i64(2);
  t.name = st.text(3);
  t.token_hash = st.text(4);
  t.created_at = sqlite::instant(st.i64(5));
  t.revoked = st.i32(6) != 0;
  return t;
}
constexpr const char* kTokenColumns =
    "SELECT id, workspace_id, user_id, name, token_hash, created_at, revoked FROM api_tokens ";
}  // namespace

Result<std::optional<ApiToken>> SqliteStore::find_api_token(const std::string& token_hash) {
  auto st = db_->prepare(std::string(kTokenColumns) + "WHERE token_hash=?");
  if (!st.ok()) return st.status();
  st->bind(1, token_hash);
  Status s;
  if (!st->step(&s)) {
    if (!s.ok()) return s;
    return std::optional<ApiToken>();
  }
  return std::optional<ApiToken>(read_token(*st));
}

Result<std::vector<ApiToken>> SqliteStore::list_api_tokens(Id ws, Id user_id) {
  auto st = db_->prepare(std::string(kTokenColumns) + "WHERE workspace_id=? AND user_id=? ORDER BY id");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, user_id);
  std::vector<ApiToken> out;
  Status s;
  while (st->step(&s)) out.push_back(read_token(*st));
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::revoke_api_token(Id ws, Id token_id) {
  auto st = db_->prepare("UPDATE api_tokens SET revoked=1 WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, token_id).bind(2, ws).run());
  if (db_->changes() == 0) return Status::NotFound("no API token with id " + std::to_string(token_id));
  return Status::Ok();
}

// --- sign-in failures: one statement each, so servers sharing the file count exactly ---

namespace {
SignInFailures read_failures(const sqlite::Stmt& st) {
  return SignInFailures{static_cast<long>(st.i64(0)), sqlite::instant(st.i64(1)), sqlite::instant(st.i64(2))};
}
}  // namespace

Result<SignInFailures> SqliteStore::get_sign_in_failures(const std::string& key, Instant now,
                                                         std::chrono::seconds window) {
  auto st = db_->prepare("SELECT failures, last_at, previous_at FROM sign_in_failures WHERE key=? AND last_at>?");
  if (!st.ok()) return st.status();
  st->bind(1, key).bind(2, epoch(now - window));
  Status s;
  if (!st->step(&s)) {
    if (!s.ok()) return s;
    return SignInFailures{};
  }
  return read_failures(*st);
}

Result<SignInFailures> SqliteStore::add_sign_in_failure(const std::string& key, Instant now,
                                                        std::chrono::seconds window) {
  auto st = db_->prepare(
      "INSERT INTO sign_in_failures(key, failures, last_at, previous_at) VALUES (?1, 1, ?2, 0) "
      "ON CONFLICT(key) DO UPDATE SET "
      "failures = CASE WHEN sign_in_failures.last_at <= ?3 THEN 1 ELSE sign_in_failures.failures + 1 END, "
      "previous_at = CASE WHEN sign_in_failures.last_at <= ?3 THEN 0 ELSE sign_in_failures.last_at END, "
      "last_at = ?2 "
      "RETURNING failures, last_at, previous_at");
  if (!st.ok()) return st.status();
  st->bind(1, key).bind(2, epoch(now)).bind(3, epoch(now - window));
  Status s;
  if (!st->step(&s)) {
    if (!s.ok()) return s;
    return Status::Internal("counting a sign-in failure returned no row");
  }
  SignInFailures out = read_failures(*st);
  while (st->step(&s)) {
  }
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::remove_sign_in_failures(const std::string& key, bool all) {
  auto st = db_->prepare(all ? "DELETE FROM sign_in_failures WHERE key=?"
                             : "UPDATE sign_in_failures SET failures=failures-1 WHERE key=? AND failures>0");
  if (!st.ok()) return st.status();
  return st->bind(1, key).run();
}

Status SqliteStore::purge_sign_in_failures(Instant before) {
  auto st = db_->prepare("DELETE FROM sign_in_failures WHERE last_at<?");
  if (!st.ok()) return st.status();
  return st->bind(1, epoch(before)).run();
}

}  // namespace nextcall
