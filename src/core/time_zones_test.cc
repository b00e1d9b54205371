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

}  // namespace
}  // namespace nextcall
