#include "core/call_history.h"

#include <algorithm>
#include <charconv>
#include <cstring>

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

Approach parse_approach(std::string_view text) {
  static constexpr std::pair<std::string_view, Approach> kNames[] = {
      {"direct", Approach::kDirect},         {"direct_no_voicemail", Approach::kDirect},
      {"voicemail", Approach::kVoicemail},   {"gatekeeper", Approach::kGatekeeper},
      {"referral", Approach::kReferral},     {"proposal", Approach::kProposal},
      {"email", Approach::kEmail},           {"linkedin", Approach::kLinkedin}};
  for (const auto& [name, a] : kNames)
    if (text == name) return a;
  return Approach::kOther;
}

std::string_view to_text(Approach a) {
  switch (a) {
    case Approach::kDirect: return "direct";
    case Approach::kVoicemail: return "voicemail";
    case Approach::kGatekeeper: return "gatekeeper";
    case Approach::kReferral: return "referral";
    case Approach::kProposal: return "proposal";
    case Approach::kEmail: return "email";
    case Approach::kLinkedin: return "linkedin";
    case Approach::kOther: break;
  }
  return "other";
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
  if (a.outcome == Outcome::kGatekeeper) {
    h.reached_gatekeeper = true;
    h.last_gatekeeper_at = a.at;
    h.last_gatekeeper_rung = a.ladder == "gatekeeper" ? a.rung : std::string();
  }
  h.last_ladder = a.ladder == "gatekeeper" ? CallHistory::LastLadder::kGatekeeper : CallHistory::LastLadder::kContact;
  h.last_rung = a.rung;
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
  h.recent.push_back({a.at, a.outcome, minute, parse_approach(a.approach)});
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
  std::string out = "v2;";
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
  // v2: the latest call's ladder and rung, the latest screener's exchange.
  out += h.last_ladder == CallHistory::LastLadder::kGatekeeper ? "gatekeeper"
         : h.last_ladder == CallHistory::LastLadder::kContact  ? "contact"
                                                              : "";
  out += ':';
  put_escaped(out, h.last_rung);
  out += ';';
  put_instant(out, h.last_gatekeeper_at);
  out += ';';
  put_escaped(out, h.last_gatekeeper_rung);
  out += ';';
  for (std::size_t i = 0; i < h.recent.size(); ++i) {
    if (i) out += ',';
    put_int(out, h.recent[i].at.time_since_epoch().count());
    out += ':';
    put_int(out, static_cast<int>(h.recent[i].outcome));
    out += ':';
    put_int(out, h.recent[i].local_minute);
    out += ':';
    put_int(out, static_cast<int>(h.recent[i].approach));
  }
  return out;
}

namespace {

// Reads the text form left to right in one pass: a team plan reads the history of every
// due contact (400,000 in a big book), so no field is searched for twice and a name
// without escapes is copied as it stands. Every check of the grammar above is kept: text
// it does not understand is refused, never guessed at.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool at_end() const { return p_ == end_; }
  bool take(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool take(std::string_view s) {
    if (static_cast<std::size_t>(end_ - p_) < s.size() || std::string_view(p_, s.size()) != s) return false;
    p_ += s.size();
    return true;
  }
  // "-" standing alone before `sep` (a field left empty).
  bool take_none(char sep) {
    if (end_ - p_ < 2 || p_[0] != '-' || p_[1] != sep) return false;
    ++p_;
    return true;
  }
  // An integer as std::from_chars reads one: an optional '-', at least one digit, in range.
  bool integer(long long* v) {
    bool negative = take('-');
    const char* first = p_;
    unsigned long long x = 0;
    // Eighteen digits cannot pass 2^63 - 1: they are read without a check (a history holds
    // about seventy numbers, read for each of 400,000 contacts in a team plan); a longer
    // run of digits goes on with one.
    const char* unchecked_end = end_ - p_ > 18 ? p_ + 18 : end_;
    for (; p_ != unchecked_end && static_cast<unsigned char>(*p_ - '0') < 10; ++p_)
      x = x * 10 + static_cast<unsigned>(*p_ - '0');
    const unsigned long long limit = negative ? 9223372036854775808ULL : 9223372036854775807ULL;
    for (; p_ != end_ && static_cast<unsigned char>(*p_ - '0') < 10; ++p_) {
      unsigned d = static_cast<unsigned>(*p_ - '0');
      if (x > (limit - d) / 10) return false;
      x = x * 10 + d;
    }
    if (p_ == first) return false;
    *v = negative ? static_cast<long long>(0 - x) : static_cast<long long>(x);
    return true;
  }
  bool integer(int* v) {
    long long w = 0;
    if (!integer(&w) || w < -2147483647LL || w > 2147483647LL) return false;
    *v = static_cast<int>(w);
    return true;
  }
  bool instant(std::optional<Instant>* t) {
    if (take_none(';')) {
      t->reset();
      return true;
    }
    long long v = 0;
    if (!integer(&v)) return false;
    *t = Instant{std::chrono::seconds{v}};
    return true;
  }
  bool outcome(Outcome* o) {
    int v = 0;
    if (!integer(&v) || v < 0 || v > static_cast<int>(Outcome::kWrongNumber)) return false;
    *o = static_cast<Outcome>(v);
    return true;
  }
  bool flag(bool* b) {
    if (p_ == end_ || (*p_ != '0' && *p_ != '1')) return false;
    *b = *p_++ == '1';
    return true;
  }
  // A %-escaped name, up to the ':', ',' or ';' after it (not taken).
  bool name(std::string* out) {
    const char* first = p_;
    bool escaped = false;
    for (; p_ != end_ && *p_ != ':' && *p_ != ',' && *p_ != ';'; ++p_) escaped |= *p_ == '%';
    if (!escaped) {
      out->assign(first, p_);
      return true;
    }
    out->clear();
    for (const char* q = first; q != p_; ++q) {
      if (*q != '%') {
        *out += *q;
        continue;
      }
      if (p_ - q < 3) return false;
      int hi = hex(q[1]), lo = hex(q[2]);
      if (hi < 0 || lo < 0) return false;
      *out += static_cast<char>(hi * 16 + lo);
      q += 2;
    }
    return true;
  }
  // How many items a list up to `sep` (or the end) holds: its commas and one.
  std::size_t items_before(char sep) const {
    const char* stop = sep ? static_cast<const char*>(std::memchr(p_, sep, static_cast<std::size_t>(end_ - p_))) : end_;
    if (!stop) stop = end_;
    return static_cast<std::size_t>(std::count(p_, stop, ',')) + 1;
  }

 private:
  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  const char* p_;
  const char* end_;
};

// ladder:rung,ladder:rung up to the ';' that ends the field (taken).
bool read_rungs(Scanner& in, std::vector<LadderRung>* out) {
  if (in.take(';')) return true;
  while (true) {
    LadderRung r;
    if (!in.name(&r.ladder) || !in.take(':') || !in.name(&r.rung)) return false;
    out->push_back(std::move(r));
    if (in.take(';')) return true;
    if (!in.take(',')) return false;
  }
}

}  // namespace

