// The loop over many days (shared/DESIGN.md, "The loop that makes it work"): plan → call →
// log → plan. A scripted rep works a generated book of 300 contacts for 15 business days:
// each morning the sheet is planned at 08:00 (the rep's time), every brief is dialled at
// its slot with an outcome drawn from a seeded generator, and the call is logged doing
// what the brief advised (the reason it gave, a rung near its close, a next step, what
// became of the commitments due, the voicemail's proposed time held). After each day the
// planning rules are checked over what the sheets said and what was logged:
//   1. nobody is planned before their agreed next step (unless something new: a change,
//      the rep's own promise falling due, a callback or appointment that day);
//   2. no voicemail time is proposed twice on a sheet, nor at a time held for another contact;
//   3. nobody is twice on one sheet;
//   4. no close target is a last resort (send_info, linkedin) unless the last conversation
//      closed on nothing and the close says so;
//   5. after a miss the next try is in another window;
//   6. every voicemail names the rep and the company and fits its time;
//   7. a commitment due is on the sheet (or in one of its lists), resolved, or waiting for
//      the agreed next step: never silently lost;
//   8. a contact reached today is not planned again today (the sheet re-planned at 15:00).
// Besides, the loop's precondition: what was logged is stored (the commitments' outcomes,
// the promises, the next step, the voicemail's held time, the direct line).
//
// Each rule prints how often it was put to the test. Failures are the planner's (or the
// loop's) to fix, never to be explained away here: the harness logs only what log_call's
// contract allows, and its errors are reported apart. To look closer:
//   NEXTCALL_SIM_VERBOSE=1   every violation, not the first few of a day;
//   NEXTCALL_SIM_TRACE=<id>  every brief, call, appointment and commitment of one contact.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "app/changes.h"
#include "app/log_call.h"
#include "app/plan_day.h"
#include "app/simulation_test_util.h"
#include "core/civil_time.h"
#include "core/close_ladder.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr int kDays = 15;
constexpr int kInvariants = 8;
const char* const kInvariantNames[kInvariants + 1] = {
    "loop: what was logged is stored",
    "1 nobody before their agreed next step",
    "2 no voicemail time offered twice",
    "3 nobody twice on a sheet",
    "4 no last-resort close target",
    "5 a miss moves the next try to another window",
    "6 voicemail names rep and company and fits",
    "7 commitments due are not lost",
    "8 reached today: not planned again today",
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? " | " : "") + v[i];
  return out + "]";
}

struct Violation {
  int invariant = 0;  // 0: the loop's precondition
  std::string text;   // with the day (and the plan's time)
  std::string key;    // without: the same fault seen again on another day has the same key
};

// What the simulation knows about one contact from the calls it logged (and the history).
struct Tracked {
  // 1: the agreed next step of the last conversation: not planned before this rep date.
  std::optional<Date> wait_until;
  std::string wait_what;
  // 4: the rung the last conversation closed on ("" nothing); nullopt: no conversation.
  std::optional<std::string> last_connect_rung;
  // 5: the window of the last call when it was a miss (not at a callback time).
  std::optional<std::string> missed_window;
  std::string missed_what;
  // 8: the rep date of the last conversation the simulation logged.
  std::optional<Date> connected_on;
  Instant connected_at{};
  // 7: the outcomes logged for commitments, for the words of a violation.
  std::map<Id, std::string> outcome_logged;
};

// Something logged whose trace in the store is checked at the end of the day.
struct Expected {
  enum class Kind {
    kCommitmentKept,
    kCommitmentBroken,
    kCommitmentMoved,
    kPromise,
    kMeeting,
    kCallback,
    kHold,
    kDirectLine
  };
  Kind kind;
  Id contact_id = 0;
  Id commitment_id = 0;
  std::optional<Date> due_on;
  std::string what;
  Instant at{};
  std::string text;  // for the message
};

struct DayStats {
  int calls = 0, connected = 0, voicemails = 0, gatekeeper = 0, no_answer = 0, meetings = 0;
};

class Simulation {
 public:
  Simulation(Store& store, SimWorkspace ws, std::uint32_t seed)
      : store_(store), ws_(std::move(ws)), rng_(seed), rep_zone_(ws_.actor.rep.timezone) {}

  Store& store_;
  SimWorkspace ws_;
  std::mt19937 rng_;
  std::string rep_zone_;
  std::map<Id, Contact> contacts_;
  std::map<Id, Tracked> tracked_;
  std::vector<Expected> expected_;
  int direct_lines_given_ = 0;
  std::vector<std::string> harness_errors_;
  // How often each rule was put to the test (a rule never tested proves nothing).
  std::array<long, kInvariants + 1> checked_{};
  // NEXTCALL_SIM_TRACE=<contact id>: every brief, call and appointment of that contact.
  Id trace_ = std::getenv("NEXTCALL_SIM_TRACE") ? std::atoll(std::getenv("NEXTCALL_SIM_TRACE")) : 0;

