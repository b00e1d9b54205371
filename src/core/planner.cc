#include "core/planner.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <string_view>

#include "core/call_scripts.h"
#include "core/call_windows.h"
#include "core/civil_time.h"
#include "core/close_ladder.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "core/reason_choice.h"
#include "core/recall.h"

namespace nextcall {

std::string_view to_text(CallKind k) {
  switch (k) {
    case CallKind::kFollowUp: return "follow_up";
    case CallKind::kQualifying: return "qualifying";
    case CallKind::kCadence: return "cadence";
    case CallKind::kRecall: return "recall";
  }
  return "follow_up";
}

std::string cut_reason(const CallSheet& sheet, const OverflowCall& call) {
  char points[32];
  auto end = std::to_chars(points, points + sizeof points, call.priority, std::chars_format::fixed, 1).ptr;
  std::string why = "daily capacity of " + std::to_string(sheet.capacity) + " calls reached; priority ";
  why.append(points, end).append(" is below the cut");
  return why;
}

namespace {

using std::chrono::days;
using std::chrono::minutes;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string date_text(Date d) { return format_date(d); }

// Joins pieces into one string sized once: a due contact's reasons are said for every due
// contact of a big book, and a chain of + reallocates as the sentence grows.
template <typename... Pieces>
std::string cat(const Pieces&... pieces) {
  std::string out;
  out.reserve((std::string_view(pieces).size() + ...));
  (out.append(std::string_view(pieces)), ...);
  return out;
}

int days_between(Date a, Date b) { return static_cast<int>((b - a).count()); }

double haversine_km(const GeoPoint& a, const GeoPoint& b) {
  constexpr double kPi = 3.14159265358979323846, kEarth = 6371.0;
  double dlat = (b.latitude - a.latitude) * kPi / 180, dlon = (b.longitude - a.longitude) * kPi / 180;
  double la = a.latitude * kPi / 180, lb = b.latitude * kPi / 180;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(la) * std::cos(lb) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarth * std::asin(std::min(1.0, std::sqrt(h)));
}

// Everything the planner works out about one contact before deciding.
struct Facts {
  std::vector<std::string> due;
  std::vector<PriorityPart> parts;
  bool due_by_cadence = false;
  bool due_by_change = false;
  std::optional<Instant> callback_at;  // a proposed callback time today
  int attempts_today = 0;
  int voicemails_this_week = 0;
  int misses_since_connect = 0;
  std::uint64_t windows_tried_today = 0;  // bit w: window w was tried today

