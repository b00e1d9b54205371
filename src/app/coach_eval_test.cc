// Prints the call coach's accuracy on the labelled set (docs/performance.md, "Call coach:
// accuracy") and pins what must hold on the tuning split.
#include "app/coach_eval.h"

#include <gtest/gtest.h>

#include <iostream>

namespace nextcall {
namespace {

const std::string kCorpus = std::string(NEXTCALL_SOURCE_DIR) + "/tests/coach_corpus/";

TEST(CoachEvalTest, TuneSplitCatchesEveryMissedWalkThroughWithoutFalseAlarms) {
  auto r = evaluate_coach(kCorpus + "tune");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::cout << "tune split: " << r->calls << " calls\n" << eval_table(*r);
  for (const auto& m : r->misses) std::cout << "  " << m << "\n";
  EXPECT_GE(r->calls, 24);
  const Tally& w = r->by_kind.at("finding:missed_walk_through");
  EXPECT_EQ(w.fn, 0);
  EXPECT_EQ(w.fp, 0);
}

TEST(CoachEvalTest, HoldoutSplitIsReportedNotTuned) {
  auto r = evaluate_coach(kCorpus + "holdout");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::cout << "holdout split: " << r->calls << " calls\n" << eval_table(*r);
  for (const auto& m : r->misses) std::cout << "  " << m << "\n";
  EXPECT_GE(r->calls, 12);
}

}  // namespace
}  // namespace nextcall