  void trace_brief(const Brief& b, const std::string& when) const {
    if (b.contact_id != trace_) return;
    std::printf(
        "TRACE %s brief: window %s slot %s, close %s (%s), approach %s, vm slot %s held %lld, due "
        "%s\n",
        when.c_str(), b.window.name.c_str(), rep_clock(b.slot).c_str(), b.close.rung.c_str(),
        b.close.why.c_str(), b.approach.c_str(), rep_clock(b.voicemail.proposed_slot).c_str(),
        static_cast<long long>(b.voicemail.held_appointment_id.value_or(0)),
        joined(b.due_because).c_str());
  }
  void trace_store(Id contact_id, const std::string& when) {
    if (contact_id != trace_) return;
    Filter f;
    f.contact_id = contact_id;
    auto appointments = store_.list_appointments(actor().workspace.id, f);
    auto commitments = store_.list_commitments(actor().workspace.id, f);
    if (!appointments.ok() || !commitments.ok()) return;
    for (const Appointment& a : *appointments)
      std::printf("TRACE %s appointment #%lld %s %s callback=%d place %s\n", when.c_str(),
                  static_cast<long long>(a.id), rep_clock(a.starts_at).c_str(),
                  std::string(to_text(a.status)).c_str(), a.is_callback ? 1 : 0, a.place.c_str());
    for (const Commitment& k : *commitments)
      std::printf("TRACE %s commitment #%lld %s %s due %s\n", when.c_str(),
                  static_cast<long long>(k.id), std::string(to_text(k.status)).c_str(),
                  k.what.c_str(), k.due_on ? format_date(*k.due_on).c_str() : "-");
  }

  const Actor& actor() const { return ws_.actor; }
  const Settings& settings() const { return ws_.settings; }
  int below(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }

  std::string zone_of(const Contact& c) const {
    return c.timezone.empty() ? rep_zone_ : c.timezone;
  }

  std::string who(Id id) const {
    auto it = contacts_.find(id);
    if (it == contacts_.end()) return "#" + std::to_string(id);
    const Contact& c = it->second;
    return "#" + std::to_string(id) + " " + c.full_name() + " (" + std::string(to_text(c.role)) +
           ", " + std::string(to_text(c.stage)) + ", " +
           (c.timezone.empty() ? "no zone" : c.timezone) + ")";
  }

  std::string rep_clock(Instant t) const { return format_local(t, rep_zone_); }

  void load_contacts() {
    auto all = store_.list_contacts(actor().workspace.id, {});
    ASSERT_TRUE(all.ok()) << all.status().message();
    contacts_.clear();
    for (Contact& c : *all) contacts_[c.id] = std::move(c);
  }

  // The state the generated history left at `start`: the agreed next steps, the rung the
  // last conversation closed on and the window of a last miss.
  void start_from_history(Date start) {
    for (const auto& [id, s] : ws_.start) {
      Tracked& t = tracked_[id];
      const Contact& c = contacts_.at(id);
      const std::string zone = zone_of(c);
      if (s.last_connect_at) t.last_connect_rung = s.last_connect_rung;
      if (s.next_on && *s.next_on > start) {
        t.wait_until = *s.next_on;
        t.wait_what = "next_on " + format_date(*s.next_on) + " set on the call of " +
                      format_local(*s.last_connect_at, zone) + " their time (history)";
      } else if (s.meeting_at) {
        t.wait_until =
            std::min(local_date(*s.meeting_at, zone), local_date(*s.meeting_at, rep_zone_));
        t.wait_what = "meeting at " + format_local(*s.meeting_at, zone) +
                      " their time booked on the call of " +
                      format_local(*s.last_connect_at, zone) + " their time (history)";
      }
      bool miss = s.last_outcome == Outcome::kVoicemail || s.last_outcome == Outcome::kNoAnswer ||
                  (s.last_outcome == Outcome::kGatekeeper && s.last_rung.empty());
      if (s.last_at && miss) {
        std::string w = window_name_at(settings(), *s.last_at, zone);
        if (w != "none") {
          t.missed_window = w;
          t.missed_what = std::string(to_text(s.last_outcome)) + " at " +
                          format_local(*s.last_at, zone) + " their time (history)";
        }
      }
    }
  }

  // --- the checks on one sheet ---------------------------------------------------------

