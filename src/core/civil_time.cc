#include "core/civil_time.h"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace nextcall {
namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int* out) {
  if (pos + len > s.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  std::from_chars(s.data() + pos, s.data() + pos + len, *out);
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_int(s, 0, 4, &y) || !read_int(s, 5, 2, &m) || !read_int(s, 8, 2, &d))
    return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

std::string format_date(Date d) {
  std::chrono::year_month_day ymd{d};
  int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // outside what a calendar shows: printf's way
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
  }
  // Digit by digit: a team plan says a date for every due contact of a big book.
  unsigned y = static_cast<unsigned>(year), m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  char buf[10] = {static_cast<char>('0' + y / 1000),      static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                  '-',                                    static_cast<char>('0' + m / 10),
                  static_cast<char>('0' + m % 10),        '-',
                  static_cast<char>('0' + day / 10),      static_cast<char>('0' + day % 10)};
  return std::string(buf, sizeof buf);
}

std::optional<Instant> parse_instant(std::string_view s) {
  if (s.size() < 16) return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  if (!date || (s[10] != 'T' && s[10] != ' ' && s[10] != 't')) return std::nullopt;
  int hh, mm, ss = 0;
  if (!read_int(s, 11, 2, &hh) || s[13] != ':' || !read_int(s, 14, 2, &mm)) return std::nullopt;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!read_int(s, pos + 1, 2, &ss)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  int offset_minutes = 0;
  if (pos < s.size()) {
    char c = s[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == s.size()) {
    } else if (c == '+' || c == '-') {
      int oh, om = 0;
      if (!read_int(s, pos + 1, 2, &oh)) return std::nullopt;
      std::size_t p2 = pos + 3;
      if (p2 < s.size() && s[p2] == ':') ++p2;
      if (p2 < s.size()) {
        if (!read_int(s, p2, 2, &om) || p2 + 2 != s.size()) return std::nullopt;
      }
      if (oh > 14 || om > 59) return std::nullopt;
      offset_minutes = (oh * 60 + om) * (c == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  using namespace std::chrono;
  return Instant{*date} + hours{hh} + minutes{mm} + seconds{ss} - minutes{offset_minutes};
}

std::string format_instant(Instant t) {
  using namespace std::chrono;
  auto day = floor<days>(t);
  auto rest = t - day;
  long secs = static_cast<long>(rest.count());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02ld:%02ld:%02ldZ", format_date(day).c_str(), secs / 3600,
                (secs / 60) % 60, secs % 60);
  return buf;
}

std::optional<Date> parse_relative_date(std::string_view s, Date today) {
  using namespace std::chrono;
  std::string t = lower(s);
  if (t == "today") return today;
  if (t == "tomorrow") return today + days{1};
  if (t == "yesterday") return today - days{1};
  if (!t.empty() && (t[0] == '+' || t[0] == '-') && t.size() >= 3) {
    char unit = t.back();
    int n = 0;
    auto [p, ec] = std::from_chars(t.data() + 1, t.data() + t.size() - 1, n);
    if (ec == std::errc() && p == t.data() + t.size() - 1 && n <= 3650) {
      int sign = t[0] == '-' ? -1 : 1;
      if (unit == 'd') return today + days{sign * n};
      if (unit == 'w') return today + days{sign * n * 7};
    }
    return std::nullopt;
  }
  static constexpr std::string_view kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < 7; ++i) {
    if (t == kDays[i] || (t.size() == 3 && kDays[i].substr(0, 3) == t)) {
      weekday target{i};
      weekday now{today};
      auto delta = (target - now).count();
      if (delta == 0) delta = 7;
      return today + days{delta};
    }
  }
  return parse_date(s);
}

std::optional<int> parse_clock_minutes(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3)
    return std::nullopt;
  int h, m;
  if (!read_int(s, 0, colon, &h) || !read_int(s, colon + 1, 2, &m)) return std::nullopt;
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock_minutes(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return buf;
}

}  // namespace nextcall