  // Ready for the next contact; the lists keep their room.
  void reset() {
    due.clear();
    parts.clear();
    due_by_cadence = due_by_change = false;
    callback_at.reset();
    attempts_today = voicemails_this_week = misses_since_connect = 0;
    windows_tried_today = 0;
  }
};

// One more reason the contact is due.
void add_due(Facts& f, std::string why) { f.due.push_back(std::move(why)); }

// `f` has been reset (it is DayContext::facts, reused).
void gather(Facts& f, const Snapshot& s, std::size_t i, const std::string& zone, Instant day_start, Instant day_end,
            bool words) {
  const Contact& c = s.contacts[i];

  const CallHistory& h = s.history_of(i);
  f.misses_since_connect = h.misses_since_connect;
  // A part of the priority; its words only when they will be shown (a ranked contact
  // that does not make the cut shows the parts' names and points).
  auto part = [&](std::string_view name, double points, auto&& why) {
    PriorityPart& p = f.parts.emplace_back();
    p.name = name;
    p.points = points;
    if (words) p.why = std::forward<decltype(why)>(why);
  };

  // Commitments due or overdue, either side (seed 002).
  for (const Commitment& k : s.commitments_of(i)) {
    if (k.status == CommitmentStatus::kKept || !k.due_on) continue;
    int late = days_between(*k.due_on, s.day);
    if (late < 0) continue;
    bool theirs = k.owner == Party::kContact;
    std::string_view who = theirs ? std::string_view(c.first_name) : std::string_view("You");
    if (k.status == CommitmentStatus::kBroken) {
      add_due(f, cat(who, " promised to ", k.what, " (due ", date_text(*k.due_on), ") and didn't: prepare the fallback play"));
      part("commitment_broken", 25, "a broken promise is the moment to go through it together");
    } else {
      std::string when = late == 0 ? "today" : std::to_string(late) + (late == 1 ? " day ago" : " days ago");
      add_due(f, cat(who, " promised to ", k.what, ", due ", when));
      double points = (theirs ? 20 : 30) + std::min(20, late * 2);
      part(late ? "commitment_overdue" : "commitment_due", points,
           words ? (theirs ? "their" : "your") + std::string(" commitment is ") + (late ? "overdue" : "due today")
                 : std::string());
    }
  }
  // A customer's cadence (seed 001: regular calls, each with something of value).
  if (c.stage == Stage::kCustomer && c.cadence.kind != Cadence::Kind::kNone) {
    int every = c.cadence.days();
    if (!h.last_connect_at) {
      add_due(f, cat("customer on a ", to_text(c.cadence), " cadence, not reached yet"));
      f.due_by_cadence = true;
      part("cadence_overdue", 15, "never reached on their cadence");
    } else {
      Date last_day = local_date(*h.last_connect_at, zone);
      int since = days_between(last_day, s.day);
      if (since >= every) {
        add_due(f, cat("customer called ", to_text(c.cadence), "; last conversation ", std::to_string(since),
                       " days ago"));
        f.due_by_cadence = true;
        part("cadence_overdue", 10 + std::min(15, since - every), !words ? std::string() : "cadence elapsed " +
                                                                      std::to_string(since - every) + " days ago");
      }
    }
  }
  // The follow-up date set when the last call was logged.
  if (h.follow_up_on) {
    Date next_on = *h.follow_up_on;
    bool called_since = h.last_at && *h.last_at > h.follow_up_set_at && local_date(*h.last_at, zone) >= next_on;
    if (next_on <= s.day && !called_since) {
      int late = days_between(next_on, s.day);
      add_due(f, cat("follow-up set for ", date_text(next_on), " on the call of ",
                     date_text(local_date(h.follow_up_set_at, zone))));
      part("follow_up_date", 20 + std::min(10, late), late ? "follow-up date passed" : "follow-up date is today");
    }
  }
  // Appointments and proposed callbacks on the day.
  for (const Appointment& ap : s.appointments_of(i)) {
    if (ap.status == AppointmentStatus::kCancelled || ap.status == AppointmentStatus::kDone) continue;
    if (ap.starts_at < day_start || ap.starts_at >= day_end) continue;
    if (ap.is_callback) {
      f.callback_at = ap.starts_at;
      add_due(f, cat("they asked for a callback at ", format_local(ap.starts_at, zone), " their time"));
      part("callback", 40, "a time they chose");
    } else if (ap.status == AppointmentStatus::kConfirmed) {
      add_due(f, cat("confirmed appointment today at ", format_local(ap.starts_at, zone),
                     " their time: call ahead to confirm and prepare"));
      part("appointment_today", 30, "a confirmed appointment today");
    } else {
      add_due(f, cat("proposed appointment today at ", format_local(ap.starts_at, zone), ": confirm it"));
      part("appointment_today", 25, "a proposed appointment to confirm");
    }
  }
  // A referral introduction made and not yet followed up (seed 003).
  for (const Referral& r : s.referrals_of(i)) {
    if (!r.introduced || !r.introduced_on) continue;
    bool called = h.last_at && local_date(*h.last_at, zone) >= *r.introduced_on;
    if (!called) {
      add_due(f, cat(r.referrer_name, " introduced you on ", date_text(*r.introduced_on),
                     " and you have not called yet"));
      part("referral_introduced", 25, "an introduction cools quickly");
    }
  }
  // A change that answers their objection or serves their hot button (recall list).
  const Account* account = s.changes.empty() ? nullptr : s.account_of(i);
  for (const Change& ch : s.changes) {
    if (ch.effective_on && *ch.effective_on > s.day) continue;
    ChangeFit fit = change_fit(ch, c, s.objections_of(i), account ? account->industry : "");
    if (!fit.fits) continue;
    bool told = h.last_connect_at && *h.last_connect_at >= ch.created_at;
    if (told) continue;
    add_due(f, cat("on the recall list of change #", std::to_string(ch.id), " \"", ch.title, "\": ", fit.why));
    f.due_by_change = true;
    part("change_recall", fit.objection_id ? 30 : 20, words ? "a change " + fit.why : std::string());
    break;
  }
  // Persistence after a miss (seed 003: different times, different strategies).
  if (f.due.empty() && h.may_retry()) {
    int since = days_between(local_date(*h.last_at, zone), s.day);
    if (since >= 1 && since <= CallHistory::kRetryWithinDays) {
      add_due(f, cat("the last ", std::to_string(f.misses_since_connect),
                     f.misses_since_connect == 1 ? " attempt" : " attempts",
                     " did not connect: try again at a different time, differently"));
      part("retry", 5, "persistence, not pestering");
    }
  }
  // Today's tries and this week's voicemails, for a contact who is due (or whose brief is
  // asked for): most of a book is not due on a given day, and its latest calls lie in a
  // block of their own, one cache miss each.
  if (!f.due.empty() || words) {
    for (const RecentCall& a : h.recent) {
      if (a.at >= day_start && a.at < day_end) {
        ++f.attempts_today;
        int w = window_at(s.settings, a.local_minute);
        if (w >= 0 && w < 64) f.windows_tried_today |= std::uint64_t{1} << w;
      }
      if (a.outcome == Outcome::kVoicemail && a.at >= s.now - days{7}) ++f.voicemails_this_week;
    }
  }
  if (!f.parts.empty()) {
    // What the call is worth and how far along the contact is.
    if (c.deal_value > 0)
      part("deal_value", std::round(std::log10(1 + c.deal_value) * 30) / 10,
           words ? "deal worth " + std::to_string(static_cast<long>(c.deal_value)) : std::string());
    if (c.stage == Stage::kCustomer) part("stage", 3, "a customer is someone else's prospect");
  }
}

std::optional<MaterialPointer> pick_material(const Snapshot& s, std::size_t i) {
  const Contact& c = s.contacts[i];
  std::optional<MaterialPointer> any;
  auto materials = s.materials_of(i);
  for (auto it = materials.rbegin(); it != materials.rend(); ++it) {
    for (const Pointer& p : it->pointers) {
      MaterialPointer mp{it->id, it->title, p.location, p.hot_button};
      std::string a = lower(c.hot_button), b = lower(p.hot_button);
      if (!a.empty() && !b.empty() && (a.find(b) != std::string::npos || b.find(a) != std::string::npos))
        return mp;
      if (!any) any = mp;
    }
    if (!any && it->pointers.empty()) any = MaterialPointer{it->id, it->title, "the first page", c.hot_button};
  }
  return any;
}

// The approach after `misses` attempts without a conversation (seed 003, then 004's last
// resorts).
std::string choose_approach(int misses, bool has_gatekeeper, bool has_referral, int voicemails,
                            int max_voicemails, std::string* why) {
  if (misses == 0) {
    *why = "dial direct; if you get voicemail, leave the script below";
    return voicemails >= max_voicemails ? "direct_no_voicemail" : "direct";
  }
  if (misses == 1) {
    *why = "one miss: a different window, and leave the voicemail if it picks up";
    return voicemails >= max_voicemails ? "direct_no_voicemail" : "voicemail";
  }
  if (misses == 2 && has_gatekeeper) {
    *why = "two misses: enlist the screener (gatekeeper script below)";
    return "gatekeeper";
  }
  if (misses <= 3 && has_referral) {
    *why = "several misses: use the referral — name who asked you to call";
    return "referral";
  }
  if (misses <= 4) {
    *why = std::to_string(misses) + " misses: a different window again" +
           std::string(has_gatekeeper ? ", through the screener if needed" : "");
    return has_gatekeeper ? "gatekeeper" : (voicemails >= max_voicemails ? "direct_no_voicemail" : "voicemail");
  }
  if (misses <= 6) {
    *why = std::to_string(misses) + " misses: send a short e-mail with the reason, then call once more";
    return "email";
  }
  *why = std::to_string(misses) + " misses: last resort, connect on LinkedIn (seed 004)";
  return "linkedin";
}

struct SlotPick {
  Instant at{};
  Date local_date{};
  int local_minute = 0;
  std::string why;
};

// A free slot of the rep's for the voicemail's proposed appointment (seed 003), preferring
// a day when the rep already has a confirmed appointment near the contact.
SlotPick pick_slot(const Snapshot& s, const Contact& c, const std::string& zone,
                   const std::optional<GeoPoint>& where, std::set<Instant>* used) {
  auto busy = [&](Instant t) {
    if (used->count(t)) return true;
    for (const Appointment& ap : s.rep_appointments) {
      if (ap.status == AppointmentStatus::kCancelled) continue;
      Instant end = ap.starts_at + minutes{ap.duration_minutes};
      if (t < end + minutes{60} && t + minutes{60} > ap.starts_at) return true;
    }
    return false;
  };
  auto business_day = [&](Date d) {
    std::chrono::weekday wd{d};
    if (wd == std::chrono::Saturday || wd == std::chrono::Sunday) return false;
    return std::find(s.settings.holidays.begin(), s.settings.holidays.end(), d) == s.settings.holidays.end();
  };
  Date today_there = local_date(s.now, zone);
  // Nearby confirmed appointments first.
  if (where) {
    const Appointment* best = nullptr;
    double best_km = 50;
    for (const Appointment& ap : s.rep_appointments) {
      if (ap.status != AppointmentStatus::kConfirmed || !ap.location || ap.contact_id == c.id) continue;
      Date d = local_date(ap.starts_at, zone);
      if (d <= today_there || d > today_there + days{14} || !business_day(d)) continue;
      double km = haversine_km(*where, *ap.location);
      if (km < best_km) {
        best = &ap;
        best_km = km;
      }
    }
    if (best) {
      Instant end = best->starts_at + minutes{best->duration_minutes};
      Date d = local_date(end, zone);
      int m = local_minute_of_day(end, zone);
      int start = ((m + 30 + 59) / 60) * 60;  // the next full hour, leaving time to drive
      for (int minute = start; minute <= 16 * 60; minute += 60) {
        Instant t = zoned_instant(d, minute, zone);
        if (busy(t)) continue;
        used->insert(t);
        const Contact* other = s.contact_by_id(best->contact_id);
        char km[32];
        std::snprintf(km, sizeof km, "%.0f km", best_km);
        return {t, d, minute,
                "near your confirmed appointment" + (other ? " with " + other->full_name() : std::string()) +
                    (best->place.empty() ? "" : " at " + best->place) + " that day, " + km + " away"};
      }
    }
  }
  for (int ahead = 2; ahead <= 12; ++ahead) {
    Date d = today_there + days{ahead};
    if (!business_day(d)) continue;
    for (int minute : {10 * 60, 14 * 60, 11 * 60, 15 * 60, 9 * 60}) {
      Instant t = zoned_instant(d, minute, zone);
      if (busy(t)) continue;
      used->insert(t);
      return {t, d, minute, "the first free slot in your calendar, in their business hours"};
    }
  }
  Date d = today_there + days{2};
  return {zoned_instant(d, 10 * 60, zone), d, 600, "no free slot found in two weeks; check your calendar"};
}

// Priority: an explicit sum of parts (the facts', the highest rung agreed, the chance
// of connecting in the chosen window). `highest` is the rank on the ladder of the highest
// rung agreed (-1: none). A brief's parts and an overflow row's are summed the same way,
// in the same order, so a call has the same priority either way.
double rung_points(const Ladder& ladder, int highest) {
  return (static_cast<double>(ladder.rungs.size()) - highest) * 2;
}
double connect_points(double connect_estimate) { return std::round(connect_estimate * 100) / 10; }

template <typename Part>
double sum_points(const std::vector<Part>& parts) {
  double total = 0;
  for (const Part& p : parts) total += p.points;
  return total;
}

// `agreed` is the name of the highest rung agreed.
void add_priority(Brief& b, Facts& f, const Ladder& ladder, const std::string& agreed) {
  b.priority_parts = std::move(f.parts);
  int highest = agreed.empty() ? -1 : rung_rank(ladder, agreed);
  if (highest >= 0)
    b.priority_parts.push_back(
        {"highest_rung", rung_points(ladder, highest), cat("already agreed to ", agreed)});
  b.priority_parts.push_back({"connect_chance", connect_points(b.window.connect_estimate),
                              "estimated connect chance in the chosen window"});
  b.priority = sum_points(b.priority_parts);
  // Slot: the window start (the sheet spreads calls in a window when it orders them).
  b.slot = b.window.start;
}

// An overflow row's parts: the facts' names and points, then the same two as a brief's.
void add_priority(OverflowCall& o, const Facts& f, const Ladder& ladder, int highest) {
  o.priority_parts.reserve(f.parts.size() + 2);
  for (const PriorityPart& p : f.parts) o.priority_parts.push_back({p.name, p.points});
  if (highest >= 0) o.priority_parts.push_back({"highest_rung", rung_points(ladder, highest)});
  o.priority_parts.push_back({"connect_chance", connect_points(o.connect_estimate)});
  o.priority = sum_points(o.priority_parts);
}

struct Planned {
  std::optional<Brief> brief;          // Detail::kFull
  bool ranked = false;                 // Detail::kRank: written into the caller's row
  std::string not_planned;  // why, when brief is empty
  bool needs_reason = false;
  bool snoozed = false;
};

std::vector<WindowCounts> workspace_prior(const Snapshot& s, const WindowTable& table);

// What planning one day shares across its contacts: worked out once, not per contact.
struct DayContext {
  explicit DayContext(const Snapshot& snapshot)
      : s(snapshot),
        table(snapshot.settings),
        prior(workspace_prior(snapshot, table)),
        day_start(zoned_instant(snapshot.day, 0, snapshot.rep.timezone)),
        day_end(zoned_instant(snapshot.day + days{1}, 0, snapshot.rep.timezone)) {}