  void check_sheet(const CallSheet& sheet, Instant now, const std::string& when,
                   std::vector<Violation>* out, bool replan) {
    const Date day = sheet.day;
    const std::string tag = weekday_abbrev(day) + " " + format_date(day) + " " + when + ": ";
    auto add = [&](int inv, std::string text) {
      out->push_back({inv, tag + text, std::to_string(inv) + text});
    };

    // Held times: every appointment still ahead, by instant.
    std::multimap<Instant, const Appointment*> held;
    auto appointments = store_.list_appointments(actor().workspace.id, {});
    ASSERT_TRUE(appointments.ok()) << appointments.status().message();
    for (const Appointment& a : *appointments) {
      if (a.status == AppointmentStatus::kCancelled || a.status == AppointmentStatus::kDone)
        continue;
      if (a.starts_at <= now) continue;
      held.emplace(a.starts_at, &a);
    }

    if (replan)
      for (const auto& [id, t] : tracked_)
        if (t.connected_on && *t.connected_on == day) ++checked_[8];
    std::map<Id, int> seen;
    std::map<Instant, Id> proposed;
    for (const Brief& b : sheet.calls) {
      trace_brief(b, tag);
      Tracked& t = tracked_[b.contact_id];
      const std::string brief_words = "brief window " + b.window.name + " at " + rep_clock(b.slot) +
                                      " your time, due_because " + joined(b.due_because);
      // 3.
      ++checked_[3];
      if (++seen[b.contact_id] == 2) add(3, who(b.contact_id) + " is on the sheet more than once");

      // 1.
      bool reached_today = replan && t.connected_on && *t.connected_on == day;  // 8 says it
      if (!reached_today && t.wait_until && day < *t.wait_until) {
        ++checked_[1];
        bool excused = false;
        for (const std::string& why : b.due_because) {
          std::string w = lower(why);
          if (contains(w, "change #") || contains(w, "recall list") ||
              w.rfind("you promised", 0) == 0 || contains(w, "asked for a callback") ||
              contains(w, "appointment today"))
            excused = true;
        }
        if (!excused)
          add(1, who(b.contact_id) + " planned before the agreed next step (" + t.wait_what +
                     "); " + brief_words);
      }

      // 2.
      const VoicemailScript& vm = b.voicemail;
      if (vm.proposed_slot != Instant{}) {
        ++checked_[2];
        auto [it, fresh] = proposed.emplace(vm.proposed_slot, b.contact_id);
        if (!fresh)
          add(2, "voicemail time " + rep_clock(vm.proposed_slot) + " your time proposed to both " +
                     who(it->second) + " and " + who(b.contact_id) + " (slot_why \"" + vm.slot_why +
                     "\"" +
                     (vm.held_appointment_id
                          ? ", its own hold #" + std::to_string(*vm.held_appointment_id)
                          : "") +
                     ")");
        auto range = held.equal_range(vm.proposed_slot);
        for (auto h = range.first; h != range.second; ++h) {
          const Appointment& a = *h->second;
          if (a.contact_id == b.contact_id) continue;
          std::string kind = a.is_callback                              ? "a callback"
                             : a.status == AppointmentStatus::kProposed ? "a voicemail's held time"
                                                                        : "a confirmed meeting";
          bool listed = false;
          for (const SheetAppointment& sa : sheet.appointments) listed |= sa.appointment.id == a.id;
          add(2, who(b.contact_id) + "'s voicemail proposes " + rep_clock(vm.proposed_slot) +
                     " your time (\"" + vm.slot_text + "\"" +
                     (vm.held_appointment_id
                          ? ", its own hold #" + std::to_string(*vm.held_appointment_id)
                          : "") +
                     ", slot_why \"" + vm.slot_why + "\"), already " + kind + " of " +
                     who(a.contact_id) + " (appointment #" + std::to_string(a.id) +
                     (listed ? ", among the sheet's appointments"
                             : ", missing from the sheet's appointments") +
                     ")");
        }
      }

      // 4.
      if (b.close.ladder.empty() || b.close.ladder == settings().contact_ladder.name) ++checked_[4];
      if (is_last_resort(settings().contact_ladder, b.close.rung) &&
          (b.close.ladder.empty() || b.close.ladder == settings().contact_ladder.name)) {
        bool excused =
            t.last_connect_rung && t.last_connect_rung->empty() &&
            (contains(lower(b.close.why), "nothing") || contains(lower(b.close.why), "refused"));
        if (!excused)
          add(4, who(b.contact_id) + " close target '" + b.close.rung +
                     "' is a last resort; highest agreed '" + b.close.highest_agreed +
                     "', last conversation closed on '" +
                     (t.last_connect_rung ? *t.last_connect_rung : std::string("(none yet)")) +
                     "', why: \"" + b.close.why + "\"");
      }

      // 5.
      if (t.missed_window) ++checked_[5];
      if (t.missed_window && b.window.name == *t.missed_window)
        add(5, who(b.contact_id) + " planned in the " + b.window.name +
                   " window again after a miss there (" + t.missed_what + "); " + brief_words);

      // 6.
      ++checked_[6];
      if (vm.text.empty()) {
        if (b.approach != "direct_no_voicemail" && b.approach != "email" &&
            b.approach != "linkedin")
          add(6, who(b.contact_id) + " has no voicemail script (approach " + b.approach + ")");
      } else {
        const std::string& rep = actor().rep.name;
        const std::string& company = settings().company_name;
        if (!contains(vm.text, rep) || !contains(vm.text, company))
          add(6, who(b.contact_id) + " voicemail does not name " +
                     (!contains(vm.text, rep) ? "the rep '" + rep + "'"
                                              : "the company '" + company + "'") +
                     ": \"" + vm.text + "\"");
        if (vm.budget_seconds != settings().voicemail_seconds || vm.seconds > vm.budget_seconds)
          add(6, who(b.contact_id) + " voicemail runs " + std::to_string(vm.seconds) +
                     " s, budget " + std::to_string(vm.budget_seconds) + " s (settings: " +
                     std::to_string(settings().voicemail_seconds) + " s): \"" + vm.text + "\"");
      }

      // 8.
      if (reached_today) {
        bool agreed_for_later = false;
        for (const std::string& why : b.due_because) {
          std::string w = lower(why);
          if ((b.window.name == "callback" && contains(w, "asked for a callback")) ||
              contains(w, "confirmed appointment today"))
            agreed_for_later = true;
        }
        if (!agreed_for_later)
          add(8, who(b.contact_id) + " reached at " + rep_clock(t.connected_at) +
                     " your time and planned again; " + brief_words);
      }
    }
  }

