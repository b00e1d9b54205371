// Who may be due in the days of a team plan: a quick test on a few columns of each contact,
// so that a big book is read only for the contacts the planner could put on a sheet. It
// mirrors the planner's reasons to be due (planner.cc, gather) with bounds wide enough for
// any time zone: a contact it rules out cannot be due on any day of the window; one it
// keeps may still not be (the planner decides).
#pragma once

#include <optional>

#include "core/model.h"

namespace nextcall {

struct DueWindow {
  Date first_day;                        // the earliest rep's day being planned
  Date last_day;                         // the latest
  Instant calendar_from{};               // appointments from here on count (the reps' calendars)
  std::optional<Instant> change_cutoff;  // the newest change live by last_day: whoever has not
                                         // talked since may be on its recall list
  int prospect_recall_days = 14;         // Settings::prospect_recall_days
  int new_contacts_per_day = 10;         // Settings::new_contacts_per_day: 0, never-called wait
};

// What the test reads of one contact.
struct DueFacts {
  bool listed = false;  // do-not-call or snoozed: the sheet lists them either way
  bool customer = false;
  Cadence cadence;
  // From the contact's call history (none: never called).
  std::optional<Instant> last_at;
  std::optional<Instant> last_connect_at;
  std::optional<Date> follow_up_on;
  bool may_retry = false;  // CallHistory::may_retry
  // Something else keeps the contact in: an open commitment due by last_day, an
  // appointment from calendar_from on, an introduction made or still to ask for, a
  // history whose dates the store cannot tell.
  bool other_reason = false;
};

bool may_be_due(const DueFacts& f, const DueWindow& w);

}  // namespace nextcall
