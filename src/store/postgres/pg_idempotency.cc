// PostgresStore: the answers of requests sent with an Idempotency-Key.
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using pg::epoch;
using pg::Params;

Result<std::optional<IdempotentRequest>> PostgresStore::claim_idempotency_key(Id ws, Id user, const std::string& key,
                                                                              const std::string& fingerprint,
                                                                              Instant now, Instant stale,
                                                                              Instant expired) {
  // Of two claims at once, the second waits for the first's row and then leaves it be.
  auto claimed = db_->query(
      "INSERT INTO idempotency_keys(workspace_id, user_id, key, fingerprint, status, body, created_at) "
      "VALUES ($1::bigint, $2::bigint, $3::text, $4::text, 0, '', $5::bigint) "
      "ON CONFLICT (workspace_id, user_id, key) DO UPDATE SET fingerprint=excluded.fingerprint, status=0, body='', "
      "created_at=excluded.created_at "
      "WHERE (idempotency_keys.status=0 AND idempotency_keys.created_at<$6::bigint) "
      "OR idempotency_keys.created_at<$7::bigint "
      "RETURNING 1",
      Params().add(ws).add(user).add(key).add(fingerprint).add(epoch(now)).add(epoch(stale)).add(epoch(expired)));
  if (!claimed.ok()) return claimed.status();
  if (!claimed->empty()) return std::optional<IdempotentRequest>();
  auto r = db_->query(
      "SELECT fingerprint, status, body, created_at FROM idempotency_keys "
      "WHERE workspace_id=$1 AND user_id=$2 AND key=$3",
      Params().add(ws).add(user).add(key));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::Conflict("Idempotency-Key: the key was given up meanwhile; send the request again");
  const pg::Row x = r->row(0);
  return std::optional<IdempotentRequest>(IdempotentRequest{x.text(0), x.i32(1), x.text(2), pg::instant(x.i64(3))});
}

Status PostgresStore::finish_idempotency_key(Id ws, Id user, const std::string& key, int status,
                                             const std::string& body) {
  auto r = db_->query(
      "UPDATE idempotency_keys SET status=$1, body=$2 WHERE workspace_id=$3 AND user_id=$4 AND key=$5 AND status=0",
      Params().add(status).add(body).add(ws).add(user).add(key));
  if (!r.ok()) return r.status();
  if (r->affected() == 0) return Status::Conflict("Idempotency-Key: the key is no longer claimed by this request");
  return Status::Ok();
}

Status PostgresStore::release_idempotency_key(Id ws, Id user, const std::string& key) {
  return db_
      ->query("DELETE FROM idempotency_keys WHERE workspace_id=$1 AND user_id=$2 AND key=$3 AND status=0",
              Params().add(ws).add(user).add(key))
      .status();
}

Status PostgresStore::purge_idempotency_keys(Instant before) {
  return db_->query("DELETE FROM idempotency_keys WHERE created_at<$1", Params().add(epoch(before))).status();
}

}  // namespace nextcall
