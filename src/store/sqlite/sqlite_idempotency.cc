// SqliteStore: the answers of requests sent with an Idempotency-Key.
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::epoch;

Result<std::optional<IdempotentRequest>> SqliteStore::claim_idempotency_key(Id ws, Id user, const std::string& key,
                                                                            const std::string& fingerprint,
                                                                            Instant now, Instant stale,
                                                                            Instant expired) {
  auto claim = db_->prepare(
      "INSERT INTO idempotency_keys(workspace_id, user_id, key, fingerprint, status, body, created_at) "
      "VALUES (?1, ?2, ?3, ?4, 0, '', ?5) "
      "ON CONFLICT(workspace_id, user_id, key) DO UPDATE SET fingerprint=excluded.fingerprint, status=0, body='', "
      "created_at=excluded.created_at "
      "WHERE (idempotency_keys.status=0 AND idempotency_keys.created_at<?6) OR idempotency_keys.created_at<?7 "
      "RETURNING 1");
  if (!claim.ok()) return claim.status();
  claim->bind(1, ws).bind(2, user).bind(3, key).bind(4, fingerprint).bind(5, epoch(now)).bind(6, epoch(stale));
  claim->bind(7, epoch(expired));
  Status s;
  bool claimed = false;
  while (claim->step(&s)) claimed = true;
  if (!s.ok()) return s;
  if (claimed) return std::optional<IdempotentRequest>();
  auto st = db_->prepare(
      "SELECT fingerprint, status, body, created_at FROM idempotency_keys "
      "WHERE workspace_id=? AND user_id=? AND key=?");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, user).bind(3, key);
  if (!st->step(&s)) {
    if (!s.ok()) return s;
    return Status::Conflict("Idempotency-Key: the key was given up meanwhile; send the request again");
  }
  IdempotentRequest r{st->text(0), st->i32(1), st->text(2), sqlite::instant(st->i64(3))};
  while (st->step(&s)) {
  }
  if (!s.ok()) return s;
  return std::optional<IdempotentRequest>(std::move(r));
}

Status SqliteStore::finish_idempotency_key(Id ws, Id user, const std::string& key, int status,
                                           const std::string& body) {
  auto st = db_->prepare(
      "UPDATE idempotency_keys SET status=?, body=? WHERE workspace_id=? AND user_id=? AND key=? AND status=0");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, status).bind(2, body).bind(3, ws).bind(4, user).bind(5, key).run());
  if (db_->changes() == 0) return Status::Conflict("Idempotency-Key: the key is no longer claimed by this request");
  return Status::Ok();
}

Status SqliteStore::release_idempotency_key(Id ws, Id user, const std::string& key) {
  auto st = db_->prepare("DELETE FROM idempotency_keys WHERE workspace_id=? AND user_id=? AND key=? AND status=0");
  if (!st.ok()) return st.status();
  return st->bind(1, ws).bind(2, user).bind(3, key).run();
}

Status SqliteStore::purge_idempotency_keys(Instant before) {
  auto st = db_->prepare("DELETE FROM idempotency_keys WHERE created_at<?");
  if (!st.ok()) return st.status();
  return st->bind(1, epoch(before)).run();
}

}  // namespace nextcall