  // The day's call windows in a contact's zone: the same for every contact there.
  const std::vector<CandidateWindow>& windows_in(const std::string& contact_zone) {
    auto it = windows.find(contact_zone);
    if (it == windows.end())
      it = windows.emplace(contact_zone, windows_for(s.settings, contact_zone, s.rep.timezone, s.day, s.now)).first;
    return it->second;
  }

  const Snapshot& s;
  WindowTable table;
  std::vector<WindowCounts> prior;
  Instant day_start, day_end;
  std::set<Instant> used_slots;  // voicemail slots proposed so far today
  std::vector<WindowCounts> mine;  // a contact's calls per window (one buffer for all)
  std::map<std::string, std::vector<CandidateWindow>> windows;
  // Each contact's facts are gathered into these and copied out at their size when the
  // call is ranked (400,000 overflow rows keep them: room to spare in each, or a list
  // grown twice, is memory to touch and allocations to make).
  Facts facts;
};

// kRank works out whether a contact is due and what the call is worth (for every due
// contact); kFull writes the whole brief (for the calls the sheet keeps).
enum class Detail { kRank, kFull };

Planned plan_contact(DayContext& ctx, std::size_t i, bool only_if_due, Detail detail,
                     OverflowCall* ranked_into = nullptr) {
  const Snapshot& s = ctx.s;
  const std::vector<WindowCounts>& prior = ctx.prior;
  std::set<Instant>* used_slots = &ctx.used_slots;
  const Contact& c = s.contacts[i];
  Planned out;
  if (c.do_not_call) {
    out.not_planned = "do not call" + (c.do_not_call_since ? " since " + date_text(*c.do_not_call_since) : "") +
                      (c.do_not_call_reason.empty() ? "" : ": " + c.do_not_call_reason);
    return out;
  }
  if (c.snoozed_until && *c.snoozed_until > s.day) {
    out.snoozed = true;
    out.not_planned = "snoozed until " + date_text(*c.snoozed_until) +
                      (c.snooze_reason.empty() ? "" : ": " + c.snooze_reason);
    return out;
  }
  const std::string& zone = s.zone_of(i);
  Facts& f = ctx.facts;  // a brief moves its lists out: the next contact starts new ones
  f.reset();
  gather(f, s, i, zone, ctx.day_start, ctx.day_end, detail == Detail::kFull || !only_if_due);
  if (only_if_due && f.due.empty()) return out;
  if (c.phones.empty()) {
    out.not_planned = "no phone number";
    return out;
  }
  const CallHistory& history = s.history_of(i);
  if (f.attempts_today >= s.settings.max_attempts_per_day) {
    out.not_planned = "already tried " + std::to_string(f.attempts_today) +
                      " times today (at most " + std::to_string(s.settings.max_attempts_per_day) + ")";
    return out;
  }
  // When: the open window with the best connect estimate; a miss today moves the window.
  const std::vector<CandidateWindow>& candidates = ctx.windows_in(c.timezone);
  std::vector<WindowCounts>& mine = ctx.mine;
  count_by_window(ctx.table, s.settings.windows.size(), history.minutes, &mine);
  const CandidateWindow* chosen = nullptr;
  double chosen_est = -1;
  for (const CandidateWindow& w : candidates) {
    if (w.index < 64 && (f.windows_tried_today >> w.index) & 1) continue;
    double est = connect_estimate(mine[w.index], prior[w.index]);
    if (s.settings.windows[w.index].screeners_out) est += 0.02;  // seed 003: they pick up
    if (est > chosen_est + 1e-9) {
      chosen = &w;
      chosen_est = est;
    }
  }
  bool qualifying = c.stage == Stage::kProspect && c.hot_button.empty() && c.role != Role::kGatekeeper;
  const Ladder& ladder = c.role == Role::kGatekeeper ? s.settings.gatekeeper_ladder : s.settings.contact_ladder;
  if (detail == Detail::kRank) {
    // Whether there is a reason and what the call is worth; the words come with kFull.
    if (!f.callback_at && !chosen) {
      out.not_planned = "no call window left today in their time (" + zone + "): weekend, holiday or after hours";
      return out;
    }
    ReasonSource source = reason_source(s, i);
    if (source == ReasonSource::kNone) {
      out.needs_reason = true;
      out.not_planned = "nothing of value to say yet: add a reason to the library (nextcall reason add) "
                        "or record a thread";
      return out;
    }
    OverflowCall& o = *ranked_into;
    o.contact_id = c.id;
    o.name = c.full_name();
    const Account* account = s.account_of(i);
    if (account) o.company = account->name;
    o.role = std::string(to_text(c.role));
    o.stage = std::string(to_text(c.stage));
    o.phone_e164 = c.phones.front().e164;
    o.kind = source == ReasonSource::kChange ? CallKind::kRecall
             : qualifying                    ? CallKind::kQualifying
             : f.due_by_cadence              ? CallKind::kCadence
                                             : CallKind::kFollowUp;
    if (f.callback_at) {
      o.window_name = "callback";
      o.window_start = *f.callback_at;
      o.window_end = *f.callback_at + minutes{15};
      o.connect_estimate = 0.9;
    } else {
      o.window_name = s.settings.windows[chosen->index].name;
      o.window_start = chosen->start;
      o.window_end = chosen->end;
      o.connect_estimate = chosen_est;
    }
    o.due_because.assign(std::make_move_iterator(f.due.begin()), std::make_move_iterator(f.due.end()));
    add_priority(o, f, ladder, history.best_rank(ladder));
    out.ranked = true;
    return out;
  }
  Brief b;
  if (f.callback_at) {
    b.window.name = "callback";
    b.window.start = *f.callback_at;
    b.window.end = *f.callback_at + minutes{15};
    b.window.why = "the time they asked you to call back";
    b.window.connect_estimate = 0.9;
  } else if (chosen) {
    const CallWindow& cw = s.settings.windows[chosen->index];
    b.window.name = cw.name;
    b.window.start = chosen->start;
    b.window.end = chosen->end;
    b.window.connect_estimate = chosen_est;
    const WindowCounts& m = mine[chosen->index];
    if (m.attempts > 0) {
      b.window.why = "connected " + std::to_string(m.connects) + " of " + std::to_string(m.attempts) +
                     " times " + (cw.name == "early" ? "before " + format_clock_minutes(cw.end_minute)
                                                     : "in the " + cw.name + " window");
    } else if (cw.screeners_out) {
      b.window.why = "screeners are usually out " +
                     std::string(cw.name == "early" ? "before 8 a.m." : cw.name == "lunch" ? "at lunch" : "after 5 p.m.") +
                     ", so they may pick up themselves (seed 003)";
    } else {
      b.window.why = "their working day";
    }
    char est[16];
    std::snprintf(est, sizeof est, "%.0f%%", chosen_est * 100);
    b.window.why += "; estimated connect chance " + std::string(est);
    if (f.windows_tried_today != 0) b.window.why += "; a different window from this morning's miss";
  } else {
    out.not_planned = "no call window left today in their time (" + zone + "): weekend, holiday or after hours";
    return out;
  }
  b.window.local_text = format_local(b.window.start, zone) + "–" +
                        format_clock_minutes(local_minute_of_day(b.window.end, zone)) + " their time";
  b.window.rep_text = format_local(b.window.start, s.rep.timezone) + "–" +
                      format_clock_minutes(local_minute_of_day(b.window.end, s.rep.timezone)) + " your time";
  if (c.timezone.empty()) b.window.why += "; their time zone is unknown, planned in yours";

  // Who.
  const Account* account = s.account_of(i);
  b.contact_id = c.id;
  b.name = c.full_name();
  b.company = account ? account->name : "";
  b.role = std::string(to_text(c.role));
  b.stage = std::string(to_text(c.stage));
  b.title = c.title;
  b.contact_timezone = c.timezone;
  b.phone_e164 = c.phones.front().e164;
  b.due_because = std::move(f.due);

  // Why: the reason, and the material page to point at.
  b.material = pick_material(s, i);
  auto reason = choose_reason(s, i, b.material);
  if (!reason) {
    out.needs_reason = true;
    out.not_planned = "nothing of value to say yet: add a reason to the library (nextcall reason add) "
                      "or record a thread";
    if (only_if_due) return out;
  } else {
    b.reason = *reason;
  }
  b.kind = reason && reason->source == "change" ? CallKind::kRecall
           : qualifying                         ? CallKind::kQualifying
           : f.due_by_cadence                   ? CallKind::kCadence
                                                : CallKind::kFollowUp;
  if (qualifying) {
    b.qualifying_questions = {
        "What would have to be true for this to be worth your time this quarter?",
        "What is costing you the most right now in " + (account && !account->industry.empty() ? account->industry : "your operation") + "?",
        "If you could change one thing about how you handle this today, what would it be?"};
  }
  b.hot_button = c.hot_button;
  b.opener = build_opener(s.threads_of(i), c.first_name, b.reason.text, &b.opener_source);

  // The close: the rung above the highest agreed, on the ladder for their role.
  b.close = target_close(ladder, history, c.first_name);
  if (qualifying) {
    b.close.why = "a qualifying call: find their hot button before any follow-up (seed 002); " + b.close.why;
  }

  // The fallback play when they owe something (seed 002).
  for (const Commitment& k : s.commitments_of(i)) {
    if (k.owner != Party::kContact || k.status == CommitmentStatus::kKept) continue;
    if (k.status == CommitmentStatus::kBroken || (k.due_on && *k.due_on <= s.day + days{1})) {
      std::optional<MaterialPointer> page = b.material;
      if (k.material_id) {
        for (const Material& m : s.materials_of(i))
          if (m.id == *k.material_id && !m.pointers.empty()) {
            page = MaterialPointer{m.id, m.title, m.pointers.front().location, m.pointers.front().hot_button};
            for (const Pointer& p : m.pointers)
              if (!c.hot_button.empty() && lower(c.hot_button).find(lower(p.hot_button)) != std::string::npos)
                page = MaterialPointer{m.id, m.title, p.location, p.hot_button};
          }
      }
      b.fallback_play = build_fallback_play(k, page);
      break;
    }
  }

  // The approach after misses, and the voicemail (seed 003).
  bool has_gatekeeper = c.gatekeeper_id.has_value() || history.reached_gatekeeper;
  auto referrals = s.referrals_of(i);
  b.approach = choose_approach(f.misses_since_connect, has_gatekeeper, !referrals.empty(),
                               f.voicemails_this_week, s.settings.max_voicemails_per_week, &b.approach_why);
  if (f.voicemails_this_week >= s.settings.max_voicemails_per_week)
    b.approach_why += "; no voicemail this time (" + std::to_string(f.voicemails_this_week) +
                      " left this week already)";
  std::optional<GeoPoint> where = c.location;
  if (!where && account) where = account->location;
  SlotPick slot = pick_slot(s, c, zone, where, used_slots);
  // The voicemail leads with a benefit: the reason itself when it is one (a change, a
  // library reason, a promise of the rep's kept), else their hot button, said to them.
  std::string fallback = c.hot_button.empty() ? std::string("I have an idea worth a short call")
                                              : "I have an idea on " + said_to_them(c.hot_button);
  std::string benefit =
      b.reason.source == "change" || b.reason.source == "library" || b.reason.kept_promise ? b.reason.text : fallback;
  int max_words = s.settings.speaking_rate_wpm * s.settings.voicemail_seconds / 60;
  b.voicemail = build_voicemail(c.first_name, s.rep.name.empty() ? "your rep" : s.rep.name, benefit, fallback,
                                spoken_slot(slot.local_date, slot.local_minute),
                                s.rep_phone_display.empty() ? "(your number)" : s.rep_phone_display,
                                max_words, s.settings.speaking_rate_wpm);
  b.voicemail.proposed_slot = slot.at;
  b.voicemail.slot_why = slot.why;

  // The gatekeeper script (seeds 003 and 004).
  if (has_gatekeeper || c.role == Role::kGatekeeper) {
    std::string referrer;
    for (const Referral& r : referrals)
      if (!r.referrer_name.empty()) referrer = r.referrer_name;
    TargetClose gk = target_close(s.settings.gatekeeper_ladder, history, c.first_name);
    std::string topic = c.hot_button.empty() ? "an idea for " + (b.company.empty() ? std::string("the business") : b.company)
                                             : c.hot_button;
    b.gatekeeper_script = build_gatekeeper_script(c.full_name(), referrer, topic, gk);
  } else if (!referrals.empty() && !referrals.front().referrer_name.empty()) {
    b.gatekeeper_script = std::vector<std::string>{
        "If a screener answers: \"" + referrals.front().referrer_name + " asked me to call " + c.full_name() + ".\""};
  }

  add_priority(b, f, ladder, b.close.highest_agreed);
  out.brief = std::move(b);
  return out;
}

// Puts rows in the given order where they lie: afterwards rows[k] is the row that was at
// order[k] (a permutation of 0..n-1). Each row moves once, along the cycles of the order.
template <typename T>
void permute(std::vector<T>& rows, std::vector<std::uint32_t> order) {
  for (std::size_t start = 0; start < rows.size(); ++start) {
    if (order[start] == start) continue;
    T first = std::move(rows[start]);
    std::size_t at = start;
    for (;;) {
      std::size_t from = order[at];
      order[at] = static_cast<std::uint32_t>(at);  // in place now
      if (from == start) {
        rows[at] = std::move(first);
        break;
      }
      rows[at] = std::move(rows[from]);
      at = from;
    }
  }
}

std::vector<WindowCounts> workspace_prior(const Snapshot& s, const WindowTable& table) {
  std::vector<WindowCounts> prior(s.settings.windows.size());
  if (!s.workspace_minutes.empty()) {
    // The issue's prior: every call the team made, not only this rep's contacts.
    count_by_window(table, prior.size(), s.workspace_minutes, &prior);
    return prior;
  }
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    for (const MinuteCount& m : s.history_of(i).minutes) {
      int w = table.at(m.minute);
      if (w < 0) continue;
      prior[static_cast<std::size_t>(w)].attempts += m.attempts;
      prior[static_cast<std::size_t>(w)].connects += m.connects;
    }
  }
  return prior;
}

}  // namespace

