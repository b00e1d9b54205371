// SqliteStore: accounts and contacts.
#include <algorithm>

#include "core/model_text.h"
#include "store/call_histories.h"
#include "store/phones_text.h"
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

const char* kAccountCols =
    "id, workspace_id, name, industry, city, region, country, latitude, longitude, notes";

Account read_account(const Stmt& st) {
  Account a;
  a.id = st.i64(0);
  a.workspace_id = st.i64(1);
  a.name = st.text(2);
  a.industry = st.text(3);
  a.city = st.text(4);
  a.region = st.text(5);
  a.country = st.text(6);
  a.location = read_point(st, 7, 8);
  a.notes = st.text(9);
  return a;
}

const char* kContactCols =
    "c.id, c.workspace_id, c.account_id, c.owner_id, c.first_name, c.last_name, c.title, c.role, "
    "c.stage, c.email, c.phones, c.timezone, c.city, c.region, c.country, c.latitude, "
    "c.longitude, c.hot_button, c.cadence_kind, c.cadence_days, c.deal_value, c.do_not_call, "
    "c.do_not_call_since, c.do_not_call_reason, c.snoozed_until, c.snooze_reason, "
    "c.gatekeeper_id, c.created_at, c.updated_at, c.import_id";

Contact read_contact(const Stmt& st) {
  Contact c;
  c.id = st.i64(0);
  c.workspace_id = st.i64(1);
  c.account_id = st.opt_i64(2);
  c.owner_id = st.opt_i64(3);
  c.first_name = st.text(4);
  c.last_name = st.text(5);
  c.title = st.text(6);
  c.role = parse_role(st.text(7)).value_or(Role::kDecisionMaker);
  c.stage = parse_stage(st.text(8)).value_or(Stage::kProspect);
  c.email = st.text(9);
  c.phones = phones_from_text(st.view(10));
  c.timezone = st.text(11);
  c.city = st.text(12);
  c.region = st.text(13);
  c.country = st.text(14);
  c.location = read_point(st, 15, 16);
  c.hot_button = st.text(17);
  c.cadence.kind = static_cast<Cadence::Kind>(st.i32(18));
  c.cadence.every_days = st.i32(19);
  c.deal_value = st.f64(20);
  c.do_not_call = st.i32(21) != 0;
  c.do_not_call_since = read_date(st, 22);
  c.do_not_call_reason = st.text(23);
  c.snoozed_until = read_date(st, 24);
  c.snooze_reason = st.text(25);
  c.gatekeeper_id = st.opt_i64(26);
  c.created_at = sqlite::instant(st.i64(27));
  c.updated_at = sqlite::instant(st.i64(28));
  c.import_id = st.opt_i64(29);
  return c;
}

// Binds the contact's fields to ?1..?29 in the column order of kContactCols (from workspace_id).
void bind_contact(Stmt& st, const Contact& c) {
  st.bind(1, c.workspace_id)
      .bind(2, c.account_id)
      .bind(3, c.owner_id)
      .bind(4, c.first_name)
      .bind(5, c.last_name)
      .bind(6, c.title)
      .bind(7, to_text(c.role))
      .bind(8, to_text(c.stage))
      .bind(9, c.email)
      .bind(10, phones_text(c.phones))
      .bind(11, c.timezone)
      .bind(12, c.city)
      .bind(13, c.region)
      .bind(14, c.country);
  bind_point(st, 15, c.location);
  st.bind(17, c.hot_button)
      .bind(18, static_cast<int>(c.cadence.kind))
      .bind(19, c.cadence.every_days)
      .bind(20, c.deal_value)
      .bind(21, c.do_not_call ? 1 : 0)
      .bind(22, date_text(c.do_not_call_since))
      .bind(23, c.do_not_call_reason)
      .bind(24, date_text(c.snoozed_until))
      .bind(25, c.snooze_reason)
      .bind(26, c.gatekeeper_id)
      .bind(27, epoch(c.created_at))
      .bind(28, epoch(c.updated_at))
      .bind(29, c.import_id);
}

}  // namespace

// --- accounts ------------------------------------------------------------------------

