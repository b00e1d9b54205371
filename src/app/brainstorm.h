// The brainstorm round (seed 001's action step): open a round, every member of the team
// submits reasons, everyone scores the others' for value to the listener (1–5), the
// leaderboard ranks reasons and authors, and closing the round puts the accepted reasons
// into the library. Only members of the round's workspace take part.
#pragma once

#include <string>

#include "app/workspace_session.h"
#include "core/brainstorm.h"
#include "core/reason_check.h"
#include "store/store.h"

namespace nextcall {

Result<BrainstormRound> start_round(Store& store, const Actor& actor, const std::string& title, Instant now);
// The open round (the latest, when `round_id` is empty).
Result<BrainstormRound> find_round(Store& store, const Actor& actor, std::optional<Id> round_id);

struct Submitted {
  BrainstormSubmission submission;
  std::vector<ReasonProblem> problems;  // the value check's findings (kept only with force)
};
Result<Submitted> submit_reason(Store& store, const Actor& actor, std::optional<Id> round_id,
                                const std::string& text, const std::string& category, bool force,
                                Instant now);
// PermissionDenied for scoring your own submission; InvalidArgument outside 1..5.
Status score_submission(Store& store, const Actor& actor, Id submission_id, int score);
Result<Leaderboard> round_board(Store& store, const Actor& actor, std::optional<Id> round_id);

struct Closed {
  Leaderboard board;
  std::vector<Reason> added;  // the accepted reasons, now in the library
};
Result<Closed> close_round(Store& store, const Actor& actor, std::optional<Id> round_id, Instant now);

}  // namespace nextcall
