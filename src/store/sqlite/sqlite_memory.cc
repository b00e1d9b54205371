// SqliteStore: the memory of each contact (threads, objections, materials, commitments,
// referrals, appointments) and the calls.
#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "store/call_histories.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace nextcall {

using sqlite::bind_point;
using sqlite::date_text;
using sqlite::epoch;
using sqlite::read_date;
using sqlite::read_point;
using sqlite::Stmt;

namespace {

// " WHERE workspace_id=?1 [AND <col>=?2] [AND <col> IN (contacts of owner ?3)] [time range]"
std::string where_clause(const Filter& f, const char* contact_col, const char* time_col = nullptr) {
  std::string w = " WHERE workspace_id=?1";
  if (f.contact_id) w += std::string(" AND ") + contact_col + "=?2";
  if (f.owner_id)
    w += std::string(" AND ") + contact_col +
         " IN (SELECT id FROM contacts WHERE workspace_id=?1 AND owner_id=?3)";
  if (time_col && f.since) w += std::string(" AND ") + time_col + ">=?4";
  if (time_col && f.until) w += std::string(" AND ") + time_col + "<?5";
  if (f.id) w += " AND id=?6";
  return w;
}

void bind_filter(Stmt& st, Id ws, const Filter& f) {
  st.bind(1, ws);
  if (f.contact_id) st.bind(2, *f.contact_id);
  if (f.owner_id) st.bind(3, *f.owner_id);
  if (f.since) st.bind(4, epoch(*f.since));
  if (f.until) st.bind(5, epoch(*f.until));
  if (f.id) st.bind(6, *f.id);
}

std::string limit_clause(const Filter& f) {
  if (f.limit <= 0) return "";
  return " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
}

template <typename T, typename Read>
Result<std::vector<T>> collect(Result<Stmt>& st, Read read, const std::vector<Id>* contact_ids = nullptr) {
  std::vector<T> out;
  Status s;
  // With a list of contacts, the query asks the gate (listed_clause) and SQLite passes
  // over the rows of the others.
  sqlite::ContactGate gate(contact_ids);
  sqlite::bind_gate(*st, contact_ids, &gate);
  while (st->step(&s)) out.push_back(read(*st));
  if (!s.ok()) return s;
  return out;
}

Status updated_one(int changes, const char* what, Id id) {
  if (changes == 0) return Status::NotFound(std::string("no ") + what + " with id " + std::to_string(id));
  return Status::Ok();
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

// --- threads ---------------------------------------------------------------------------

Result<Id> SqliteStore::add_thread(const Thread& t) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(t.workspace_id, t.contact_id));
    auto st = db_->prepare(
        "INSERT INTO threads(workspace_id, contact_id, topic, kind, open, mentioned_on, detail) "
        "VALUES(?,?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, t.workspace_id)
                                 .bind(2, t.contact_id)
                                 .bind(3, t.topic)
                                 .bind(4, to_text(t.kind))
                                 .bind(5, t.open ? 1 : 0)
                                 .bind(6, date_text(t.mentioned_on))
                                 .bind(7, t.detail)
                                 .run());
    id = db_->last_insert_id();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status SqliteStore::update_thread(const Thread& t) {
  auto st = db_->prepare(
      "UPDATE threads SET topic=?, kind=?, open=?, mentioned_on=?, detail=? "
      "WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, t.topic)
                               .bind(2, to_text(t.kind))
                               .bind(3, t.open ? 1 : 0)
                               .bind(4, date_text(t.mentioned_on))
                               .bind(5, t.detail)
                               .bind(6, t.id)
                               .bind(7, t.workspace_id)
                               .run());
  return updated_one(db_->changes(), "thread", t.id);
}

Result<std::vector<Thread>> SqliteStore::list_threads(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, contact_id, topic, kind, open, mentioned_on, detail FROM threads" +
      where_clause(f, "contact_id") + sqlite::listed_clause(f.contact_ids, "contact_id") +
      " ORDER BY contact_id, id" + limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Thread>(st, [](const Stmt& r) {
    Thread t;
    t.id = r.i64(0);
    t.workspace_id = r.i64(1);
    t.contact_id = r.i64(2);
    t.topic = r.text(3);
    t.kind = parse_thread_kind(r.text(4)).value_or(ThreadKind::kBusiness);
    t.open = r.i32(5) != 0;
    t.mentioned_on = read_date(r, 6);
    t.detail = r.text(7);
    return t;
  }, f.contact_ids);
}

// --- objections -------------------------------------------------------------------------

Result<Id> SqliteStore::add_objection(const Objection& o) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(o.workspace_id, o.contact_id));
    auto st = db_->prepare(
        "INSERT INTO objections(workspace_id, contact_id, code, detail, amount, status, "
        "answered_by_change_id, recorded_on) VALUES(?,?,?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, o.workspace_id)
                                 .bind(2, o.contact_id)
                                 .bind(3, o.code)
                                 .bind(4, o.detail)
                                 .bind(5, o.amount)
                                 .bind(6, to_text(o.status))
                                 .bind(7, o.answered_by_change_id)
                                 .bind(8, date_text(o.recorded_on))
                                 .run());
    id = db_->last_insert_id();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status SqliteStore::update_objection(const Objection& o) {
  auto st = db_->prepare(
      "UPDATE objections SET code=?, detail=?, amount=?, status=?, answered_by_change_id=?, "
      "recorded_on=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, o.code)
                               .bind(2, o.detail)
                               .bind(3, o.amount)
                               .bind(4, to_text(o.status))
                               .bind(5, o.answered_by_change_id)
                               .bind(6, date_text(o.recorded_on))
                               .bind(7, o.id)
                               .bind(8, o.workspace_id)
                               .run());
  return updated_one(db_->changes(), "objection", o.id);
}

