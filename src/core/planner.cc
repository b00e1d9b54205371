#include "core/planner.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/call_scripts.h"
#include "core/voicemail_script.h"
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
  if (call.over_new_allowance)
    return "a new contact past today's allowance of " + std::to_string(sheet.new_contacts_per_day) +
           " first calls (setting new_contacts_per_day); the oldest go first";
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

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

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
  bool change_removed_objection = false;
  std::optional<Instant> callback_at;  // a time to call today: asked for, or held on a voicemail
  std::string callback_kind;           // callback | held
  const Appointment* held = nullptr;   // a time our voicemail proposed, still ahead
  const Appointment* meeting_today = nullptr;  // a confirmed meeting today: call to confirm it
  const Appointment* meeting_past = nullptr;   // a meeting held since the last conversation
  std::optional<Date> waiting_until;   // the agreed next step lies after the plan day
  int attempts_today = 0;
  int voicemails_this_week = 0;
  int misses_since_connect = 0;
  std::uint64_t windows_tried_today = 0;  // bit w: window w was tried today
  std::uint64_t windows_missed = 0;       // bit w: a try since the last conversation missed in w
  int last_missed_window = -1;
  bool first_call = false;  // never called: due only as one of the day's new contacts

  // Ready for the next contact; the lists keep their room.
  void reset() {
    due.clear();
    parts.clear();
    due_by_cadence = due_by_change = change_removed_objection = false;
    callback_at.reset();
    callback_kind.clear();
    held = nullptr;
    meeting_today = meeting_past = nullptr;
    waiting_until.reset();
    attempts_today = voicemails_this_week = misses_since_connect = 0;
    windows_tried_today = windows_missed = 0;
    last_missed_window = -1;
    first_call = false;
  }
};

// One more reason the contact is due.
void add_due(Facts& f, std::string why) { f.due.push_back(std::move(why)); }

// Who gave a referral whose introduction is still to be made, by referrer: the planner
// asks them to make it (seed 003: ask your customer to call the prospect for you).
using IntroductionAsks = std::unordered_map<Id, std::vector<const Referral*>>;

