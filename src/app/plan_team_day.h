// Every rep's call sheet for a day in one pass (a manager's morning view, a nightly batch):
// the workspace is read once, in storage order, and split by owner — not once per rep by
// index, which for a big team means a random read per contact — and the reps' days are
// planned side by side.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/brief.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// Opens another connection to the same database, to read from side by side.
using OpenReader = std::function<Result<std::unique_ptr<Store>>()>;

// One sheet per user of `workspace` (in list_users order) for `day` (default: today in
// each rep's zone) at `now`, planned on `threads` threads (at least 1). With `open_reader`
// and more than one thread, a second connection checks half the contacts and shares the
// reads that follow (each connection takes the next read as it finishes one).
Result<std::vector<CallSheet>> plan_team_day(Store& store, const Workspace& workspace, std::optional<Date> day,
                                             Instant now, int threads, const OpenReader& open_reader = {});

}  // namespace nextcall
