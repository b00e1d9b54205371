// The manager's view of the team: each rep's day as it runs (planned, done, connected,
// rungs agreed, voicemails left) and the week's leaderboard by advances up the close
// ladder (core/ladder_advances.h), loaded from the store.
#pragma once

#include <vector>

#include "core/ladder_advances.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct RepDay {
  User rep;
  Date day{};         // today in the rep's zone (UTC when the rep has none)
  long planned = 0;   // the calls on the rep's sheet: those left plus the contacts called
  long left = 0;      // planned calls not called yet
  RepTally tally;     // the rep's calls of that day (rep_id set even without calls)
};

// Every user of `workspace` (in list_users order) with their day at `now`. The sheets are
// planned as the reps' own (app/plan_team_day.h), so "planned" is what each rep sees.
Result<std::vector<RepDay>> team_today(Store& store, const Workspace& workspace, Instant now);

struct WeekLeaderRow {
  User rep;
  RepTally tally;  // rep_id set even without calls
};

struct WeekLeaderboard {
  Date monday{};  // the week, Monday to Sunday in `zone`
  Instant since{};
  Instant until{};
  std::vector<WeekLeaderRow> rows;  // every user: most advances first, then most rungs, then name
};

// The leaderboard of the week holding `day` (Monday to Sunday, midnight to midnight in
// `zone`; UTC when empty) in `workspace`: each user's calls of the week, ranked by
// advances, not by dials.
Result<WeekLeaderboard> week_leaderboard(Store& store, const Workspace& workspace, Date day,
                                     const std::string& zone);

}  // namespace nextcall