// `f` has been reset (it is DayContext::facts, reused).
void gather(Facts& f, const Snapshot& s, std::size_t i, const std::string& zone, Instant day_start, Instant day_end,
            bool words, const IntroductionAsks& asks, const WindowTable& table) {
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
  // The local day of the last conversation: what was due by then was talked about. Worked
  // out when asked (a time-zone conversion, and most of a big book is never asked).
  std::optional<Date> last_talk_day;
  auto last_talk = [&]() -> const std::optional<Date>& {
    if (!last_talk_day && h.last_connect_at) last_talk_day = local_date(*h.last_connect_at, zone);
    return last_talk_day;
  };
  bool talked_today = h.last_connect_at && *h.last_connect_at >= day_start && *h.last_connect_at < day_end;

  // A time held on a voicemail stands until a conversation after that voicemail: the
  // conversation decided what comes next.
  auto holds_current = [&] {
    if (!h.last_connect_at) return true;
    for (const RecentCall& a : h.recent)
      if (a.outcome == Outcome::kVoicemail && a.at > *h.last_connect_at) return true;
    return false;
  };
  // Appointments: today's callbacks, meetings and held voicemail times; the next one after
  // today is an agreed next step (or, for a held time, the step we proposed).
  std::optional<Instant> next_appointment;
  for (const Appointment& ap : s.appointments_of(i)) {
    if (ap.status == AppointmentStatus::kCancelled || ap.status == AppointmentStatus::kDone) continue;
    bool held = ap.status == AppointmentStatus::kProposed && !ap.is_callback;
    if (held && ap.starts_at + minutes{ap.duration_minutes} <= s.now) continue;  // expired
    if (held && !holds_current()) continue;
    if (held && (!f.held || ap.starts_at < f.held->starts_at)) f.held = &ap;
    if (ap.starts_at >= day_end) {
      if (ap.starts_at > s.now && (!next_appointment || ap.starts_at < *next_appointment))
        next_appointment = ap.starts_at;
      continue;
    }
    if (ap.starts_at < day_start) continue;
    if (talked_today && h.last_connect_at && ap.starts_at <= *h.last_connect_at) continue;
    if (ap.is_callback) {
      f.callback_at = ap.starts_at;
      f.callback_kind = "callback";
      add_due(f, cat("they asked for a callback at ", format_local(ap.starts_at, zone), " their time"));
      part("callback", 40, "a time they chose");
    } else if (held) {
      if (!f.callback_at) {
        f.callback_at = ap.starts_at;
        f.callback_kind = "held";
      }
      add_due(f, cat("your voicemail proposed ", format_local(ap.starts_at, zone),
                     " their time: call then, as your message said"));
      part("voicemail_time", 35, "the time your message proposed");
    } else {  // confirmed: a proposed one that is not a callback is a held time, above
      if (ap.starts_at > s.now && (!f.meeting_today || ap.starts_at < f.meeting_today->starts_at))
        f.meeting_today = &ap;
      add_due(f, cat("confirmed appointment today at ", format_local(ap.starts_at, zone),
                     " their time: call ahead to confirm and prepare"));
      part("appointment_today", 30, "a confirmed appointment today");
    }
  }
  // Put on the rep's calls by hand: due from the day it was added until a call is made,
  // whatever else is agreed (the rep asked for it), at the priority given.
  if (!s.queued.empty()) {
    auto q = s.queued.find(c.id);
    if (q != s.queued.end() && !(h.last_at && *h.last_at >= q->second.added_at) &&
        local_date(q->second.added_at, s.rep.timezone) <= s.day) {
      const QueuedCall& e = q->second;
      bool by_rep = !e.added_by || *e.added_by == s.rep.id;
      Date added_on = local_date(e.added_at, s.rep.timezone);
      add_due(f, cat(by_rep ? "you added them to your calls" : "your manager added them to your calls",
                     added_on == s.day ? std::string(" today") : " on " + date_text(added_on),
                     e.priority == QueuePriority::kTop ? ", to call first" : ""));
      double points = e.priority == QueuePriority::kTop ? 1000 : e.priority == QueuePriority::kHigh ? 40 : 12;
      part("added_by_hand", points,
           e.priority == QueuePriority::kTop    ? "added by hand: ahead of every other call"
           : e.priority == QueuePriority::kHigh ? "added by hand at high priority: with the callbacks"
                                                : "added by hand: with the follow-ups");
    }
  }
  // Reached today already: only a time agreed for later today (or a call added by hand
  // since) brings them back.
  if (talked_today) return;
  // The agreed next step: a follow-up date, a meeting, a callback or the time our
  // voicemail proposed. Before it, only something new calls for a call.
  // A follow-up date set before the last conversation was superseded by it.
  bool follow_up_current = h.follow_up_on && (!h.last_connect_at || h.follow_up_set_at >= *h.last_connect_at);
  if (follow_up_current && *h.follow_up_on > s.day) f.waiting_until = *h.follow_up_on;
  if (next_appointment) {
    Date d = local_date(*next_appointment, zone);
    if (!f.waiting_until || d < *f.waiting_until) f.waiting_until = d;
  }
  if (f.callback_at) f.waiting_until.reset();  // today is the step
  bool waiting = f.waiting_until.has_value();

  // A meeting held since the last conversation, and nothing logged after it: call to follow
  // up on what was agreed there, from the next day until you reach them (two weeks at most),
  // unless another meeting or call is booked or a later follow-up date was agreed.
  if (!waiting) {
    for (const Appointment& ap : s.appointments_of(i)) {
      if (ap.is_callback || (ap.status != AppointmentStatus::kConfirmed && ap.status != AppointmentStatus::kDone))
        continue;
      if (ap.starts_at >= day_start || ap.starts_at < day_start - days{14}) continue;
      if (h.last_connect_at && *h.last_connect_at >= ap.starts_at) continue;
      if (!f.meeting_past || ap.starts_at > f.meeting_past->starts_at) f.meeting_past = &ap;
    }
    if (f.meeting_past) {
      add_due(f, cat("your meeting on ", format_local(f.meeting_past->starts_at, zone),
                     f.meeting_past->place.empty() ? std::string() : " (" + f.meeting_past->place + ")",
                     " and nothing logged since: follow up on what was agreed"));
      part("after_meeting", 30, "the days after a meeting are when it moves on, or stalls");
    }
  }

  // Commitments due, either side (seed 002); what was due by the last conversation was
  // talked about then (its outcome is logged with the call), so only what fell due since
  // calls for a call. Before the agreed next step, only the rep's own promise does.
  for (const Commitment& k : s.commitments_of(i)) {
    if (k.status == CommitmentStatus::kKept || !k.due_on) continue;
    int late = days_between(*k.due_on, s.day);
    if (late < 0) continue;
    if (last_talk() && *k.due_on <= *last_talk()) continue;
    bool theirs = k.owner == Party::kContact;
    if (waiting && theirs) continue;
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
  if (!waiting && c.stage == Stage::kCustomer && c.cadence.kind != Cadence::Kind::kNone) {
    int every = c.cadence.days();
    if (!h.last_connect_at) {
      add_due(f, cat("customer on a ", to_text(c.cadence), " cadence, not reached yet"));
      f.due_by_cadence = true;
      part("cadence_overdue", 15, "never reached on their cadence");
    } else {
      int since = days_between(*last_talk(), s.day);
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
  if (follow_up_current) {
    Date next_on = *h.follow_up_on;
    bool called_since = h.last_at && *h.last_at > h.follow_up_set_at && local_date(*h.last_at, zone) >= next_on;
    if (next_on <= s.day && !called_since) {
      int late = days_between(next_on, s.day);
      add_due(f, cat("follow-up agreed for ", date_text(next_on), " on the call of ",
                     date_text(local_date(h.follow_up_set_at, zone))));
      part("follow_up_date", 20 + std::min(10, late), late ? "follow-up date passed" : "follow-up date is today");
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
    f.change_removed_objection = fit.objection_id.has_value();
    part("change_recall", fit.objection_id ? 30 : 20, words ? "a change " + fit.why : std::string());
    break;
  }
  // A referral they gave us whose introduction they have not made yet.
  if (!waiting && !asks.empty()) {
    auto it = asks.find(c.id);
    if (it != asks.end() && (!last_talk() || days_between(*last_talk(), s.day) >= 2)) {
      const Contact* referred = s.contact_by_id(it->second.front()->referred_contact_id);
      add_due(f, cat("referred you to ", referred ? referred->full_name() : std::string("a prospect"),
                     " and has not introduced you yet: ask them to make the call"));
      part("introduction_ask", 10, "an introduction makes the prospect take your call");
    }
  }
  // Persistence after a miss (seed 003: different times, different strategies).
  if (f.due.empty() && !waiting && h.may_retry()) {
    int since = days_between(local_date(*h.last_at, zone), s.day);
    if (since >= 1 && since <= CallHistory::kRetryWithinDays) {
      add_due(f, cat("the last ", std::to_string(f.misses_since_connect),
                     f.misses_since_connect == 1 ? " attempt" : " attempts",
                     " did not connect: try again at a different time, differently"));
      part("retry", 5, "persistence, not pestering");
    }
  }
  // Reached with nothing agreed and no cadence: call again, with something new, after a
  // while (not tomorrow morning, and not never).
  int after = std::max(1, s.settings.prospect_recall_days);
  // (Instants two days either side of the local days first: no zone is asked for most.)
  if (f.due.empty() && !waiting && h.last_connect_at && h.last_outcome == Outcome::kConnected &&
      !(c.stage == Stage::kCustomer && c.cadence.kind != Cadence::Kind::kNone) &&
      *h.last_connect_at < day_end - days{after - 2} &&
      *h.last_connect_at >= day_start - days{after + CallHistory::kRetryWithinDays + 2}) {
    int since = days_between(*last_talk(), s.day);
    if (since >= after && since <= after + CallHistory::kRetryWithinDays) {
      add_due(f, cat("reached on ", date_text(*last_talk()), " with no next step agreed: call again with something new"));
      part("recall_after_talk", 6, "nothing agreed last time: bring something new");
    }
  }
  // Never called (imported or added, not tried yet): a first call to qualify them. Low
  // priority, so they fill what the calls in motion leave; plan_day keeps at most the
  // day's allowance of them.
  if (f.due.empty() && !waiting && h.calls == 0 && s.settings.new_contacts_per_day > 0) {
    add_due(f, "new contact, never called: a first call to qualify them");
    f.first_call = true;
    part("first_call", 3, "never called: one of today's new contacts");
  }
  // Today's tries, this week's voicemails and the windows tried since the last
  // conversation, for a contact who is due (or whose brief is asked for): most of a book
  // is not due on a given day, and its latest calls lie in a block of their own.
  if (!f.due.empty() || words) {
    for (const RecentCall& a : h.recent) {
      int w = table.at(a.local_minute);
      if (a.at >= day_start && a.at < day_end) {
        ++f.attempts_today;
        if (w >= 0 && w < 64) f.windows_tried_today |= std::uint64_t{1} << w;
      }
      if (a.outcome == Outcome::kVoicemail && a.at >= s.now - days{7}) ++f.voicemails_this_week;
      bool miss = a.outcome != Outcome::kConnected && a.outcome != Outcome::kWrongNumber &&
                  (!h.last_connect_at || a.at > *h.last_connect_at);
      if (miss && w >= 0 && w < 64) {
        f.windows_missed |= std::uint64_t{1} << w;
        f.last_missed_window = w;
      }
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

// How to try a contact after `misses` tries without a conversation (seed 003: persist at
// different times with different strategies, not ten messages a day; then seed 004's last
// resorts). The strategies rotate, one a try, so no two tries in a row are alike.
struct ApproachPlan {
  // direct, direct_no_voicemail, voicemail, gatekeeper, referral, proposal, email, linkedin
  std::string_view approach;
  std::string_view why;  // the strategy in words (the brief adds how many tries)
  int screeners = 0;     // +1: call when screeners are out; -1: when the screener is in; 0: either
};

// Static words, no allocation: every due contact of a big book gets a plan; only the calls
// kept get the sentence (approach_sentence).
ApproachPlan choose_approach(int misses, bool screened, bool has_referral, bool voicemail_ok, bool direct_line) {
  ApproachPlan p;
  bool screen = screened && !direct_line;
  if (misses == 0) {
    p.approach = voicemail_ok ? "direct" : "direct_no_voicemail";
    p.why = direct_line ? "dial the direct line; if you get voicemail, leave the script below"
                        : "dial direct; if you get voicemail, leave the script below";
    if (screen) p.screeners = 1;
    return p;
  }
  if (misses > 6) {
    p.approach = "linkedin";
    p.why = "last resort, connect on LinkedIn";
    return p;
  }
  // The rotation: each entry a strategy, skipped when it does not apply to this contact.
  struct Step {
    std::string_view approach;
    int screeners;
    bool applies;
    std::string_view why;
  };
  const Step steps[] = {
      {"direct", screen ? 1 : 0, screen, "call when screeners are out (before 8, at lunch, after 5): they may pick up themselves"},
      {"voicemail", 0, voicemail_ok, "a different time, and leave the voicemail if it picks up"},
      {"gatekeeper", -1, screen, "enlist the screener while they are in: ask for help reaching them"},
      {"referral", screen ? 1 : 0, has_referral, "lead with the referral: name who asked you to call"},
      {"proposal", -1, screen, "offer the screener a one-page proposal to pass on"},
      {"direct", screen ? 1 : 0, !screen, "a different time of day again"},
      {"email", 0, misses >= 4, "send a short e-mail with the reason, then call once more"},
  };
  const Step* rotation[std::size(steps)];
  std::size_t n = 0;
  for (const Step& st : steps)
    if (st.applies) rotation[n++] = &st;
  const Step& pick = *rotation[static_cast<std::size_t>(misses - 1) % n];
  p.approach = pick.approach == "direct" && !voicemail_ok ? std::string_view("direct_no_voicemail") : pick.approach;
  p.screeners = pick.screeners;
  p.why = pick.why;
  return p;
}

std::string approach_sentence(const ApproachPlan& p, int misses) {
  if (misses == 0) return std::string(p.why);
  return std::to_string(misses) + (misses == 1 ? " try" : " tries") + " without a conversation: " + std::string(p.why);
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
  // A proposed time is a half-hour call or visit: free when it overlaps none of the rep's
  // appointments (an hour's drive kept around a visit) nor a time proposed today.
  auto busy = [&](Instant t) {
    auto near = used->lower_bound(t - minutes{29});
    if (near != used->end() && *near < t + minutes{30}) return true;
    for (const Appointment& ap : s.rep_appointments) {
      if (ap.status == AppointmentStatus::kCancelled || ap.status == AppointmentStatus::kDone) continue;
      bool visit = !ap.place.empty() && ap.place != "phone";
      minutes travel{visit ? 60 : 0};
      Instant end = ap.starts_at + minutes{ap.duration_minutes} + travel;
      if (t < end && t + minutes{30} + travel > ap.starts_at) return true;
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
  // Their business hours from two days out: the round hours people remember first, then
  // the half hours, day by day.
  static constexpr int kMinutes[] = {10 * 60, 14 * 60, 11 * 60, 15 * 60, 9 * 60, 13 * 60, 16 * 60,
                                     9 * 60 + 30, 10 * 60 + 30, 11 * 60 + 30, 13 * 60 + 30, 14 * 60 + 30,
                                     15 * 60 + 30, 16 * 60 + 30};
  for (int ahead = 2; ahead <= 30; ++ahead) {
    Date d = today_there + days{ahead};
    if (!business_day(d)) continue;
    for (int minute : kMinutes) {
      Instant t = zoned_instant(d, minute, zone);
      if (busy(t)) continue;
      used->insert(t);
      return {t, d, minute,
              ahead <= 12 ? "the first free slot in your calendar, in their business hours"
                          : "your calendar is full for two weeks: the first free slot after that"};
    }
  }
  // A month without a free half hour: the next business morning after it, said as such,
  // still never a time given to anyone else today.
  Date d = today_there + days{31};
  while (!business_day(d)) d += days{1};
  int minute = 8 * 60;
  Instant at = zoned_instant(d, minute, zone);
  while (used->count(at)) at += minutes{5}, minute += 5;
  used->insert(at);
  return {at, d, minute, "no free half hour in your calendar for a month; check it"};
}

// "Tuesday at 10 a.m." as said on the phone, in the contact's clock.
std::string spoken_time(Instant t, const std::string& zone) {
  std::string full = spoken_slot(local_date(t, zone), local_minute_of_day(t, zone));
  // "Tuesday, December 8 at 10 a.m." -> "Tuesday at 10 a.m." (the day is near).
  auto comma = full.find(',');
  auto at = full.find(" at ");
  if (comma != std::string::npos && at != std::string::npos && comma < at) full.erase(comma, at - comma);
  return full;
}

// A day before the plan day as a rep says it: "yesterday", "on Tuesday", "last week".
std::string days_ago_words(Date then, Date day) {
  static const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  int ago = days_between(then, day);
  if (ago <= 0) return "earlier today";
  if (ago == 1) return "yesterday";
  if (ago < 7) return std::string("on ") + kDays[std::chrono::weekday{then}.c_encoding()];
  if (ago < 14) return "last week";
  // "on October 28", as said on the phone (spoken_slot's date without the weekday or hour).
  std::string spoken = spoken_slot(then, 0);
  auto comma = spoken.find(", ");
  auto at = spoken.find(" at ");
  return "on " + spoken.substr(comma + 2, at - comma - 2);
}

// The last call, at the top of the brief: when (their clock and the rep's), what came of
// it, and what each side promised on it.
std::optional<LastCall> last_call_of(const Snapshot& s, std::size_t i, const std::string& zone) {
  const CallHistory& h = s.history_of(i);
  if (!h.last_at) return std::nullopt;
  LastCall l;
  l.at = *h.last_at;
  l.their_text = format_local(l.at, zone) + " their time";
  l.rep_text = format_local(l.at, s.rep.timezone) + " your time";
  l.outcome = std::string(to_text(h.last_outcome));
  l.ladder = h.last_ladder == CallHistory::LastLadder::kGatekeeper ? "gatekeeper"
             : h.last_ladder == CallHistory::LastLadder::kContact  ? "contact"
                                                                   : "";
  l.rung = h.last_rung;
  if (!h.recent.empty() && h.recent.back().at == l.at) l.approach = std::string(to_text(h.recent.back().approach));
  auto calls = s.attempts_of(i);
  if (!calls.empty() && calls.back().at == l.at) l.note = calls.back().note;
  Date on = local_date(l.at, zone);
  const Contact& c = s.contacts[i];
  for (const Commitment& k : s.commitments_of(i)) {
    if (!k.created_on || *k.created_on != on) continue;
    std::string who = k.owner == Party::kContact ? c.first_name : std::string("You");
    l.promises.push_back(who + ": " + k.what + (k.due_on ? " (due " + format_date(*k.due_on) + ")" : "") +
                         (k.status == CommitmentStatus::kOpen ? "" : ", " + std::string(to_text(k.status))));
  }
  return l;
}

// Which try this is since the last conversation, and the tries before it.
void describe_tries(const Snapshot& s, const CallHistory& h, const std::string& zone, Brief* b) {
  b->attempt = h.misses_since_connect + 1;
  for (const RecentCall& a : h.recent) {
    if (h.last_connect_at && a.at <= *h.last_connect_at) continue;
    if (a.outcome == Outcome::kConnected || a.outcome == Outcome::kWrongNumber) continue;
    int w = window_at(s.settings, a.local_minute);
    b->tried_before.push_back(format_local(a.at, zone) + " their time" +
                              (w >= 0 ? " (" + s.settings.windows[static_cast<std::size_t>(w)].name + ")" : "") + ": " +
                              std::string(to_text(a.outcome)) +
                              (a.approach == Approach::kOther ? std::string() : ", " + std::string(to_text(a.approach))));
  }
}

// The first line to the screener builds on the last exchange with them (seed 004: next
// time, use the previous concession to build rapport).
std::string last_exchange_line(const Snapshot& s, const CallHistory& h, const std::string& zone, const Contact& c,
                               bool have_direct_line) {
  if (!h.last_gatekeeper_at) return "";
  std::string when = days_ago_words(local_date(*h.last_gatekeeper_at, zone), s.day);
  const std::string& rung = h.last_gatekeeper_rung;
  std::string name = c.full_name();
  if (rung == "pass_on_proposal")
    return "\"" + capitalized(when) + " you kindly passed my proposal on to " + name +
           ". Thank you! Could you see if " + c.first_name + " has ten minutes to go through it with me?\"";
  if (rung == "arrange_conversation")
    return "\"" + capitalized(when) + " you kindly offered to help me reach " + name +
           ". Is " + c.first_name + " free for a few minutes now?\"";
  if (rung == "direct_line" || have_direct_line)
    return "You have " + c.first_name + "'s direct line (from the screener " + when +
           "): dial it first; if the screener answers, thank them for their help.";
  if (rung == "referral")
    return "\"" + capitalized(when) + " you suggested someone else for this; before I call them, could " +
           c.first_name + " spare two minutes?\"";
  return "\"We spoke " + when + ", and I'm still hoping to reach " + name + ".\"";
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
  o.first_call = f.first_call;
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
        day_end(zoned_instant(snapshot.day + days{1}, 0, snapshot.rep.timezone)) {
    for (const Referral& r : snapshot.referrals)
      if (!r.introduced && r.referrer_contact_id) asks[*r.referrer_contact_id].push_back(&r);
    used_slots.insert(snapshot.taken_slots.begin(), snapshot.taken_slots.end());
  }

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
  IntroductionAsks asks;  // referrals to introduce, by referrer
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
  gather(f, s, i, zone, ctx.day_start, ctx.day_end, detail == Detail::kFull || !only_if_due, ctx.asks, ctx.table);
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
  // How: the strategy for this try (it decides whether the screener should be in or out).
  const Phone* direct = nullptr;
  for (const Phone& p : c.phones)
    if (p.kind == "direct") {
      direct = &p;
      break;
    }
  bool screened = c.role != Role::kGatekeeper && (c.gatekeeper_id.has_value() || history.reached_gatekeeper);
  auto referrals = s.referrals_of(i);
  bool has_referrer = false;
  for (const Referral& r : referrals) has_referrer |= !r.referrer_name.empty();
  bool voicemail_ok = f.voicemails_this_week < s.settings.max_voicemails_per_week;
  ApproachPlan how = choose_approach(f.misses_since_connect, screened, has_referrer, voicemail_ok, direct != nullptr);
  // When: the open window with the best connect estimate, not one that missed since the
  // last conversation (seed 003: change times), screeners out or in as the approach needs.
  const std::vector<CandidateWindow>& candidates = ctx.windows_in(c.timezone);
  std::vector<WindowCounts>& mine = ctx.mine;
  count_by_window(ctx.table, s.settings.windows.size(), history.minutes, &mine);
  auto pick_window = [&](std::uint64_t avoid, int screeners) {
    const CandidateWindow* best = nullptr;
    double best_est = -1;
    for (const CandidateWindow& w : candidates) {
      if (w.index < 64 && ((f.windows_tried_today | avoid) >> w.index) & 1) continue;
      bool out_now = s.settings.windows[w.index].screeners_out;
      if (screeners > 0 && !out_now) continue;
      if (screeners < 0 && out_now) continue;
      double est = connect_estimate(mine[w.index], prior[w.index]);
      if (out_now) est += 0.02;  // seed 003: they pick up
      if (est > best_est + 1e-9) {
        best = &w;
        best_est = est;
      }
    }
    return std::make_pair(best, best_est);
  };
  std::uint64_t last_miss = f.last_missed_window >= 0 ? std::uint64_t{1} << f.last_missed_window : 0;
  auto [chosen, chosen_est] = pick_window(f.windows_missed, how.screeners);
  if (!chosen) std::tie(chosen, chosen_est) = pick_window(last_miss, how.screeners);
  if (!chosen) std::tie(chosen, chosen_est) = pick_window(f.windows_missed, 0);
  if (!chosen) std::tie(chosen, chosen_est) = pick_window(last_miss, 0);
  if (!chosen) std::tie(chosen, chosen_est) = pick_window(0, 0);
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
    o.phone_e164 = direct ? direct->e164 : c.phones.front().e164;
    o.kind = source == ReasonSource::kChange ? CallKind::kRecall
             : qualifying                    ? CallKind::kQualifying
             : f.due_by_cadence              ? CallKind::kCadence
                                             : CallKind::kFollowUp;
    if (f.callback_at) {
      o.window_name = f.callback_kind;
      o.window_start = *f.callback_at;
      o.window_end = *f.callback_at + minutes{15};
      o.connect_estimate = f.callback_kind == "callback" ? 0.9 : 0.5;
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
    b.window.name = f.callback_kind;
    b.window.start = *f.callback_at;
    b.window.end = *f.callback_at + minutes{15};
    b.window.why = f.callback_kind == "callback" ? "the time they asked you to call back"
                                                 : "the time your voicemail proposed: call then, as you said you would";
    b.window.connect_estimate = f.callback_kind == "callback" ? 0.9 : 0.5;
  } else if (chosen) {
    const CallWindow& cw = s.settings.windows[chosen->index];
    b.window.name = cw.name;
    b.window.start = chosen->start;
    b.window.end = chosen->end;
    b.window.connect_estimate = chosen_est;
    const WindowCounts& m = mine[chosen->index];
    if (how.screeners > 0 && cw.screeners_out) {
      b.window.why = "calls end at a screener: screeners are usually out " +
                     std::string(cw.name == "early" ? "before 8 a.m." : cw.name == "lunch" ? "at lunch" : "after 5 p.m.") +
                     ", so they may pick up themselves";
    } else if (how.screeners < 0) {
      b.window.why = "the screener is usually in now, to ask for help";
    } else if (m.attempts > 0) {
      b.window.why = "connected " + std::to_string(m.connects) + " of " + std::to_string(m.attempts) +
                     " times " + (cw.name == "early" ? "before " + format_clock_minutes(cw.end_minute)
                                                     : "in the " + cw.name + " window");
    } else if (cw.screeners_out) {
      b.window.why = "screeners are usually out " +
                     std::string(cw.name == "early" ? "before 8 a.m." : cw.name == "lunch" ? "at lunch" : "after 5 p.m.") +
                     ", so they may pick up themselves";
    } else {
      b.window.why = "their working day";
    }
    char est[16];
    std::snprintf(est, sizeof est, "%.0f%%", chosen_est * 100);
    b.window.why += "; estimated connect chance " + std::string(est);
    if (f.windows_tried_today != 0)
      b.window.why += "; a different window from today's earlier try";
    else if (f.windows_missed != 0)
      b.window.why += "; not the window of the last miss";
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
  b.phone_e164 = direct ? direct->e164 : c.phones.front().e164;
  b.due_because = std::move(f.due);
  for (const Referral& r : referrals)
    if (!r.referrer_name.empty()) b.referrer = r.referrer_name;
  b.last_call = last_call_of(s, i, zone);
  describe_tries(s, history, zone, &b);

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

  // The fallback play when they owe something (seed 002).
  const Commitment* owed = nullptr;
  std::optional<MaterialPointer> owed_page;
  for (const Commitment& k : s.commitments_of(i)) {
    if (k.owner != Party::kContact || k.status == CommitmentStatus::kKept) continue;
    if (k.status == CommitmentStatus::kBroken || !k.due_on || *k.due_on <= s.day + days{1}) {
      if (!k.due_on && !k.material_id) continue;
      owed = &k;
      owed_page = b.material;
      if (k.material_id) {
        for (const Material& m : s.materials_of(i))
          if (m.id == *k.material_id) {
            owed_page = MaterialPointer{m.id, m.title, "the first page", c.hot_button};
            if (!m.pointers.empty())
              owed_page = MaterialPointer{m.id, m.title, m.pointers.front().location, m.pointers.front().hot_button};
            for (const Pointer& p : m.pointers)
              if (!c.hot_button.empty() && lower(c.hot_button).find(lower(p.hot_button)) != std::string::npos)
                owed_page = MaterialPointer{m.id, m.title, p.location, p.hot_button};
          }
      }
      b.fallback_play = build_fallback_play(k, owed_page);
      break;
    }
  }

  // The close (seed 004): the rung the situation calls for, on the ladder for their role.
  if (c.role == Role::kGatekeeper) {
    b.close = target_close(ladder, history, c.first_name);
  } else {
    CloseSituation sit;
    sit.change_removed_objection = f.due_by_change && f.change_removed_objection;
    sit.customer_on_cadence = f.due_by_cadence;
    // A review of material sent: go through it together (seed 002). Other promises (a
    // call to make, a number to find) keep the fallback play but not this target.
    sit.owes_review = owed && (owed->material_id || lower(owed->what).find("review") != std::string::npos ||
                               lower(owed->what).find("look at") != std::string::npos ||
                               lower(owed->what).find("read") != std::string::npos);
    if (owed && owed_page) sit.material_title = owed_page->title;
    sit.voicemail_time_held = f.held != nullptr || f.callback_kind == "held";
    sit.referred = has_referrer && !history.last_connect_at;
    sit.qualifying = qualifying;
    b.close = situational_target(ladder, history, sit, c.first_name);
  }

  // The opener (seed 000) agrees with the reason: a thread from the last conversation,
  // else the reason's own lead-in.
  b.opener = build_opener(s.threads_of(i), c.first_name, b.reason.text, &b.opener_source);
  if (b.opener_source.rfind("thread", 0) != 0) {
    if (f.callback_kind == "held" && f.callback_at) {
      b.opener = c.first_name + ", it's " + s.rep.name + ". As I said in my message, I set " +
                 spoken_time(*f.callback_at, zone) + " aside to talk with you — is now still good?";
      b.opener_source = "the time your voicemail proposed";
    } else if (b.reason.source == "referral" && !b.referrer.empty()) {
      b.opener = c.first_name + ", " + b.referrer + " suggested I give you a call.";
      b.opener_source = "the referral";
    } else if (b.reason.source == "commitment" && b.reason.kept_promise) {
      b.opener = c.first_name + ", I promised to get back to you, and I have it.";
      b.opener_source = "your promise";
    } else if (b.reason.source == "commitment" && owed_page) {
      b.opener = c.first_name + ", I'm calling about the " + owed_page->title + " I sent you.";
      b.opener_source = "the material they owe a review of";
    }
  }

  // A confirmed meeting today: the call confirms it and asks what to bring; there is
  // nothing higher to ask for until they meet. The day after a meeting: thank them first.
  if (f.meeting_today && !f.callback_at) {
    const Appointment& m = *f.meeting_today;
    std::string when = spoken_time(m.starts_at, zone);
    if (auto at = when.find(" at "); at != std::string::npos) when = when.substr(at + 4);
    std::string where = m.place.empty() || m.place == "phone" ? std::string() : " at " + m.place;
    b.reason = ReasonChoice{};
    b.reason.source = "appointment";
    b.reason.category = "you_first";
    b.reason.text = "I'm looking forward to our meeting at " + when + " today" + where +
                    ", and I want to bring what matters most to you";
    b.reason.sentence = reason_sentence(b.reason.text);
    b.reason.why = "a confirmed meeting today: confirm it and ask what to bring";
    b.opener = c.first_name + ", it's " + (s.rep.name.empty() ? std::string("your rep") : s.rep.name) +
               ". A quick call about our meeting today.";
    b.opener_source = "today's meeting";
    b.close.rung = "meeting";
    b.close.fallbacks.clear();
    b.close.ask = "Confirm it: \"Are we still on for " + when + where +
                  "? Is there anything you'd like me to bring?\" If they can't make it, agree a new time before you hang up.";
    b.close.why = "the meeting is agreed: this call confirms it, and there is nothing higher to ask for until you meet";
  } else if (f.meeting_past) {
    b.opener = c.first_name + ", thank you for your time " + days_ago_words(local_date(f.meeting_past->starts_at, zone), s.day) +
               ". I've been thinking about what we discussed.";
    b.opener_source = "the meeting";
  }

  // The approach (seed 003), and what to say to the screener and on voicemail.
  b.approach = std::string(how.approach);
  b.approach_why = approach_sentence(how, f.misses_since_connect);
  if (f.callback_kind == "held") {
    b.approach = voicemail_ok ? "direct" : "direct_no_voicemail";
    b.approach_why = "call at the time your message proposed; if you get the voicemail again, propose the time below";
  } else if (f.callback_kind == "callback") {
    b.approach = "direct";
    b.approach_why = "call at the time they asked for";
  }
  if (!voicemail_ok)
    b.approach_why += "; no voicemail this time (" + std::to_string(f.voicemails_this_week) +
                      " left this week already)";
  std::optional<GeoPoint> where = c.location;
  if (!where && account) where = account->location;
  SlotPick slot;
  // The held time, unless someone else's appointment has taken it meanwhile.
  bool held_free = f.held && f.held->starts_at >= ctx.day_end && !used_slots->count(f.held->starts_at);
  if (held_free)
    for (const Appointment& ap : s.rep_appointments)
      if (ap.contact_id != c.id && ap.status != AppointmentStatus::kCancelled &&
          ap.status != AppointmentStatus::kDone && ap.starts_at < f.held->starts_at + minutes{30} &&
          f.held->starts_at < ap.starts_at + minutes{ap.duration_minutes})
        held_free = false;
  if (held_free) {
    // Our last message proposed this time: say it again, never a new one.
    slot.at = f.held->starts_at;
    slot.local_date = local_date(slot.at, zone);
    slot.local_minute = local_minute_of_day(slot.at, zone);
    slot.why = "the time your last voicemail proposed, held for them";
    used_slots->insert(slot.at);
    b.voicemail.held_appointment_id = f.held->id;
  } else {
    slot = pick_slot(s, c, zone, where, used_slots);
  }
  VoicemailInput vm;
  vm.first_name = c.first_name;
  vm.rep_name = s.rep.name.empty() ? "your rep" : s.rep.name;
  vm.company = s.settings.company_name;
  vm.referrer = b.referrer;
  // Benefits, best first: the reason itself when it is one, then their hot button.
  if (b.reason.source == "change" || b.reason.source == "library" || b.reason.kept_promise)
    vm.benefits.push_back(b.reason.text);
  if (!c.hot_button.empty()) vm.benefits.push_back("I have an idea for " + said_to_them(c.hot_button));
  vm.benefits.push_back("I have an idea worth a short call");
  // What the time is for, briefly: the benefit has just been said.
  if (owed_page)
    vm.purpose = "go through the " + owed_page->title + " together";
  else if (b.close.rung == "sale")
    vm.purpose = "set up your next order";
  else
    vm.purpose = "walk you through it";
  vm.slot_text = spoken_slot(slot.local_date, slot.local_minute);
  vm.callback_display = s.rep_phone_display.empty() ? "(your number)" : s.rep_phone_display;
  vm.max_seconds = s.settings.voicemail_seconds;
  vm.words_per_minute = s.settings.speaking_rate_wpm;
  std::optional<Id> held_id = b.voicemail.held_appointment_id;
  b.voicemail = build_voicemail(vm);
  b.voicemail.held_appointment_id = held_id;
  b.voicemail.proposed_slot = slot.at;
  b.voicemail.slot_why = slot.why;
  if (f.meeting_today && !f.callback_at) {
    // The meeting is the time: confirm it, propose none.
    const Appointment& m = *f.meeting_today;
    std::string when = spoken_time(m.starts_at, zone);
    if (auto at = when.find(" at "); at != std::string::npos) when = when.substr(at + 4);
    std::string where = m.place.empty() || m.place == "phone" ? std::string() : " at " + m.place;
    b.voicemail.text = "Hi " + c.first_name + ", " + vm.rep_name + (vm.company.empty() ? "" : ", " + vm.company) +
                       ". Just confirming our meeting today at " + when + where +
                       ". If anything has changed, call me at " + vm.callback_display + ".";
    b.voicemail.words = 0;
    bool in_word = false;
    for (char ch : b.voicemail.text) {
      bool letter = !std::isspace(static_cast<unsigned char>(ch));
      if (letter && !in_word) ++b.voicemail.words;
      in_word = letter;
    }
    b.voicemail.seconds = (b.voicemail.words * 60 + std::max(1, vm.words_per_minute) - 1) / std::max(1, vm.words_per_minute);
    b.voicemail.purpose = "confirm today's meeting";
    b.voicemail.slot_text.clear();
    b.voicemail.proposed_slot = Instant{};
    b.voicemail.slot_why = "no time to propose: the meeting is the time";
    b.voicemail.held_appointment_id.reset();
    used_slots->erase(slot.at);
  }

  // The gatekeeper script (seeds 003 and 004), from the last exchange with the screener.
  if (screened || c.role == Role::kGatekeeper) {
    Ladder gk_ladder = s.settings.gatekeeper_ladder;
    if (direct) std::erase(gk_ladder.rungs, "direct_line");  // they have it: don't ask again
    TargetClose gk = target_close(gk_ladder, history, c.first_name);
    std::string topic = c.hot_button.empty() ? "an idea for " + (b.company.empty() ? std::string("the business") : b.company)
                                             : said_to_them(c.hot_button);
    std::vector<std::string> script =
        build_gatekeeper_script(c.full_name(), b.referrer, topic, gk);
    std::string last = last_exchange_line(s, history, zone, c, direct != nullptr);
    if (!last.empty()) script.insert(script.begin(), last);
    b.gatekeeper_script = std::move(script);
  } else if (!b.referrer.empty()) {
    b.gatekeeper_script = std::vector<std::string>{
        "If a screener answers: \"" + b.referrer + " asked me to call " + c.full_name() + ".\""};
  }
  // A referral they gave us that they have not introduced yet: ask them to make the call.
  if (auto it = ctx.asks.find(c.id); it != ctx.asks.end()) {
    const Contact* referred = s.contact_by_id(it->second.front()->referred_contact_id);
    std::string who = referred ? referred->full_name() : std::string("the person you referred me to");
    std::string first = referred ? referred->first_name : who;
    b.introduction_ask = "Ask for the introduction: \"Would you give " + first +
                         " a quick call to say I'll be in touch? It makes all the difference.\" (" + who + ")";
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
  sheet.new_contacts_per_day = s.settings.new_contacts_per_day;
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
  // New contacts past the day's allowance wait, behind every call the capacity cuts: the
  // best (and, at equal priority, the longest waiting: the lowest id) go first.
  std::size_t first_calls = 0;
  auto held_back = std::stable_partition(order.begin(), order.end(), [&](std::uint32_t row) {
    if (!ranked[row].first_call) return true;
    if (first_calls < static_cast<std::size_t>(std::max(0, s.settings.new_contacts_per_day))) return ++first_calls, true;
    ranked[row].over_new_allowance = true;
    return false;
  });
  std::size_t eligible = static_cast<std::size_t>(held_back - order.begin());
  std::size_t keep = std::min(eligible, static_cast<std::size_t>(std::max(0, s.settings.daily_capacity)));
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
  for (const Appointment& ap : s.rep_appointments) {
    if (ap.status == AppointmentStatus::kCancelled || ap.status == AppointmentStatus::kDone) continue;
    if (ap.starts_at + minutes{ap.duration_minutes} <= s.now) continue;
    const Contact* c = s.contact_by_id(ap.contact_id);
    sheet.appointments.push_back({ap, c ? c->full_name() : "contact #" + std::to_string(ap.contact_id)});
  }
  std::sort(sheet.appointments.begin(), sheet.appointments.end(),
            [](const SheetAppointment& a, const SheetAppointment& b) {
              return a.appointment.starts_at != b.appointment.starts_at ? a.appointment.starts_at < b.appointment.starts_at
                                                                        : a.appointment.id < b.appointment.id;
            });
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
