#include "core/call_history.h"

#include <algorithm>
#include <charconv>

#include "core/close_ladder.h"
#include "core/local_time.h"

namespace nextcall {

int CallHistory::best_rank(const Ladder& ladder) const {
  int best = -1;
  for (const LadderRung& r : agreed) {
    if (r.ladder != ladder.name) continue;
    int rank = rung_rank(ladder, r.rung);
    if (rank >= 0 && (best < 0 || rank < best)) best = rank;
  }
  return best;
}

std::optional<std::string> CallHistory::last_conversation_rung(const std::string& ladder) const {
  for (const LadderRung& r : last_conversation)
    if (r.ladder == ladder) return r.rung;
  return std::nullopt;
}

bool CallHistory::may_retry() const {
  return last_at && any_follow_up && last_outcome != Outcome::kConnected && last_outcome != Outcome::kWrongNumber &&
         misses_since_connect <= kMaxMissesInARow;
}

bool fold_call(CallHistory& h, const Attempt& a, const std::string& zone, const Settings& settings) {
  bool advanced = false;
  if (!a.rung.empty() && a.ladder != "gatekeeper") {
    int rank = rung_rank(settings.contact_ladder, a.rung);
    int best = h.best_rank(settings.contact_ladder);
    advanced = rank >= 0 && (best < 0 || rank < best);
  }
  ++h.calls;
  h.last_at = a.at;
  h.last_outcome = a.outcome;
  if (a.outcome == Outcome::kConnected) {
    h.last_connect_at = a.at;
    h.last_connect_reason_id = a.reason_id;
    h.misses_since_connect = 0;
  } else if (a.outcome != Outcome::kWrongNumber) {
    ++h.misses_since_connect;
  }
  if (a.next_on) {
    h.follow_up_on = a.next_on;
    h.follow_up_set_at = a.at;
    h.any_follow_up = true;
  }
  if (a.outcome == Outcome::kGatekeeper) h.reached_gatekeeper = true;
  if (!a.rung.empty()) {
    bool known = std::any_of(h.agreed.begin(), h.agreed.end(), [&](const LadderRung& r) {
      return r.ladder == a.ladder && r.rung == a.rung;
    });
    if (!known) h.agreed.push_back({a.ladder, a.rung});
  }
  if (a.outcome == Outcome::kConnected || a.outcome == Outcome::kGatekeeper) {
    auto it = std::find_if(h.last_conversation.begin(), h.last_conversation.end(),
                           [&](const LadderRung& r) { return r.ladder == a.ladder; });
    if (it == h.last_conversation.end())
      h.last_conversation.push_back({a.ladder, a.rung});
    else
      it->rung = a.rung;
  }
  int minute = local_minute_of_day(a.at, zone);
  auto m = std::lower_bound(h.minutes.begin(), h.minutes.end(), minute,
                            [](const MinuteCount& c, int v) { return c.minute < v; });
  if (m == h.minutes.end() || m->minute != minute) m = h.minutes.insert(m, MinuteCount{minute, 0, 0});
  ++m->attempts;
  if (a.outcome == Outcome::kConnected) ++m->connects;
  h.recent.push_back({a.at, a.outcome, minute});
  if (h.recent.size() > CallHistory::kRecent) h.recent.erase(h.recent.begin());
  return advanced;
}

CallHistory summarize_calls(std::span<const Attempt> calls, const std::string& zone, const Settings& settings) {
  CallHistory h;
  for (const Attempt& a : calls) fold_call(h, a, zone, settings);
  return h;
}

// --- text form --------------------------------------------------------------------------
// v1;calls;last_at;last_outcome;last_connect_at;last_connect_reason_id;misses;follow_up_on;follow_up_set_at;
// any_follow_up;gatekeeper;agreed;last_conversation;minutes;recent
// Instants are epoch seconds, dates epoch days, "-" is none. Lists are comma-separated,
// parts of an item colon-separated; names are %-escaped.

namespace {

void put_escaped(std::string& out, std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  for (char c : s) {
    if (c == ';' || c == ',' || c == ':' || c == '%') {
      out += '%';
      out += kHex[(static_cast<unsigned char>(c) >> 4) & 15];
      out += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
}

std::optional<std::string> unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    unsigned v = 0;
    auto r = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
    if (r.ec != std::errc() || r.ptr != s.data() + i + 3) return std::nullopt;
    out += static_cast<char>(v);
    i += 2;
  }
  return out;
}

void put_int(std::string& out, long long v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void put_instant(std::string& out, const std::optional<Instant>& t) {
  if (t)
    put_int(out, t->time_since_epoch().count());
  else
    out += '-';
}

// Splits `s` at `sep` into at most the parts it has; a cursor over the pieces.
struct Cursor {
  std::string_view rest;
  bool done = false;
  std::string_view next(char sep) {
    std::size_t at = rest.find(sep);
    std::string_view piece = rest.substr(0, at);
    if (at == std::string_view::npos) {
      rest = {};
      done = true;
    } else {
      rest.remove_prefix(at + 1);
    }
    return piece;
  }
};

bool parse_int(std::string_view s, long long* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

bool parse_int(std::string_view s, int* v) {
  long long w = 0;
  if (!parse_int(s, &w) || w < -2147483647LL || w > 2147483647LL) return false;
  *v = static_cast<int>(w);
  return true;
}

bool parse_instant(std::string_view s, std::optional<Instant>* t) {
  if (s == "-") {
    t->reset();
    return true;
  }
  long long v = 0;
  if (!parse_int(s, &v)) return false;
  *t = Instant{std::chrono::seconds{v}};
  return true;
}

bool parse_outcome_code(std::string_view s, Outcome* o) {
  int v = 0;
  if (!parse_int(s, &v) || v < 0 || v > static_cast<int>(Outcome::kWrongNumber)) return false;
  *o = static_cast<Outcome>(v);
  return true;
}

bool parse_rungs(std::string_view s, std::vector<LadderRung>* out) {
  if (s.empty()) return true;
  Cursor items{s};
  while (!items.done) {
    Cursor parts{items.next(',')};
    auto ladder = unescape(parts.next(':'));
    if (parts.done) return false;
    auto rung = unescape(parts.next(':'));
    if (!ladder || !rung || !parts.done) return false;
    out->push_back({std::move(*ladder), std::move(*rung)});
  }
  return true;
}

void put_rungs(std::string& out, const std::vector<LadderRung>& rungs) {
  for (std::size_t i = 0; i < rungs.size(); ++i) {
    if (i) out += ',';
    put_escaped(out, rungs[i].ladder);
    out += ':';
    put_escaped(out, rungs[i].rung);
  }
}

}  // namespace

std::string encode_call_history(const CallHistory& h) {
  std::string out = "v1;";
  out.reserve(64 + 16 * h.minutes.size() + 24 * h.recent.size());
  put_int(out, h.calls);
  out += ';';
  put_instant(out, h.last_at);
  out += ';';
  put_int(out, static_cast<int>(h.last_outcome));
  out += ';';
  put_instant(out, h.last_connect_at);
  out += ';';
  if (h.last_connect_reason_id)
    put_int(out, *h.last_connect_reason_id);
  else
    out += '-';
  out += ';';
  put_int(out, h.misses_since_connect);
  out += ';';
  if (h.follow_up_on)
    put_int(out, h.follow_up_on->time_since_epoch().count());
  else
    out += '-';
  out += ';';
  put_int(out, h.follow_up_set_at.time_since_epoch().count());
  out += ';';
  out += h.any_follow_up ? '1' : '0';
  out += ';';
  out += h.reached_gatekeeper ? '1' : '0';
  out += ';';
  put_rungs(out, h.agreed);
  out += ';';
  put_rungs(out, h.last_conversation);
  out += ';';
  for (std::size_t i = 0; i < h.minutes.size(); ++i) {
    if (i) out += ',';
    put_int(out, h.minutes[i].minute);
    out += ':';
    put_int(out, h.minutes[i].attempts);
    out += ':';
    put_int(out, h.minutes[i].connects);
  }
  out += ';';
  for (std::size_t i = 0; i < h.recent.size(); ++i) {
    if (i) out += ',';
    put_int(out, h.recent[i].at.time_since_epoch().count());
    out += ':';
    put_int(out, static_cast<int>(h.recent[i].outcome));
    out += ':';
    put_int(out, h.recent[i].local_minute);
  }
  return out;
}

std::optional<CallHistory> decode_call_history(std::string_view text) {
  Cursor f{text};
  if (f.next(';') != "v1" || f.done) return std::nullopt;
  CallHistory h;
  long long v = 0;
  auto field = [&]() -> std::optional<std::string_view> {
    if (f.done) return std::nullopt;
    return f.next(';');
  };
  auto s = field();
  if (!s || !parse_int(*s, &h.calls) || h.calls < 0) return std::nullopt;
  if (!(s = field()) || !parse_instant(*s, &h.last_at)) return std::nullopt;
  if (!(s = field()) || !parse_outcome_code(*s, &h.last_outcome)) return std::nullopt;
  if (!(s = field()) || !parse_instant(*s, &h.last_connect_at)) return std::nullopt;
  if (!(s = field())) return std::nullopt;
  if (*s != "-") {
    if (!parse_int(*s, &v)) return std::nullopt;
    h.last_connect_reason_id = v;
  }
  if (!(s = field()) || !parse_int(*s, &h.misses_since_connect)) return std::nullopt;
  if (!(s = field())) return std::nullopt;
  if (*s != "-") {
    if (!parse_int(*s, &v)) return std::nullopt;
    h.follow_up_on = Date{std::chrono::days{v}};
  }
  if (!(s = field()) || !parse_int(*s, &v)) return std::nullopt;
  h.follow_up_set_at = Instant{std::chrono::seconds{v}};
  if (!(s = field()) || (*s != "0" && *s != "1")) return std::nullopt;
  h.any_follow_up = *s == "1";
  if (!(s = field()) || (*s != "0" && *s != "1")) return std::nullopt;
  h.reached_gatekeeper = *s == "1";
  if (!(s = field()) || !parse_rungs(*s, &h.agreed)) return std::nullopt;
  if (!(s = field()) || !parse_rungs(*s, &h.last_conversation)) return std::nullopt;
  if (!(s = field())) return std::nullopt;
  if (!s->empty()) {
    h.minutes.reserve(static_cast<std::size_t>(std::count(s->begin(), s->end(), ',')) + 1);
    Cursor items{*s};
    int previous = -1;
    while (!items.done) {
      Cursor p{items.next(',')};
      MinuteCount m;
      if (!parse_int(p.next(':'), &m.minute) || p.done || !parse_int(p.next(':'), &m.attempts) || p.done ||
          !parse_int(p.next(':'), &m.connects) || !p.done)
        return std::nullopt;
      if (m.minute <= previous || m.minute > 1439 || m.attempts < 0 || m.connects < 0) return std::nullopt;
      previous = m.minute;
      h.minutes.push_back(m);
    }
  }
  if (f.done) return std::nullopt;
  std::string_view recent = f.rest;  // the last field: the rest of the text
  if (!recent.empty()) {
    std::size_t n = static_cast<std::size_t>(std::count(recent.begin(), recent.end(), ',')) + 1;
    if (n > CallHistory::kRecent) return std::nullopt;
    h.recent.reserve(n);
    Cursor items{recent};
    while (!items.done) {
      Cursor p{items.next(',')};
      RecentCall r;
      if (!parse_int(p.next(':'), &v) || p.done || !parse_outcome_code(p.next(':'), &r.outcome) || p.done ||
          !parse_int(p.next(':'), &r.local_minute) || !p.done)
        return std::nullopt;
      r.at = Instant{std::chrono::seconds{v}};
      h.recent.push_back(r);
    }
  }
  if (h.recent.size() > CallHistory::kRecent) return std::nullopt;
  return h;
}

}  // namespace nextcall
