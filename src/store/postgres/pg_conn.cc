#include "store/postgres/pg_conn.h"

#include "store/db_secrets.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace nextcall::pg {

Params& Params::add(std::int64_t v) {
  values_.emplace_back(std::to_string(v));
  return *this;
}

Params& Params::add(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest text that reads back exactly
  values_.emplace_back(std::string(buf, r.ptr));
  return *this;
}

Params& Params::add(std::string_view v) {
  values_.emplace_back(std::string(v));
  return *this;
}

Params& Params::add_null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::int64_t Row::i64(int c) const {
  const char* p = PQgetvalue(r_, i_, c);
  std::int64_t v = 0;
  std::from_chars(p, p + std::strlen(p), v);
  return v;
}

double Row::f64(int c) const {
  const char* p = PQgetvalue(r_, i_, c);
  return std::strtod(p, nullptr);
}

bool Row::flag(int c) const {
  const char* p = PQgetvalue(r_, i_, c);
  return p[0] == 't' || p[0] == '1';
}

std::string Row::text(int c) const {
  return std::string(PQgetvalue(r_, i_, c), static_cast<std::size_t>(PQgetlength(r_, i_, c)));
}

long Rows::affected() const {
  const char* n = PQcmdTuples(r_.get());
  return n && *n ? std::strtol(n, nullptr, 10) : 0;
}

std::string redact(const std::string& url) { return mask_db_secrets(url); }

static void ignore_notice(void*, const char*) {}

std::string without_nextcall_options(const std::string& url, bool* prepared) {
  *prepared = true;
  static const std::string kOff = "prepared_statements=off";
  std::string out = url;
  std::size_t at = out.find(kOff);
  if (at == std::string::npos) return out;
  *prepared = false;
  std::size_t from = at, to = at + kOff.size();
  if (from > 0 && (out[from - 1] == '&' || out[from - 1] == ' ')) {
    --from;  // "…&prepared_statements=off" or "… prepared_statements=off"
  } else if (from > 0 && out[from - 1] == '?') {
    if (to < out.size() && out[to] == '&') ++to;  // "?prepared_statements=off&x=y": keep "?x=y"
    else --from;                                    // the only parameter: drop the "?"
  }
  out.erase(from, to - from);
  return out;
}

Result<std::unique_ptr<Conn>> Conn::open(const std::string& given) {
  bool prepared = true;
  const std::string url = without_nextcall_options(given, &prepared);
  // connect_timeout comes first so that a value in the URL overrides it.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* vals[] = {"10", "nextcall", url.c_str(), nullptr};
  PGconn* c = PQconnectdbParams(keys, vals, /*expand_dbname=*/1);
  std::string where = redact(url);
  if (!c) return Status::Unavailable("cannot connect to PostgreSQL at " + where + ": out of memory");
  if (PQstatus(c) != CONNECTION_OK) {
    // libpq may quote pieces of a URL it could not read, password among them.
    std::string m = mask_db_secrets(PQerrorMessage(c), url);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    PQfinish(c);
    return Status::Unavailable("cannot connect to PostgreSQL at " + where + ": " + m);
  }
  PQsetNoticeProcessor(c, ignore_notice, nullptr);
  if (PQsetClientEncoding(c, "UTF8") != 0) {
    PQfinish(c);
    return Status::Unavailable("PostgreSQL at " + where + " cannot talk UTF-8");
  }
  auto conn = std::unique_ptr<Conn>(new Conn(c, std::move(where)));
  conn->prepare_ = prepared;
  return conn;
}

Conn::~Conn() { PQfinish(c_); }

namespace {

// The last value in "Key (a, b)=(x, y) ..." ("y"), or "".
std::string key_value_of(const char* detail) {
  if (!detail) return "";
  std::string_view d(detail);
  auto open = d.find(")=(");
  if (d.rfind("Key (", 0) != 0 || open == std::string_view::npos) return "";
  auto close = d.find(')', open + 3);
  if (close == std::string_view::npos) return "";
  std::string_view values = d.substr(open + 3, close - open - 3);
  auto comma = values.rfind(", ");
  return std::string(comma == std::string_view::npos ? values : values.substr(comma + 2));
}

}  // namespace

