// JSON of the Dashboard (core/dashboard.h), the shape the web app's Dashboard reads.
// snake_case fields; instants ISO 8601 UTC; figures that need a connect or an attempt
// to divide by are null without one. Example:
//
// {"period": {"since": "2026-11-01T00:00:00Z", "until": "2026-12-01T00:00:00Z"},
//  "rep_id": 3 | null,
//  "totals": {"attempts": 50, "connects": 10, "voicemails": 20, "gatekeepers": 5,
//             "contacts_touched": 30},
//  "attempts_per_connect": 5.0 | null,
//  "planning_minutes_per_attempt": 5,
//  "wasted_planning_minutes": 200,
//  "planning_minutes_per_connect": 25.0 | null,
//  "wasted_planning_minutes_per_connect": 20.0 | null,
//  "reach_by_hour": [{"hour": 0, "attempts": 0, "connects": 0, "rate": null}, ... 24 entries],
//  "funnel": {"contact": [{"rung": "sale", "contacts": 1, "of": 25}, ...],
//             "gatekeeper": [{"rung": "arrange_conversation", "contacts": 0, "of": 5}, ...]},
//  "reasons": [{"reason_id": 7 | null, "text": "...", "attempts": 3, "connects": 2,
//               "advanced": 1, "connect_rate": 0.67, "advance_rate": 0.33}, ...]}
#pragma once

#include <nlohmann/json.hpp>

#include "core/dashboard.h"

namespace nextcall {

nlohmann::json dashboard_json(const Dashboard& d);

}  // namespace nextcall