CallSheet plan_day(const Snapshot& s) {
  CallSheet sheet;
  sheet.rep_id = s.rep.id;
  sheet.rep_name = s.rep.name;
  sheet.rep_timezone = s.rep.timezone;
  sheet.day = s.day;
  sheet.generated_at = s.now;
  sheet.capacity = s.settings.daily_capacity;
  DayContext ctx(s);
  // Rank every due contact (cheap), then write the whole brief only for the calls kept. A
  // narrowed load has nearly every contact due: the list is sized once for all of them.
  std::vector<OverflowCall> ranked;
  std::vector<std::uint32_t> ranked_index;  // into s.contacts, one per ranked call
  ranked.reserve(s.contacts.size());
  ranked_index.reserve(s.contacts.size());
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    // The row is made in place and dropped when the contact is not ranked (no moves).
    OverflowCall& row = ranked.emplace_back();
    Planned p = plan_contact(ctx, i, true, Detail::kRank, &row);
    if (p.ranked) {
      ranked_index.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    ranked.pop_back();
    const Contact& c = s.contacts[i];
    if (p.snoozed) {
      sheet.snoozed.push_back({c.id, c.full_name(), p.not_planned});
    } else if (p.needs_reason) {
      sheet.needs_reason.push_back({c.id, c.full_name(), p.not_planned});
    } else if (!p.not_planned.empty()) {
      sheet.skipped.push_back({c.id, c.full_name(), p.not_planned});
    }
  }
  // Capacity keeps the most valuable calls; the rest is overflow with the reason. (The
  // order is sorted, not the rows: they are big to move.)
  // What the order compares is copied out first, so the sort reads one small array rather
  // than a row of 288 bytes, far from the last one, for every comparison.
  struct RankKey {
    double priority;
    Id contact_id;
    std::uint32_t row;
  };
  std::vector<RankKey> keys(ranked.size());
  for (std::size_t k = 0; k < keys.size(); ++k)
    keys[k] = {ranked[k].priority, ranked[k].contact_id, static_cast<std::uint32_t>(k)};
  std::sort(keys.begin(), keys.end(), [](const RankKey& a, const RankKey& b) {
    return a.priority != b.priority ? a.priority > b.priority : a.contact_id < b.contact_id;
  });
  std::vector<std::uint32_t> order(keys.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = keys[k].row;
  std::vector<RankKey>().swap(keys);
  std::size_t keep = std::min(ranked.size(), static_cast<std::size_t>(std::max(0, s.settings.daily_capacity)));
  std::vector<Brief> ready;
  ready.reserve(keep);
  for (std::size_t k = 0; k < keep; ++k) {
    std::size_t i = ranked_index[order[k]];
    Planned p = plan_contact(ctx, i, true, Detail::kFull);
    if (p.brief) {
      ready.push_back(std::move(*p.brief));  // always, but for a bug: the same facts as ranked
    } else {
      const Contact& c = s.contacts[i];
      sheet.needs_reason.push_back({c.id, c.full_name(), p.not_planned});
    }
  }
  // The overflow is the ranked rows themselves, put in order where they lie: the calls cut
  // first, best first, then the calls kept, which are dropped (their briefs are written).
  std::rotate(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end());
  permute(ranked, std::move(order));
  ranked.resize(ranked.size() - keep);
  sheet.overflow = std::move(ranked);
  // Order by window start, then priority; spread the calls of a window over its length.
  std::stable_sort(ready.begin(), ready.end(), [](const Brief& a, const Brief& b) {
    if (a.window.start != b.window.start) return a.window.start < b.window.start;
    return a.priority > b.priority;
  });
  Instant next_free{};
  auto step = minutes{std::max(1, s.settings.call_minutes)};
  for (Brief& b : ready) {
    b.slot = std::max(b.window.start, next_free);
    if (b.slot >= b.window.end) b.slot = b.window.start;  // the window is full: double-book its start
    next_free = b.slot + step;
  }
  sheet.calls = std::move(ready);
  return sheet;
}

std::optional<Brief> brief_for(const Snapshot& s, Id contact_id) {
  DayContext ctx(s);
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    if (s.contacts[i].id != contact_id) continue;
    Planned p = plan_contact(ctx, i, false, Detail::kFull);
    if (p.brief) {
      if (p.brief->due_because.empty()) p.brief->due_because.push_back("not due today: this brief is on request");
      return p.brief;
    }
    Brief b;
    b.contact_id = contact_id;
    b.name = s.contacts[i].full_name();
    b.due_because = {"not planned: " + p.not_planned};
    return b;
  }
  return std::nullopt;
}

}  // namespace nextcall
