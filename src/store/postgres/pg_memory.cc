// PostgresStore: the memory of each contact (threads, objections, materials, commitments,
// referrals, appointments) and the calls.
#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "store/call_histories.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace nextcall {

using pg::add_point;
using pg::date_text;
using pg::epoch;
using pg::Params;
using pg::read_date;
using pg::read_point;
using pg::Row;

namespace {

// " WHERE workspace_id=$1 [AND <col>=$n] [AND <col> IN (contacts of owner $n)] [time range]
// [AND id=$n] ORDER BY … [LIMIT $n OFFSET $n]", adding the filter's values to p.
std::string where_clause(Params& p, Id ws, const Filter& f, const char* contact_col,
                         const char* time_col, const char* order) {
  p.add(ws);
  auto next = [&p] { return "$" + std::to_string(p.values().size()); };
  std::string w = " WHERE workspace_id=$1";
  if (f.contact_id) w += std::string(" AND ") + contact_col + "=" + (p.add(*f.contact_id), next());
  if (f.owner_id)
    w += std::string(" AND ") + contact_col +
         " IN (SELECT id FROM contacts WHERE workspace_id=$1 AND owner_id=" +
         (p.add(*f.owner_id), next()) + ")";
  if (time_col && f.since) w += std::string(" AND ") + time_col + ">=" + (p.add(epoch(*f.since)), next());
  if (time_col && f.until) w += std::string(" AND ") + time_col + "<" + (p.add(epoch(*f.until)), next());
  if (f.id) w += " AND id=" + (p.add(*f.id), next());
  w += std::string(" ORDER BY ") + order;
  if (f.limit > 0) {
    w += " LIMIT " + (p.add(f.limit), next());
    w += " OFFSET " + (p.add(f.offset), next());
  }
  return w;
}

template <typename T, typename Read>
Result<std::vector<T>> collect(Result<pg::Rows>& r, Read read) {
  if (!r.ok()) return r.status();
  std::vector<T> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read(r->row(i)));
  return out;
}

Status updated_one(Result<pg::Rows>& r, const char* what, Id id) {
  if (!r.ok()) return r.status();
  return pg::touched(*r, what, id);
}

std::string pointers_json(const std::vector<Pointer>& ps) {
  nlohmann::json j = nlohmann::json::array();
  for (const Pointer& p : ps) j.push_back({{"location", p.location}, {"hot_button", p.hot_button}});
  return j.dump();
}

std::vector<Pointer> pointers_from_json(const std::string& text) {
  std::vector<Pointer> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_object())
      out.push_back({e.value("location", std::string()), e.value("hot_button", std::string())});
  return out;
}

}  // namespace

constexpr const char* kContactInWorkspace = "SELECT 1 FROM contacts WHERE id=$1 AND workspace_id=$2";

// Inserts a row hanging off contact `contact` of workspace ws, with the check that the
// contact is the workspace's in the same round trip (the transaction is rolled back when
// the check finds none).
#define NEXTCALL_PG_INSERT_FOR(ws, contact, sql, params)                  \
  Id id = 0;                                                              \
  Status s = transaction([&]() -> Status {                                \
    db_->clear_sqlstate();                                                \
    auto both = db_->query_both(kContactInWorkspace,                      \
                                Params().add(contact).add(ws), sql, params); \
    auto got = pg::guarded_id(*db_, both, contact);                       \
    if (!got.ok()) return got.status();                                   \
    id = *got;                                                            \
    return Status::Ok();                                                  \
  });                                                                     \
  if (!s.ok()) return s;                                                  \
  return id

// --- threads ---------------------------------------------------------------------------

