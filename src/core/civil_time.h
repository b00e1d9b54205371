// Dates and instants as text: ISO 8601 in, ISO 8601 out. Pure: "today" is always a
// parameter, never read from a clock here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace nextcall {

// "2026-11-24" -> Date; nullopt unless a valid calendar date in that exact form.
std::optional<Date> parse_date(std::string_view s);
std::string format_date(Date d);  // "2026-11-24"

// "2026-11-24T14:05:00Z", "2026-11-24T09:05:00-05:00", "2026-11-24 14:05" (UTC),
// "2026-11-24T14:05:00.123Z" (fraction dropped) -> Instant.
std::optional<Instant> parse_instant(std::string_view s);
std::string format_instant(Instant t);  // "2026-11-24T14:05:00Z"

// A date given relative to `today`: "today", "tomorrow", "yesterday", "+3d", "-2d", "+1w",
// a weekday name ("friday": the next one after today), or an ISO date.
std::optional<Date> parse_relative_date(std::string_view s, Date today);

// Minutes after midnight from "07:30" / "7:30" / "17:00"; nullopt if malformed.
std::optional<int> parse_clock_minutes(std::string_view s);
std::string format_clock_minutes(int minutes);  // "07:30"

}  // namespace nextcall
