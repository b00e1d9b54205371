// SqliteStore: opening, migrations, transactions, workspaces, users and settings.
#include "store/sqlite/sqlite_store.h"
#include "store/call_histories.h"

#include <nlohmann/json.hpp>

#include "core/model_text.h"
#include "store/settings_json.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_schema.h"

namespace nextcall {

using sqlite::Stmt;

namespace sqlite {

std::string strings_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> strings_from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

namespace {

void listed(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto* gate = static_cast<ContactGate*>(sqlite3_value_pointer(argv[1], kGatePointer));
  if (!gate) {
    sqlite3_result_error(ctx, "nextcall_listed: no list of contacts bound", -1);
    return;
  }
  sqlite3_result_int(ctx, gate->passes(sqlite3_value_int64(argv[0])) ? 1 : 0);
}

}  // namespace

Status register_gate(sqlite3* db) {
  // Not deterministic (the gate walks on as rows pass) and only for the store's own SQL.
  int rc = sqlite3_create_function_v2(db, "nextcall_listed", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr, listed,
                                      nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : to_status(db, rc, "registering nextcall_listed");
}

}  // namespace sqlite

Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, SchemaUse use) {
  auto db = sqlite::Db::open(path);
  if (!db.ok()) return db.status();
  // WAL lets readers (the web server's workers) run beside one writer; NORMAL sync is
  // durable at every checkpoint and never corrupts the file on a crash. Reads go through a
  // memory map (no copy from the kernel per page: a team plan reads most of the file) and a
  // 64 MiB page cache. The map asks for the whole file, which SQLite caps at its build's
  // limit (2 GiB in Debian's): pages past the map are read into the page cache, fresh
  // memory each, and a team plan on the benchmark's 1.5 GB file spent 0.6-1.4 s more in the
  // kernel with a 1 GiB map than with the whole file mapped (docs/performance.md).
  NEXTCALL_RETURN_IF_ERROR((*db)->exec(path == ":memory:" ? "PRAGMA foreign_keys=ON;"
                                                          : "PRAGMA journal_mode=WAL;"
                                                            "PRAGMA synchronous=NORMAL;"
                                                            "PRAGMA foreign_keys=ON;"
                                                            "PRAGMA mmap_size=1099511627776;"
                                                            "PRAGMA cache_size=-65536;"));
  NEXTCALL_RETURN_IF_ERROR(sqlite::register_gate((*db)->handle()));
  auto store = std::make_unique<SqliteStore>(std::move(db.value()));
  if (use == SchemaUse::kMigrate) NEXTCALL_RETURN_IF_ERROR(store->migrate().status());
  if (use == SchemaUse::kCheck) {
    auto found = store->stored_schema_version();
    if (!found.ok()) return found.status();
    if (*found < 0) {  // a new, empty file: made at the current version
      NEXTCALL_RETURN_IF_ERROR(store->migrate().status());
    } else {
      NEXTCALL_RETURN_IF_ERROR(check_schema_version(*found, path));
    }
  }
  return std::unique_ptr<Store>(std::move(store));
}

Result<int> SqliteStore::stored_schema_version() {
  auto st = db_->prepare(
      "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'), "
      "(SELECT COUNT(*) FROM sqlite_master)");
  if (!st.ok()) return st.status();
  Status s;
  if (!st->step(&s)) return s.ok() ? Status::Internal("reading the schema version: no row") : s;
  if (st->i32(0) == 0) return st->i32(1) == 0 ? -1 : 0;
  auto v = db_->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!v.ok()) return v.status();
  if (!v->step(&s)) return s.ok() ? Status::Internal("reading the schema version: no row") : s;
  return v->i32(0);
}

namespace {

// The columns migration m adds that the tables lack (sqlite_schema.h: AddedColumn).
Status add_missing_columns(sqlite::Db& db, const sqlite::Migration& m) {
  for (const sqlite::AddedColumn& col : m.columns) {
    bool there = false;
    {
      auto has = db.prepare("SELECT COUNT(*) FROM pragma_table_info(?) WHERE name=?");
      if (!has.ok()) return has.status();
      has->bind(1, col.table).bind(2, col.column);
      Status s;
      if (!has->step(&s)) return s.ok() ? Status::Internal("reading the columns of " + std::string(col.table)) : s;
      there = has->i64(0) > 0;
    }
    if (!there)
      NEXTCALL_RETURN_IF_ERROR(
          db.exec(std::string("ALTER TABLE ") + col.table + " ADD COLUMN " + col.column + " " + col.definition));
  }
  return Status::Ok();
}

}  // namespace