std::optional<CallHistory> decode_call_history(std::string_view text) {
  Scanner in{text};
  CallHistory h;
  long long v = 0;
  // v1 (before the latest call's rung and the approaches) is read too: its new fields stay
  // empty until the contact's next call.
  bool v2 = in.take("v2;");
  if (!v2 && !in.take("v1;")) return std::nullopt;
  if (!in.integer(&h.calls) || h.calls < 0 || !in.take(';')) return std::nullopt;
  if (!in.instant(&h.last_at) || !in.take(';') || !in.outcome(&h.last_outcome) || !in.take(';')) return std::nullopt;
  if (!in.instant(&h.last_connect_at) || !in.take(';')) return std::nullopt;
  if (!in.take_none(';')) {
    if (!in.integer(&v)) return std::nullopt;
    h.last_connect_reason_id = v;
  }
  if (!in.take(';') || !in.integer(&h.misses_since_connect) || !in.take(';')) return std::nullopt;
  if (!in.take_none(';')) {
    if (!in.integer(&v)) return std::nullopt;
    h.follow_up_on = Date{std::chrono::days{v}};
  }
  if (!in.take(';') || !in.integer(&v) || !in.take(';')) return std::nullopt;
  h.follow_up_set_at = Instant{std::chrono::seconds{v}};
  if (!in.flag(&h.any_follow_up) || !in.take(';') || !in.flag(&h.reached_gatekeeper) || !in.take(';'))
    return std::nullopt;
  if (!read_rungs(in, &h.agreed) || !read_rungs(in, &h.last_conversation)) return std::nullopt;
  if (!in.take(';')) {
    h.minutes.reserve(in.items_before(';'));
    int previous = -1;
    do {
      MinuteCount m;
      if (!in.integer(&m.minute) || !in.take(':') || !in.integer(&m.attempts) || !in.take(':') ||
          !in.integer(&m.connects))
        return std::nullopt;
      if (m.minute <= previous || m.minute > 1439 || m.attempts < 0 || m.connects < 0) return std::nullopt;
      previous = m.minute;
      h.minutes.push_back(m);
    } while (in.take(','));
    if (!in.take(';')) return std::nullopt;
  }
  if (v2) {
    std::string ladder;
    if (!in.name(&ladder) || !in.take(':') || !in.name(&h.last_rung) || !in.take(';')) return std::nullopt;
    if (ladder == "gatekeeper")
      h.last_ladder = CallHistory::LastLadder::kGatekeeper;
    else if (ladder == "contact")
      h.last_ladder = CallHistory::LastLadder::kContact;
    else if (!ladder.empty())
      return std::nullopt;
    if (!in.instant(&h.last_gatekeeper_at) || !in.take(';')) return std::nullopt;
    if (!in.name(&h.last_gatekeeper_rung) || !in.take(';')) return std::nullopt;
  }
  if (in.at_end()) return h;  // the last field, the latest calls: the rest of the text
  std::size_t n = in.items_before('\0');
  if (n > CallHistory::kRecent) return std::nullopt;
  h.recent.reserve(n);
  do {
    RecentCall r;
    if (!in.integer(&v) || !in.take(':') || !in.outcome(&r.outcome) || !in.take(':') || !in.integer(&r.local_minute))
      return std::nullopt;
    if (v2) {
      int approach = 0;
      if (!in.take(':') || !in.integer(&approach) || approach < 0 || approach > static_cast<int>(Approach::kOther))
        return std::nullopt;
      r.approach = static_cast<Approach>(approach);
    }
    r.at = Instant{std::chrono::seconds{v}};
    h.recent.push_back(r);
  } while (in.take(','));
  if (!in.at_end()) return std::nullopt;
  return h;
}

}  // namespace nextcall
