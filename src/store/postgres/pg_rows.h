// Conversions between model fields and PostgreSQL parameters and columns, shared by the
// store's files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/model.h"
#include "store/postgres/pg_conn.h"

namespace nextcall::pg {

inline std::optional<std::string> date_text(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return format_date(*d);
}

inline std::optional<Date> read_date(const Row& r, int c) {
  if (r.is_null(c)) return std::nullopt;
  return parse_date(r.text(c));
}

inline std::int64_t epoch(Instant t) { return t.time_since_epoch().count(); }
inline Instant instant(std::int64_t v) { return Instant{std::chrono::seconds{v}}; }

inline std::optional<GeoPoint> read_point(const Row& r, int lat, int lon) {
  if (r.is_null(lat) || r.is_null(lon)) return std::nullopt;
  return GeoPoint{r.f64(lat), r.f64(lon)};
}

// Adds latitude and longitude (two parameters, both NULL without a point).
inline Params& add_point(Params& p, const std::optional<GeoPoint>& g) {
  if (g) return p.add(g->latitude).add(g->longitude);
  return p.add_null().add_null();
}

// "%text%" for ILIKE, with the pattern characters of text escaped.
inline std::string like_pattern(const std::string& text) {
  std::string pat = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') pat += '\\';
    pat += ch;
  }
  return pat + "%";
}

// NotFound unless a write touched a row.
inline Status touched(const Rows& r, const char* what, Id id) {
  if (r.affected() == 0) return Status::NotFound(std::string("no ") + what + " with id " + std::to_string(id));
  return Status::Ok();
}

// The id returned by "INSERT … RETURNING id".
inline Result<Id> returned_id(Result<Rows>& r) {
  if (!r.ok()) return r.status();
  if (r->empty()) return Status::Internal("insert returned no id");
  return r->row(0).i64(0);
}

// The id a guarded insert returned (Conn::query_both: a check that the contact is in the
// workspace, then the insert): NotFound when the check found no contact, or when the
// insert's foreign key found none.
inline Result<Id> guarded_id(Conn& db, Result<std::pair<Rows, Rows>>& both, Id contact) {
  if ((!both.ok() && db.last_sqlstate() == "23503") || (both.ok() && both->first.empty()))
    return Status::NotFound("no contact with id " + std::to_string(contact));
  if (!both.ok()) return both.status();
  if (both->second.empty()) return Status::Internal("insert returned no id");
  return both->second.row(0).i64(0);
}

// JSON text of a list of strings and back (lists read whole, never queried inside).
std::string strings_json(const std::vector<std::string>& v);
std::vector<std::string> strings_from_json(const std::string& text);

}  // namespace nextcall::pg
