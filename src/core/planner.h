// The planner: a rep's call sheet for one day from a snapshot. Pure: the snapshot holds
// the data, the plan date and "now"; the same snapshot always gives the same sheet.
// Every choice is explained in words in the brief (why due, why this window, why this
// reason, why this close, the parts of the priority).
#pragma once

#include <optional>

#include "core/brief.h"
#include "core/snapshot.h"

namespace nextcall {

// Plans the day of snapshot.rep for the contacts in the snapshot.
CallSheet plan_day(const Snapshot& snapshot);

// The brief for one contact, due or not (for `nextcall brief`). nullopt when the contact
// is not in the snapshot. A contact with no reason gets an empty reason and a note.
std::optional<Brief> brief_for(const Snapshot& snapshot, Id contact_id);

}  // namespace nextcall