Result<int> SqliteStore::migrate() {
  int from = 0;
  // One transaction (BEGIN IMMEDIATE: a second process waits for the first, then finds its
  // migrations recorded).
  Status done = transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(db_->exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "description TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"));
    const int current = schema_version();
    from = current;
    if (current > kSchemaVersion) return check_schema_version(current, "");
    for (const auto& m : sqlite::migrations()) {
      if (m.version <= current) continue;
      Status s = add_missing_columns(*db_, m);
      if (s.ok()) s = db_->exec(m.sql);
      if (s.ok()) {
        auto st = db_->prepare("INSERT INTO schema_migrations(version, description) VALUES(?,?)");
        s = st.ok() ? st->bind(1, m.version).bind(2, m.description).run() : st.status();
      }
      if (!s.ok()) return s.with_context("migration " + std::to_string(m.version));
    }
    // Migration 4 added call histories: sum up the calls already stored.
    if (current > 0 && current < 4) {
      auto workspaces = list_workspaces();
      if (!workspaces.ok()) return workspaces.status();
      for (const Workspace& w : *workspaces)
        NEXTCALL_RETURN_IF_ERROR(rebuild_call_histories(*this, w.id).with_context("migration 4"));
    }
    // Migration 5 added columns copied from each history: copy them (a rebuild above wrote them).
    if (current == 4) {
      auto workspaces = list_workspaces();
      if (!workspaces.ok()) return workspaces.status();
      for (const Workspace& w : *workspaces) {
        auto histories = list_call_histories(w.id, {});
        if (!histories.ok()) return histories.status().with_context("migration 5");
        for (const ContactHistory& h : *histories)
          NEXTCALL_RETURN_IF_ERROR(fill_call_history_dates(w.id, h.contact_id, h.history).with_context("migration 5"));
      }
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return from;
}

Status SqliteStore::ping() { return db_->exec("SELECT 1"); }

int SqliteStore::schema_version() {
  auto st = db_->prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!st.ok()) return 0;
  Status s;
  return st->step(&s) ? st->i32(0) : 0;
}

Status SqliteStore::transaction(const std::function<Status()>& body) {
  if (tx_depth_ > 0) {
    // Nested: join the outer transaction; a failure anywhere rolls all of it back.
    ++tx_depth_;
    Status s = body();
    --tx_depth_;
    if (!s.ok()) tx_failed_ = true;
    return s;
  }
  NEXTCALL_RETURN_IF_ERROR(db_->exec("BEGIN IMMEDIATE"));
  tx_depth_ = 1;
  tx_failed_ = false;
  Status s = body();
  tx_depth_ = 0;
  if (s.ok() && !tx_failed_) {
    Status c = db_->exec("COMMIT");
    if (c.ok()) return s;
    db_->exec("ROLLBACK");
    return c;
  }
  db_->exec("ROLLBACK");
  if (s.ok()) return Status::Conflict("a nested step failed; nothing was written");
  return s;
}

// --- workspaces ----------------------------------------------------------------------

Result<Id> SqliteStore::create_workspace(const Workspace& w) {
  auto st = db_->prepare("INSERT INTO workspaces(name, default_region) VALUES(?,?)");
  if (!st.ok()) return st.status();
  Status s = st->bind(1, w.name).bind(2, w.default_region).run();
  if (!s.ok()) {
    if (s.code() == Code::kAlreadyExists)
      return Status::AlreadyExists("a workspace named '" + w.name + "' already exists");
    return s;
  }
  return db_->last_insert_id();
}

static Workspace read_workspace(const Stmt& st) {
  Workspace w;
  w.id = st.i64(0);
  w.name = st.text(1);
  w.default_region = st.text(2);
  return w;
}

