// Parsing of values typed by a user (CLI options, API fields) that need "today" or a zone: dates such as "friday"
// or "+3d", and local times such as "2026-12-03 10:00".
#pragma once

#include <optional>
#include <string>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"

namespace nextcall {

// The rep's date today (in the rep's zone; UTC when the rep has none).
Date today_for(const Actor& actor, Instant now);

// A date as typed: ISO, "today", "tomorrow", "+3d", "+1w", or a weekday name.
Result<Date> parse_date_arg(const std::string& text, Date today, const std::string& option);

// A time as typed: ISO 8601 with Z or an offset is taken as is; "YYYY-MM-DD HH:MM" or
// "YYYY-MM-DDTHH:MM" without an offset is local time in `zone` (UTC when empty).
Result<Instant> parse_time_arg(const std::string& text, const std::string& zone,
                               const std::string& option);

}  // namespace nextcall
