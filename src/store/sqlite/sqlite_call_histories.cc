// SqliteStore: call histories (each contact's calls summed up) and reason results.
#include "core/model_text.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::date_text;
using sqlite::epoch;
using sqlite::read_date;

Status SqliteStore::for_each_attempt(Id ws, const Filter& f,
                                     const std::function<Status(const Attempt&)>& fn) {
  auto st = db_->prepare(
      std::string("SELECT id, contact_id, rep_id, at, outcome, rung, ladder, reason_id, next_on, approach "
                  "FROM attempts WHERE workspace_id=?1") +
      (f.contact_id ? " AND contact_id=?2" : "") + " ORDER BY contact_id, at, id");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  if (f.contact_id) st->bind(2, *f.contact_id);
  Status s;
  Attempt a;
  a.workspace_id = ws;
  while (st->step(&s)) {
    a.id = st->i64(0);
    a.contact_id = st->i64(1);
    a.rep_id = st->opt_i64(2);
    a.at = sqlite::instant(st->i64(3));
    a.outcome = parse_outcome(st->view(4)).value_or(Outcome::kNoAnswer);
    a.rung = st->view(5);
    a.ladder = st->view(6);
    a.reason_id = st->opt_i64(7);
    a.next_on = read_date(*st, 8);
    a.approach = st->view(9);  // the history keeps each try's approach
    NEXTCALL_RETURN_IF_ERROR(fn(a));
  }
  return s;
}

Result<std::vector<ContactHistory>> SqliteStore::list_call_histories(Id ws, const Filter& f) {
  // Bodies are read from the table in contact order (its rowid): a rep's through the
  // rep's contacts, a whole workspace straight through. Not through call_histories_dates,
  // which SQLite would otherwise pick for the order and then look up every row.
  std::string sql = "SELECT h.contact_id, h.body FROM ";
  if (f.owner_id)
    sql += "contacts c CROSS JOIN call_histories h ON h.contact_id = c.id AND c.workspace_id=?1 AND c.owner_id=?3";
  else
    sql += f.contact_id ? "call_histories h" : "call_histories h NOT INDEXED";
  sql += " WHERE h.workspace_id=?1";
  if (f.contact_id) sql += " AND h.contact_id=?2";
  sql += sqlite::listed_clause(f.contact_ids, "h.contact_id");
  sql += f.owner_id ? " ORDER BY c.id" : " ORDER BY h.contact_id";  // the same, without a sort
  auto st = db_->prepare(sql);
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  if (f.contact_id) st->bind(2, *f.contact_id);
  if (f.owner_id) st->bind(3, *f.owner_id);
  std::vector<ContactHistory> out;
  if (f.contact_ids) {
    out.reserve(f.contact_ids->size());
  } else if (!f.owner_id && !f.contact_id) {
    auto n = count_contacts(ws);  // at most one history a contact
    if (n.ok()) out.reserve(static_cast<std::size_t>(*n));
  }
  Status s;
  sqlite::ContactGate gate(f.contact_ids);
  sqlite::bind_gate(*st, f.contact_ids, &gate);
  while (st->step(&s)) {
    // A body this version cannot read is left out: the next call logged sums it up again.
    auto h = decode_call_history(st->view(1));
    if (h) out.push_back({st->i64(0), std::move(*h)});
  }
  if (!s.ok()) return s;
  return out;
}

namespace {

// The dates copied out of a history's body (migration 5) into parameters first..first+3.
sqlite::Stmt& bind_dates(sqlite::Stmt& st, int first, const CallHistory& h) {
  auto seconds = [](const std::optional<Instant>& t) {
    return t ? std::optional<std::int64_t>(epoch(*t)) : std::nullopt;
  };
  return st.bind(first, seconds(h.last_at))
      .bind(first + 1, seconds(h.last_connect_at))
      .bind(first + 2, date_text(h.follow_up_on))
      .bind(first + 3, h.may_retry() ? 1 : 0);
}

}  // namespace