  // 7: each open commitment due by the day is reflected on the morning's sheet, resolved,
  // or waits for the contact's agreed next step.
  void check_commitments(const CallSheet& sheet, std::vector<Violation>* out) {
    const Date day = sheet.day;
    std::set<Id> reflected;
    for (const Brief& b : sheet.calls) reflected.insert(b.contact_id);
    for (const OverflowCall& o : sheet.overflow) reflected.insert(o.contact_id);
    for (const auto* list : {&sheet.needs_reason, &sheet.snoozed, &sheet.skipped})
      for (const SheetEntry& e : *list) reflected.insert(e.contact_id);
    // A time ahead, agreed (a meeting, a callback) or proposed on our voicemail and held:
    // the call about the commitment waits for it.
    std::set<Id> time_ahead;
    auto appointments = store_.list_appointments(actor().workspace.id, {});
    ASSERT_TRUE(appointments.ok()) << appointments.status().message();
    for (const Appointment& a : *appointments) {
      if (a.status == AppointmentStatus::kCancelled || a.status == AppointmentStatus::kDone)
        continue;
      auto c = contacts_.find(a.contact_id);
      if (c != contacts_.end() && std::max(local_date(a.starts_at, zone_of(c->second)),
                                           local_date(a.starts_at, rep_zone_)) > day)
        time_ahead.insert(a.contact_id);
    }
    auto commitments = store_.list_commitments(actor().workspace.id, {});
    ASSERT_TRUE(commitments.ok()) << commitments.status().message();
    for (const Commitment& k : *commitments) {
      if (k.status != CommitmentStatus::kOpen || !k.due_on || *k.due_on > day) continue;
      ++checked_[7];
      if (reflected.count(k.contact_id)) continue;
      const Tracked& t = tracked_[k.contact_id];
      if (t.wait_until && day < *t.wait_until) continue;  // waiting for the agreed step
      if (time_ahead.count(k.contact_id)) continue;       // waiting for the time ahead
      auto logged = t.outcome_logged.find(k.id);
      const auto& s = ws_.start[k.contact_id];
      std::string text =
          who(k.contact_id) + "'s commitment #" + std::to_string(k.id) + " (" +
          std::string(to_text(k.owner)) + ": " + k.what + ", due " + format_date(*k.due_on) +
          ") is open and due, and the contact is on no list of the sheet; last " + "conversation " +
          (t.connected_on ? format_date(*t.connected_on) + " (simulated)"
           : s.last_connect_at
               ? format_local(*s.last_connect_at, zone_of(contacts_.at(k.contact_id))) +
                     " their time (history)"
               : std::string("never")) +
          (logged != t.outcome_logged.end() ? "; outcome logged: " + logged->second
                                            : std::string());
      out->push_back(
          {7, weekday_abbrev(day) + " " + format_date(day) + " 08:00: " + text, "7" + text});
    }
  }

  // --- one call --------------------------------------------------------------------------

