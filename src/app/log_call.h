// Logging a call: one attempt with its outcome, the highest rung of the close ladder the
// contact agreed to (seed 004), the reason used, a note, and everything else that happened
// on it: the next step (a date, a callback or a meeting), what became of open commitments,
// the promises made, the time a voicemail proposed (held as a tentative appointment) and a
// direct line learned. Written in one transaction so the next plan sees all of it or none.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/settings.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// What became of one open commitment on the call (either side's).
struct CommitmentOutcome {
  Id commitment_id = 0;
  std::string outcome;             // kept | broken | moved
  std::optional<Date> new_due_on;  // moved only, and required: due then (not before the call)
};

// A promise made on the call, by the contact or by the rep.
struct NewPromise {
  Party owner = Party::kContact;
  std::string what;  // "review the cost study"
  std::optional<Date> due_on;
  std::optional<Id> material_id;
};

struct CallLog {
  std::string outcome;  // connected|voicemail|gatekeeper|no_answer|wrong_number
  std::string rung;     // highest rung agreed; empty: none
  std::string reason;   // the reason used, as said
  std::optional<Id> reason_id;
  std::string note;
  std::optional<Instant> at;  // default: now
  int duration_seconds = 0;
  std::string approach;  // default from the outcome

  // The next step agreed, at most one of the three kinds: a date to call again (kept on the
  // attempt), a time they asked to be called back (a confirmed appointment with
  // is_callback, on a connected or gatekeeper call), or a meeting booked (a confirmed
  // appointment with time and place, on a connected call; the planner takes a confirmed
  // future appointment as the next step, so next_on stays empty). Both times must be
  // after the call.
  std::optional<Date> next_on;
  std::optional<Instant> callback_at;
  std::optional<Instant> meeting_at;
  std::string meeting_place;  // address, "their plant", "video call"
  int meeting_minutes = 30;

  std::vector<CommitmentOutcome> commitments;  // what became of open commitments
  std::vector<NewPromise> promises;            // promises made on this call

  // A voicemail's proposed time ("If Tuesday at 10 a.m. won't work for you…"), held as a
  // tentative appointment (status proposed, place "phone", 30 minutes). Unset on a
  // voicemail: the time the contact's brief proposed at the call; no_proposed_time: the
  // message proposed none. A time already held by an earlier voicemail is kept, never
  // held twice (an explicit proposed_at moves it). Only a voicemail proposes a time.
  std::optional<Instant> proposed_at;
  bool no_proposed_time = false;

  // A number learned on the call (the receptionist gave the direct line): stored on the
  // contact as kind "direct" and dialled first from then on.
  std::string direct_line;
};

// The ladder that applies: the gatekeeper ladder when the call reached a gatekeeper or
// the contact is one; the contact ladder otherwise.
const Ladder& ladder_for(const Settings& s, const Contact& c, Outcome outcome);

// Everything a logged call stored.
struct LoggedCall {
  Attempt attempt;
  int objections_answered = 0;
  // The callback or meeting booked, and a voicemail's new hold, as stored.
  std::vector<Appointment> appointments_created;
  int commitments_updated = 0;
  std::vector<Commitment> commitments;  // the ones updated, as stored now
  int promises_added = 0;
  std::vector<Commitment> promises;  // the new ones
  // The tentative appointment holding a voicemail's proposed time: made by this call
  // (held_is_new; it is also in appointments_created) or kept from an earlier voicemail.
  std::optional<Appointment> held;
  bool held_is_new = false;
  std::string direct_line;  // E.164 now first among the contact's phones; empty: none given
  // Times held on earlier voicemails, released because this conversation agreed the next step.
  std::vector<Appointment> holds_released;
};

// Validates and stores the call, all or nothing. InvalidArgument naming the field for an
// unknown outcome ("outcome: 'busy' is not one of connected|…"), an unknown rung (listing
// the ladder's rungs), a rung on a call that reached nobody, a call in the future, more
// than one next step, a callback or meeting on a call that did not allow one or not after
// it, a commitment of another contact, not open or with an unknown outcome
// ("commitments[1].outcome: 'done' is not one of kept|broken|moved"; lists count from 0),
// an empty promise ("promises[0].what: …"), a proposed time on a call that was not a
// voicemail, an invalid direct line. AlreadyExists when the direct line is another
// contact's number. When the call confirmed a company change (the contact said it
// resolves their objection), the objections it answers are marked so too.
Result<LoggedCall> log_call_confirming(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                                       std::optional<Id> confirms_change, Instant now);

// log_call_confirming without a change; the attempt stored.
Result<Attempt> log_call(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                         Instant now);

// `s` with the field names of its message as the caller's user knows them ("meeting_at" ->
// "--meeting", "commitments[1]" -> "--moved 7=friday"): each whole name replaced, with
// whatever ".field" follows it when the name ends in ']'.
Status rename_fields(const Status& s,
                     const std::vector<std::pair<std::string, std::string>>& names);

}  // namespace nextcall
