// PostgresStore: opening, migrations, transactions, workspaces, users and settings.
#include "store/postgres/postgres_store.h"
#include "store/call_histories.h"

#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_schema.h"
#include "store/settings_json.h"

namespace nextcall {

using pg::Params;
using pg::Row;

namespace pg {

std::string strings_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> strings_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

}  // namespace pg

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url, SchemaUse use) {
  auto conn = pg::Conn::open(url);
  if (!conn.ok()) return conn.status();
  auto store = std::make_unique<PostgresStore>(std::move(conn.value()));
  if (use == SchemaUse::kMigrate) NEXTCALL_RETURN_IF_ERROR(store->migrate().status());
  if (use == SchemaUse::kCheck) {
    // Read only, no lock: a read-only replica and a role without DDL rights open it too.
    auto found = store->stored_schema_version();
    if (!found.ok()) return found.status();
    NEXTCALL_RETURN_IF_ERROR(check_schema_version(*found, url));
  }
  return std::unique_ptr<Store>(std::move(store));
}

Result<int> PostgresStore::stored_schema_version() {
  auto r = db_->query("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!r.ok()) return r.status().with_context("reading the schema version");
  if (r->empty() || r->row(0).text(0) != "t") return 0;
  auto v = db_->query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!v.ok()) return v.status().with_context("reading the schema version");
  return v->empty() ? 0 : v->row(0).i32(0);
}