  std::string draw_rung(const Ladder& ladder, const TargetClose& close) {
    int roll = below(100);
    if (roll < 20) return "";  // they agreed to nothing
    int target = rung_rank(ladder, close.rung);
    int n = static_cast<int>(ladder.rungs.size());
    if (target < 0) target = std::max(0, n - 3);  // a brief for the other ladder
    if (roll < 65) return ladder.rungs[static_cast<std::size_t>(target)];
    std::vector<std::string> fallbacks;
    for (const std::string& f : close.fallbacks)
      if (rung_rank(ladder, f) >= 0) fallbacks.push_back(f);
    if (fallbacks.empty())
      for (int r = target + 1; r < n; ++r)
        fallbacks.push_back(ladder.rungs[static_cast<std::size_t>(r)]);
    if (fallbacks.empty()) return ladder.rungs[static_cast<std::size_t>(target)];
    int pick = below(100);
    if (pick < 55 || fallbacks.size() == 1) return fallbacks[0];
    if (pick < 85 || fallbacks.size() == 2) return fallbacks[1];
    return fallbacks[static_cast<std::size_t>(2 + below(static_cast<int>(fallbacks.size()) - 2))];
  }

  void dial(const Brief& b, Date day, DayStats* stats) {
    const Contact& c = contacts_.at(b.contact_id);
    const std::string zone = zone_of(c);
    Tracked& t = tracked_[c.id];
    const Instant at = b.slot;
    const Date their_day = local_date(at, zone);
    CallLog log;
    log.at = at;
    log.reason = b.reason.text;
    log.reason_id = b.reason.reason_id;
    int roll = below(100);
    Outcome outcome = roll < 35   ? Outcome::kConnected
                      : roll < 65 ? Outcome::kVoicemail
                      : roll < 80 ? Outcome::kGatekeeper
                                  : Outcome::kNoAnswer;
    if (outcome == Outcome::kGatekeeper && c.role == Role::kGatekeeper)
      outcome = Outcome::kNoAnswer;
    log.outcome = std::string(to_text(outcome));
    if (b.approach == "referral" &&
        (outcome == Outcome::kConnected || outcome == Outcome::kNoAnswer))
      log.approach = "referral";
    const Ladder& ladder = ladder_for(settings(), c, outcome);
    std::vector<Expected> expect;
    bool miss = false;
    ++stats->calls;
    switch (outcome) {
      case Outcome::kConnected: {
        ++stats->connected;
        log.rung = draw_rung(ladder, b.close);
        log.duration_seconds = 120 + below(780);
        log.note = log.rung.empty() ? "talked, nothing agreed" : "agreed to " + log.rung;
        // The next step: a date, a meeting or a callback (at most one).
        bool contact_ladder = ladder.name == settings().contact_ladder.name;
        int step = below(100);
        if (contact_ladder && (log.rung == "meeting" ? step < 80 : (step >= 35 && step < 45))) {
          Date d = add_business_days(their_day, 3 + below(5));
          log.meeting_at = zoned_instant(d, (chance(50) ? 10 : 14) * 60, zone);
          log.meeting_place = "their office";
          log.meeting_minutes = 45;
          ++stats->meetings;
          expect.push_back({Expected::Kind::kMeeting, c.id, 0, {}, "", *log.meeting_at, "meeting"});
        } else if (step < 35) {
          log.next_on = add_business_days(day, 2 + below(3));
        } else if (step >= 45 && step < 60) {
          Date d = add_business_days(their_day, 1 + below(3));
          log.callback_at = zoned_instant(d, chance(50) ? 10 * 60 + 30 : 14 * 60, zone);
          expect.push_back(
              {Expected::Kind::kCallback, c.id, 0, {}, "", *log.callback_at, "callback"});
        }
        // What became of the commitments due (either side's).
        Filter of_contact;
        of_contact.contact_id = c.id;
        auto commitments = store_.list_commitments(actor().workspace.id, of_contact);
        ASSERT_TRUE(commitments.ok()) << commitments.status().message();
        Date due_by = std::max(day, their_day);
        for (const Commitment& k : *commitments) {
          if (k.status != CommitmentStatus::kOpen || !k.due_on || *k.due_on > due_by) continue;
          CommitmentOutcome co;
          co.commitment_id = k.id;
          int r = below(100);
          co.outcome = r < 50 ? "kept" : r < 75 ? "broken" : "moved";
          Expected::Kind kind = r < 50   ? Expected::Kind::kCommitmentKept
                                : r < 75 ? Expected::Kind::kCommitmentBroken
                                         : Expected::Kind::kCommitmentMoved;
          if (co.outcome == "moved") co.new_due_on = add_business_days(due_by, 2 + below(4));
          log.commitments.push_back(co);
          t.outcome_logged[k.id] = co.outcome +
                                   (co.new_due_on ? " to " + format_date(*co.new_due_on) : "") +
                                   " on the call of " + rep_clock(at) + " your time";
          expect.push_back({kind, c.id, k.id, co.new_due_on, k.what, at, co.outcome});
        }
        // Sometimes a new promise.
        if (chance(25) && c.role != Role::kGatekeeper) {
          NewPromise p;
          if (b.material && chance(60)) {
            p.owner = Party::kContact;
            p.what = "review the " + b.material->title + " before our next call";
            p.material_id = b.material->material_id;
            p.due_on = add_business_days(day, 3);
          } else {
            p.owner = Party::kRep;
            p.what = "send the revised pricing";
            p.due_on = add_business_days(day, 2);
          }
          log.promises.push_back(p);
          expect.push_back({Expected::Kind::kPromise, c.id, 0, p.due_on, p.what, at, "promise"});
        }
        break;
      }
      case Outcome::kVoicemail: {
        ++stats->voicemails;
        log.duration_seconds = 20 + below(15);
        // Leave the brief's message with its time, and log the time said (as the web app
        // does: the sheet dealt its times out in the morning).
        bool leave = !b.voicemail.text.empty() && b.voicemail.proposed_slot != Instant{} &&
                     b.approach != "direct_no_voicemail";
        if (!leave) log.no_proposed_time = true;
        if (leave && b.voicemail.proposed_slot > at) log.proposed_at = b.voicemail.proposed_slot;
        if (leave && b.voicemail.proposed_slot > at)
          expect.push_back({Expected::Kind::kHold,
                            c.id,
                            0,
                            {},
                            "",
                            b.voicemail.proposed_slot,
                            "voicemail hold"});
        miss = true;
        break;
      }
      case Outcome::kGatekeeper: {
        ++stats->gatekeeper;
        log.duration_seconds = 40 + below(80);
        if (chance(40)) {
          int r = below(100);
          const Phone* direct = nullptr;
          for (const Phone& p : c.phones)
            if (p.kind == "direct") direct = &p;
          const std::string& primary = c.phones.front().e164;
          if (r < 35 && !direct && primary.size() == 12 && primary.rfind("+1", 0) == 0) {
            char number[32];
            std::snprintf(number, sizeof number, "+1%s555%04d", primary.substr(2, 3).c_str(),
                          5000 + ++direct_lines_given_);
            auto parsed = parse_phone(number, "US");
            if (parsed.ok()) {
              log.rung = "direct_line";
              log.direct_line = parsed->e164;
              expect.push_back(
                  {Expected::Kind::kDirectLine, c.id, 0, {}, parsed->e164, at, "direct line"});
            }
          }
          if (log.rung.empty())
            log.rung = r < 70 ? "pass_on_proposal" : r < 85 ? "arrange_conversation" : "referral";
        }
        miss = log.rung.empty();
        break;
      }
      default: {
        ++stats->no_answer;
        log.duration_seconds = 30;
        miss = true;
        break;
      }
    }
    Instant end = at + seconds{log.duration_seconds};
    auto logged = log_call(store_, actor(), c.id, log, end);
    if (!logged.ok()) {
      harness_errors_.push_back(format_date(day) + " " + who(c.id) + " " + log.outcome + ": " +
                                logged.status().message());
      return;
    }
    for (Expected& e : expect) expected_.push_back(std::move(e));
    if (c.id == trace_) {
      std::printf("TRACE logged %s at %s rung '%s' next_on %s meeting %s callback %s\n",
                  log.outcome.c_str(), rep_clock(at).c_str(), log.rung.c_str(),
                  log.next_on ? format_date(*log.next_on).c_str() : "-",
                  log.meeting_at ? rep_clock(*log.meeting_at).c_str() : "-",
                  log.callback_at ? rep_clock(*log.callback_at).c_str() : "-");
      trace_store(c.id, "after log");
    }

    // What the next plans must respect.
    if (outcome == Outcome::kConnected) {
      t.last_connect_rung = log.rung;
      t.connected_on = day;
      t.connected_at = at;
      t.wait_until.reset();
      t.wait_what.clear();
      std::string call = " on the call of " + rep_clock(at) + " your time";
      if (log.next_on) {
        t.wait_until = *log.next_on;
        t.wait_what = "next_on " + format_date(*log.next_on) + call;
      } else if (log.meeting_at || log.callback_at) {
        Instant when = log.meeting_at ? *log.meeting_at : *log.callback_at;
        t.wait_until = std::min(local_date(when, zone), local_date(when, rep_zone_));
        t.wait_what = std::string(log.meeting_at ? "meeting" : "callback") + " at " +
                      format_local(when, zone) + " their time booked" + call;
      } else {
        // Nothing new agreed: a meeting or callback booked on an earlier call still stands.
        Filter f;
        f.contact_id = c.id;
        auto appointments = store_.list_appointments(actor().workspace.id, f);
        ASSERT_TRUE(appointments.ok()) << appointments.status().message();
        for (const Appointment& a : *appointments) {
          if (a.status != AppointmentStatus::kConfirmed || a.starts_at <= at) continue;
          Date d = std::min(local_date(a.starts_at, zone), local_date(a.starts_at, rep_zone_));
          if (t.wait_until && *t.wait_until <= d) continue;
          t.wait_until = d;
          t.wait_what = std::string(a.is_callback ? "callback" : "meeting") + " at " +
                        format_local(a.starts_at, zone) +
                        " their time, booked earlier and still standing after the call of " +
                        rep_clock(at) + " your time";
        }
      }
    }
    // A miss at a time agreed or held (not a window the planner chose) moves nothing.
    if (miss && b.window.name != "callback" && b.window.name != "held") {
      std::string w = window_name_at(settings(), at, zone);
      if (w != "none") {
        t.missed_window = w;
        t.missed_what = log.outcome + " at " + format_local(at, zone) + " their time (" + w + ")";
      } else {
        t.missed_window.reset();
      }
    } else {
      t.missed_window.reset();
    }
  }