Status Conn::error(PGresult* r, std::string_view what) {
  std::string m = r ? PQresultErrorMessage(r) : "";
  if (m.empty()) m = PQerrorMessage(c_);
  m = mask_db_secrets(m);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  last_sqlstate_ = code;
  last_key_value_ = key_value_of(r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : nullptr);
  std::string msg = std::string(what) + ": " + m;
  if (PQstatus(c_) == CONNECTION_BAD || code.rfind("08", 0) == 0 || code == "57P01" ||
      code == "57P02" || code == "57P03")
    return Status::Unavailable(msg + " (lost the connection to PostgreSQL at " + where_ + ")");
  if (code == "23505") return Status::AlreadyExists(msg);
  if (code == "23503") return Status::InvalidArgument(msg + " (it refers to a row that does not exist)");
  if (code.rfind("23", 0) == 0) return Status::InvalidArgument(msg);
  if (is_transient(code))
    return Status::Conflict(msg + " (the database is busy; try again)");
  if (code == "XX001" || code == "XX002") return Status::Corruption(msg);
  return Status::Io(msg);
}

Status Conn::exec(const std::string& sql) {
  if (Status f = flush(); !f.ok() && sql != "ROLLBACK") return f;
  PGresult* r = PQexec(c_, sql.c_str());
  ExecStatusType st = PQresultStatus(r);
  Status s = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok()
                                                                : error(r, "statement failed");
  PQclear(r);
  return s;
}

Result<Rows> Conn::query(const std::string& sql, const Params& p) {
  if (queued_ > 0) {
    // The queued statements and this one travel together: one round trip for all.
    if (!send_params(sql, p)) {
      Status s = error(nullptr, "query failed");
      flush();
      return s;
    }
    std::vector<Rows> got;
    NEXTCALL_RETURN_IF_ERROR(drain(&got, 1));
    return std::move(got.front());
  }
  NEXTCALL_RETURN_IF_ERROR(flush());  // nothing queued: only leaves a pipeline left open
  const auto& v = p.values();
  std::vector<const char*> ptrs(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) ptrs[i] = v[i] ? v[i]->c_str() : nullptr;
  const int n = static_cast<int>(v.size());
  const std::string* name = nullptr;
  if (prepare_) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
      std::string fresh = "nc" + std::to_string(++names_);
      PGresult* made = PQprepare(c_, fresh.c_str(), sql.c_str(), 0, nullptr);
      bool ok = PQresultStatus(made) == PGRES_COMMAND_OK;
      if (!ok) {
        Status s = error(made, "query failed");
        PQclear(made);
        return s;
      }
      PQclear(made);
      it = prepared_.emplace(sql, std::move(fresh)).first;
    }
    if (it != prepared_.end()) name = &it->second;
  }
  PGresult* r = name ? PQexecPrepared(c_, name->c_str(), n, ptrs.data(), nullptr, nullptr, 0)
                     : PQexecParams(c_, sql.c_str(), n, nullptr, ptrs.data(), nullptr, nullptr, 0);
  ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    Status s = error(r, "query failed");
    PQclear(r);
    return s;
  }
  return Rows(r);
}

Status Conn::send(const std::string& sql, const Params& p) {
  if (queued_ == 0 && (PQtransactionStatus(c_) != PQTRANS_INTRANS || PQenterPipelineMode(c_) != 1))
    return query(sql, p).status();
  if (!send_params(sql, p)) {
    Status s = error(nullptr, "query failed");
    flush();
    return s;
  }
  if (queued_ >= kMaxQueued) return flush();
  return Status::Ok();
}

