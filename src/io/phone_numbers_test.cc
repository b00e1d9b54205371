#include "io/phone_numbers.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(PhoneNumbersTest, NationalNumberUsesTheDefaultRegion) {
  auto p = parse_phone("(415) 555-2671", "US");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->e164, "+14155552671");
  EXPECT_EQ(p->region, "US");
  EXPECT_EQ(national_of(*p), "(415) 555-2671");
}

TEST(PhoneNumbersTest, InternationalNumberIgnoresTheDefaultRegion) {
  auto p = parse_phone("+44 20 7946 0958", "US");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->e164, "+442079460958");
  EXPECT_EQ(p->region, "GB");
  EXPECT_EQ(format_phone_national(p->e164), "020 7946 0958");
}

TEST(PhoneNumbersTest, DoubleZeroPrefixIsInternational) {
  auto p = parse_phone("0049 30 901820", "US");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->region, "DE");
}

TEST(PhoneNumbersTest, InvalidNumberIsAClearError) {
  auto p = parse_phone("555-12", "US");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "'555-12' is not a valid phone number for region US");
  EXPECT_FALSE(parse_phone("call me", "US").ok());
  EXPECT_FALSE(parse_phone("", "US").ok());
}

}  // namespace
}  // namespace nextcall
