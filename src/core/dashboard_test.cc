#include "core/dashboard.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace nextcall {
namespace {

Instant at(const char* iso) { return *parse_instant(iso); }

Contact contact(Id id, std::string zone, Role role = Role::kDecisionMaker) {
  Contact c;
  c.id = id;
  c.workspace_id = 1;
  c.first_name = "C" + std::to_string(id);
  c.timezone = std::move(zone);
  c.role = role;
  return c;
}

Attempt attempt(Id contact_id, const char* when, Outcome outcome = Outcome::kNoAnswer,
                std::string rung = "", std::string ladder = "contact") {
  Attempt a;
  a.workspace_id = 1;
  a.contact_id = contact_id;
  a.at = at(when);
  a.outcome = outcome;
  a.rung = std::move(rung);
  a.ladder = std::move(ladder);
  return a;
}

class DashboardTest : public ::testing::Test {
 protected:
  Dashboard run() {
    return compute_dashboard(attempts, contacts, settings, reasons, since, until);
  }
  long hour_attempts(const Dashboard& d, int h) { return d.reach_by_hour[static_cast<std::size_t>(h)].attempts; }
  long hour_connects(const Dashboard& d, int h) { return d.reach_by_hour[static_cast<std::size_t>(h)].connects; }

  std::vector<Attempt> attempts;
  std::vector<Contact> contacts;
  std::vector<Reason> reasons;
  Settings settings;
  Instant since = at("2026-01-01T00:00:00Z");
  Instant until = at("2027-01-01T00:00:00Z");
};

TEST_F(DashboardTest, EmptyPeriodHasZeroTotalsAndNoRates) {
  Dashboard d = run();
  EXPECT_EQ(d.since, since);
  EXPECT_EQ(d.until, until);
  EXPECT_EQ(d.totals.attempts, 0);
  EXPECT_EQ(d.totals.connects, 0);
  EXPECT_EQ(d.totals.contacts_touched, 0);
  EXPECT_FALSE(d.attempts_per_connect);
  EXPECT_FALSE(d.planning_minutes_per_connect);
  EXPECT_FALSE(d.wasted_planning_minutes_per_connect);
  EXPECT_EQ(d.wasted_planning_minutes, 0);
  EXPECT_EQ(d.planning_minutes_per_attempt, 5);
  for (int h = 0; h < 24; ++h) {
    EXPECT_EQ(d.reach_by_hour[static_cast<std::size_t>(h)].hour, h);
    EXPECT_EQ(hour_attempts(d, h), 0);
    EXPECT_FALSE(d.reach_by_hour[static_cast<std::size_t>(h)].rate);
  }
  ASSERT_EQ(d.contact_funnel.size(), settings.contact_ladder.rungs.size());
  for (const FunnelStep& s : d.contact_funnel) EXPECT_EQ(s.contacts, 0);
  ASSERT_EQ(d.gatekeeper_funnel.size(), settings.gatekeeper_ladder.rungs.size());
  EXPECT_TRUE(d.reasons.empty());
}

TEST_F(DashboardTest, HoursAreTheContactsLocalHours) {
  contacts = {contact(1, "America/New_York"), contact(2, "Europe/Berlin"),
              contact(3, "Asia/Kolkata"), contact(4, "America/Los_Angeles")};
  // 14:05 UTC in January: 09 in New York, 15 in Berlin, 19:35 in Kolkata, 06 in Los Angeles.
  attempts = {attempt(1, "2026-01-15T14:05:00Z", Outcome::kConnected),
              attempt(2, "2026-01-15T14:05:00Z"), attempt(3, "2026-01-15T14:05:00Z"),
              attempt(4, "2026-01-15T14:05:00Z", Outcome::kConnected)};
  Dashboard d = run();
  EXPECT_EQ(hour_attempts(d, 9), 1);
  EXPECT_EQ(hour_connects(d, 9), 1);
  EXPECT_EQ(hour_attempts(d, 15), 1);
  EXPECT_EQ(hour_attempts(d, 19), 1);
  EXPECT_EQ(hour_attempts(d, 6), 1);
  EXPECT_EQ(hour_connects(d, 6), 1);
  EXPECT_EQ(hour_attempts(d, 14), 0);  // nobody is at 14:00 local
  EXPECT_DOUBLE_EQ(*d.reach_by_hour[9].rate, 1.0);
  EXPECT_DOUBLE_EQ(*d.reach_by_hour[15].rate, 0.0);
  EXPECT_FALSE(d.reach_by_hour[14].rate);
}

TEST_F(DashboardTest, DaylightSavingTimeMovesTheSameUtcHour) {
  contacts = {contact(1, "America/New_York"), contact(2, "Europe/Berlin")};
  attempts = {
      attempt(1, "2026-01-15T14:00:00Z"),  // EST: 09
      attempt(1, "2026-07-15T14:00:00Z"),  // EDT: 10
      attempt(2, "2026-01-15T07:30:00Z"),  // CET: 08
      attempt(2, "2026-07-15T07:30:00Z"),  // CEST: 09
  };
  Dashboard d = run();
  EXPECT_EQ(hour_attempts(d, 8), 1);
  EXPECT_EQ(hour_attempts(d, 9), 2);
  EXPECT_EQ(hour_attempts(d, 10), 1);
  EXPECT_EQ(hour_attempts(d, 14), 0);
}

TEST_F(DashboardTest, TransitionDaysBucketByTheClockOnTheWall) {
  contacts = {contact(1, "America/New_York")};
  attempts = {
      // Spring forward, 8 March 2026: 01:30 EST, then 03:30 EDT an hour later.
      attempt(1, "2026-03-08T06:30:00Z"),
      attempt(1, "2026-03-08T07:30:00Z"),
      // Fall back, 1 November 2026: 01:30 EDT, then 01:30 EST an hour later.
      attempt(1, "2026-11-01T05:30:00Z"),
      attempt(1, "2026-11-01T06:30:00Z"),
  };
  Dashboard d = run();
  EXPECT_EQ(hour_attempts(d, 1), 3);
  EXPECT_EQ(hour_attempts(d, 2), 0);  // the hour that did not exist
  EXPECT_EQ(hour_attempts(d, 3), 1);
}

TEST_F(DashboardTest, UnknownZonesCountUnderTheUtcHour) {
  contacts = {contact(1, ""), contact(2, "Mars/Olympus_Mons")};
  attempts = {attempt(1, "2026-05-04T13:10:00Z"), attempt(2, "2026-05-04T13:59:59Z"),
              attempt(99, "2026-05-04T23:00:00Z")};  // contact not supplied at all
  Dashboard d = run();
  EXPECT_EQ(hour_attempts(d, 13), 2);
  EXPECT_EQ(hour_attempts(d, 23), 1);
  EXPECT_EQ(d.totals.contacts_touched, 3);
}

TEST_F(DashboardTest, OnlyAttemptsInsideTheHalfOpenPeriodCount) {
  contacts = {contact(1, "UTC")};
  since = at("2026-03-01T00:00:00Z");
  until = at("2026-04-01T00:00:00Z");
  attempts = {attempt(1, "2026-02-28T23:59:59Z", Outcome::kConnected),
              attempt(1, "2026-03-01T00:00:00Z", Outcome::kConnected),
              attempt(1, "2026-03-31T23:59:59Z"),
              attempt(1, "2026-04-01T00:00:00Z", Outcome::kConnected)};
  Dashboard d = run();
  EXPECT_EQ(d.totals.attempts, 2);
  EXPECT_EQ(d.totals.connects, 1);
  EXPECT_EQ(hour_attempts(d, 0), 1);
  EXPECT_EQ(hour_attempts(d, 23), 1);
}

TEST_F(DashboardTest, TotalsCountOutcomesAndDistinctContacts) {
  contacts = {contact(1, "UTC"), contact(2, "UTC"), contact(3, "UTC")};
  attempts = {attempt(1, "2026-05-04T10:00:00Z", Outcome::kVoicemail),
              attempt(1, "2026-05-05T10:00:00Z", Outcome::kVoicemail),
              attempt(1, "2026-05-06T10:00:00Z", Outcome::kConnected),
              attempt(2, "2026-05-04T11:00:00Z", Outcome::kGatekeeper),
              attempt(2, "2026-05-05T11:00:00Z", Outcome::kNoAnswer),
              attempt(3, "2026-05-04T12:00:00Z", Outcome::kWrongNumber)};
  Dashboard d = run();
  EXPECT_EQ(d.totals.attempts, 6);
  EXPECT_EQ(d.totals.connects, 1);
  EXPECT_EQ(d.totals.voicemails, 2);
  EXPECT_EQ(d.totals.gatekeepers, 1);
  EXPECT_EQ(d.totals.contacts_touched, 3);
}

TEST_F(DashboardTest, PlanningArithmeticOfSeed002) {
  // Five attempts per connect at five minutes each: 25 minutes of planning per connect,
  // 20 of them on dials that did not connect.
  contacts = {contact(1, "UTC"), contact(2, "UTC")};
  for (int i = 0; i < 4; ++i) attempts.push_back(attempt(1, "2026-05-04T10:00:00Z"));
  attempts.push_back(attempt(1, "2026-05-04T11:00:00Z", Outcome::kConnected));
  for (int i = 0; i < 4; ++i) attempts.push_back(attempt(2, "2026-05-04T10:00:00Z", Outcome::kVoicemail));
  attempts.push_back(attempt(2, "2026-05-04T11:00:00Z", Outcome::kConnected));
  Dashboard d = run();
  ASSERT_TRUE(d.attempts_per_connect);
  EXPECT_DOUBLE_EQ(*d.attempts_per_connect, 5.0);
  EXPECT_EQ(d.wasted_planning_minutes, 40);
  ASSERT_TRUE(d.planning_minutes_per_connect);
  EXPECT_DOUBLE_EQ(*d.planning_minutes_per_connect, 25.0);
  ASSERT_TRUE(d.wasted_planning_minutes_per_connect);
  EXPECT_DOUBLE_EQ(*d.wasted_planning_minutes_per_connect, 20.0);
  EXPECT_DOUBLE_EQ(*d.reach_by_hour[10].rate, 0.0);
  EXPECT_DOUBLE_EQ(*d.reach_by_hour[11].rate, 1.0);
}

TEST_F(DashboardTest, NoConnectsLeavesPerConnectFiguresEmptyButCountsWaste) {
  settings.planning_minutes_per_attempt = 7;
  contacts = {contact(1, "UTC")};
  attempts = {attempt(1, "2026-05-04T10:00:00Z"), attempt(1, "2026-05-04T10:30:00Z"),
              attempt(1, "2026-05-04T12:00:00Z", Outcome::kVoicemail)};
  Dashboard d = run();
  EXPECT_FALSE(d.attempts_per_connect);
  EXPECT_FALSE(d.planning_minutes_per_connect);
  EXPECT_FALSE(d.wasted_planning_minutes_per_connect);
  EXPECT_EQ(d.wasted_planning_minutes, 21);
  EXPECT_EQ(d.planning_minutes_per_attempt, 7);
  EXPECT_DOUBLE_EQ(*d.reach_by_hour[10].rate, 0.0);
}

TEST_F(DashboardTest, FunnelCountsEachContactOnceAtItsBestRungCumulatively) {
  contacts = {contact(1, "UTC"), contact(2, "UTC"), contact(3, "UTC"), contact(4, "UTC"),
              contact(5, "UTC")};
  attempts = {
      // Contact 1 climbs from send_info to meeting: counted at meeting only.
      attempt(1, "2026-05-04T10:00:00Z", Outcome::kConnected, "send_info"),
      attempt(1, "2026-05-11T10:00:00Z", Outcome::kConnected, "meeting"),
      // Contact 2 agreed to a proposal review, then only to LinkedIn: best is proposal_review.
      attempt(2, "2026-05-04T10:00:00Z", Outcome::kConnected, "proposal_review"),
      attempt(2, "2026-05-11T10:00:00Z", Outcome::kConnected, "linkedin"),
      // Contact 3 bought.
      attempt(3, "2026-05-04T10:00:00Z", Outcome::kConnected, "sale"),
      // Contact 4 said a rung that is not on the ladder; contact 5 closed on nothing.
      attempt(4, "2026-05-04T10:00:00Z", Outcome::kConnected, "lunch_and_learn"),
      attempt(5, "2026-05-04T10:00:00Z", Outcome::kNoAnswer),
  };
  Dashboard d = run();
  std::vector<std::pair<std::string, long>> got;
  for (const FunnelStep& s : d.contact_funnel) got.emplace_back(s.rung, s.contacts);
  std::vector<std::pair<std::string, long>> want = {
      {"sale", 1},     {"meeting", 2},   {"proposal_review", 3}, {"review_together", 3},
      {"referral", 3}, {"send_info", 3}, {"linkedin", 3}};
  EXPECT_EQ(got, want);
  // The sample each share is of: the five contacts called on the contact ladder.
  for (const FunnelStep& s : d.contact_funnel) EXPECT_EQ(s.of, 5);
  for (const FunnelStep& s : d.gatekeeper_funnel) EXPECT_EQ(s.contacts, 0);
  for (const FunnelStep& s : d.gatekeeper_funnel) EXPECT_EQ(s.of, 0);
}

TEST_F(DashboardTest, GatekeeperFunnelIsSeparate) {
  contacts = {contact(1, "UTC"), contact(2, "UTC", Role::kGatekeeper), contact(3, "UTC", Role::kGatekeeper)};
  attempts = {
      attempt(1, "2026-05-04T10:00:00Z", Outcome::kGatekeeper, "direct_line", "gatekeeper"),
      attempt(2, "2026-05-04T10:00:00Z", Outcome::kConnected, "arrange_conversation", "gatekeeper"),
      attempt(2, "2026-05-05T10:00:00Z", Outcome::kConnected, "referral", "gatekeeper"),
      // No ladder recorded: the contact's role decides.
      attempt(3, "2026-05-04T10:00:00Z", Outcome::kConnected, "pass_on_proposal", ""),
      // A contact-ladder rung said on the gatekeeper ladder is not on that ladder.
      attempt(1, "2026-05-06T10:00:00Z", Outcome::kGatekeeper, "meeting", "gatekeeper"),
  };
  Dashboard d = run();
  std::vector<long> got;
  for (const FunnelStep& s : d.gatekeeper_funnel) got.push_back(s.contacts);
  EXPECT_EQ(got, (std::vector<long>{1, 2, 3, 3}));
  EXPECT_EQ(d.gatekeeper_funnel.front().rung, "arrange_conversation");
  for (const FunnelStep& s : d.gatekeeper_funnel) EXPECT_EQ(s.of, 3);
  for (const FunnelStep& s : d.contact_funnel) EXPECT_EQ(s.contacts, 0);
  for (const FunnelStep& s : d.contact_funnel) EXPECT_EQ(s.of, 0);
}

TEST_F(DashboardTest, FunnelFollowsTheWorkspaceLadder) {
  settings.contact_ladder = {"contact", {"order", "demo"}};
  contacts = {contact(1, "UTC"), contact(2, "UTC")};
  attempts = {attempt(1, "2026-05-04T10:00:00Z", Outcome::kConnected, "demo"),
              attempt(2, "2026-05-04T10:00:00Z", Outcome::kConnected, "sale")};
  Dashboard d = run();
  ASSERT_EQ(d.contact_funnel.size(), 2u);
  EXPECT_EQ(d.contact_funnel[0].rung, "order");
  EXPECT_EQ(d.contact_funnel[0].contacts, 0);
  EXPECT_EQ(d.contact_funnel[1].rung, "demo");
  EXPECT_EQ(d.contact_funnel[1].contacts, 1);
}

TEST_F(DashboardTest, ReasonsGroupByLibraryIdElseByTextAndSortByAttempts) {
  Reason news;
  news.id = 7;
  news.text = "the new 10-unit minimum order";
  reasons = {news};
  contacts = {contact(1, "UTC"), contact(2, "UTC")};
  auto with = [](Attempt a, std::optional<Id> id, std::string text) {
    a.reason_id = id;
    a.reason = std::move(text);
    return a;
  };
  attempts = {
      // Library reason 7, said three ways: one group under the library text.
      with(attempt(1, "2026-05-04T10:00:00Z", Outcome::kConnected, "meeting"), 7, "the 10-unit minimum"),
      with(attempt(2, "2026-05-04T10:00:00Z", Outcome::kVoicemail), 7, ""),
      with(attempt(2, "2026-05-05T10:00:00Z", Outcome::kConnected, "bogus_rung"), 7, "minimum order"),
      // A reason id not in the library keeps the text as said.
      with(attempt(1, "2026-05-06T10:00:00Z", Outcome::kConnected, "send_info"), 99, "retired reason"),
      // Free text, twice the same and once other.
      with(attempt(1, "2026-05-07T10:00:00Z", Outcome::kConnected, "referral"), std::nullopt, "saw your post"),
      with(attempt(2, "2026-05-07T10:00:00Z", Outcome::kNoAnswer), std::nullopt, "saw your post"),
      // No reason at all: not in the list.
      attempt(2, "2026-05-08T10:00:00Z", Outcome::kConnected, "sale"),
  };
  Dashboard d = run();
  ASSERT_EQ(d.reasons.size(), 3u);
  const ReasonEffect& r0 = d.reasons[0];
  EXPECT_EQ(r0.reason_id, 7);
  EXPECT_EQ(r0.text, "the new 10-unit minimum order");
  EXPECT_EQ(r0.attempts, 3);
  EXPECT_EQ(r0.connects, 2);
  EXPECT_EQ(r0.advanced, 1);
  EXPECT_DOUBLE_EQ(r0.connect_rate, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r0.advance_rate, 1.0 / 3.0);
  const ReasonEffect& r1 = d.reasons[1];
  EXPECT_FALSE(r1.reason_id);
  EXPECT_EQ(r1.text, "saw your post");
  EXPECT_EQ(r1.attempts, 2);
  EXPECT_EQ(r1.connects, 1);
  EXPECT_EQ(r1.advanced, 1);
  EXPECT_DOUBLE_EQ(r1.connect_rate, 0.5);
  const ReasonEffect& r2 = d.reasons[2];
  EXPECT_EQ(r2.reason_id, 99);
  EXPECT_EQ(r2.text, "retired reason");
  EXPECT_EQ(r2.attempts, 1);
  EXPECT_DOUBLE_EQ(r2.advance_rate, 1.0);
}

TEST_F(DashboardTest, AtMostTwentyReasonsKeepingTheMostUsed) {
  contacts = {contact(1, "UTC")};
  for (int i = 0; i < 25; ++i) {
    for (int k = 0; k <= i; ++k) {
      Attempt a = attempt(1, "2026-05-04T10:00:00Z");
      a.reason = "reason " + std::to_string(i);
      attempts.push_back(a);
    }
  }
  Dashboard d = run();
  ASSERT_EQ(d.reasons.size(), kDashboardMaxReasons);
  EXPECT_EQ(d.reasons.front().text, "reason 24");
  EXPECT_EQ(d.reasons.front().attempts, 25);
  EXPECT_EQ(d.reasons.back().text, "reason 5");
  for (std::size_t i = 1; i < d.reasons.size(); ++i)
    EXPECT_GT(d.reasons[i - 1].attempts, d.reasons[i].attempts);
}

TEST_F(DashboardTest, ReasonTiesBreakByConnectsThenText) {
  contacts = {contact(1, "UTC")};
  auto said = [](Attempt a, std::string text) {
    a.reason = std::move(text);
    return a;
  };
  attempts = {said(attempt(1, "2026-05-04T10:00:00Z"), "b"),
              said(attempt(1, "2026-05-04T10:00:00Z"), "a"),
              said(attempt(1, "2026-05-04T10:00:00Z", Outcome::kConnected), "c")};
  Dashboard d = run();
  ASSERT_EQ(d.reasons.size(), 3u);
  EXPECT_EQ(d.reasons[0].text, "c");
  EXPECT_EQ(d.reasons[1].text, "a");
  EXPECT_EQ(d.reasons[2].text, "b");
}

}  // namespace
}  // namespace nextcall
