// A thin RAII layer over the SQLite C API: one connection, prepared statements cached by
// their SQL text, typed binding and reading. Every value is bound, never spliced into SQL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace nextcall::sqlite {

// Turns a SQLite result code into a Status naming what was being done.
Status to_status(sqlite3* db, int rc, std::string_view what);

// A prepared statement borrowed from the connection's cache; reset on destruction so it
// can be reused. Bind indexes start at 1, column indexes at 0 (as in SQLite).
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s, sqlite3* db) : s_(s), db_(db) {}
  Stmt(Stmt&& o) noexcept : s_(o.s_), db_(o.db_) { o.s_ = nullptr; }
  Stmt(const Stmt&) = delete;
  ~Stmt();

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind_null(int i);
  // A pointer for an SQL function of the connection to read (sqlite3_bind_pointer); `type`
  // names what it points to, and the function reads only a pointer bound with that name.
  Stmt& bind_pointer(int i, void* p, const char* type);
  template <typename T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Steps once: true with a row, false when done; errors go to *status.
  bool step(Status* status);
  // Steps to completion (for writes).
  Status run();

  bool is_null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  std::int64_t i64(int c) const { return sqlite3_column_int64(s_, c); }
  int i32(int c) const { return sqlite3_column_int(s_, c); }
  double f64(int c) const { return sqlite3_column_double(s_, c); }
  std::string text(int c) const;
  // The text of column c without a copy; valid until the next step.
  std::string_view view(int c) const {
    const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, c))) : std::string_view();
  }
  std::optional<std::int64_t> opt_i64(int c) const {
    return is_null(c) ? std::nullopt : std::optional<std::int64_t>(i64(c));
  }
  std::optional<double> opt_f64(int c) const {
    return is_null(c) ? std::nullopt : std::optional<double>(f64(c));
  }

 private:
  sqlite3_stmt* s_;
  sqlite3* db_;
};

class Db {
 public:
  // Opens (creating) the database at path; ":memory:" for an in-memory one.
  static Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();

  // Runs one or more statements without parameters (schema, pragmas).
  Status exec(const std::string& sql);
  // A cached prepared statement for sql. REQUIRES: sql is one statement.
  Result<Stmt> prepare(const std::string& sql);
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace nextcall::sqlite
