// Logging a call: one attempt with its outcome, the highest rung of the close ladder the
// contact agreed to (seed 004), the reason used, a note and the follow-up date; written
// in one transaction so the next plan sees all of it or none.
#pragma once

#include <optional>
#include <string>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/settings.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct CallLog {
  std::string outcome;  // connected|voicemail|gatekeeper|no_answer|wrong_number
  std::string rung;     // highest rung agreed; empty: none
  std::string reason;   // the reason used, as said
  std::optional<Id> reason_id;
  std::string note;
  std::optional<Date> next_on;
  std::optional<Instant> at;  // default: now
  int duration_seconds = 0;
  std::string approach;  // default from the outcome
};

// The ladder that applies: the gatekeeper ladder when the call reached a gatekeeper or
// the contact is one; the contact ladder otherwise.
const Ladder& ladder_for(const Settings& s, const Contact& c, Outcome outcome);

// Validates and stores the call. InvalidArgument for an unknown outcome ("outcome:
// 'busy' is not one of connected|…"), an unknown rung (listing the ladder's rungs), a
// rung on a call that reached nobody, or a time in the future.
Result<Attempt> log_call(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                         Instant now);

// log_call, and when the call confirmed a company change (the contact said it resolves
// their objection), the objections it answers marked so, in the same transaction.
struct LoggedCall {
  Attempt attempt;
  int objections_answered = 0;
};
Result<LoggedCall> log_call_confirming(Store& store, const Actor& actor, Id contact_id, const CallLog& log,
                                       std::optional<Id> confirms_change, Instant now);

}  // namespace nextcall