bool Conn::send_params(const std::string& sql, const Params& p) {
  const auto& v = p.values();
  std::vector<const char*> ptrs(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) ptrs[i] = v[i] ? v[i]->c_str() : nullptr;
  const int n = static_cast<int>(v.size());
  if (prepare_) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
      // Prepared in the pipeline, ahead of its first run; forgotten again if the pipeline
      // fails (the name is never reused, so a statement the server did make is harmless).
      std::string fresh = "nc" + std::to_string(++names_);
      if (PQsendPrepare(c_, fresh.c_str(), sql.c_str(), 0, nullptr) != 1) return false;
      kinds_.push_back(false);
      ++queued_;
      it = prepared_.emplace(sql, std::move(fresh)).first;
      preparing_.push_back(sql);
    }
    if (it != prepared_.end()) {
      if (PQsendQueryPrepared(c_, it->second.c_str(), n, ptrs.data(), nullptr, nullptr, 0) != 1) return false;
      kinds_.push_back(true);
      ++queued_;
      return true;
    }
  }
  if (PQsendQueryParams(c_, sql.c_str(), n, nullptr, ptrs.data(), nullptr, nullptr, 0) != 1) return false;
  kinds_.push_back(true);
  ++queued_;
  return true;
}

Status Conn::flush() {
  if (queued_ > 0) return drain(nullptr, 0);
  // A pipeline entered for a statement libpq could not send: leave it, so that the plain
  // calls after work (or fail for the lost connection's own reason).
  if (PQpipelineStatus(c_) != PQ_PIPELINE_OFF) PQexitPipelineMode(c_);
  return Status::Ok();
}

Status Conn::drain(std::vector<Rows>* kept, int keep) {
  Status first = Status::Ok();
  const int n = queued_;
  queued_ = 0;
  std::vector<bool> kinds;
  kinds.swap(kinds_);
  kinds.resize(static_cast<std::size_t>(n), true);
  // The index from which statements' results are handed back: the last `keep` of them.
  int keep_from = n;
  for (int seen = 0; keep_from > 0 && seen < keep;)
    if (kinds[static_cast<std::size_t>(--keep_from)]) ++seen;
  if (PQpipelineSync(c_) != 1) first = error(nullptr, "query failed");
  // Each statement's results end with a null; a statement after a failed one reads
  // PGRES_PIPELINE_ABORTED, and the first failure is the one reported.
  int read = 0;
  for (; read < n && first.ok(); ++read) {
    PGresult* got = nullptr;
    while (PGresult* r = PQgetResult(c_)) {
      if (got) PQclear(got);
      got = r;
    }
    if (!got) {  // the connection is gone: nothing more will come
      first = error(nullptr, "query failed");
      break;
    }
    ExecStatusType st = PQresultStatus(got);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      first = error(got, "query failed");
      PQclear(got);
    } else if (kept && read >= keep_from && kinds[static_cast<std::size_t>(read)]) {
      kept->emplace_back(got);
    } else {
      PQclear(got);
    }
  }
  // The rest of an aborted pipeline, up to its sync point.
  if (PQstatus(c_) != CONNECTION_BAD) {
    for (int ends = 0; ends <= n - read;) {  // a null ends each statement left
      PGresult* r = PQgetResult(c_);
      if (!r) {
        ++ends;
        continue;
      }
      bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
      PQclear(r);
      if (sync) break;
    }
  }
  PQexitPipelineMode(c_);
  if (!first.ok()) {
    if (kept) kept->clear();
    for (const std::string& sql : preparing_) prepared_.erase(sql);
  }
  preparing_.clear();
  return first;
}

Result<std::pair<Rows, Rows>> Conn::query_both(const std::string& sql1, const Params& p1,
                                               const std::string& sql2, const Params& p2) {
  if (queued_ == 0 && PQenterPipelineMode(c_) != 1) {
    auto a = query(sql1, p1);
    if (!a.ok()) return a.status();
    auto b = query(sql2, p2);
    if (!b.ok()) return b.status();
    return std::pair<Rows, Rows>(std::move(*a), std::move(*b));
  }
  std::vector<Rows> got;
  if (!send_params(sql1, p1) || !send_params(sql2, p2)) {
    Status s = error(nullptr, "query failed");
    flush();
    return s;
  }
  NEXTCALL_RETURN_IF_ERROR(drain(&got, 2));
  return std::pair<Rows, Rows>(std::move(got[0]), std::move(got[1]));
}

}  // namespace nextcall::pg
