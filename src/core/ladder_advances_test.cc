#include "core/ladder_advances.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace nextcall {
namespace {

Attempt call(Id id, Id rep, Id contact, const char* when, Outcome outcome, std::string rung = "",
             std::string ladder = "contact") {
  Attempt a;
  a.id = id;
  a.workspace_id = 1;
  a.rep_id = rep;
  a.contact_id = contact;
  a.at = *parse_instant(when);
  a.outcome = outcome;
  a.rung = std::move(rung);
  a.ladder = std::move(ladder);
  return a;
}

const RepTally* of(const std::vector<RepTally>& t, Id rep) {
  for (const RepTally& r : t)
    if (r.rep_id == rep) return &r;
  return nullptr;
}

class LadderAdvancesTest : public ::testing::Test {
 protected:
  std::vector<RepTally> run() { return tally_reps(history, settings, since, until); }
  Settings settings;
  std::vector<Attempt> history;
  Instant since = *parse_instant("2026-11-23T00:00:00Z");
  Instant until = *parse_instant("2026-11-30T00:00:00Z");
};

TEST_F(LadderAdvancesTest, CountsDialsOutcomesAndRungsPerRepInThePeriod) {
  history = {call(1, 7, 100, "2026-11-24T10:00:00Z", Outcome::kNoAnswer),
             call(2, 7, 100, "2026-11-24T11:00:00Z", Outcome::kVoicemail),
             call(3, 7, 101, "2026-11-24T12:00:00Z", Outcome::kConnected, "meeting"),
             call(4, 8, 102, "2026-11-25T12:00:00Z", Outcome::kConnected, "not_a_rung"),
             call(5, 8, 103, "2026-11-30T09:00:00Z", Outcome::kConnected, "sale")};  // after
  auto t = run();
  ASSERT_EQ(t.size(), 2u);
  const RepTally* a = of(t, 7);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->dials, 3);
  EXPECT_EQ(a->contacts, 2);
  EXPECT_EQ(a->connects, 1);
  EXPECT_EQ(a->voicemails, 1);
  EXPECT_EQ(a->rungs, 1);
  EXPECT_EQ(a->advances, 1);
  const RepTally* b = of(t, 8);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->dials, 1);
  EXPECT_EQ(b->rungs, 0);  // not on the ladder
  EXPECT_EQ(b->advances, 0);
}

TEST_F(LadderAdvancesTest, AnAdvanceIsARungAboveTheContactsPreviousHighest) {
  history = {// contact 100 agreed to a meeting last month (by another rep)
             call(1, 9, 100, "2026-10-20T10:00:00Z", Outcome::kConnected, "meeting"),
             // this week: the same meeting again (no advance), then a sale (advance)
             call(2, 7, 100, "2026-11-24T10:00:00Z", Outcome::kConnected, "meeting"),
             call(3, 7, 100, "2026-11-26T10:00:00Z", Outcome::kConnected, "sale"),
             // contact 101: send_info, then a lower rung (linkedin) is no advance
             call(4, 7, 101, "2026-11-24T10:00:00Z", Outcome::kConnected, "send_info"),
             call(5, 7, 101, "2026-11-25T10:00:00Z", Outcome::kConnected, "linkedin"),
             // contact 102: the gatekeeper ladder is its own: a first rung there is an advance
             call(6, 9, 102, "2026-10-01T10:00:00Z", Outcome::kConnected, "sale"),
             call(7, 8, 102, "2026-11-24T10:00:00Z", Outcome::kGatekeeper, "referral", "gatekeeper")};
  auto t = run();
  const RepTally* a = of(t, 7);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->rungs, 4);
  EXPECT_EQ(a->advances, 2);  // sale for 100, send_info for 101
  const RepTally* b = of(t, 8);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->advances, 1);
  EXPECT_EQ(of(t, 9), nullptr);  // only history
}

TEST_F(LadderAdvancesTest, HistoryInAnyOrderAndCallsWithoutARepCountAsHistoryOnly) {
  history = {call(3, 7, 100, "2026-11-25T10:00:00Z", Outcome::kConnected, "proposal_review"),
             call(1, 0, 100, "2026-11-24T10:00:00Z", Outcome::kConnected, "meeting")};
  history[1].rep_id.reset();
  auto t = run();
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].rep_id, 7);
  EXPECT_EQ(t[0].rungs, 1);
  EXPECT_EQ(t[0].advances, 0);  // a meeting was agreed the day before
}

}  // namespace
}  // namespace nextcall
