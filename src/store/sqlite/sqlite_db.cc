#include "store/sqlite/sqlite_db.h"

namespace nextcall::sqlite {

Status to_status(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT: {
      int ext = db ? sqlite3_extended_errcode(db) : rc;
      if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
        return Status::AlreadyExists(msg);
      if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
        return Status::InvalidArgument(msg + " (it refers to a row that does not exist)");
      return Status::InvalidArgument(msg);
    }
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Conflict(msg + " (the database is busy; try again)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(msg);
    default:
      return Status::Io(msg);
  }
}

Stmt::~Stmt() {
  if (s_) {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(s_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(s_, i);
  return *this;
}

Stmt& Stmt::bind_pointer(int i, void* p, const char* type) {
  sqlite3_bind_pointer(s_, i, p, type, nullptr);
  return *this;
}

bool Stmt::step(Status* status) {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = to_status(db_, rc, "query failed");
  // Done (or failed): reset so the same statement can be bound and run again.
  sqlite3_reset(s_);
  return false;
}

Status Stmt::run() {
  Status s;
  while (step(&s)) {
  }
  return s;
}

std::string Stmt::text(int c) const {
  const unsigned char* p = sqlite3_column_text(s_, c);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(s_, c)));
}

Result<std::unique_ptr<Db>> Db::open(const std::string& path) {
  sqlite3* h = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &h, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = to_status(h, rc, "cannot open database '" + path + "'");
    sqlite3_close(h);
    return s;
  }
  sqlite3_busy_timeout(h, 5000);
  sqlite3_extended_result_codes(h, 1);
  return std::unique_ptr<Db>(new Db(h));
}

Db::~Db() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  sqlite3_close(db_);
}

Status Db::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string m = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Status s = to_status(db_, rc, "statement failed");
    return Status(s.code(), "statement failed: " + m);
  }
  return Status::Ok();
}

Result<Stmt> Db::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Stmt(it->second, db_);
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return to_status(db_, rc, "cannot prepare statement");
  cache_.emplace(sql, s);
  return Stmt(s, db_);
}

}  // namespace nextcall::sqlite
