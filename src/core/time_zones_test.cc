#include "core/time_zones.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(TimeZonesTest, CanonicalNamesAndCrmAliases) {
  EXPECT_EQ(*canonical_zone("America/New_York"), "America/New_York");
  EXPECT_EQ(*canonical_zone("america/new york"), "America/New_York");
  EXPECT_EQ(*canonical_zone("Eastern Time (US & Canada)"), "America/New_York");
  EXPECT_EQ(*canonical_zone("PST"), "America/Los_Angeles");
  EXPECT_EQ(*canonical_zone("Asia/Kathmandu"), "Asia/Kathmandu");
  EXPECT_FALSE(canonical_zone("Mars/Olympus_Mons"));
  EXPECT_FALSE(canonical_zone(""));
}

TEST(TimeZonesTest, StateDecidesTheZoneInMultiZoneCountries) {
  RegionZones regions = {{"US", {"America/New_York", "America/Chicago"}},
                         {"DE", {"Europe/Berlin"}},
                         {"AU", {"Australia/Sydney", "Australia/Perth"}}};
  EXPECT_EQ(*derive_zone("US", "CA", regions), "America/Los_Angeles");
  EXPECT_EQ(*derive_zone("United States", "Texas", regions), "America/Chicago");
  EXPECT_EQ(*derive_zone("Australia", "WA", regions), "Australia/Perth");
  EXPECT_EQ(*derive_zone("Germany", "", regions), "Europe/Berlin");
  EXPECT_FALSE(derive_zone("US", "", regions));
  EXPECT_FALSE(derive_zone("AU", "", regions));
  EXPECT_FALSE(derive_zone("", "", regions));
}

TEST(TimeZonesTest, OneZoneForNearlyEveryoneIsTakenAndMexicoGoesByState) {
  // As the system's table lists them: Germany has Büsingen too, Spain the Canaries.
  RegionZones regions = {{"DE", {"Europe/Berlin", "Europe/Busingen"}},
                         {"ES", {"Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"}},
                         {"MX", {"America/Mexico_City", "America/Tijuana", "America/Cancun"}},
                         {"BR", {"America/Sao_Paulo", "America/Manaus"}}};
  EXPECT_EQ(*derive_zone("Germany", "", regions), "Europe/Berlin");
  EXPECT_EQ(*derive_zone("ES", "", regions), "Europe/Madrid");
  EXPECT_EQ(*derive_zone("Mexico", "CDMX", regions), "America/Mexico_City");
  EXPECT_EQ(*derive_zone("Mexico", "Jalisco", regions), "America/Mexico_City");
  EXPECT_EQ(*derive_zone("MX", "Baja California", regions), "America/Tijuana");
  EXPECT_EQ(*derive_zone("MX", "Quintana Roo", regions), "America/Cancun");
  EXPECT_FALSE(derive_zone("Mexico", "", regions));
  EXPECT_EQ(*derive_zone("México", "Sonora", regions), "America/Hermosillo");
  EXPECT_EQ(*derive_zone("España", "", regions), "Europe/Madrid");
  EXPECT_FALSE(derive_zone("Brazil", "", regions));
}

}  // namespace
}  // namespace nextcall
