#include "core/civil_time.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

Date d(const char* s) { return *parse_date(s); }

TEST(CivilTimeTest, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(format_date(d("2026-11-24")), "2026-11-24");
  // Every date of a span round-trips, zero-padded.
  for (Date day = d("1999-12-25"); day <= d("2001-01-10"); day += std::chrono::days{1})
    EXPECT_EQ(parse_date(format_date(day)), day) << format_date(day);
  EXPECT_EQ(format_date(d("0987-01-05")), "0987-01-05");
  EXPECT_EQ(format_date(Date{std::chrono::year{12026} / 3 / 4}), "12026-03-04");
  EXPECT_FALSE(parse_date("2026-02-30"));
  EXPECT_FALSE(parse_date("2026-1-3"));
  EXPECT_FALSE(parse_date(""));
}

TEST(CivilTimeTest, InstantHonoursTheOffset) {
  auto a = parse_instant("2026-11-24T09:05:00-05:00");
  ASSERT_TRUE(a);
  EXPECT_EQ(format_instant(*a), "2026-11-24T14:05:00Z");
  EXPECT_EQ(format_instant(*parse_instant("2026-11-24 14:05")), "2026-11-24T14:05:00Z");
  EXPECT_FALSE(parse_instant("2026-11-24T25:00Z"));
  EXPECT_FALSE(parse_instant("2026-11-24T10:00:00Zjunk"));
}

TEST(CivilTimeTest, RelativeDatesCountFromToday) {
  Date tue = d("2026-11-24");  // a Tuesday
  EXPECT_EQ(*parse_relative_date("tomorrow", tue), d("2026-11-25"));
  EXPECT_EQ(*parse_relative_date("friday", tue), d("2026-11-27"));
  EXPECT_EQ(*parse_relative_date("tuesday", tue), d("2026-12-01"));
  EXPECT_EQ(*parse_relative_date("+2w", tue), d("2026-12-08"));
  EXPECT_EQ(*parse_relative_date("2027-01-05", tue), d("2027-01-05"));
  EXPECT_FALSE(parse_relative_date("someday", tue));
}

TEST(CivilTimeTest, ClockMinutes) {
  EXPECT_EQ(*parse_clock_minutes("7:30"), 450);
  EXPECT_EQ(format_clock_minutes(450), "07:30");
  EXPECT_FALSE(parse_clock_minutes("25:00"));
  EXPECT_FALSE(parse_clock_minutes("7.30"));
}

}  // namespace
}  // namespace nextcall
