// JSON of the team library's results — reasons with their check and statistics, the
// brainstorm leaderboard, recall lists and lint findings — shared by the CLI's
// `--format json` and the API so both always say the same thing the same way.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "app/brainstorm.h"
#include "app/changes.h"
#include "app/reasons.h"
#include "core/linter.h"

namespace nextcall {

nlohmann::json problems_json(const std::vector<ReasonProblem>& problems);
nlohmann::json reason_result_json(const ReasonResult& r);
nlohmann::json counts_json(const ReasonCounts& c);
// The library with each reason's attempts, connects and advances.
nlohmann::json reason_list_json(const std::vector<Reason>& reasons, const ReasonStats& stats);
nlohmann::json reason_stats_json(const ReasonStats& stats);
nlohmann::json board_json(const Leaderboard& b);
nlohmann::json recall_json(const std::vector<RecallEntry>& list);
nlohmann::json finding_json(const LintFinding& f);

}  // namespace nextcall