Result<std::vector<Objection>> SqliteStore::list_objections(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, contact_id, code, detail, amount, status, answered_by_change_id, "
      "recorded_on FROM objections" +
      where_clause(f, "contact_id") + sqlite::listed_clause(f.contact_ids, "contact_id") +
      " ORDER BY contact_id, id" + limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Objection>(st, [](const Stmt& r) {
    Objection o;
    o.id = r.i64(0);
    o.workspace_id = r.i64(1);
    o.contact_id = r.i64(2);
    o.code = r.text(3);
    o.detail = r.text(4);
    o.amount = r.opt_f64(5);
    o.status = parse_objection_status(r.text(6)).value_or(ObjectionStatus::kOpen);
    o.answered_by_change_id = r.opt_i64(7);
    o.recorded_on = read_date(r, 8);
    return o;
  }, f.contact_ids);
}

// --- materials --------------------------------------------------------------------------

Result<Id> SqliteStore::add_material(const Material& m) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(m.workspace_id, m.contact_id));
    auto st = db_->prepare(
        "INSERT INTO materials(workspace_id, contact_id, title, sent_on, link, pointers) "
        "VALUES(?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, m.workspace_id)
                                 .bind(2, m.contact_id)
                                 .bind(3, m.title)
                                 .bind(4, date_text(m.sent_on))
                                 .bind(5, m.link)
                                 .bind(6, pointers_json(m.pointers))
                                 .run());
    id = db_->last_insert_id();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status SqliteStore::update_material(const Material& m) {
  auto st = db_->prepare(
      "UPDATE materials SET title=?, sent_on=?, link=?, pointers=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, m.title)
                               .bind(2, date_text(m.sent_on))
                               .bind(3, m.link)
                               .bind(4, pointers_json(m.pointers))
                               .bind(5, m.id)
                               .bind(6, m.workspace_id)
                               .run());
  return updated_one(db_->changes(), "material", m.id);
}

Result<std::vector<Material>> SqliteStore::list_materials(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, contact_id, title, sent_on, link, pointers FROM materials" +
      where_clause(f, "contact_id") + sqlite::listed_clause(f.contact_ids, "contact_id") +
      " ORDER BY contact_id, id" + limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Material>(st, [](const Stmt& r) {
    Material m;
    m.id = r.i64(0);
    m.workspace_id = r.i64(1);
    m.contact_id = r.i64(2);
    m.title = r.text(3);
    m.sent_on = read_date(r, 4);
    m.link = r.text(5);
    m.pointers = pointers_from_json(r.text(6));
    return m;
  }, f.contact_ids);
}

// --- commitments ------------------------------------------------------------------------

