// PostgresStore: call histories (each contact's calls summed up) and reason results.
#include "core/model_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using pg::epoch;
using pg::Params;
using pg::read_date;
using pg::Row;

Status PostgresStore::for_each_attempt(Id ws, const Filter& f,
                                       const std::function<Status(const Attempt&)>& fn) {
  Params p;
  p.add(ws);
  if (f.contact_id) p.add(*f.contact_id);
  auto r = db_->query(
      std::string("SELECT id, contact_id, rep_id, at, outcome, rung, ladder, reason_id, next_on, approach "
                  "FROM attempts WHERE workspace_id=$1") +
          (f.contact_id ? " AND contact_id=$2" : "") + " ORDER BY contact_id, at, id",
      p);
  if (!r.ok()) return r.status();
  Attempt a;
  a.workspace_id = ws;
  for (int i = 0; i < r->size(); ++i) {
    Row x = r->row(i);
    a.id = x.i64(0);
    a.contact_id = x.i64(1);
    a.rep_id = x.opt_i64(2);
    a.at = pg::instant(x.i64(3));
    a.outcome = parse_outcome(x.text(4)).value_or(Outcome::kNoAnswer);
    a.rung = x.text(5);
    a.ladder = x.text(6);
    a.reason_id = x.opt_i64(7);
    a.next_on = read_date(x, 8);
    a.approach = x.text(9);  // the history keeps each try's approach
    NEXTCALL_RETURN_IF_ERROR(fn(a));
  }
  return Status::Ok();
}

Result<std::vector<ContactHistory>> PostgresStore::list_call_histories(Id ws, const Filter& f) {
  Params p;
  p.add(ws);
  std::string sql = "SELECT h.contact_id, h.body FROM call_histories h";
  if (f.owner_id) {
    p.add(*f.owner_id);
    sql += " JOIN contacts c ON c.id = h.contact_id AND c.workspace_id=$1 AND c.owner_id=$" +
           std::to_string(p.values().size());
  }
  sql += " WHERE h.workspace_id=$1";
  if (f.contact_id) {
    p.add(*f.contact_id);
    sql += " AND h.contact_id=$" + std::to_string(p.values().size());
  }
  sql += " ORDER BY h.contact_id";
  auto r = db_->query(sql, p);
  if (!r.ok()) return r.status();
  std::vector<ContactHistory> out;
  out.reserve(static_cast<std::size_t>(r->size()));
  for (int i = 0; i < r->size(); ++i) {
    // A body this version cannot read is left out: the next call logged sums it up again.
    auto h = decode_call_history(r->row(i).text(1));
    if (h) out.push_back({r->row(i).i64(0), std::move(*h)});
  }
  return out;
}

Status PostgresStore::put_call_history(Id ws, Id contact_id, const CallHistory& h) {
  // The dates a team plan narrows its read by (migration 6) are copied out of the body.
  auto seconds = [](const std::optional<Instant>& t) {
    return t ? std::optional<std::int64_t>(epoch(*t)) : std::nullopt;
  };
  return db_->send(
                "INSERT INTO call_histories(contact_id, workspace_id, body, dates_filled, last_at, last_connect_at, "
                "follow_up_on, retry_ok) VALUES($1,$2,$3,1,$4,$5,$6,$7) "
                "ON CONFLICT(contact_id) DO UPDATE SET body=excluded.body, dates_filled=1, last_at=excluded.last_at, "
                "last_connect_at=excluded.last_connect_at, follow_up_on=excluded.follow_up_on, "
                "retry_ok=excluded.retry_ok WHERE call_histories.workspace_id=excluded.workspace_id",
                Params()
                    .add(contact_id)
                    .add(ws)
                    .add(encode_call_history(h))
                    .add(seconds(h.last_at))
                    .add(seconds(h.last_connect_at))
                    .add(pg::date_text(h.follow_up_on))
                    .add(h.may_retry() ? 1 : 0));
}

Result<std::vector<ReasonRecord>> PostgresStore::list_reason_results(Id ws) {
  auto r = db_->query(
      "SELECT reason_id, tries, advances FROM reason_results WHERE workspace_id=$1 ORDER BY reason_id",
      Params().add(ws));
  if (!r.ok()) return r.status();
  std::vector<ReasonRecord> out;
  for (int i = 0; i < r->size(); ++i) {
    Row x = r->row(i);
    out.push_back({x.i64(0), static_cast<long>(x.i64(1)), static_cast<long>(x.i64(2))});
  }
  return out;
}

Status PostgresStore::add_reason_result(Id ws, Id reason_id, long tries, long advances) {
  return db_->send(
                "INSERT INTO reason_results(workspace_id, reason_id, tries, advances) VALUES($1,$2,$3,$4) "
                "ON CONFLICT(workspace_id, reason_id) DO UPDATE SET "
                "tries=reason_results.tries+excluded.tries, advances=reason_results.advances+excluded.advances",
                Params().add(ws).add(reason_id).add(static_cast<std::int64_t>(tries)).add(static_cast<std::int64_t>(advances)));
}

Status PostgresStore::clear_reason_results(Id ws) {
  return db_->query("DELETE FROM reason_results WHERE workspace_id=$1", Params().add(ws)).status();
}

Result<std::vector<MinuteCount>> PostgresStore::list_minute_counts(Id ws) {
  auto r = db_->query(
      "SELECT minute, attempts, connects FROM minute_counts WHERE workspace_id=$1 AND attempts>0 ORDER BY minute",
      Params().add(ws));
  if (!r.ok()) return r.status();
  std::vector<MinuteCount> out;
  for (int i = 0; i < r->size(); ++i) {
    Row x = r->row(i);
    out.push_back({x.i32(0), x.i32(1), x.i32(2)});
  }
  return out;
}

Status PostgresStore::add_minute_counts(Id ws, const std::vector<MinuteCount>& counts) {
  for (const MinuteCount& m : counts) {
    NEXTCALL_RETURN_IF_ERROR(
        db_->send("INSERT INTO minute_counts(workspace_id, minute, attempts, connects) VALUES($1,$2,$3,$4) "
                  "ON CONFLICT(workspace_id, minute) DO UPDATE SET "
                  "attempts=minute_counts.attempts+excluded.attempts, "
                  "connects=minute_counts.connects+excluded.connects",
                  Params().add(ws).add(m.minute).add(m.attempts).add(m.connects)));
  }
  return Status::Ok();
}

Status PostgresStore::clear_minute_counts(Id ws) {
  return db_->query("DELETE FROM minute_counts WHERE workspace_id=$1", Params().add(ws)).status();
}

}  // namespace nextcall