  // The loop's precondition: every outcome, promise, step, hold and number logged today is
  // in the store.
  void check_stored(Date day, std::vector<Violation>* out) {
    const Id ws = actor().workspace.id;
    auto commitments = store_.list_commitments(ws, {});
    auto appointments = store_.list_appointments(ws, {});
    ASSERT_TRUE(commitments.ok() && appointments.ok());
    std::map<Id, const Commitment*> by_id;
    for (const Commitment& k : *commitments) by_id[k.id] = &k;
    for (const Expected& e : expected_) {
      ++checked_[0];
      bool found = false;
      switch (e.kind) {
        case Expected::Kind::kCommitmentKept:
        case Expected::Kind::kCommitmentBroken:
        case Expected::Kind::kCommitmentMoved: {
          auto it = by_id.find(e.commitment_id);
          if (it == by_id.end()) break;
          const Commitment& k = *it->second;
          found = e.kind == Expected::Kind::kCommitmentKept ? k.status == CommitmentStatus::kKept
                  : e.kind == Expected::Kind::kCommitmentBroken
                      ? k.status == CommitmentStatus::kBroken
                      : k.due_on == e.due_on;
          break;
        }
        case Expected::Kind::kPromise:
          for (const Commitment& k : *commitments)
            if (k.contact_id == e.contact_id && k.what == e.what && k.due_on == e.due_on)
              found = true;
          break;
        case Expected::Kind::kMeeting:
        case Expected::Kind::kCallback:
        case Expected::Kind::kHold:
          for (const Appointment& a : *appointments)
            if (a.contact_id == e.contact_id && a.starts_at == e.at &&
                a.is_callback == (e.kind == Expected::Kind::kCallback) &&
                (e.kind == Expected::Kind::kHold) == (a.status == AppointmentStatus::kProposed))
              found = true;
          break;
        case Expected::Kind::kDirectLine: {
          auto c = store_.get_contact(ws, e.contact_id);
          found = c.ok() && !c->phones.empty() && c->phones.front().e164 == e.what;
          break;
        }
      }
      if (!found) {
        std::string instead;
        if (e.kind == Expected::Kind::kHold || e.kind == Expected::Kind::kMeeting ||
            e.kind == Expected::Kind::kCallback)
          for (const Appointment& a : *appointments)
            if (a.contact_id == e.contact_id)
              instead += (instead.empty() ? "; the store has " : ", ") +
                         std::string(to_text(a.status)) + (a.is_callback ? " callback " : " ") +
                         rep_clock(a.starts_at);
        std::string text = "logged a " + e.text + " for " + who(e.contact_id) + " at " +
                           rep_clock(e.at) + " your time" +
                           (e.what.empty() ? "" : " (" + e.what + ")") +
                           ", not found in the store" + instead;
        out->push_back({0, weekday_abbrev(day) + " " + format_date(day) + ": " + text, "0" + text});
      }
    }
    expected_.clear();
  }
};

