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

Result<std::unique_ptr<Conn>> Conn::open(const std::string& url) {
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
  return std::unique_ptr<Conn>(new Conn(c, std::move(where)));
}

Conn::~Conn() { PQfinish(c_); }

Status Conn::error(PGresult* r, std::string_view what) {
  std::string m = r ? PQresultErrorMessage(r) : "";
  if (m.empty()) m = PQerrorMessage(c_);
  m = mask_db_secrets(m);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  last_sqlstate_ = code;
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
  PGresult* r = PQexec(c_, sql.c_str());
  ExecStatusType st = PQresultStatus(r);
  Status s = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? Status::Ok()
                                                                : error(r, "statement failed");
  PQclear(r);
  return s;
}

Result<Rows> Conn::query(const std::string& sql, const Params& p) {
  const auto& v = p.values();
  std::vector<const char*> ptrs(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) ptrs[i] = v[i] ? v[i]->c_str() : nullptr;
  PGresult* r = PQexecParams(c_, sql.c_str(), static_cast<int>(v.size()), nullptr, ptrs.data(),
                             nullptr, nullptr, 0);
  ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    Status s = error(r, "query failed");
    PQclear(r);
    return s;
  }
  return Rows(r);
}

}  // namespace nextcall::pg
