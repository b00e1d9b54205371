#include "core/coach_memory.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace nextcall {
namespace {

const Date kTuesday = *parse_date("2026-11-24");

Transcript Call(std::vector<std::pair<bool, std::string>> turns) {
  Transcript t;
  for (auto& [rep, text] : turns) {
    Turn turn;
    turn.speaker = rep ? "Rep" : "Prospect";
    turn.is_rep = rep;
    turn.text = text;
    t.turns.push_back(turn);
  }
  return t;
}

TEST(CoachMemoryTest, CommitmentsOnBothSidesResolveAgainstTheCallDate) {
  auto m = extract_memory(Call({{false, "I'll look at the specs by Friday."},
                                {true, "Great. I'll send you the pricing tomorrow."}}),
                          kTuesday);
  ASSERT_EQ(m.commitments.size(), 2u);
  EXPECT_EQ(m.commitments[0].owner, Party::kContact);
  EXPECT_EQ(m.commitments[0].what, "look at the specs");
  EXPECT_EQ(format_date(*m.commitments[0].due_on), "2026-11-27");
  EXPECT_EQ(m.commitments[1].owner, Party::kRep);
  EXPECT_EQ(m.commitments[1].what, "send you the pricing");
  EXPECT_EQ(format_date(*m.commitments[1].due_on), "2026-11-25");
}

TEST(CoachMemoryTest, DuePhrases) {
  std::string text;
  EXPECT_EQ(format_date(*resolve_due("by the end of the week", kTuesday, &text)), "2026-11-27");
  EXPECT_EQ(format_date(*resolve_due("sometime next week", kTuesday, &text)), "2026-11-30");
  EXPECT_EQ(text, "next week");
  EXPECT_EQ(format_date(*resolve_due("by the end of the month", kTuesday, &text)), "2026-11-30");
  EXPECT_EQ(format_date(*resolve_due("in a few days", kTuesday, &text)), "2026-11-27");
  EXPECT_FALSE(resolve_due("at some point", kTuesday, &text).has_value());
}

TEST(CoachMemoryTest, ThreadsHotButtonAndObjections) {
  auto m = extract_memory(
      Call({{false, "We're setting up a new line in March. My son's playoff game is Saturday, so I'm out early."},
            {false, "What we really need is to cut unscheduled maintenance."},
            {false, "Honestly your minimum order is too big for us, and we already have a supplier."}}),
      kTuesday);
  ASSERT_EQ(m.threads.size(), 2u);
  EXPECT_EQ(m.threads[0].kind, ThreadKind::kBusiness);
  EXPECT_EQ(m.threads[0].topic, "setting up a new line in march");
  EXPECT_EQ(m.threads[1].kind, ThreadKind::kPersonal);
  ASSERT_TRUE(m.hot_button.has_value());
  EXPECT_EQ(*m.hot_button, "cut unscheduled maintenance");
  ASSERT_EQ(m.objections.size(), 1u);  // one objection per sentence: the first cue wins
  EXPECT_EQ(m.objections[0].code, "min_order_size");
}

TEST(CoachMemoryTest, RepWordsAreNotObjectionsOrThreads) {
  auto m = extract_memory(Call({{true, "We're launching a new price list, cheaper than your current supplier."}}),
                          kTuesday);
  EXPECT_TRUE(m.threads.empty());
  EXPECT_TRUE(m.objections.empty());
}

}  // namespace
}  // namespace nextcall