Result<Id> PostgresStore::add_thread(const Thread& t) {
  NEXTCALL_PG_INSERT_FOR(
      t.workspace_id, t.contact_id,
      "INSERT INTO threads(workspace_id, contact_id, topic, kind, open, mentioned_on, detail) "
      "VALUES($1,$2,$3,$4,$5,$6,$7) RETURNING id",
      Params()
          .add(t.workspace_id)
          .add(t.contact_id)
          .add(t.topic)
          .add(to_text(t.kind))
          .flag(t.open)
          .add(date_text(t.mentioned_on))
          .add(t.detail));
}

Status PostgresStore::update_thread(const Thread& t) {
  auto r = db_->query(
      "UPDATE threads SET topic=$1, kind=$2, open=$3, mentioned_on=$4, detail=$5 "
      "WHERE id=$6 AND workspace_id=$7",
      Params()
          .add(t.topic)
          .add(to_text(t.kind))
          .flag(t.open)
          .add(date_text(t.mentioned_on))
          .add(t.detail)
          .add(t.id)
          .add(t.workspace_id));
  return updated_one(r, "thread", t.id);
}

Result<std::vector<Thread>> PostgresStore::list_threads(Id ws, const Filter& f) {
  Params p;
  std::string where = where_clause(p, ws, f, "contact_id", nullptr, "contact_id, id");
  auto r = db_->query(
      "SELECT id, workspace_id, contact_id, topic, kind, open, mentioned_on, detail FROM threads" + where, p);
  return collect<Thread>(r, [](const Row& x) {
    Thread t;
    t.id = x.i64(0);
    t.workspace_id = x.i64(1);
    t.contact_id = x.i64(2);
    t.topic = x.text(3);
    t.kind = parse_thread_kind(x.text(4)).value_or(ThreadKind::kBusiness);
    t.open = x.flag(5);
    t.mentioned_on = read_date(x, 6);
    t.detail = x.text(7);
    return t;
  });
}

// --- objections ------------------------------------------------------------------------

Result<Id> PostgresStore::add_objection(const Objection& o) {
  NEXTCALL_PG_INSERT_FOR(
      o.workspace_id, o.contact_id,
      "INSERT INTO objections(workspace_id, contact_id, code, detail, amount, status, "
      "answered_by_change_id, recorded_on) VALUES($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
      Params()
          .add(o.workspace_id)
          .add(o.contact_id)
          .add(o.code)
          .add(o.detail)
          .add(o.amount)
          .add(to_text(o.status))
          .add(o.answered_by_change_id)
          .add(date_text(o.recorded_on)));
}

Status PostgresStore::update_objection(const Objection& o) {
  auto r = db_->query(
      "UPDATE objections SET code=$1, detail=$2, amount=$3, status=$4, answered_by_change_id=$5, "
      "recorded_on=$6 WHERE id=$7 AND workspace_id=$8",
      Params()
          .add(o.code)
          .add(o.detail)
          .add(o.amount)
          .add(to_text(o.status))
          .add(o.answered_by_change_id)
          .add(date_text(o.recorded_on))
          .add(o.id)
          .add(o.workspace_id));
  return updated_one(r, "objection", o.id);
}

Result<std::vector<Objection>> PostgresStore::list_objections(Id ws, const Filter& f) {
  Params p;
  std::string where = where_clause(p, ws, f, "contact_id", nullptr, "contact_id, id");
  auto r = db_->query(
      "SELECT id, workspace_id, contact_id, code, detail, amount, status, answered_by_change_id, "
      "recorded_on FROM objections" + where, p);
  return collect<Objection>(r, [](const Row& x) {
    Objection o;
    o.id = x.i64(0);
    o.workspace_id = x.i64(1);
    o.contact_id = x.i64(2);
    o.code = x.text(3);
    o.detail = x.text(4);
    o.amount = x.opt_f64(5);
    o.status = parse_objection_status(x.text(6)).value_or(ObjectionStatus::kOpen);
    o.answered_by_change_id = x.opt_i64(7);
    o.recorded_on = read_date(x, 8);
    return o;
  });
}

// --- materials --------------------------------------------------------------------------

