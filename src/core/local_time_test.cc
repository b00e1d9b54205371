#include "core/local_time.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace nextcall {
namespace {

Date d(const char* s) { return *parse_date(s); }
Instant t(const char* s) { return *parse_instant(s); }

TEST(LocalTimeTest, KathmanduIsFiveFortyFiveAhead) {
  EXPECT_EQ(local_minute_of_day(t("2026-11-24T00:00:00Z"), "Asia/Kathmandu"), 5 * 60 + 45);
}

TEST(LocalTimeTest, LosAngelesSpringForwardGapMapsToTheGapEnd) {
  // 2026-03-08 02:30 does not exist in Los Angeles; 03:00 PDT = 10:00Z.
  EXPECT_EQ(format_instant(zoned_instant(d("2026-03-08"), 150, "America/Los_Angeles")),
            "2026-03-08T10:00:00Z");
  // 08:00 PDT that day is 15:00Z, not 16:00Z.
  EXPECT_EQ(format_instant(zoned_instant(d("2026-03-08"), 480, "America/Los_Angeles")),
            "2026-03-08T15:00:00Z");
}

TEST(LocalTimeTest, LosAngelesFallBackOverlapTakesTheEarlierInstant) {
  EXPECT_EQ(format_instant(zoned_instant(d("2026-11-01"), 90, "America/Los_Angeles")),
            "2026-11-01T08:30:00Z");
  EXPECT_EQ(format_instant(zoned_instant(d("2026-11-01"), 480, "America/Los_Angeles")),
            "2026-11-01T16:00:00Z");
}

TEST(LocalTimeTest, LordHoweHasAHalfHourShift) {
  // Standard +10:30 in winter, daylight +11:00 in summer.
  EXPECT_EQ(local_minute_of_day(t("2026-07-01T00:00:00Z"), "Australia/Lord_Howe"), 10 * 60 + 30);
  EXPECT_EQ(local_minute_of_day(t("2026-12-01T00:00:00Z"), "Australia/Lord_Howe"), 11 * 60);
}

TEST(LocalTimeTest, LocalDateCrossesTheDateLine) {
  Instant noon_utc = t("2026-11-24T12:00:00Z");
  EXPECT_EQ(local_date(noon_utc, "Pacific/Kiritimati"), d("2026-11-25"));
  EXPECT_EQ(local_date(noon_utc, "Pacific/Pago_Pago"), d("2026-11-24"));
  EXPECT_EQ(local_date(noon_utc, ""), d("2026-11-24"));
}

}  // namespace
}  // namespace nextcall
