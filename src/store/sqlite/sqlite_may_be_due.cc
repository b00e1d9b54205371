// SqliteStore: which contacts may be due in a team plan's days (core/due_window.h), from a
// few columns of each contact (migration 6) and the date columns of the call histories
// (migration 5), two narrow indexes read in id order side by side; only the span of ids
// asked for.
#include <algorithm>

#include "core/forward_search.h"
#include "core/model_text.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::epoch;
using sqlite::read_date;

namespace {

// Ids from a query, sorted and unique.
Result<std::vector<Id>> ids_of(Result<sqlite::Stmt> st) {
  if (!st.ok()) return st.status();
  std::vector<Id> ids;
  Status s;
  while (st->step(&s)) ids.push_back(st->i64(0));
  if (!s.ok()) return s;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

Result<std::optional<IdSpan>> SqliteStore::contact_ids_in_use() {
  // Two B-tree descents: the table's lowest and highest rowid.
  auto st = db_->prepare("SELECT (SELECT min(id) FROM contacts), (SELECT max(id) FROM contacts)");
  if (!st.ok()) return st.status();
  Status s;
  if (!st->step(&s)) return s.ok() ? Status::Internal("no row from min(id), max(id)") : s;
  if (st->is_null(0)) return std::optional<IdSpan>();
  return std::optional<IdSpan>(IdSpan{st->i64(0), st->i64(1)});
}

Result<std::optional<std::vector<Id>>> SqliteStore::contacts_that_may_be_due(Id ws, const DueWindow& w, IdSpan span) {
  // Commitments, appointments and introductions: few rows, each a reason on its own; only
  // those of the span's contacts (through each table's index on the contact).
  auto st = db_->prepare(
      "SELECT contact_id FROM commitments WHERE workspace_id=?1 AND contact_id BETWEEN ?5 AND ?6 "
      "AND status != ?4 AND due_on <= ?2 "
      "UNION ALL SELECT contact_id FROM appointments WHERE workspace_id=?1 AND contact_id BETWEEN ?5 AND ?6 "
      "AND starts_at >= ?3 "
      "UNION ALL SELECT referred_contact_id FROM referrals WHERE workspace_id=?1 "
      "AND referred_contact_id BETWEEN ?5 AND ?6 AND introduced != 0 "
      "UNION ALL SELECT referrer_contact_id FROM referrals WHERE workspace_id=?1 "
      "AND referrer_contact_id BETWEEN ?5 AND ?6 AND introduced = 0");
  if (st.ok())
    st->bind(1, ws).bind(2, format_date(w.last_day)).bind(3, epoch(w.calendar_from))
        .bind(4, to_text(CommitmentStatus::kKept)).bind(5, span.first).bind(6, span.last);
  auto others = ids_of(std::move(st));
  if (!others.ok()) return others.status();

  auto contacts = db_->prepare(
      "SELECT id, do_not_call != 0 OR snoozed_until IS NOT NULL, stage, cadence_kind, cadence_days "
      "FROM contacts INDEXED BY contacts_due_facts WHERE workspace_id=?1 AND id BETWEEN ?2 AND ?3 ORDER BY id");
  if (!contacts.ok()) return contacts.status();
  contacts->bind(1, ws).bind(2, span.first).bind(3, span.last);
  auto histories = db_->prepare(
      "SELECT contact_id, dates_filled, last_at, last_connect_at, follow_up_on, retry_ok "
      "FROM call_histories INDEXED BY call_histories_dates WHERE workspace_id=?1 AND contact_id BETWEEN ?2 AND ?3 "
      "ORDER BY contact_id");
  if (!histories.ok()) return histories.status();
  histories->bind(1, ws).bind(2, span.first).bind(3, span.last);

  std::vector<Id> ids;
  Status s, hs;
  bool history_row = histories->step(&hs);
  auto other = others->begin();
  while (contacts->step(&s)) {
    Id id = contacts->i64(0);
    DueFacts f;
    f.listed = contacts->i32(1) != 0;
    f.customer = contacts->view(2) == to_text(Stage::kCustomer);
    f.cadence.kind = static_cast<Cadence::Kind>(contacts->i32(3));
    f.cadence.every_days = contacts->i32(4);
    while (history_row && histories->i64(0) < id) history_row = histories->step(&hs);
    if (history_row && histories->i64(0) == id) {
      if (histories->i32(1) == 0) f.other_reason = true;  // dates not copied out: keep
      if (!histories->is_null(2)) f.last_at = sqlite::instant(histories->i64(2));
      if (!histories->is_null(3)) f.last_connect_at = sqlite::instant(histories->i64(3));
      f.follow_up_on = read_date(*histories, 4);
      f.may_retry = histories->i32(5) != 0;
    }
    other = lower_bound_forward(other, others->end(), id);
    if (other != others->end() && *other == id) f.other_reason = true;
    if (may_be_due(f, w)) ids.push_back(id);
  }
  if (!s.ok()) return s;
  if (!hs.ok()) return hs;
  return std::optional<std::vector<Id>>(std::move(ids));
}

}  // namespace nextcall
