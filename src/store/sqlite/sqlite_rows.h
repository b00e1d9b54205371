// Conversions between model fields and SQLite column values, shared by the store's files.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/model.h"
#include "store/sqlite/sqlite_db.h"

namespace nextcall::sqlite {

inline std::optional<std::string> date_text(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return format_date(*d);
}

inline std::optional<Date> read_date(const Stmt& s, int c) {
  if (s.is_null(c)) return std::nullopt;
  return parse_date(s.text(c));
}

// Filter::contact_ids for rows read in contact order: whether a row's contact is listed,
// walking the sorted list forward as the rows go (no list: every contact is). Queries
// ask it in SQL (listed_clause), so SQLite passes over the other rows without reading
// their columns or, through an index on the contact, looking the rows up at all.
class ContactGate {
 public:
  explicit ContactGate(const std::vector<Id>* ids) : ids_(ids) {
    if (ids_) at_ = ids_->begin();
  }
  bool passes(Id contact) {
    if (!ids_) return true;
    if (at_ != ids_->end() && *at_ > contact) at_ = ids_->begin();  // out of order: start over
    at_ = std::lower_bound(at_, ids_->end(), contact);
    return at_ != ids_->end() && *at_ == contact;
  }

 private:
  const std::vector<Id>* ids_;
  std::vector<Id>::const_iterator at_;
};

// The SQL function nextcall_listed(contact_id, gate): 1 when the ContactGate bound as
// `gate` (bind_gate) passes the contact. Registered on every connection (register_gate).
inline constexpr const char* kGatePointer = "nextcall.ContactGate";
// The parameter a gated query binds its gate to: above every parameter of the filters.
inline constexpr int kGateParam = 9;
Status register_gate(sqlite3* db);

// " AND nextcall_listed(<contact_column>, ?9)" when there is a list, else nothing.
inline std::string listed_clause(const std::vector<Id>* ids, const char* contact_column) {
  if (!ids) return "";
  return std::string(" AND nextcall_listed(") + contact_column + ", ?" + std::to_string(kGateParam) + ")";
}

// Binds the gate of a query built with listed_clause; it must outlive the query's steps.
inline void bind_gate(Stmt& st, const std::vector<Id>* ids, ContactGate* gate) {
  if (ids) st.bind_pointer(kGateParam, gate, kGatePointer);
}

inline std::int64_t epoch(Instant t) { return t.time_since_epoch().count(); }
inline Instant instant(std::int64_t v) { return Instant{std::chrono::seconds{v}}; }

inline std::optional<GeoPoint> read_point(const Stmt& s, int lat, int lon) {
  if (s.is_null(lat) || s.is_null(lon)) return std::nullopt;
  return GeoPoint{s.f64(lat), s.f64(lon)};
}

inline void bind_point(Stmt& s, int lat, const std::optional<GeoPoint>& p) {
  if (p) {
    s.bind(lat, p->latitude).bind(lat + 1, p->longitude);
  } else {
    s.bind_null(lat).bind_null(lat + 1);
  }
}

// JSON text of a list of strings and back (lists read whole, never queried inside).
std::string strings_json(const std::vector<std::string>& v);
std::vector<std::string> strings_from_json(const std::string& text);

}  // namespace nextcall::sqlite
