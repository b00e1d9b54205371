// A brief: everything needed for one call, in the order a rep reads it (issue "The call
// planner": who and when, the reason, the opener, the hot button and material, the
// target close, the fallback play, the voicemail, the gatekeeper script, why now).
// A call sheet: a rep's ordered briefs for a day, with what was left off and why.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace nextcall {

enum class CallKind {
  kFollowUp,    // known interest: move them up the ladder
  kQualifying,  // a prospect without a known hot button: find what matters first (seed 002)
  kCadence,     // a customer's regular call, with something of value (seed 001)
  kRecall,      // a change answers their objection or serves their hot button (seed 001)
};

struct PriorityPart {
  // commitment_overdue, cadence_overdue, deal_value, ...: the planner's fixed vocabulary,
  // static text (a part is made for every due contact of a big book, names need no copy).
  std::string_view name;
  double points = 0;
  std::string why;
};

// A part of an overflow row's priority: its name and points only (412,283 overflow rows in
// a big team's plan keep theirs; the words are in the contact's brief).
struct RankedPart {
  std::string_view name;  // as PriorityPart::name
  double points = 0;
};

struct ScheduledWindow {
  std::string name;          // early, day, lunch, afternoon, late, callback
  Instant start{}, end{};    // when to dial (UTC)
  std::string local_text;    // "07:30–08:00 their time (Tue 24 Nov)"
  std::string rep_text;      // "09:30–10:00 your time"
  std::string why;           // "connected 3 of 4 times before 8:00" / "screeners are out"
  double connect_estimate = 0;
};

struct ReasonChoice {
  std::string source;  // change, library, commitment, referral, thread, appointment (today's meeting)
  std::optional<Id> reason_id;
  std::optional<Id> change_id;
  std::string category;  // you_first, new_policy, ...
  std::string text;      // the blank in "The reason I'm calling is ___"
  std::string sentence;  // "The reason I'm calling is ___."
  std::string why;       // why this one was chosen
  bool kept_promise = false;  // the rep delivers what they promised: a benefit said on its own
};

struct MaterialPointer {
  Id material_id = 0;
  std::string title;
  std::string location;  // "page 4"
  std::string serves;    // the hot button it serves
};

struct TargetClose {
  std::string ladder;  // contact | gatekeeper
  std::string rung;    // what to ask for
  std::string highest_agreed;  // empty: nothing agreed yet
  std::vector<std::string> fallbacks;  // the rungs below, in the order to try them
  std::string ask;  // how to ask, in words
  std::string why;
};

struct VoicemailScript {
  std::string text;
  int words = 0;
  int seconds = 0;         // at the workspace's speaking rate
  int budget_seconds = 0;  // Settings::voicemail_seconds: seconds <= budget_seconds when it fits
  Instant proposed_slot{};
  std::string slot_text;  // "Thursday, December 3 at 10 a.m."
  std::string slot_why;   // "you are at Acme Plant, 3 km away, at 9 a.m. that day"
  std::string purpose;    // what the proposed time is for ("show you how …")
  // The time was left on an earlier voicemail and is held for this contact (a tentative
  // appointment): the same time is said again, never a new one.
  std::optional<Id> held_appointment_id;
};

// The last call with the contact, at the top of every brief (so a rep who got the direct
// line last time is not told to ask for it again).
struct LastCall {
  Instant at{};
  std::string their_text;  // "Tue 24 Nov 09:12 their time"
  std::string rep_text;    // "Tue 24 Nov 10:12 your time"
  std::string outcome;     // connected, voicemail, ...
  std::string ladder;      // contact | gatekeeper
  std::string rung;        // agreed on it; empty: nothing
  std::string approach;    // direct, voicemail, gatekeeper, ...
  std::string note;        // as logged (filled by the app from the store when not in the snapshot)
  std::vector<std::string> promises;  // what each side promised on it ("Dana: review the study by Tue 8 Dec")
};

