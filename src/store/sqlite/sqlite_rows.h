// Conversions between model fields and SQLite column values, shared by the store's files.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/forward_search.h"
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
    at_ = lower_bound_forward(at_, ids_->end(), contact);
    return at_ != ids_->end() && *at_ == contact;
  }

 private:
  const std::vector<Id>* ids_;
  std::vector<Id>::const_iterator at_;
};

// The SQL function nextcall_listed(contact_id, gate): 1 when the ContactGate bound as
// `gate` (bind_gate) passes the contact. Registered on every connection (register_gate).
inline constexpr const char* kGatePointer = "nextcall.ContactGate";
// The parameters a gated query binds: the gate, and the first and last contact listed.
// Above every parameter of the filters.
inline constexpr int kGateParam = 9;
inline constexpr int kGateFirstParam = 10;
inline constexpr int kGateLastParam = 11;
Status register_gate(sqlite3* db);

// " AND <contact_column> BETWEEN ?10 AND ?11 AND nextcall_listed(<contact_column>, ?9)" when
// there is a list, else nothing. The range lets SQLite start and stop where the list does
// (a list of half the book's contacts is read from its half of the table or index); the
// gate then passes over the others inside it.
inline std::string listed_clause(const std::vector<Id>* ids, const char* contact_column) {
  if (!ids) return "";
  std::string col(contact_column);
  return " AND " + col + " BETWEEN ?" + std::to_string(kGateFirstParam) + " AND ?" +
         std::to_string(kGateLastParam) + " AND nextcall_listed(" + col + ", ?" + std::to_string(kGateParam) + ")";
}

// Binds the gate of a query built with listed_clause; it must outlive the query's steps.
// The list is sorted (Filter::contact_ids); an empty one binds a range that holds nothing.
inline void bind_gate(Stmt& st, const std::vector<Id>* ids, ContactGate* gate) {
  if (!ids) return;
  st.bind_pointer(kGateParam, gate, kGatePointer);
  st.bind(kGateFirstParam, ids->empty() ? Id{1} : ids->front());
  st.bind(kGateLastParam, ids->empty() ? Id{0} : ids->back());
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