Result<Id> PostgresStore::add_material(const Material& m) {
  NEXTCALL_PG_INSERT_FOR(
      m.workspace_id, m.contact_id,
      "INSERT INTO materials(workspace_id, contact_id, title, sent_on, link, pointers) "
      "VALUES($1,$2,$3,$4,$5,$6) RETURNING id",
      Params()
          .add(m.workspace_id)
          .add(m.contact_id)
          .add(m.title)
          .add(date_text(m.sent_on))
          .add(m.link)
          .add(pointers_json(m.pointers)));
}

Status PostgresStore::update_material(const Material& m) {
  auto r = db_->query(
      "UPDATE materials SET title=$1, sent_on=$2, link=$3, pointers=$4 WHERE id=$5 AND workspace_id=$6",
      Params()
          .add(m.title)
          .add(date_text(m.sent_on))
          .add(m.link)
          .add(pointers_json(m.pointers))
          .add(m.id)
          .add(m.workspace_id));
  return updated_one(r, "material", m.id);
}

Result<std::vector<Material>> PostgresStore::list_materials(Id ws, const Filter& f) {
  Params p;
  std::string where = where_clause(p, ws, f, "contact_id", nullptr, "contact_id, id");
  auto r = db_->query(
      "SELECT id, workspace_id, contact_id, title, sent_on, link, pointers FROM materials" + where, p);
  return collect<Material>(r, [](const Row& x) {
    Material m;
    m.id = x.i64(0);
    m.workspace_id = x.i64(1);
    m.contact_id = x.i64(2);
    m.title = x.text(3);
    m.sent_on = read_date(x, 4);
    m.link = x.text(5);
    m.pointers = pointers_from_json(x.text(6));
    return m;
  });
}

// --- commitments ------------------------------------------------------------------------

Result<Id> PostgresStore::add_commitment(const Commitment& c) {
  NEXTCALL_PG_INSERT_FOR(
      c.workspace_id, c.contact_id,
      "INSERT INTO commitments(workspace_id, contact_id, owner, what, due_on, status, "
      "material_id, created_on) VALUES($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
      Params()
          .add(c.workspace_id)
          .add(c.contact_id)
          .add(to_text(c.owner))
          .add(c.what)
          .add(date_text(c.due_on))
          .add(to_text(c.status))
          .add(c.material_id)
          .add(date_text(c.created_on)));
}

Status PostgresStore::update_commitment(const Commitment& c) {
  auto r = db_->query(
      "UPDATE commitments SET owner=$1, what=$2, due_on=$3, status=$4, material_id=$5, "
      "created_on=$6 WHERE id=$7 AND workspace_id=$8",
      Params()
          .add(to_text(c.owner))
          .add(c.what)
          .add(date_text(c.due_on))
          .add(to_text(c.status))
          .add(c.material_id)
          .add(date_text(c.created_on))
          .add(c.id)
          .add(c.workspace_id));
  return updated_one(r, "commitment", c.id);
}

Result<std::vector<Commitment>> PostgresStore::list_commitments(Id ws, const Filter& f) {
  Params p;
  std::string where = where_clause(p, ws, f, "contact_id", nullptr, "contact_id, id");
  auto r = db_->query(
      "SELECT id, workspace_id, contact_id, owner, what, due_on, status, material_id, created_on "
      "FROM commitments" + where, p);
  return collect<Commitment>(r, [](const Row& x) {
    Commitment c;
    c.id = x.i64(0);
    c.workspace_id = x.i64(1);
    c.contact_id = x.i64(2);
    c.owner = parse_party(x.text(3)).value_or(Party::kContact);
    c.what = x.text(4);
    c.due_on = read_date(x, 5);
    c.status = parse_commitment_status(x.text(6)).value_or(CommitmentStatus::kOpen);
    c.material_id = x.opt_i64(7);
    c.created_on = read_date(x, 8);
    return c;
  });
}

// --- referrals --------------------------------------------------------------------------

