// PostgresStore: accounts and contacts.
#include "core/model_text.h"
#include "store/call_histories.h"
#include "store/phones_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

#include <algorithm>

namespace nextcall {

using pg::add_point;
using pg::date_text;
using pg::epoch;
using pg::Params;
using pg::read_date;
using pg::read_point;
using pg::Row;

namespace {

const char* kAccountCols =
    "id, workspace_id, name, industry, city, region, country, latitude, longitude, notes";

Account read_account(const Row& r) {
  Account a;
  a.id = r.i64(0);
  a.workspace_id = r.i64(1);
  a.name = r.text(2);
  a.industry = r.text(3);
  a.city = r.text(4);
  a.region = r.text(5);
  a.country = r.text(6);
  a.location = read_point(r, 7, 8);
  a.notes = r.text(9);
  return a;
}

const char* kContactCols =
    "c.id, c.workspace_id, c.account_id, c.owner_id, c.first_name, c.last_name, c.title, c.role, "
    "c.stage, c.email, c.phones, c.timezone, c.city, c.region, c.country, c.latitude, "
    "c.longitude, c.hot_button, c.cadence_kind, c.cadence_days, c.deal_value, c.do_not_call, "
    "c.do_not_call_since, c.do_not_call_reason, c.snoozed_until, c.snooze_reason, "
    "c.gatekeeper_id, c.created_at, c.updated_at, c.import_id";

Contact read_contact(const Row& r) {
  Contact c;
  c.id = r.i64(0);
  c.workspace_id = r.i64(1);
  c.account_id = r.opt_i64(2);
  c.owner_id = r.opt_i64(3);
  c.first_name = r.text(4);
  c.last_name = r.text(5);
  c.title = r.text(6);
  c.role = parse_role(r.text(7)).value_or(Role::kDecisionMaker);
  c.stage = parse_stage(r.text(8)).value_or(Stage::kProspect);
  c.email = r.text(9);
  c.phones = phones_from_text(r.text(10));
  c.timezone = r.text(11);
  c.city = r.text(12);
  c.region = r.text(13);
  c.country = r.text(14);
  c.location = read_point(r, 15, 16);
  c.hot_button = r.text(17);
  c.cadence.kind = static_cast<Cadence::Kind>(r.i32(18));
  c.cadence.every_days = r.i32(19);
  c.deal_value = r.f64(20);
  c.do_not_call = r.flag(21);
  c.do_not_call_since = read_date(r, 22);
  c.do_not_call_reason = r.text(23);
  c.snoozed_until = read_date(r, 24);
  c.snooze_reason = r.text(25);
  c.gatekeeper_id = r.opt_i64(26);
  c.created_at = pg::instant(r.i64(27));
  c.updated_at = pg::instant(r.i64(28));
  c.import_id = r.opt_i64(29);
  return c;
}

// The contact's fields as $1..$29 in the column order of kContactCols (from workspace_id).
Params contact_params(const Contact& c) {
  Params p;
  p.add(c.workspace_id)
      .add(c.account_id)
      .add(c.owner_id)
      .add(c.first_name)
      .add(c.last_name)
      .add(c.title)
      .add(to_text(c.role))
      .add(to_text(c.stage))
      .add(c.email)
      .add(phones_text(c.phones))
      .add(c.timezone)
      .add(c.city)
      .add(c.region)
      .add(c.country);
  add_point(p, c.location);
  p.add(c.hot_button)
      .add(static_cast<int>(c.cadence.kind))
      .add(c.cadence.every_days)
      .add(c.deal_value)
      .flag(c.do_not_call)
      .add(date_text(c.do_not_call_since))
      .add(c.do_not_call_reason)
      .add(date_text(c.snoozed_until))
      .add(c.snooze_reason)
      .add(c.gatekeeper_id)
      .add(epoch(c.created_at))
      .add(epoch(c.updated_at))
      .add(c.import_id);
  return p;
}

Status account_exists(Result<pg::Rows>& r, const std::string& name) {
  if (!r.ok() && r.status().code() == Code::kAlreadyExists)
    return Status::AlreadyExists("an account named '" + name + "' already exists");
  return r.status();
}

}  // namespace

// --- accounts ------------------------------------------------------------------------

Result<Id> PostgresStore::create_account(const Account& a) {
  Params p;
  p.add(a.workspace_id).add(a.name).add(a.industry).add(a.city).add(a.region).add(a.country);
  add_point(p, a.location).add(a.notes);
  auto r = db_->query(
      "INSERT INTO accounts(workspace_id, name, industry, city, region, country, latitude, "
      "longitude, notes) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
      p);
  NEXTCALL_RETURN_IF_ERROR(account_exists(r, a.name));
  return pg::returned_id(r);
}

Status PostgresStore::update_account(const Account& a) {
  Params p;
  p.add(a.name).add(a.industry).add(a.city).add(a.region).add(a.country);
  add_point(p, a.location).add(a.notes).add(a.id).add(a.workspace_id);
  auto r = db_->query(
      "UPDATE accounts SET name=$1, industry=$2, city=$3, region=$4, country=$5, latitude=$6, "
      "longitude=$7, notes=$8 WHERE id=$9 AND workspace_id=$10",
      p);
  NEXTCALL_RETURN_IF_ERROR(account_exists(r, a.name));
  return pg::touched(*r, "account", a.id);
}

Result<Account> PostgresStore::get_account(Id ws, Id id) {
  auto r = db_->query(std::string("SELECT ") + kAccountCols +
                          " FROM accounts WHERE id=$1 AND workspace_id=$2",
                      Params().add(id).add(ws));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::NotFound("no account with id " + std::to_string(id));
  return read_account(r->row(0));
}

Result<std::optional<Account>> PostgresStore::find_account_by_name(Id ws, const std::string& name) {
  auto r = db_->query(std::string("SELECT ") + kAccountCols +
                          " FROM accounts WHERE workspace_id=$1 AND lower(name)=lower($2)",
                      Params().add(ws).add(name));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<Account>();
  return std::optional<Account>(read_account(r->row(0)));
}

Result<std::vector<Account>> PostgresStore::list_accounts(Id ws, const Filter& f) {
  Params p;
  p.add(ws);
  std::string sql = std::string("SELECT ") + kAccountCols + " FROM accounts WHERE workspace_id=$1";
  if (!f.text.empty()) {
    p.add(pg::like_pattern(f.text));
    sql += " AND (name ILIKE $2 OR industry ILIKE $2)";
  }
  sql += " ORDER BY lower(name), id";
  if (f.limit > 0) {
    p.add(f.limit).add(f.offset);
    std::string n = std::to_string(p.values().size() - 1);
    sql += " LIMIT $" + n + " OFFSET $" + std::to_string(p.values().size());
  }
  auto r = db_->query(sql, p);
  if (!r.ok()) return r.status();
  std::vector<Account> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_account(r->row(i)));
  return out;
}

