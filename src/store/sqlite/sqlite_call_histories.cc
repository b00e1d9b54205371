// SqliteStore: call histories (each contact's calls summed up) and reason results.
#include "core/model_text.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::epoch;
using sqlite::read_date;

Status SqliteStore::for_each_attempt(Id ws, const Filter& f,
                                     const std::function<Status(const Attempt&)>& fn) {
  auto st = db_->prepare(
      std::string("SELECT id, contact_id, rep_id, at, outcome, rung, ladder, reason_id, next_on "
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
    NEXTCALL_RETURN_IF_ERROR(fn(a));
  }
  return s;
}

Result<std::vector<ContactHistory>> SqliteStore::list_call_histories(Id ws, const Filter& f) {
  std::string sql = "SELECT h.contact_id, h.body FROM call_histories h";
  if (f.owner_id) sql += " JOIN contacts c ON c.id = h.contact_id AND c.workspace_id=?1 AND c.owner_id=?3";
  sql += " WHERE h.workspace_id=?1";
  if (f.contact_id) sql += " AND h.contact_id=?2";
  sql += " ORDER BY h.contact_id";
  auto st = db_->prepare(sql);
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  if (f.contact_id) st->bind(2, *f.contact_id);
  if (f.owner_id) st->bind(3, *f.owner_id);
  std::vector<ContactHistory> out;
  if (!f.owner_id && !f.contact_id) {
    auto n = count_contacts(ws);  // at most one history a contact
    if (n.ok()) out.reserve(static_cast<std::size_t>(*n));
  }
  Status s;
  while (st->step(&s)) {
    // A body this version cannot read is left out: the next call logged sums it up again.
    auto h = decode_call_history(st->view(1));
    if (h) out.push_back({st->i64(0), std::move(*h)});
  }
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::put_call_history(Id ws, Id contact_id, const CallHistory& h) {
  auto st = db_->prepare(
      "INSERT INTO call_histories(contact_id, workspace_id, body) VALUES(?1,?2,?3) "
      "ON CONFLICT(contact_id) DO UPDATE SET body=excluded.body WHERE workspace_id=excluded.workspace_id");
  if (!st.ok()) return st.status();
  return st->bind(1, contact_id).bind(2, ws).bind(3, encode_call_history(h)).run();
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