Result<Id> SqliteStore::add_commitment(const Commitment& c) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(c.workspace_id, c.contact_id));
    auto st = db_->prepare(
        "INSERT INTO commitments(workspace_id, contact_id, owner, what, due_on, status, "
        "material_id, created_on) VALUES(?,?,?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, c.workspace_id)
                                 .bind(2, c.contact_id)
                                 .bind(3, to_text(c.owner))
                                 .bind(4, c.what)
                                 .bind(5, date_text(c.due_on))
                                 .bind(6, to_text(c.status))
                                 .bind(7, c.material_id)
                                 .bind(8, date_text(c.created_on))
                                 .run());
    id = db_->last_insert_id();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status SqliteStore::update_commitment(const Commitment& c) {
  auto st = db_->prepare(
      "UPDATE commitments SET owner=?, what=?, due_on=?, status=?, material_id=?, created_on=? "
      "WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, to_text(c.owner))
                               .bind(2, c.what)
                               .bind(3, date_text(c.due_on))
                               .bind(4, to_text(c.status))
                               .bind(5, c.material_id)
                               .bind(6, date_text(c.created_on))
                               .bind(7, c.id)
                               .bind(8, c.workspace_id)
                               .run());
  return updated_one(db_->changes(), "commitment", c.id);
}

Result<std::vector<Commitment>> SqliteStore::list_commitments(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, contact_id, owner, what, due_on, status, material_id, created_on "
      "FROM commitments" +
      where_clause(f, "contact_id") + sqlite::listed_clause(f.contact_ids, "contact_id") +
      " ORDER BY contact_id, id" + limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Commitment>(st, [](const Stmt& r) {
    Commitment c;
    c.id = r.i64(0);
    c.workspace_id = r.i64(1);
    c.contact_id = r.i64(2);
    c.owner = parse_party(r.text(3)).value_or(Party::kContact);
    c.what = r.text(4);
    c.due_on = read_date(r, 5);
    c.status = parse_commitment_status(r.text(6)).value_or(CommitmentStatus::kOpen);
    c.material_id = r.opt_i64(7);
    c.created_on = read_date(r, 8);
    return c;
  }, f.contact_ids);
}

// --- referrals --------------------------------------------------------------------------

Result<Id> SqliteStore::add_referral(const Referral& r) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(r.workspace_id, r.referred_contact_id));
    if (r.referrer_contact_id)
      NEXTCALL_RETURN_IF_ERROR(require_contact(r.workspace_id, *r.referrer_contact_id));
    auto st = db_->prepare(
        "INSERT INTO referrals(workspace_id, referred_contact_id, referrer_contact_id, "
        "referrer_name, introduced, introduced_on) VALUES(?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, r.workspace_id)
                                 .bind(2, r.referred_contact_id)
                                 .bind(3, r.referrer_contact_id)
                                 .bind(4, r.referrer_name)
                                 .bind(5, r.introduced ? 1 : 0)
                                 .bind(6, date_text(r.introduced_on))
                                 .run());
    id = db_->last_insert_id();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status SqliteStore::update_referral(const Referral& r) {
  auto st = db_->prepare(
      "UPDATE referrals SET referrer_contact_id=?, referrer_name=?, introduced=?, introduced_on=? "
      "WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, r.referrer_contact_id)
                               .bind(2, r.referrer_name)
                               .bind(3, r.introduced ? 1 : 0)
                               .bind(4, date_text(r.introduced_on))
                               .bind(5, r.id)
                               .bind(6, r.workspace_id)
                               .run());
  return updated_one(db_->changes(), "referral", r.id);
}

Result<std::vector<Referral>> SqliteStore::list_referrals(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, referred_contact_id, referrer_contact_id, referrer_name, "
      "introduced, introduced_on FROM referrals" +
      where_clause(f, "referred_contact_id") + " ORDER BY referred_contact_id, id" +
      limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Referral>(st, [](const Stmt& r) {
    Referral x;
    x.id = r.i64(0);
    x.workspace_id = r.i64(1);
    x.referred_contact_id = r.i64(2);
    x.referrer_contact_id = r.opt_i64(3);
    x.referrer_name = r.text(4);
    x.introduced = r.i32(5) != 0;
    x.introduced_on = read_date(r, 6);
    return x;
  });
}

// --- appointments -----------------------------------------------------------------------