Result<Id> PostgresStore::add_referral(const Referral& r) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(r.workspace_id, r.referred_contact_id));
    if (r.referrer_contact_id)
      NEXTCALL_RETURN_IF_ERROR(require_contact(r.workspace_id, *r.referrer_contact_id));
    auto res = db_->query(
        "INSERT INTO referrals(workspace_id, referred_contact_id, referrer_contact_id, "
        "referrer_name, introduced, introduced_on) VALUES($1,$2,$3,$4,$5,$6) RETURNING id",
        Params()
            .add(r.workspace_id)
            .add(r.referred_contact_id)
            .add(r.referrer_contact_id)
            .add(r.referrer_name)
            .flag(r.introduced)
            .add(date_text(r.introduced_on)));
    auto got = pg::returned_id(res);
    if (!got.ok()) return got.status();
    id = *got;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status PostgresStore::update_referral(const Referral& r) {
  auto res = db_->query(
      "UPDATE referrals SET referrer_contact_id=$1, referrer_name=$2, introduced=$3, "
      "introduced_on=$4 WHERE id=$5 AND workspace_id=$6",
      Params()
          .add(r.referrer_contact_id)
          .add(r.referrer_name)
          .flag(r.introduced)
          .add(date_text(r.introduced_on))
          .add(r.id)
          .add(r.workspace_id));
  return updated_one(res, "referral", r.id);
}

Result<std::vector<Referral>> PostgresStore::list_referrals(Id ws, const Filter& f) {
  Params p;
  std::string where =
      where_clause(p, ws, f, "referred_contact_id", nullptr, "referred_contact_id, id");
  auto r = db_->query(
      "SELECT id, workspace_id, referred_contact_id, referrer_contact_id, referrer_name, "
      "introduced, introduced_on FROM referrals" + where, p);
  return collect<Referral>(r, [](const Row& x) {
    Referral y;
    y.id = x.i64(0);
    y.workspace_id = x.i64(1);
    y.referred_contact_id = x.i64(2);
    y.referrer_contact_id = x.opt_i64(3);
    y.referrer_name = x.text(4);
    y.introduced = x.flag(5);
    y.introduced_on = read_date(x, 6);
    return y;
  });
}

// --- appointments -----------------------------------------------------------------------

static Params appointment_params(const Appointment& a) {
  Params p;
  p.add(a.rep_id).add(epoch(a.starts_at)).add(a.duration_minutes).add(to_text(a.status)).add(a.place);
  add_point(p, a.location).flag(a.is_callback);
  return p;
}

Result<Id> PostgresStore::add_appointment(const Appointment& a) {
  Params p = appointment_params(a);
  p.add(a.workspace_id).add(a.contact_id);
  NEXTCALL_PG_INSERT_FOR(
      a.workspace_id, a.contact_id,
      "INSERT INTO appointments(rep_id, starts_at, duration_minutes, status, place, latitude, "
      "longitude, is_callback, workspace_id, contact_id) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) "
      "RETURNING id",
      p);
}

Status PostgresStore::update_appointment(const Appointment& a) {
  Params p = appointment_params(a);
  p.add(a.id).add(a.workspace_id);
  auto r = db_->query(
      "UPDATE appointments SET rep_id=$1, starts_at=$2, duration_minutes=$3, status=$4, "
      "place=$5, latitude=$6, longitude=$7, is_callback=$8 WHERE id=$9 AND workspace_id=$10",
      p);
  return updated_one(r, "appointment", a.id);
}

