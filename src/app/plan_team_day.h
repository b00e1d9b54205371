// Every rep's call sheet for a day in one pass (a manager's morning view, a nightly batch):
// the workspace is read once, in storage order, and split by owner — not once per rep by
// index, which for a big team means a random read per contact — and the reps' days are
// planned side by side.
#pragma once

#include <optional>
#include <vector>

#include "core/brief.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// One sheet per user of `workspace` (in list_users order) for `day` (default: today in
// each rep's zone) at `now`, planned on `threads` threads (at least 1).
Result<std::vector<CallSheet>> plan_team_day(Store& store, const Workspace& workspace, std::optional<Date> day,
                                             Instant now, int threads);

}  // namespace nextcall
