// IANA time zones: validating what a CRM export calls a zone, and deriving a zone when
// the export has none. The zone rules come from the system's tz database (date-tz), read
// as data; nothing here reads a clock.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nextcall {

// The canonical IANA name for `name`: an IANA name ("America/New_York"), the same with a
// space for the underscore or in another case, or a common alias found in CRM exports
// ("Eastern Time (US & Canada)", "EST", "Pacific Standard Time", "CET", "GMT+1" is not
// accepted). nullopt when it names no zone.
std::optional<std::string> canonical_zone(std::string_view name);

// Country -> its zones, as listed by the tz database's zone1970.tab/zone.tab
// (io/zone_table.h loads it).
using RegionZones = std::map<std::string, std::vector<std::string>>;

// The zone of a contact from what the export says of their place:
// - a US state or Canadian province (name or postal code) -> the zone most of it uses
//   ("CA" -> America/Los_Angeles, "Indiana" -> America/Indiana/Indianapolis);
// - otherwise a country with a single zone -> that zone ("DE" -> Europe/Berlin);
// - otherwise nullopt (US without a state, Australia, Russia, Brazil, ...): unknown.
std::optional<std::string> derive_zone(std::string_view country, std::string_view state,
                                       const RegionZones& regions);

// ISO 3166 alpha-2 code for a country name or code ("United Kingdom", "UK", "gb" -> "GB");
// empty when unknown.
std::string country_code(std::string_view country);

}  // namespace nextcall