Result<std::vector<Appointment>> PostgresStore::list_appointments(Id ws, const Filter& f) {
  Params p;
  std::string where = where_clause(p, ws, f, "contact_id", "starts_at", "starts_at, id");
  auto r = db_->query(
      "SELECT id, workspace_id, contact_id, rep_id, starts_at, duration_minutes, status, place, "
      "latitude, longitude, is_callback FROM appointments" + where, p);
  return collect<Appointment>(r, [](const Row& x) {
    Appointment a;
    a.id = x.i64(0);
    a.workspace_id = x.i64(1);
    a.contact_id = x.i64(2);
    a.rep_id = x.opt_i64(3);
    a.starts_at = pg::instant(x.i64(4));
    a.duration_minutes = x.i32(5);
    a.status = parse_appointment_status(x.text(6)).value_or(AppointmentStatus::kProposed);
    a.place = x.text(7);
    a.location = read_point(x, 8, 9);
    a.is_callback = x.flag(10);
    return a;
  });
}

// --- attempts ----------------------------------------------------------------------------

Result<Id> PostgresStore::add_attempt(const Attempt& a) {
  // Calls to one contact take turns: each reads the contact's history, folds itself in and
  // writes it back, so two at once would each write a history without the other's call.
  // The contact's row is locked first, for the rest of the transaction (FOR NO KEY UPDATE:
  // the key-share lock that the attempt's foreign key takes on it is not held up by it,
  // so this lock cannot deadlock with calls being inserted).
  // In a transaction of its own, a serialization failure or a deadlock (which the
  // database resolves by failing one of the two) runs it all again, a few times.
  const bool own_transaction = tx_depth_ == 0;
  constexpr int kTries = 5;
  for (int round = 1;; ++round) {
    db_->clear_sqlstate();
    auto id = add_attempt_once(a);
    if (id.ok() || !own_transaction || round == kTries || !pg::is_transient(db_->last_sqlstate())) return id;
  }
}

Result<Id> PostgresStore::add_attempt_once(const Attempt& a) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    // The lock and the insert travel together; the insert is rolled back with the
    // transaction when the lock found no contact of this workspace.
    auto both = db_->query_both(
        "SELECT 1 FROM contacts WHERE id=$1 AND workspace_id=$2 FOR NO KEY UPDATE",
        Params().add(a.contact_id).add(a.workspace_id),
        "INSERT INTO attempts(workspace_id, contact_id, rep_id, at, outcome, rung, ladder, reason, "
        "reason_id, note, next_on, duration_seconds, approach) "
        "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id",
        Params()
            .add(a.workspace_id)
            .add(a.contact_id)
            .add(a.rep_id)
            .add(epoch(a.at))
            .add(to_text(a.outcome))
            .add(a.rung)
            .add(a.ladder)
            .add(a.reason)
            .add(a.reason_id)
            .add(a.note)
            .add(date_text(a.next_on))
            .add(a.duration_seconds)
            .add(a.approach));
    auto got = pg::guarded_id(*db_, both, a.contact_id);
    if (!got.ok()) return got.status();
    id = *got;
    return record_call_in_history(*this, a, id);
  });
  if (!s.ok()) return s;
  return id;
}

Result<std::vector<Attempt>> PostgresStore::list_attempts(Id ws, const Filter& f) {
  Params p;
  std::string where = where_clause(p, ws, f, "contact_id", "at", "at, id");
  auto r = db_->query(
      "SELECT id, workspace_id, contact_id, rep_id, at, outcome, rung, ladder, reason, reason_id, "
      "note, next_on, duration_seconds, approach FROM attempts" + where, p);
  return collect<Attempt>(r, [](const Row& x) {
    Attempt a;
    a.id = x.i64(0);
    a.workspace_id = x.i64(1);
    a.contact_id = x.i64(2);
    a.rep_id = x.opt_i64(3);
    a.at = pg::instant(x.i64(4));
    a.outcome = parse_outcome(x.text(5)).value_or(Outcome::kNoAnswer);
    a.rung = x.text(6);
    a.ladder = x.text(7);
    a.reason = x.text(8);
    a.reason_id = x.opt_i64(9);
    a.note = x.text(10);
    a.next_on = read_date(x, 11);
    a.duration_seconds = x.i32(12);
    a.approach = x.text(13);
    return a;
  });
}

}  // namespace nextcall