Result<Workspace> SqliteStore::get_workspace(Id id) {
  auto st = db_->prepare("SELECT id, name, default_region FROM workspaces WHERE id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id);
  Status s;
  if (st->step(&s)) return read_workspace(*st);
  if (!s.ok()) return s;
  return Status::NotFound("no workspace with id " + std::to_string(id));
}

Result<std::optional<Workspace>> SqliteStore::find_workspace_by_name(const std::string& name) {
  auto st = db_->prepare(
      "SELECT id, name, default_region FROM workspaces WHERE name=? COLLATE NOCASE");
  if (!st.ok()) return st.status();
  st->bind(1, name);
  Status s;
  if (st->step(&s)) return std::optional<Workspace>(read_workspace(*st));
  if (!s.ok()) return s;
  return std::optional<Workspace>();
}

Result<std::vector<Workspace>> SqliteStore::list_workspaces() {
  auto st = db_->prepare("SELECT id, name, default_region FROM workspaces ORDER BY id");
  if (!st.ok()) return st.status();
  std::vector<Workspace> out;
  Status s;
  while (st->step(&s)) out.push_back(read_workspace(*st));
  if (!s.ok()) return s;
  return out;
}

// --- users -------------------------------------------------------------------------

static const char* kUserCols =
    "id, workspace_id, name, email, role, timezone, phone_e164, password_hash";

static User read_user(const Stmt& st) {
  User u;
  u.id = st.i64(0);
  u.workspace_id = st.i64(1);
  u.name = st.text(2);
  u.email = st.text(3);
  u.role = parse_user_role(st.text(4)).value_or(UserRole::kRep);
  u.timezone = st.text(5);
  u.phone_e164 = st.text(6);
  u.password_hash = st.text(7);
  return u;
}

Result<Id> SqliteStore::create_user(const User& u) {
  auto st = db_->prepare(
      "INSERT INTO users(workspace_id, name, email, role, timezone, phone_e164, password_hash) "
      "VALUES(?,?,?,?,?,?,?)");
  if (!st.ok()) return st.status();
  Status s = st->bind(1, u.workspace_id)
                 .bind(2, u.name)
                 .bind(3, u.email)
                 .bind(4, to_text(u.role))
                 .bind(5, u.timezone)
                 .bind(6, u.phone_e164)
                 .bind(7, u.password_hash)
                 .run();
  if (!s.ok()) {
    if (s.code() == Code::kAlreadyExists)
      return Status::AlreadyExists("a user with e-mail '" + u.email + "' already exists");
    return s;
  }
  return db_->last_insert_id();
}

Status SqliteStore::update_user(const User& u) {
  auto st = db_->prepare(
      "UPDATE users SET name=?, email=?, role=?, timezone=?, phone_e164=?, password_hash=? "
      "WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  NEXTCALL_RETURN_IF_ERROR(st->bind(1, u.name)
                               .bind(2, u.email)
                               .bind(3, to_text(u.role))
                               .bind(4, u.timezone)
                               .bind(5, u.phone_e164)
                               .bind(6, u.password_hash)
                               .bind(7, u.id)
                               .bind(8, u.workspace_id)
                               .run());
  if (db_->changes() == 0) return Status::NotFound("no user with id " + std::to_string(u.id));
  return Status::Ok();
}

Result<User> SqliteStore::get_user(Id ws, Id id) {
  auto st = db_->prepare(std::string("SELECT ") + kUserCols +
                         " FROM users WHERE id=? AND workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, id).bind(2, ws);
  Status s;
  if (st->step(&s)) return read_user(*st);
  if (!s.ok()) return s;
  return Status::NotFound("no user with id " + std::to_string(id));
}

Result<std::optional<User>> SqliteStore::find_user_by_email(const std::string& email) {
  auto st = db_->prepare(std::string("SELECT ") + kUserCols + " FROM users WHERE email=?");
  if (!st.ok()) return st.status();
  st->bind(1, email);
  Status s;
  if (st->step(&s)) return std::optional<User>(read_user(*st));
  if (!s.ok()) return s;
  return std::optional<User>();
}

Result<std::vector<User>> SqliteStore::list_users(Id ws) {
  auto st = db_->prepare(std::string("SELECT ") + kUserCols +
                         " FROM users WHERE workspace_id=? ORDER BY id");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  std::vector<User> out;
  Status s;
  while (st->step(&s)) out.push_back(read_user(*st));
  if (!s.ok()) return s;
  return out;
}

// --- settings ----------------------------------------------------------------------

Result<Settings> SqliteStore::get_settings(Id ws) {
  auto st = db_->prepare("SELECT body FROM settings WHERE workspace_id=?");
  if (!st.ok()) return st.status();
  st->bind(1, ws);
  Status s;
  Settings settings;
  if (st->step(&s)) {
    auto parsed = settings_from_json(st->text(0));
    if (!parsed.ok()) return parsed.status().with_context("stored settings");
    settings = *parsed;
  }
  if (!s.ok()) return s;
  auto w = get_workspace(ws);
  if (w.ok()) settings.default_region = w->default_region;
  return settings;
}

Status SqliteStore::put_settings(Id ws, const Settings& settings) {
  return transaction([&]() -> Status {
    auto st = db_->prepare(
        "INSERT INTO settings(workspace_id, body) VALUES(?,?) "
        "ON CONFLICT(workspace_id) DO UPDATE SET body=excluded.body");
    if (!st.ok()) return st.status();
    NEXTCALL_RETURN_IF_ERROR(st->bind(1, ws).bind(2, settings_to_json(settings)).run());
    auto w = db_->prepare("UPDATE workspaces SET default_region=? WHERE id=?");
    if (!w.ok()) return w.status();
    return w->bind(1, settings.default_region).bind(2, ws).run();
  });
}

}  // namespace nextcall
