#include "core/thompson.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(ThompsonTest, SameSeedSameChoice) {
  std::vector<Arm> arms = {{10, 3}, {10, 4}, {2, 1}};
  EXPECT_EQ(thompson_pick(arms, 42).index, thompson_pick(arms, 42).index);
  EXPECT_EQ(thompson_pick(arms, 42).samples, thompson_pick(arms, 42).samples);
}

TEST(ThompsonTest, OverManyDrawsThePlainlyBetterReasonWinsMostOften) {
  std::vector<Arm> arms = {{40, 4}, {40, 24}, {40, 8}};
  int wins[3] = {0, 0, 0};
  for (std::uint64_t seed = 1; seed <= 2000; ++seed) ++wins[thompson_pick(arms, seed).index];
  EXPECT_GT(wins[1], 1900);
}

TEST(ThompsonTest, AnUntriedReasonStillGetsTried) {
  std::vector<Arm> arms = {{30, 9}, {0, 0}};
  int untried = 0;
  for (std::uint64_t seed = 1; seed <= 2000; ++seed) untried += thompson_pick(arms, seed).index == 1;
  // P(Beta(1,1) > Beta(10,22)) is about 0.69: the untried one is tried, not always.
  EXPECT_GT(untried, 1200);
  EXPECT_LT(untried, 1600);
}

TEST(ThompsonTest, BetaSamplesHaveTheRightMean) {
  Rng rng(7);
  double sum = 0;
  for (int i = 0; i < 20000; ++i) sum += rng.beta(3, 7);
  EXPECT_NEAR(sum / 20000, 0.3, 0.01);
}

}  // namespace
}  // namespace nextcall