struct Brief {
  Id contact_id = 0;
  std::string name, title, company, role, stage;
  std::string phone_e164, phone_display;
  std::string contact_timezone;  // empty: unknown (planned in the rep's zone)
  CallKind kind = CallKind::kFollowUp;
  std::string approach;  // direct, voicemail_ok, gatekeeper, referral, email, linkedin
  std::string approach_why;

  ScheduledWindow window;  // name empty: no window left that day (start, end, slot unset)
  Instant slot{};  // the suggested dial time, inside the window
  // False for a brief on request for a contact with no call window left that day: its
  // times are unset (the epoch) and the views show "no window today", never a date.
  bool has_window() const { return !window.name.empty(); }

  ReasonChoice reason;
  std::string opener;
  std::string opener_source;  // "thread #12 (business)" / "reason"
  std::string hot_button;     // empty for a qualifying call
  std::vector<std::string> qualifying_questions;
  std::optional<MaterialPointer> material;
  TargetClose close;
  std::optional<std::string> fallback_play;  // when they owe something (seed 002)
  VoicemailScript voicemail;
  std::optional<std::vector<std::string>> gatekeeper_script;

  std::optional<LastCall> last_call;  // none: never called
  int attempt = 1;  // this call's number since the last conversation (1: the first try)
  std::vector<std::string> tried_before;  // the tries since the last conversation, oldest first
  std::string referrer;  // who referred us to them (named in opener, voicemail, screener script)
  // A referral this contact gave whose introduction is still to be made: ask for it.
  std::optional<std::string> introduction_ask;

  std::vector<std::string> due_because;  // why they are on today's sheet
  std::vector<PriorityPart> priority_parts;
  double priority = 0;
};

struct SheetEntry {
  Id contact_id = 0;
  std::string name;
  std::string why;  // why it is not on the sheet
};

// A due call the day's capacity cut: who, why they are due, what kind of call, when it
// would be and what it is worth — the scripts are written only for the calls kept.
struct OverflowCall {
  Id contact_id = 0;
  std::string name;
  std::string company;
  std::string role;
  std::string stage;
  std::string phone_e164;
  CallKind kind = CallKind::kFollowUp;
  std::string window_name;
  Instant window_start{}, window_end{};
  double connect_estimate = 0;
  std::vector<std::string> due_because;  // why they are due (the views add cut_reason)
  double priority = 0;
  std::vector<RankedPart> priority_parts;
  bool first_call = false;      // never called: counts against the new contacts' allowance
  bool over_new_allowance = false;  // cut by that allowance, not by capacity
};

// One of the rep's coming appointments: a meeting or callback agreed, or a time held on a
// voicemail (status proposed: tentative until they confirm it or it passes).
struct SheetAppointment {
  Appointment appointment;
  std::string contact_name;
};

struct CallSheet {
  Id rep_id = 0;
  std::string rep_name;
  std::string rep_timezone;
  Date day{};
  Instant generated_at{};
  std::vector<Brief> calls;             // in order: window start, then priority
  std::vector<OverflowCall> overflow;   // due and ready, cut by capacity
  std::vector<SheetEntry> needs_reason;  // due but nothing valuable to say yet
  std::vector<SheetEntry> snoozed;
  std::vector<SheetEntry> skipped;  // do-not-call, no window today, attempts exhausted
  std::vector<SheetAppointment> appointments;  // the rep's, from now on, by time
  int capacity = 0;
  int new_contacts_per_day = 0;  // the allowance of first calls the sheet was planned with
};

std::string_view to_text(CallKind k);

// Why the day's capacity cut a call: "daily capacity of 60 calls reached; priority 41.5 is
// below the cut". The views say it from the sheet: it is not stored in each of a big
// book's overflow rows.
std::string cut_reason(const CallSheet& sheet, const OverflowCall& call);

}  // namespace nextcall