Status SqliteStore::put_call_history(Id ws, Id contact_id, const CallHistory& h) {
  auto st = db_->prepare(
      "INSERT INTO call_histories(contact_id, workspace_id, body, dates_filled, last_at, last_connect_at, "
      "follow_up_on, retry_ok) VALUES(?1,?2,?3,1,?4,?5,?6,?7) "
      "ON CONFLICT(contact_id) DO UPDATE SET body=excluded.body, dates_filled=1, last_at=excluded.last_at, "
      "last_connect_at=excluded.last_connect_at, follow_up_on=excluded.follow_up_on, retry_ok=excluded.retry_ok "
      "WHERE workspace_id=excluded.workspace_id");
  if (!st.ok()) return st.status();
  return bind_dates(st->bind(1, contact_id).bind(2, ws).bind(3, encode_call_history(h)), 4, h).run();
}

Status SqliteStore::fill_call_history_dates(Id ws, Id contact_id, const CallHistory& h) {
  auto st = db_->prepare(
      "UPDATE call_histories SET dates_filled=1, last_at=?3, last_connect_at=?4, follow_up_on=?5, retry_ok=?6 "
      "WHERE contact_id=?1 AND workspace_id=?2");
  if (!st.ok()) return st.status();
  return bind_dates(st->bind(1, contact_id).bind(2, ws), 3, h).run();
}

Result<std::vector<ReasonRecord>> SqliteStore::list_reason_results(Id ws) {
  auto st = db_->prepare(
      "SELECT reason_id, tries, advances FROM reason_results WHERE workspace_id=? ORDER BY reason_id");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<ReasonRecord> out;
  Status s;
  while (st->step(&s)) out.push_back({st->i64(0), static_cast<long>(st->i64(1)), static_cast<long>(st->i64(2))});
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::add_reason_result(Id ws, Id reason_id, long tries, long advances) {
  auto st = db_->prepare(
      "INSERT INTO reason_results(workspace_id, reason_id, tries, advances) VALUES(?1,?2,?3,?4) "
      "ON CONFLICT(workspace_id, reason_id) DO UPDATE SET tries=tries+excluded.tries, "
      "advances=advances+excluded.advances");
  if (!st.ok()) return st.status();
  return st->bind(1, ws).bind(2, reason_id).bind(3, static_cast<std::int64_t>(tries))
      .bind(4, static_cast<std::int64_t>(advances)).run();
}

Status SqliteStore::clear_reason_results(Id ws) {
  auto st = db_->prepare("DELETE FROM reason_results WHERE workspace_id=?");
  if (!st.ok()) return st.status();
  return st->bind(1, ws).run();
}

Result<std::vector<MinuteCount>> SqliteStore::list_minute_counts(Id ws) {
  auto st = db_->prepare(
      "SELECT minute, attempts, connects FROM minute_counts WHERE workspace_id=? AND attempts>0 ORDER BY minute");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<MinuteCount> out;
  Status s;
  while (st->step(&s)) out.push_back({st->i32(0), st->i32(1), st->i32(2)});
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::add_minute_counts(Id ws, const std::vector<MinuteCount>& counts) {
  for (const MinuteCount& m : counts) {
    auto st = db_->prepare(
        "INSERT INTO minute_counts(workspace_id, minute, attempts, connects) VALUES(?1,?2,?3,?4) "
        "ON CONFLICT(workspace_id, minute) DO UPDATE SET attempts=attempts+excluded.attempts, "
        "connects=connects+excluded.connects");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, ws).bind(2, m.minute).bind(3, m.attempts).bind(4, m.connects).run());
  }
  return Status::Ok();
}

Status SqliteStore::clear_minute_counts(Id ws) {
  auto st = db_->prepare("DELETE FROM minute_counts WHERE workspace_id=?");
  if (!st.ok()) return st.status();
  return st->bind(1, ws).run();
}

}  // namespace nextcall
