// A thin RAII layer over libpq: one connection, statements with every value sent as a
// parameter ($1, $2 …, never spliced into SQL), results read as text.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"

namespace nextcall::pg {

// The parameters of one statement, in order ($1 is the first added).
class Params {
 public:
  Params& add(std::int64_t v);
  Params& add(int v) { return add(static_cast<std::int64_t>(v)); }
  Params& add(double v);
  Params& add(std::string_view v);
  Params& add(const std::string& v) { return add(std::string_view(v)); }
  Params& add(const char* v) { return add(std::string_view(v)); }
  Params& flag(bool v) { return add(std::string_view(v ? "t" : "f")); }
  Params& add_null();
  template <typename T>
  Params& add(const std::optional<T>& v) {
    return v ? add(*v) : add_null();
  }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

class Rows;

// One row of a result; column indexes start at 0.
class Row {
 public:
  Row(const PGresult* r, int i) : r_(r), i_(i) {}
  bool is_null(int c) const { return PQgetisnull(r_, i_, c) != 0; }
  std::int64_t i64(int c) const;
  int i32(int c) const { return static_cast<int>(i64(c)); }
  double f64(int c) const;
  bool flag(int c) const;
  std::string text(int c) const;
  std::optional<std::int64_t> opt_i64(int c) const {
    return is_null(c) ? std::nullopt : std::optional<std::int64_t>(i64(c));
  }
  std::optional<double> opt_f64(int c) const {
    return is_null(c) ? std::nullopt : std::optional<double>(f64(c));
  }

 private:
  const PGresult* r_;
  int i_;
};

// The result of one statement.
class Rows {
 public:
  explicit Rows(PGresult* r) : r_(r, &PQclear) {}
  int size() const { return PQntuples(r_.get()); }
  bool empty() const { return size() == 0; }
  Row row(int i) const { return Row(r_.get(), i); }
  // Rows written by an INSERT, UPDATE or DELETE.
  long affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

class Conn {
 public:
  // Connects to the server named by a postgres:// URL. Unavailable when it cannot.
  static Result<std::unique_ptr<Conn>> open(const std::string& url);
  ~Conn();
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  // Runs one or more statements without parameters (schema, BEGIN/COMMIT).
  Status exec(const std::string& sql);
  // Runs one statement with its parameters.
  Result<Rows> query(const std::string& sql, const Params& p = Params());
  // Runs a statement whose result nobody reads (an upsert of a derived table, say). Inside
  // a transaction block it goes into libpq's pipeline with the ones after it, and they all
  // travel in one round trip when the next statement that needs an answer runs (query,
  // exec or flush), or when kMaxQueued wait; a failure among them is that call's failure,
  // and aborts the transaction as it would have at once. Outside a transaction it runs now.
  // A caller that must tell one failure from another (a unique phone, say) uses query().
  Status send(const std::string& sql, const Params& p = Params());
  // Waits for the statements send() queued; the first of their failures.
  Status flush();
  // Runs two statements in one round trip (with whatever send() queued), the second
  // whether or not the first found rows; the first failure fails both. For a check and
  // the write it guards inside a transaction, which the check's verdict commits or not.
  Result<std::pair<Rows, Rows>> query_both(const std::string& sql1, const Params& p1,
                                           const std::string& sql2, const Params& p2);
  // True inside a transaction that a failed statement has aborted (only ROLLBACK works).
  bool transaction_failed() const { return PQtransactionStatus(c_) == PQTRANS_INERROR; }
  // True once the connection to the server is gone (restart, pg_terminate_backend, an
  // idle timeout): nothing more can be run on it; open another.
  bool lost() const { return PQstatus(c_) == CONNECTION_BAD; }
  // The SQLSTATE of the latest failed statement ("" when none failed since clear_sqlstate).
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  // The last value of the key a unique or foreign key violation names in its detail
  // ("Key (workspace_id, e164)=(1, +14155550100) already exists." gives "+14155550100"),
  // "" when the latest failure named none: what a message to the user can say was taken.
  const std::string& last_key_value() const { return last_key_value_; }
  void clear_sqlstate() {
    last_sqlstate_.clear();
    last_key_value_.clear();
  }

 private:
  explicit Conn(PGconn* c, std::string where) : c_(c), where_(std::move(where)) {}
  Status error(PGresult* r, std::string_view what);
  // Queues one statement in the pipeline; false when libpq could not.
  bool send_params(const std::string& sql, const Params& p);
  // Ends the pipeline: a sync point, then every queued statement's result; the last
  // `keep` of them are appended to *kept (when all succeeded), the first failure returned.
  Status drain(std::vector<Rows>* kept, int keep);
  // Few enough that their answers (a few dozen bytes each) fit in the socket's buffers:
  // in blocking mode the server must never wait for us to read while we still write.
  static constexpr int kMaxQueued = 256;
  // Statements prepared once per connection and run by name after (no parse or plan each
  // time), up to this many; the rest are sent unnamed. Off with prepared_statements=off in
  // the URL, for PgBouncer in transaction mode (before 1.21), where a name made on one
  // server connection is unknown on the next.
  static constexpr std::size_t kMaxPrepared = 512;
  PGconn* c_;
  int queued_ = 0;           // statements sent in pipeline mode whose results are not read yet
  std::vector<bool> kinds_;  // per queued one: true for a statement, false for its preparing
  bool prepare_ = true;
  std::unordered_map<std::string, std::string> prepared_;  // SQL to statement name
  std::vector<std::string> preparing_;                     // prepared in the current pipeline
  int names_ = 0;
  std::string where_;  // the server, for messages (never the password)
  std::string last_sqlstate_;
  std::string last_key_value_;
};

// True for the failures that running the whole transaction again may cure: a
// serialization failure (40001) or a deadlock (40P01).
inline bool is_transient(const std::string& sqlstate) { return sqlstate == "40001" || sqlstate == "40P01"; }

// The URL without nextcall's own parameters, which libpq would refuse:
// prepared_statements=off (sets *prepared false; else true).
std::string without_nextcall_options(const std::string& url, bool* prepared);

// The URL with every password form masked (store/db_secrets.h), for messages.
std::string redact(const std::string& url);

}  // namespace nextcall::pg
