#include "core/local_time.h"

#include <date/tz.h>

#include <cstdio>
#include <exception>
#include <unordered_map>

namespace nextcall {
namespace {

// locate_zone searches the whole database by name; the planner asks for the same few
// zones millions of times, so each thread remembers what it found — and the last span
// of time in which each zone's offset held, since most instants asked about are recent
// ones that fall in it.
struct ZoneEntry {
  const date::time_zone* zone = nullptr;
  Instant begin{}, end{};  // [begin, end): offset holds; empty until first asked
  std::chrono::seconds offset{0};
};

ZoneEntry* find_entry(const std::string& zone) {
  if (zone.empty()) return nullptr;
  thread_local std::unordered_map<std::string, ZoneEntry> cache;
  // The zone asked last, checked first: a planner asks about one contact's zone many times
  // in a row. (Entries of an unordered_map stay where they are as it grows.)
  thread_local const std::string* last_name = nullptr;
  thread_local ZoneEntry* last = nullptr;
  if (last_name && *last_name == zone) return last->zone ? last : nullptr;
  auto it = cache.find(zone);
  if (it != cache.end()) {
    last_name = &it->first, last = &it->second;
    return it->second.zone ? &it->second : nullptr;
  }
  ZoneEntry e;
  try {
    e.zone = date::locate_zone(zone);
  } catch (const std::exception&) {
    e.zone = nullptr;
  }
  auto& stored = cache.emplace(zone, e).first->second;
  return stored.zone ? &stored : nullptr;
}

const date::time_zone* find_zone(const std::string& zone) {
  ZoneEntry* e = find_entry(zone);
  return e ? e->zone : nullptr;
}

std::chrono::seconds offset_at(Instant t, const std::string& zone) {
  ZoneEntry* e = find_entry(zone);
  if (!e) return std::chrono::seconds{0};
  if (t >= e->begin && t < e->end) return e->offset;
  auto info = e->zone->get_info(t);
  e->begin = info.begin;
  e->end = info.end;
  e->offset = info.offset;
  return info.offset;
}

}  // namespace

bool is_valid_zone(const std::string& zone) { return find_zone(zone) != nullptr; }

Date local_date(Instant t, const std::string& zone) {
  return std::chrono::floor<std::chrono::days>(t + offset_at(t, zone));
}

int local_minute_of_day(Instant t, const std::string& zone) {
  auto local = t + offset_at(t, zone);
  auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

Instant zoned_instant(Date day, int minute, const std::string& zone) {
  const date::time_zone* z = find_zone(zone);
  auto local = date::local_seconds{day.time_since_epoch()} + std::chrono::minutes{minute};
  if (!z) return Instant{local.time_since_epoch()};
  auto info = z->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::ambiguous:
      return Instant{local.time_since_epoch() - info.first.offset};
    case date::local_info::nonexistent:
    default:
      // The gap's end: the transition instant itself.
      return info.second.begin;
  }
}

std::string format_local(Instant t, const std::string& zone) {
  Date d = local_date(t, zone);
  int m = local_minute_of_day(t, zone);
  std::chrono::year_month_day ymd{d};
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %u %s %02d:%02d",
                kDays[std::chrono::weekday{d}.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], (m / 60) % 100, m % 60);
  return buf;
}

}  // namespace nextcall
