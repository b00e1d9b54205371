#include "core/change_condition.h"

#include <gtest/gtest.h>

#include "core/recall.h"

namespace nextcall {
namespace {

TEST(ChangeConditionTest, ComparisonsOnTheRecordedAmount) {
  auto ge = *parse_amount_condition(">=50");
  EXPECT_TRUE(satisfies(ge, 50));
  EXPECT_TRUE(satisfies(ge, 80));
  EXPECT_FALSE(satisfies(ge, 49));
  EXPECT_FALSE(satisfies(ge, std::nullopt));
  EXPECT_TRUE(satisfies(*parse_amount_condition("<=50"), 10));
  EXPECT_FALSE(satisfies(*parse_amount_condition("<50"), 50));
  EXPECT_TRUE(satisfies(*parse_amount_condition(">50"), 50.5));
  EXPECT_TRUE(satisfies(*parse_amount_condition("=5"), 5));
  auto range = *parse_amount_condition("10..100");
  EXPECT_TRUE(satisfies(range, 10));
  EXPECT_TRUE(satisfies(range, 100));
  EXPECT_FALSE(satisfies(range, 101));
  EXPECT_EQ(describe(range), "from 10 to 100");
}

TEST(ChangeConditionTest, NoConditionResolvesAnyAmountEvenNone) {
  auto any = *parse_amount_condition("");
  EXPECT_TRUE(satisfies(any, std::nullopt));
  EXPECT_TRUE(satisfies(any, 3));
}

TEST(ChangeConditionTest, ErrorsNameTheColumn) {
  EXPECT_EQ(parse_amount_condition(">=fifty").status().message(),
            "condition '>=fifty', column 3: expected a number (write >=50, <=50, >50, <50, =50 or 10..100)");
  EXPECT_EQ(parse_amount_condition("10..5").status().message(),
            "condition '10..5', column 5: the upper number is below the lower one (write >=50, <=50, >50, <50, =50 or 10..100)");
  EXPECT_FALSE(parse_amount_condition("about 50").ok());
  EXPECT_FALSE(parse_amount_condition(">=50 units").ok());
}

TEST(RecallTest, ResolvesOnlyOpenObjectionsThatMeetTheCondition) {
  Change ch;
  ch.id = 1;
  ch.title = "We dropped our minimum order to 50 units";
  ch.resolves = {{"min_order_size", ">=50"}};
  Contact c;
  c.id = 7;
  Objection needs60{1, 0, 7, "min_order_size", "", 60.0, ObjectionStatus::kOpen, {}, {}};
  Objection needs20{2, 0, 7, "min_order_size", "", 20.0, ObjectionStatus::kOpen, {}, {}};
  Objection answered{3, 0, 7, "min_order_size", "", 60.0, ObjectionStatus::kAnswered, {}, {}};
  std::vector<Objection> yes = {needs60}, no = {needs20}, done = {answered};
  ChangeFit fit = change_fit(ch, c, yes, "");
  ASSERT_TRUE(fit.fits);
  EXPECT_EQ(fit.objection_id, 1);
  EXPECT_EQ(fit.drafted_reason,
            "you mentioned the minimum order was what stopped you; we dropped our minimum order to 50 units, so "
            "you can start with the quantity that suits you");
  EXPECT_FALSE(change_fit(ch, c, no, "").fits);
  EXPECT_FALSE(change_fit(ch, c, done, "").fits);
}

TEST(RecallTest, ServesTheHotButtonAndHonoursIndustries) {
  Change ch;
  ch.title = "Same-day rush orders from Chicago";
  ch.serves = {"shorter lead times"};
  ch.industries = {"manufacturing"};
  Contact c;
  c.hot_button = "shorter lead times on rush orders";
  EXPECT_TRUE(change_fit(ch, c, {}, "Manufacturing").serves_hot_button);
  EXPECT_FALSE(change_fit(ch, c, {}, "hospitality").fits);
  c.hot_button = "predictable monthly spend";
  EXPECT_FALSE(change_fit(ch, c, {}, "manufacturing").fits);
}

}  // namespace
}  // namespace nextcall