TEST(MultiDaySimulationTest, FifteenBusinessDaysKeepThePlanningRules) {
  auto opened = open_store(":memory:");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Store& store = **opened;
  SimOptions options;
  options.start = Date{std::chrono::year{2026} / 12 / 7};  // a Monday
  auto built = build_sim_workspace(store, options);
  ASSERT_TRUE(built.ok()) << built.status().message();
  std::printf(
      "workspace: %zu contacts, %ld accounts, %ld calls of history, %ld reasons, %ld commitments, "
      "%ld referrals, %ld appointments\n",
      built->contacts.size(), built->accounts, built->attempts, built->reasons, built->commitments,
      built->referrals, built->appointments);

  Simulation sim(store, *built, 7);
  sim.load_contacts();
  sim.start_from_history(options.start);
  const std::string& rep_zone = sim.actor().rep.timezone;

  std::vector<Violation> all;
  for (int d = 0; d < kDays; ++d) {
    const Date day = add_business_days(options.start, d);
    if (d == 5) {
      // A new capability answers an objection mid-run: its recall list comes due.
      ChangeInput change;
      change.kind = "new_capability";
      change.title = "Replacement-parts line";
      change.description = "Replacement parts ship on the same order as the machines.";
      change.resolves = {"missing_product_line"};
      change.serves = {"consolidating suppliers"};
      change.effective_on = day;
      auto added = add_change(store, sim.actor(), change, zoned_instant(day, 7 * 60, rep_zone));
      ASSERT_TRUE(added.ok()) << added.status().message();
    }
    sim.load_contacts();
    std::vector<Violation> found;
    const Instant morning = zoned_instant(day, 8 * 60, rep_zone);
    auto sheet = plan_day(store, sim.actor(), day, morning);
    ASSERT_TRUE(sheet.ok()) << sheet.status().message();
    if (sim.trace_) {
      auto asked = brief_for(store, sim.actor(), sim.trace_, day, morning);
      if (asked.ok()) sim.trace_brief(*asked, format_date(day) + " brief_for");
      sim.trace_store(sim.trace_, format_date(day) + " morning");
    }
    sim.check_sheet(*sheet, morning, "08:00", &found, false);
    sim.check_commitments(*sheet, &found);

    // The calls before 15:00, then the sheet re-planned at 15:00, then the rest.
    const Instant afternoon = zoned_instant(day, 15 * 60, rep_zone);
    DayStats stats;
    for (const Brief& b : sheet->calls)
      if (b.slot < afternoon) sim.dial(b, day, &stats);
    auto again = plan_day(store, sim.actor(), day, afternoon);
    ASSERT_TRUE(again.ok()) << again.status().message();
    sim.check_sheet(*again, afternoon, "15:00", &found, true);
    for (const Brief& b : sheet->calls)
      if (b.slot >= afternoon) sim.dial(b, day, &stats);
    sim.check_stored(day, &found);

    std::printf(
        "day %d %s %s: %d calls, %d connected, %d voicemails, %d gatekeeper, %d no answer, "
        "%d meetings booked, %zu violations\n",
        d + 1, weekday_abbrev(day).c_str(), format_date(day).c_str(), stats.calls, stats.connected,
        stats.voicemails, stats.gatekeeper, stats.no_answer, stats.meetings, found.size());
    if (std::getenv("NEXTCALL_SIM_VERBOSE"))
      for (const Violation& v : found)
        std::printf("  [%s] %s\n", kInvariantNames[v.invariant], v.text.c_str());
    std::ostringstream first;
    for (std::size_t k = 0; k < found.size() && k < 5; ++k)
      first << "  [" << kInvariantNames[found[k].invariant] << "] " << found[k].text << "\n";
    EXPECT_TRUE(found.empty()) << "day " << d + 1 << ": " << found.size()
                               << " violations, the first:\n"
                               << first.str();
    all.insert(all.end(), found.begin(), found.end());
  }

  // The harness logs only what log_call's contract allows: an error here is the harness's
  // or log_call's, not the planner's.
  std::ostringstream errors;
  for (std::size_t k = 0; k < sim.harness_errors_.size() && k < 5; ++k)
    errors << "  " << sim.harness_errors_[k] << "\n";
  EXPECT_TRUE(sim.harness_errors_.empty())
      << sim.harness_errors_.size() << " calls could not be logged:\n"
      << errors.str();

  std::printf(
      "violations by rule over %d days (distinct: the same fault on several days counted once):\n",
      kDays);
  for (int inv = 0; inv <= kInvariants; ++inv) {
    long count = 0;
    std::set<std::string> distinct;
    const Violation* example = nullptr;
    for (const Violation& v : all)
      if (v.invariant == inv) {
        if (!example) example = &v;
        ++count;
        distinct.insert(v.key);
      }
    std::printf("  %-46s %5ld violations, %4zu distinct, in %6ld checks%s%s\n",
                kInvariantNames[inv], count, distinct.size(),
                sim.checked_[static_cast<std::size_t>(inv)], example ? "; e.g. " : "",
                example ? example->text.c_str() : "");
  }
  // Every rule was put to the test.
  for (int inv = 0; inv <= kInvariants; ++inv)
    EXPECT_GT(sim.checked_[static_cast<std::size_t>(inv)], 0)
        << kInvariantNames[inv] << " was never checked";
}

}  // namespace
}  // namespace nextcall