Result<Id> SqliteStore::create_account(const Account& a) {
  auto st = db_->prepare(
      "INSERT INTO accounts(workspace_id, name, industry, city, region, country, latitude, "
      "longitude, notes) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  st->bind(1, a.workspace_id)
      .bind(2, a.name)
      .bind(3, a.industry)
      .bind(4, a.city)
      .bind(5, a.region)
      .bind(6, a.country);
  bind_point(*st, 7, a.location);
  st->bind(9, a.notes);
  Status s = st->run();
  if (!s.ok()) {
    if (s.code() == Code::kAlreadyExists)
      return Status::AlreadyExists("an account named '" + a.name + "' already exists");
    return s;
  }
  return db_->last_insert_id();
}

Status SqliteStore::update_account(const Account& a) {
  auto st = db_->prepare(
      "UPDATE accounts SET name=?, industry=?, city=?, region=?, country=?, latitude=?, "
      "longitude=?, notes=? WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, a.name).bind(2, a.industry).bind(3, a.city).bind(4, a.region).bind(5, a.country);
  bind_point(*st, 6, a.location);
  st->bind(8, a.notes).bind(9, a.id).bind(10, a.workspace_id);
  Status s = st->run();
  if (!s.ok()) {
    if (s.code() == Code::kAlreadyExists)
      return Status::AlreadyExists("an account named '" + a.name + "' already exists");
    return s;
  }
  if (db_->changes() == 0) return Status::NotFound("no account with id " + std::to_string(a.id));
  return Status::Ok();
}

Result<Account> SqliteStore::get_account(Id ws, Id id) {
  auto st = db_->prepare(std::string("SELECT ") + kAccountCols +
                         " FROM accounts WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  if (st->step(&s)) return read_account(*st);
  if (!s.ok()) return s;
  return Status::NotFound("no account with id " + std::to_string(id));
}

Result<std::optional<Account>> SqliteStore::find_account_by_name(Id ws, const std::string& name) {
  auto st = db_->prepare(std::string("SELECT ") + kAccountCols +
                         " FROM accounts WHERE workspace_id=? AND name=? COLLATE NOCASE");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, name);
  Status s;
  if (st->step(&s)) return std::optional<Account>(read_account(*st));
  if (!s.ok()) return s;
  return std::optional<Account>();
}

Result<std::vector<Account>> SqliteStore::list_accounts(Id ws, const Filter& f) {
  std::string sql = std::string("SELECT ") + kAccountCols + " FROM accounts WHERE workspace_id=?1";
  if (!f.text.empty()) sql += " AND (name LIKE ?2 ESCAPE '\\' OR industry LIKE ?2 ESCAPE '\\')";
  sql += " ORDER BY name COLLATE NOCASE, id";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
  auto st = db_->prepare(sql);
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  if (!f.text.empty()) {
    std::string pat = "%";
    for (char ch : f.text) {
      if (ch == '%' || ch == '_' || ch == '\\') pat += '\\';
      pat += ch;
    }
    st->bind(2, pat + "%");
  }
  std::vector<Account> out;
  Status s;
  while (st->step(&s)) out.push_back(read_account(*st));
  if (!s.ok()) return s;
  return out;
}

// --- contacts ------------------------------------------------------------------------

Status SqliteStore::write_phones(const Contact& c) {
  auto del = db_->prepare("DELETE FROM contact_phones WHERE contact_id=?");
  if (!del.ok()) return del.status();
  NEXTCALL_RETURN_IF_ERROR(del->bind(1, c.id).run());
  auto ins = db_->prepare("INSERT INTO contact_phones(workspace_id, e164, contact_id) VALUES(?,?,?)");
  if (!ins.ok()) return ins.status();
  for (const Phone& p : c.phones) {
    Status s = ins->bind(1, c.workspace_id).bind(2, p.e164).bind(3, c.id).run();
    if (!s.ok()) {
      if (s.code() == Code::kAlreadyExists)
        return Status::AlreadyExists("phone " + p.e164 + " already belongs to another contact");
      return s;
    }
  }
  return Status::Ok();
}

Result<Id> SqliteStore::create_contact(const Contact& input) {
  Contact c = input;
  Status s = transaction([&]() -> Status {
    if (c.account_id) NEXTCALL_RETURN_IF_ERROR(get_account(c.workspace_id, *c.account_id).status());
    auto st = db_->prepare(
        "INSERT INTO contacts(workspace_id, account_id, owner_id, first_name, last_name, title, "
        "role, stage, email, phones, timezone, city, region, country, latitude, longitude, "
        "hot_button, cadence_kind, cadence_days, deal_value, do_not_call, do_not_call_since, "
        "do_not_call_reason, snoozed_until, snooze_reason, gatekeeper_id, created_at, updated_at, "
        "import_id) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
        "?23,?24,?25,?26,?27,?28,?29)");
    if (!st.ok()) return st.status();
    bind_contact(*st, c);
    NEXTCALL_RETURN_IF_ERROR(st->run());
    c.id = db_->last_insert_id();
    return write_phones(c);
  });
  if (!s.ok()) return s;
  return c.id;
}

Status SqliteStore::update_contact(const Contact& c) {
  return transaction([&]() -> Status {
    if (c.account_id) NEXTCALL_RETURN_IF_ERROR(get_account(c.workspace_id, *c.account_id).status());
    auto st = db_->prepare(
        "UPDATE contacts SET account_id=?2, owner_id=?3, first_name=?4, last_name=?5, title=?6, "
        "role=?7, stage=?8, email=?9, phones=?10, timezone=?11, city=?12, region=?13, "
        "country=?14, latitude=?15, longitude=?16, hot_button=?17, cadence_kind=?18, "
        "cadence_days=?19, deal_value=?20, do_not_call=?21, do_not_call_since=?22, "
        "do_not_call_reason=?23, snoozed_until=?24, snooze_reason=?25, gatekeeper_id=?26, "
        "created_at=?27, updated_at=?28, import_id=?29 WHERE id=?30 AND workspace_id=?1");
    if (!st.ok()) return st.status();
    bind_contact(*st, c);
    st->bind(30, c.id);
    NEXTCALL_RETURN_IF_ERROR(st->run());
    if (db_->changes() == 0) return Status::NotFound("no contact with id " + std::to_string(c.id));
    NEXTCALL_RETURN_IF_ERROR(write_phones(c));
    // Their zone or owner may have changed: their calls' local minutes with it.
    return rebuild_call_histories(*this, c.workspace_id, c.id);
  });
}

Result<Contact> SqliteStore::get_contact(Id ws, Id id) {
  auto st = db_->prepare(std::string("SELECT ") + kContactCols +
                         " FROM contacts c WHERE c.id=? AND c.workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  if (st->step(&s)) return read_contact(*st);
  if (!s.ok()) return s;
  return Status::NotFound("no contact with id " + std::to_string(id));
}

namespace {

bool joins_accounts(const Filter& f) { return !f.text.empty() || f.sort == "company"; }

// The FROM and WHERE of a contact list (parameters ?1 to ?8), shared by the list and its
// count so that the two never disagree.
std::string contacts_from_where(const Filter& f, bool whole, bool for_count) {
  std::string sql = std::string(" FROM contacts c") + (whole ? " NOT INDEXED" : "");
  if (joins_accounts(f) && !(for_count && f.text.empty()))
    sql += " LEFT JOIN accounts a ON a.id = c.account_id";
  sql += " WHERE c.workspace_id=?1";
  if (f.owner_id) sql += " AND c.owner_id=?2";
  if (f.account_id) sql += " AND c.account_id=?3";
  if (f.contact_id) sql += " AND c.id=?5";
  if (f.missing_timezone) sql += " AND c.timezone=''";
  if (!f.stage.empty()) sql += " AND c.stage=?7";
  if (f.import_id) sql += " AND c.import_id=?8";
  if (f.do_not_call) sql += *f.do_not_call ? " AND c.do_not_call<>0" : " AND c.do_not_call=0";
  if (f.never_called)
    sql += " AND NOT EXISTS (SELECT 1 FROM attempts t WHERE t.workspace_id=c.workspace_id AND "
           "t.contact_id=c.id)";
  sql += sqlite::listed_clause(f.contact_ids, "c.id");
  if (!f.text.empty()) {
    std::string digits;
    for (char ch : f.text)
      if (ch >= '0' && ch <= '9') digits += ch;
    sql +=
        " AND ((c.first_name || ' ' || c.last_name) LIKE ?4 ESCAPE '\\' OR c.email LIKE ?4 "
        "ESCAPE '\\' OR a.name LIKE ?4 ESCAPE '\\' OR c.title LIKE ?4 ESCAPE '\\'";
    if (digits.size() >= 4) sql += " OR c.phones LIKE ?6";
    sql += ")";
  }
  return sql;
}

void bind_contact_filter(sqlite::Stmt& st, Id ws, const Filter& f) {
  st.bind(1, ws);
  if (f.owner_id) st.bind(2, *f.owner_id);
  if (f.account_id) st.bind(3, *f.account_id);
  if (f.contact_id) st.bind(5, *f.contact_id);
  if (!f.stage.empty()) st.bind(7, f.stage);
  if (f.import_id) st.bind(8, *f.import_id);
  if (!f.text.empty()) {
    std::string digits;
    std::string pat = "%";
    for (char ch : f.text) {
      if (ch >= '0' && ch <= '9') digits += ch;
      if (ch == '%' || ch == '_' || ch == '\\') pat += '\\';
      pat += ch;
    }
    st.bind(4, pat + "%");
    if (digits.size() >= 4) st.bind(6, "%" + digits + "%");
  }
}

std::string contacts_order(const Filter& f) {
  const char* dir = f.descending ? " DESC" : "";
  std::string by;
  if (f.sort == "name")
    by = std::string("c.last_name COLLATE NOCASE") + dir + ", c.first_name COLLATE NOCASE" + dir;
  else if (f.sort == "company")
    by = std::string("a.name IS NULL, a.name COLLATE NOCASE") + dir;
  else if (f.sort == "stage")
    by = std::string("c.stage") + dir;
  if (by.empty()) return std::string(" ORDER BY c.id") + dir;
  return " ORDER BY " + by + ", c.id" + dir;
}

}  // namespace

Result<sqlite::Stmt> SqliteStore::contacts_query(Id ws, const Filter& f, bool* whole_out) {
  // A whole workspace is read in storage order (which is id order): through the
  // (workspace, account) index it would be sorted again, every row copied once more.
  bool whole = !f.owner_id && !f.account_id && !f.contact_id && f.text.empty() && f.limit <= 0 &&
               f.stage.empty() && !f.do_not_call && !f.never_called && !f.import_id && f.sort.empty() &&
               !f.descending;
  *whole_out = whole;
  std::string sql = std::string("SELECT ") + kContactCols + contacts_from_where(f, whole, false);
  sql += contacts_order(f);
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
  auto st = db_->prepare(sql);
  if (!st.ok()) return st.status();
  bind_contact_filter(*st, ws, f);
  return st;
}

Result<long> SqliteStore::count_matching_contacts(Id ws, const Filter& f) {
  Filter all = f;
  all.limit = 0;
  all.offset = 0;
  auto st = db_->prepare("SELECT COUNT(*)" + contacts_from_where(all, false, true));
  if (!st.ok()) return st.status();
  bind_contact_filter(*st, ws, all);
  sqlite::ContactGate gate(f.contact_ids);
  sqlite::bind_gate(*st, f.contact_ids, &gate);
  Status s;
  if (st->step(&s)) return static_cast<long>(st->i64(0));
  return s;
}

Result<std::vector<Contact>> SqliteStore::list_contacts(Id ws, const Filter& f) {
  bool whole = false;
  auto st = contacts_query(ws, f, &whole);
  if (!st.ok()) return st.status();
  // A whole workspace or a listed part of one (a team plan, an export): contacts are big,
  // so the list is sized once rather than moved each time it grows.
  std::vector<Contact> out;
  if (f.contact_ids) {
    out.reserve(f.contact_ids->size());
  } else if (whole && !f.missing_timezone) {
    auto n = count_contacts(ws);
    if (n.ok()) out.reserve(static_cast<std::size_t>(*n));
  }
  Status s;
  sqlite::ContactGate gate(f.contact_ids);
  sqlite::bind_gate(*st, f.contact_ids, &gate);
  while (st->step(&s)) out.push_back(read_contact(*st));
  if (!s.ok()) return s;
  return out;
}

Status SqliteStore::each_contact(Id ws, const Filter& f, const std::function<void(Contact&&)>& take) {
  bool whole = false;
  auto st = contacts_query(ws, f, &whole);
  if (!st.ok()) return st.status();
  Status s;
  sqlite::ContactGate gate(f.contact_ids);
  sqlite::bind_gate(*st, f.contact_ids, &gate);
  while (st->step(&s)) take(read_contact(*st));
  return s;
}

Result<std::optional<Contact>> SqliteStore::find_contact_by_phone(Id ws, const std::string& e164) {
  auto st = db_->prepare("SELECT contact_id FROM contact_phones WHERE workspace_id=? AND e164=?");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, e164);
  Status s;
  if (st->step(&s)) {
    Id id = st->i64(0);
    auto c = get_contact(ws, id);
    if (!c.ok()) return c.status();
    return std::optional<Contact>(*c);
  }
  if (!s.ok()) return s;
  return std::optional<Contact>();
}

Result<std::optional<Contact>> SqliteStore::find_contact_by_email(Id ws, const std::string& email) {
  if (email.empty()) return std::optional<Contact>();
  auto st = db_->prepare(std::string("SELECT ") + kContactCols +
                         " FROM contacts c WHERE c.workspace_id=? AND c.email=? COLLATE NOCASE "
                         "AND c.email<>'' ORDER BY c.id LIMIT 1");
  if (!st.ok()) return st.status();
  st->bind(1, ws).bind(2, email);
  Status s;
  if (st->step(&s)) return std::optional<Contact>(read_contact(*st));
  if (!s.ok()) return s;
  return std::optional<Contact>();
}

Result<long> SqliteStore::count_contacts(Id ws) {
  auto st = db_->prepare("SELECT COUNT(*) FROM contacts WHERE workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  Status s;
  if (st->step(&s)) return static_cast<long>(st->i64(0));
  return s;
}

Status SqliteStore::require_contact(Id ws, Id id) {
  auto st = db_->prepare("SELECT 1 FROM contacts WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  if (st->step(&s)) return Status::Ok();
  if (!s.ok()) return s;
  return Status::NotFound("no contact with id " + std::to_string(id));
}

}  // namespace nextcall
