// Planning use cases: a rep's call sheet for a day and the brief for one contact, built
// from the store into a core Snapshot and handed to the pure planner.
#pragma once

#include <optional>

#include "app/workspace_session.h"
#include "core/brief.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// The sheet of `actor.rep` for `day` (default: today in the rep's zone) at `now`.
Result<CallSheet> plan_day(Store& store, const Actor& actor, std::optional<Date> day, Instant now);

// The brief for one contact on `day`, due or not.
Result<Brief> brief_for(Store& store, const Actor& actor, Id contact_id, std::optional<Date> day,
                        Instant now);

}  // namespace nextcall