Result<Id> SqliteStore::add_appointment(const Appointment& a) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(a.workspace_id, a.contact_id));
    auto st = db_->prepare(
        "INSERT INTO appointments(workspace_id, contact_id, rep_id, starts_at, duration_minutes, "
        "status, place, latitude, longitude, is_callback) VALUES(?,?,?,?,?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    st->bind(1, a.workspace_id)
        .bind(2, a.contact_id)
        .bind(3, a.rep_id)
        .bind(4, epoch(a.starts_at))
        .bind(5, a.duration_minutes)
        .bind(6, to_text(a.status))
        .bind(7, a.place);
    bind_point(*st, 8, a.location);
    NEXTCALL_RETURN_IF_ERROR(st->bind(10, a.is_callback ? 1 : 0).run());
    id = db_->last_insert_id();
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status SqliteStore::update_appointment(const Appointment& a) {
  auto st = db_->prepare(
      "UPDATE appointments SET rep_id=?, starts_at=?, duration_minutes=?, status=?, place=?, "
      "latitude=?, longitude=?, is_callback=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, a.rep_id)
      .bind(2, epoch(a.starts_at))
      .bind(3, a.duration_minutes)
      .bind(4, to_text(a.status))
      .bind(5, a.place);
  bind_point(*st, 6, a.location);
  NEXTCALL_RETURN_IF_ERROR(
      st->bind(8, a.is_callback ? 1 : 0).bind(9, a.id).bind(10, a.workspace_id).run());
  return updated_one(db_->changes(), "appointment", a.id);
}

Result<std::vector<Appointment>> SqliteStore::list_appointments(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, contact_id, rep_id, starts_at, duration_minutes, status, place, "
      "latitude, longitude, is_callback FROM appointments" +
      where_clause(f, "contact_id", "starts_at") + " ORDER BY starts_at, id" + limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Appointment>(st, [](const Stmt& r) {
    Appointment a;
    a.id = r.i64(0);
    a.workspace_id = r.i64(1);
    a.contact_id = r.i64(2);
    a.rep_id = r.opt_i64(3);
    a.starts_at = sqlite::instant(r.i64(4));
    a.duration_minutes = r.i32(5);
    a.status = parse_appointment_status(r.text(6)).value_or(AppointmentStatus::kProposed);
    a.place = r.text(7);
    a.location = read_point(r, 8, 9);
    a.is_callback = r.i32(10) != 0;
    return a;
  });
}

// --- attempts ----------------------------------------------------------------------------

Result<Id> SqliteStore::add_attempt(const Attempt& a) {
  Id id = 0;
  Status s = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(require_contact(a.workspace_id, a.contact_id));
    auto st = db_->prepare(
        "INSERT INTO attempts(workspace_id, contact_id, rep_id, at, outcome, rung, ladder, reason, "
        "reason_id, note, next_on, duration_seconds, approach) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, a.workspace_id)
                                 .bind(2, a.contact_id)
                                 .bind(3, a.rep_id)
                                 .bind(4, epoch(a.at))
                                 .bind(5, to_text(a.outcome))
                                 .bind(6, a.rung)
                                 .bind(7, a.ladder)
                                 .bind(8, a.reason)
                                 .bind(9, a.reason_id)
                                 .bind(10, a.note)
                                 .bind(11, date_text(a.next_on))
                                 .bind(12, a.duration_seconds)
                                 .bind(13, a.approach)
                                 .run());
    id = db_->last_insert_id();
    return record_call_in_history(*this, a, id);
  });
  if (!s.ok()) return s;
  return id;
}

Result<std::vector<Attempt>> SqliteStore::list_attempts(Id ws, const Filter& f) {
  auto st = db_->prepare(
      "SELECT id, workspace_id, contact_id, rep_id, at, outcome, rung, ladder, reason, reason_id, "
      "note, next_on, duration_seconds, approach FROM attempts" +
      where_clause(f, "contact_id", "at") +
      // For one contact or one rep's contacts, go through their rows by the contact index
      // and sort what was found; "at+0" keeps SQLite from walking the whole workspace in
      // time order to save that sort.
      (f.contact_id || f.owner_id ? " ORDER BY at+0, id" : " ORDER BY at, id") + limit_clause(f));
  if (!st.ok()) return st.status();
  bind_filter(*st, ws, f);
  return collect<Attempt>(st, [](const Stmt& r) {
    Attempt a;
    a.id = r.i64(0);
    a.workspace_id = r.i64(1);
    a.contact_id = r.i64(2);
    a.rep_id = r.opt_i64(3);
    a.at = sqlite::instant(r.i64(4));
    a.outcome = parse_outcome(r.text(5)).value_or(Outcome::kNoAnswer);
    a.rung = r.text(6);
    a.ladder = r.text(7);
    a.reason = r.text(8);
    a.reason_id = r.opt_i64(9);
    a.note = r.text(10);
    a.next_on = read_date(r, 11);
    a.duration_seconds = r.i32(12);
    a.approach = r.text(13);
    return a;
  });
}

}  // namespace nextcall
