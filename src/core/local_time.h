// Instants seen in a place: the local date and clock time in an IANA zone, and back.
// Pure functions of the zone rules; an unknown or empty zone means UTC.
#pragma once

#include <optional>
#include <string>

#include "core/model.h"

namespace nextcall {

// The civil date at instant t in zone.
Date local_date(Instant t, const std::string& zone);
// Minutes after local midnight at instant t in zone (0..1439).
int local_minute_of_day(Instant t, const std::string& zone);
// The instant when the clock in zone shows `minute` after midnight on `day`. In a
// spring-forward gap the clock time does not exist and the first instant after the gap
// is returned; in a fall-back overlap the earlier of the two instants.
Instant zoned_instant(Date day, int minute, const std::string& zone);
// True when zone names a zone of the tz database.
bool is_valid_zone(const std::string& zone);
// "Tue 24 Nov 09:30" in zone.
std::string format_local(Instant t, const std::string& zone);

}  // namespace nextcall
