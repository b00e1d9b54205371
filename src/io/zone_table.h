// Reads the tz database's country table (zone1970.tab, or zone.tab) into country -> zones.
#pragma once

#include <string>

#include "core/status.h"
#include "core/time_zones.h"

namespace nextcall {

// Loads /usr/share/zoneinfo/zone.tab (one line per zone, country first), once per
// process. Io when the file cannot be read.
Result<RegionZones> load_region_zones(const std::string& path = "/usr/share/zoneinfo/zone.tab");

// The table loaded once and kept (empty when the file is missing: no zone is derived).
const RegionZones& region_zones();

}  // namespace nextcall