// --- contacts ------------------------------------------------------------------------

Status PostgresStore::write_phones(const Contact& c, bool fresh) {
  // A new contact has none to remove; the removal travels with the first insert.
  if (!fresh) NEXTCALL_RETURN_IF_ERROR(db_->send("DELETE FROM contact_phones WHERE contact_id=$1", Params().add(c.id)));
  for (const Phone& p : c.phones) {
    auto r = db_->query("INSERT INTO contact_phones(workspace_id, e164, contact_id) VALUES($1,$2,$3)",
                        Params().add(c.workspace_id).add(p.e164).add(c.id));
    if (!r.ok()) {
      if (r.status().code() == Code::kAlreadyExists)
        return Status::AlreadyExists("phone " + p.e164 + " already belongs to another contact");
      return r.status();
    }
  }
  return Status::Ok();
}

// A PostgreSQL array literal of phone numbers, for unnest($n::text[]).
static std::string phones_array(const std::vector<Phone>& phones) {
  std::string a = "{";
  for (const Phone& p : phones) {
    if (a.size() > 1) a += ',';
    a += '"';
    for (char ch : p.e164) {
      if (ch == '"' || ch == '\\') a += '\\';
      a += ch;
    }
    a += '"';
  }
  return a + "}";
}

Result<Id> PostgresStore::create_contact(const Contact& input) {
  Contact c = input;
  // One round trip: the account's check, and the contact with its phones in one statement
  // (the transaction is rolled back when the check finds no account of this workspace).
  Params p = contact_params(c);
  p.add(phones_array(c.phones));
  const std::string insert =
      "WITH c AS (INSERT INTO contacts(workspace_id, account_id, owner_id, first_name, last_name, "
      "title, role, stage, email, phones, timezone, city, region, country, latitude, longitude, "
      "hot_button, cadence_kind, cadence_days, deal_value, do_not_call, do_not_call_since, "
      "do_not_call_reason, snoozed_until, snooze_reason, gatekeeper_id, created_at, updated_at, import_id) "
      "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,"
      "$23,$24,$25,$26,$27,$28,$29) RETURNING id), "
      "p AS (INSERT INTO contact_phones(workspace_id, e164, contact_id) "
      "SELECT $1, e, c.id FROM c, unnest($30::text[]) AS e) "
      "SELECT id FROM c";
  Status s = transaction([&]() -> Status {
    db_->clear_sqlstate();
    auto both = db_->query_both("SELECT 1 FROM accounts WHERE id=$1 AND workspace_id=$2",
                                Params().add(c.account_id.value_or(0)).add(c.workspace_id), insert, p);
    if (!both.ok()) {
      if (db_->last_sqlstate() == "23505") {
        std::string which;
        for (const Phone& ph : c.phones) which += (which.empty() ? "" : " or ") + ph.e164;
        return Status::AlreadyExists("phone " + which + " already belongs to another contact");
      }
      if (db_->last_sqlstate() == "23503" && c.account_id)
        return Status::NotFound("no account with id " + std::to_string(*c.account_id));
      return both.status();
    }
    if (c.account_id && both->first.empty())
      return Status::NotFound("no account with id " + std::to_string(*c.account_id));
    if (both->second.empty()) return Status::Internal("insert returned no id");
    c.id = both->second.row(0).i64(0);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return c.id;
}

Result<std::vector<Id>> PostgresStore::create_contacts(const std::vector<Contact>& contacts) {
  // In batches: the batch's ids from the sequence, then one multi-row INSERT of the
  // contacts and one of their phones, pipelined; the accounts they name checked at once.
  constexpr std::size_t kBatch = 1000;  // 30 parameters a row, under PostgreSQL's 65,535
  std::vector<Id> ids;
  ids.reserve(contacts.size());
  Status s = transaction([&]() -> Status {
    for (std::size_t start = 0; start < contacts.size(); start += kBatch) {
      const std::size_t end = std::min(contacts.size(), start + kBatch);
      const Id ws = contacts[start].workspace_id;
      std::string accounts = "{";
      std::size_t distinct = 0;
      {
        std::vector<Id> named;
        for (std::size_t i = start; i < end; ++i) {
          if (contacts[i].workspace_id != ws)
            return Status::InvalidArgument("create_contacts: contacts of more than one workspace");
          if (contacts[i].account_id) named.push_back(*contacts[i].account_id);
        }
        std::sort(named.begin(), named.end());
        named.erase(std::unique(named.begin(), named.end()), named.end());
        distinct = named.size();
        for (Id a : named) accounts += (accounts.size() > 1 ? "," : "") + std::to_string(a);
        accounts += "}";
      }
      auto got = db_->query_both(
          "SELECT count(*) FROM accounts WHERE workspace_id=$1 AND id = ANY($2::bigint[])",
          Params().add(ws).add(accounts),
          "SELECT nextval(pg_get_serial_sequence('contacts', 'id')) FROM generate_series(1, $1)",
          Params().add(static_cast<std::int64_t>(end - start)));
      if (!got.ok()) return got.status();
      if (static_cast<std::size_t>(got->first.row(0).i64(0)) != distinct)
        return Status::NotFound("an account these contacts name is not in the workspace");
      std::string sql =
          "INSERT INTO contacts(id, workspace_id, account_id, owner_id, first_name, last_name, "
          "title, role, stage, email, phones, timezone, city, region, country, latitude, longitude, "
          "hot_button, cadence_kind, cadence_days, deal_value, do_not_call, do_not_call_since, "
          "do_not_call_reason, snoozed_until, snooze_reason, gatekeeper_id, created_at, updated_at, import_id) "
          "VALUES ";
      Params p;
      std::string phones = "{", owners = "{";
      for (std::size_t i = start; i < end; ++i) {
        const Id id = got->second.row(static_cast<int>(i - start)).i64(0);
        ids.push_back(id);
        const std::size_t base = p.values().size();
        p.add(id);
        const Params row = contact_params(contacts[i]);
        for (const auto& v : row.values()) {
          if (v) p.add(*v);
          else p.add_null();
        }
        sql += i == start ? "(" : ",(";
        for (std::size_t k = 1; k <= 30; ++k) sql += (k > 1 ? ",$" : "$") + std::to_string(base + k);
        sql += ")";
        for (const Phone& ph : contacts[i].phones) {
          std::vector<Phone> one{ph};
          std::string quoted = phones_array(one);  // {"+1…"}
          phones += (phones.size() > 1 ? "," : "") + quoted.substr(1, quoted.size() - 2);
          owners += (owners.size() > 1 ? "," : "") + std::to_string(id);
        }
      }
      NEXTCALL_RETURN_IF_ERROR(db_->send(sql, p));
      NEXTCALL_RETURN_IF_ERROR(db_->send(
          "INSERT INTO contact_phones(workspace_id, e164, contact_id) "
          "SELECT $1, e, c FROM unnest($2::text[], $3::bigint[]) AS t(e, c)",
          Params().add(ws).add(phones + "}").add(owners + "}")));
    }
    // The batches' failures (a phone another contact has) are known here.
    Status queued = db_->flush();
    if (!queued.ok() && db_->last_sqlstate() == "23505")
      return Status::AlreadyExists(db_->last_key_value().empty()
                                       ? "a phone of a contact in this import already belongs to another contact"
                                       : "phone " + db_->last_key_value() + " already belongs to another contact");
    return queued;
  });
  if (!s.ok()) return s;
  return ids;
}

Status PostgresStore::update_contact(const Contact& c) {
  return transaction([&]() -> Status {
    if (c.account_id) NEXTCALL_RETURN_IF_ERROR(get_account(c.workspace_id, *c.account_id).status());
    Params p = contact_params(c);
    p.add(c.id);
    auto r = db_->query(
        "UPDATE contacts SET account_id=$2, owner_id=$3, first_name=$4, last_name=$5, title=$6, "
        "role=$7, stage=$8, email=$9, phones=$10, timezone=$11, city=$12, region=$13, "
        "country=$14, latitude=$15, longitude=$16, hot_button=$17, cadence_kind=$18, "
        "cadence_days=$19, deal_value=$20, do_not_call=$21, do_not_call_since=$22, "
        "do_not_call_reason=$23, snoozed_until=$24, snooze_reason=$25, gatekeeper_id=$26, "
        "created_at=$27, updated_at=$28, import_id=$29 WHERE id=$30 AND workspace_id=$1",
        p);
    if (!r.ok()) return r.status();
    NEXTCALL_RETURN_IF_ERROR(pg::touched(*r, "contact", c.id));
    NEXTCALL_RETURN_IF_ERROR(write_phones(c, /*fresh=*/false));
    // Their zone or owner may have changed: their calls' local minutes with it.
    return rebuild_call_histories(*this, c.workspace_id, c.id);
  });
}

Result<Contact> PostgresStore::get_contact(Id ws, Id id) {
  auto r = db_->query(std::string("SELECT ") + kContactCols +
                          " FROM contacts c WHERE c.id=$1 AND c.workspace_id=$2",
                      Params().add(id).add(ws));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::NotFound("no contact with id " + std::to_string(id));
  return read_contact(r->row(0));
}

namespace {

// The FROM and WHERE of a contact list, its parameters added to `p`; shared by the list
// and its count so that the two never disagree.
std::string contacts_from_where(Params& p, Id ws, const Filter& f, bool join_accounts) {
  p.add(ws);
  auto next = [&p] { return "$" + std::to_string(p.values().size()); };
  std::string sql = " FROM contacts c";
  if (join_accounts) sql += " LEFT JOIN accounts a ON a.id = c.account_id";
  sql += " WHERE c.workspace_id=$1";
  if (f.owner_id) sql += " AND c.owner_id=" + (p.add(*f.owner_id), next());
  if (f.account_id) sql += " AND c.account_id=" + (p.add(*f.account_id), next());
  if (f.contact_id) sql += " AND c.id=" + (p.add(*f.contact_id), next());
  if (f.missing_timezone) sql += " AND c.timezone=''";
  if (!f.stage.empty()) sql += " AND c.stage=" + (p.add(f.stage), next());
  if (f.import_id) sql += " AND c.import_id=" + (p.add(*f.import_id), next());
  if (f.do_not_call) sql += *f.do_not_call ? " AND c.do_not_call" : " AND NOT c.do_not_call";
  if (f.never_called)
    sql += " AND NOT EXISTS (SELECT 1 FROM attempts t WHERE t.workspace_id=c.workspace_id AND "
           "t.contact_id=c.id)";
  if (!f.text.empty()) {
    std::string digits;
    for (char ch : f.text)
      if (ch >= '0' && ch <= '9') digits += ch;
    std::string t = (p.add(pg::like_pattern(f.text)), next());
    sql += " AND ((c.first_name || ' ' || c.last_name) ILIKE " + t + " OR c.email ILIKE " + t +
           " OR a.name ILIKE " + t + " OR c.title ILIKE " + t;
    if (digits.size() >= 4) sql += " OR c.phones LIKE " + (p.add("%" + digits + "%"), next());
    sql += ")";
  }
  return sql;
}

std::string contacts_order(const Filter& f) {
  const char* dir = f.descending ? " DESC" : "";
  std::string by;
  if (f.sort == "name")
    by = std::string("lower(c.last_name)") + dir + ", lower(c.first_name)" + dir;
  else if (f.sort == "company")
    by = std::string("a.name IS NULL, lower(a.name)") + dir;
  else if (f.sort == "stage")
    by = std::string("c.stage") + dir;
  if (by.empty()) return std::string(" ORDER BY c.id") + dir;
  return " ORDER BY " + by + ", c.id" + dir;
}

}  // namespace

Result<std::vector<Contact>> PostgresStore::list_contacts(Id ws, const Filter& f) {
  Params p;
  auto next = [&p] { return "$" + std::to_string(p.values().size()); };
  std::string sql = std::string("SELECT ") + kContactCols +
                    contacts_from_where(p, ws, f, !f.text.empty() || f.sort == "company");
  sql += contacts_order(f);
  if (f.limit > 0) {
    sql += " LIMIT " + (p.add(f.limit), next());
    sql += " OFFSET " + (p.add(f.offset), next());
  }
  auto r = db_->query(sql, p);
  if (!r.ok()) return r.status();
  std::vector<Contact> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_contact(r->row(i)));
  return out;
}

Result<long> PostgresStore::count_matching_contacts(Id ws, const Filter& f) {
  Params p;
  std::string sql = "SELECT COUNT(*)" + contacts_from_where(p, ws, f, !f.text.empty());
  auto r = db_->query(sql, p);
  if (!r.ok()) return r.status();
  return static_cast<long>(r->row(0).i64(0));
}

Result<std::optional<Contact>> PostgresStore::find_contact_by_phone(Id ws, const std::string& e164) {
  auto r = db_->query(std::string("SELECT ") + kContactCols +
                          " FROM contact_phones p JOIN contacts c ON c.id=p.contact_id "
                          "WHERE p.workspace_id=$1 AND p.e164=$2 AND c.workspace_id=$1",
                      Params().add(ws).add(e164));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<Contact>();
  return std::optional<Contact>(read_contact(r->row(0)));
}

Result<std::optional<Contact>> PostgresStore::find_contact_by_email(Id ws, const std::string& email) {
  if (email.empty()) return std::optional<Contact>();
  auto r = db_->query(std::string("SELECT ") + kContactCols +
                          " FROM contacts c WHERE c.workspace_id=$1 AND lower(c.email)=lower($2) "
                          "AND c.email<>'' ORDER BY c.id LIMIT 1",
                      Params().add(ws).add(email));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<Contact>();
  return std::optional<Contact>(read_contact(r->row(0)));
}

Result<long> PostgresStore::count_contacts(Id ws) {
  auto r = db_->query("SELECT COUNT(*) FROM contacts WHERE workspace_id=$1", Params().add(ws));
  if (!r.ok()) return r.status();
  return static_cast<long>(r->row(0).i64(0));
}

Status PostgresStore::require_contact(Id ws, Id id) {
  auto r = db_->query("SELECT 1 FROM contacts WHERE id=$1 AND workspace_id=$2", Params().add(id).add(ws));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::NotFound("no contact with id " + std::to_string(id));
  return Status::Ok();
}

}  // namespace nextcall