Result<int> PostgresStore::migrate() {
  // Already current: nothing to change, so nothing that needs the right to (a role that
  // only reads and writes rows may run `db migrate` and `demo` on a current database).
  if (auto stored = stored_schema_version(); stored.ok() && *stored == kSchemaVersion) return *stored;
  int from = 0;
  // Servers migrating together take turns: the first applies what is missing, the others
  // then find it recorded. The lock is the transaction's, released at COMMIT/ROLLBACK.
  Status done = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(db_->exec(
        "SELECT pg_advisory_xact_lock(7368200120251124);"
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
    const int current = schema_version();
    from = current;
    if (current > kSchemaVersion) return check_schema_version(current, "");
    for (const auto& m : pg::migrations()) {
      if (m.version <= current) continue;
      Status s = db_->exec(m.sql);
      if (s.ok())
        s = db_->query("INSERT INTO schema_migrations(version, description) VALUES($1,$2)",
                       Params().add(m.version).add(m.description))
                .status();
      if (!s.ok()) return s.with_context("migration " + std::to_string(m.version));
    }
    // Migration 4 added call histories: sum up the calls already stored.
    if (current > 0 && current < 4) {
      auto workspaces = list_workspaces();
      if (!workspaces.ok()) return workspaces.status();
      for (const Workspace& w : *workspaces)
        NEXTCALL_RETURN_IF_ERROR(rebuild_call_histories(*this, w.id).with_context("migration 4"));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return from;
}

Status PostgresStore::ping() { return db_->exec("SELECT 1"); }

int PostgresStore::schema_version() {
  auto r = db_->query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!r.ok() || r->empty()) return 0;
  return r->row(0).i32(0);
}

Status PostgresStore::transaction(const std::function<Status()>& body) {
  if (tx_depth_ > 0) {
    // Nested: join the outer transaction; a failure anywhere rolls all of it back.
    ++tx_depth_;
    Status s = body();
    --tx_depth_;
    if (!s.ok()) tx_failed_ = true;
    return s;
  }
  NEXTCALL_RETURN_IF_ERROR(db_->exec("BEGIN"));
  tx_depth_ = 1;
  settings_cache_.reset();
  tx_failed_ = false;
  Status s = body();
  tx_depth_ = 0;
  settings_cache_.reset();
  // What send() queued answers now; a failure among it fails the transaction.
  if (Status queued = db_->flush(); s.ok() && !queued.ok()) s = queued;
  if (s.ok() && !tx_failed_ && !db_->transaction_failed()) {
    Status c = db_->exec("COMMIT");
    if (c.ok()) return s;
    db_->exec("ROLLBACK");
    return c;
  }
  db_->exec("ROLLBACK");
  if (s.ok()) return Status::Conflict("a step of the transaction failed; nothing was written");
  return s;
}

// --- workspaces ----------------------------------------------------------------------

static Workspace read_workspace(const Row& r) {
  Workspace w;
  w.id = r.i64(0);
  w.name = r.text(1);
  w.default_region = r.text(2);
  return w;
}

Result<Id> PostgresStore::create_workspace(const Workspace& w) {
  auto r = db_->query("INSERT INTO workspaces(name, default_region) VALUES($1,$2) RETURNING id",
                      Params().add(w.name).add(w.default_region));
  if (!r.ok() && r.status().code() == Code::kAlreadyExists)
    return Status::AlreadyExists("a workspace named '" + w.name + "' already exists");
  return pg::returned_id(r);
}

Result<Workspace> PostgresStore::get_workspace(Id id) {
  auto r = db_->query("SELECT id, name, default_region FROM workspaces WHERE id=$1", Params().add(id));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::NotFound("no workspace with id " + std::to_string(id));
  return read_workspace(r->row(0));
}

Result<std::optional<Workspace>> PostgresStore::find_workspace_by_name(const std::string& name) {
  auto r = db_->query(
      "SELECT id, name, default_region FROM workspaces WHERE lower(name)=lower($1) ORDER BY id "
      "LIMIT 1",
      Params().add(name));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<Workspace>();
  return std::optional<Workspace>(read_workspace(r->row(0)));
}

Result<std::vector<Workspace>> PostgresStore::list_workspaces() {
  auto r = db_->query("SELECT id, name, default_region FROM workspaces ORDER BY id");
  if (!r.ok()) return r.status();
  std::vector<Workspace> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_workspace(r->row(i)));
  return out;
}

// --- users -------------------------------------------------------------------------

static const char* kUserCols =
    "id, workspace_id, name, email, role, timezone, phone_e164, password_hash";

static User read_user(const Row& r) {
  User u;
  u.id = r.i64(0);
  u.workspace_id = r.i64(1);
  u.name = r.text(2);
  u.email = r.text(3);
  u.role = parse_user_role(r.text(4)).value_or(UserRole::kRep);
  u.timezone = r.text(5);
  u.phone_e164 = r.text(6);
  u.password_hash = r.text(7);
  return u;
}

Result<Id> PostgresStore::create_user(const User& u) {
  auto r = db_->query(
      "INSERT INTO users(workspace_id, name, email, role, timezone, phone_e164, password_hash) "
      "VALUES($1,$2,$3,$4,$5,$6,$7) RETURNING id",
      Params()
          .add(u.workspace_id)
          .add(u.name)
          .add(u.email)
          .add(to_text(u.role))
          .add(u.timezone)
          .add(u.phone_e164)
          .add(u.password_hash));
  if (!r.ok() && r.status().code() == Code::kAlreadyExists)
    return Status::AlreadyExists("a user with e-mail '" + u.email + "' already exists");
  return pg::returned_id(r);
}

Status PostgresStore::update_user(const User& u) {
  auto r = db_->query(
      "UPDATE users SET name=$1, email=$2, role=$3, timezone=$4, phone_e164=$5, "
      "password_hash=$6 WHERE id=$7 AND workspace_id=$8",
      Params()
          .add(u.name)
          .add(u.email)
          .add(to_text(u.role))
          .add(u.timezone)
          .add(u.phone_e164)
          .add(u.password_hash)
          .add(u.id)
          .add(u.workspace_id));
  if (!r.ok()) {
    if (r.status().code() == Code::kAlreadyExists)
      return Status::AlreadyExists("a user with e-mail '" + u.email + "' already exists");
    return r.status();
  }
  return pg::touched(*r, "user", u.id);
}

Result<User> PostgresStore::get_user(Id ws, Id id) {
  auto r = db_->query(std::string("SELECT ") + kUserCols + " FROM users WHERE id=$1 AND workspace_id=$2",
                      Params().add(id).add(ws));
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::NotFound("no user with id " + std::to_string(id));
  return read_user(r->row(0));
}

Result<std::optional<User>> PostgresStore::find_user_by_email(const std::string& email) {
  auto r = db_->query(std::string("SELECT ") + kUserCols + " FROM users WHERE lower(email)=lower($1)",
                      Params().add(email));
  if (!r.ok()) return r.status();
  if (r->empty()) return std::optional<User>();
  return std::optional<User>(read_user(r->row(0)));
}

Result<std::vector<User>> PostgresStore::list_users(Id ws) {
  auto r = db_->query(std::string("SELECT ") + kUserCols + " FROM users WHERE workspace_id=$1 ORDER BY id",
                      Params().add(ws));
  if (!r.ok()) return r.status();
  std::vector<User> out;
  for (int i = 0; i < r->size(); ++i) out.push_back(read_user(r->row(i)));
  return out;
}

// --- settings ----------------------------------------------------------------------

Result<Settings> PostgresStore::get_settings(Id ws) {
  // Within a transaction the settings are read once: logging a call reads them twice, and
  // a demo or an import logs thousands of calls in one transaction.
  if (tx_depth_ > 0 && settings_cache_ && settings_cache_->first == ws) return settings_cache_->second;
  auto r = db_->query("SELECT body FROM settings WHERE workspace_id=$1", Params().add(ws));
  if (!r.ok()) return r.status();
  Settings settings;
  if (!r->empty()) {
    auto parsed = settings_from_json(r->row(0).text(0));
    if (!parsed.ok()) return parsed.status().with_context("stored settings");
    settings = *parsed;
  }
  auto w = get_workspace(ws);
  if (w.ok()) settings.default_region = w->default_region;
  if (tx_depth_ > 0) settings_cache_.emplace(ws, settings);
  return settings;
}

Status PostgresStore::put_settings(Id ws, const Settings& settings) {
  settings_cache_.reset();
  return transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(db_->query("INSERT INTO settings(workspace_id, body) VALUES($1,$2) "
                                        "ON CONFLICT(workspace_id) DO UPDATE SET body=EXCLUDED.body",
                                        Params().add(ws).add(settings_to_json(settings)))
                                 .status());
    return db_->query("UPDATE workspaces SET default_region=$1 WHERE id=$2",
                      Params().add(settings.default_region).add(ws))
        .status();
  });
}

}  // namespace nextcall
