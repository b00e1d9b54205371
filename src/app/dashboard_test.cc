#include "app/dashboard.h"

#include <gtest/gtest.h>

#include "app/demo_workspace.h"
#include "core/civil_time.h"

namespace nextcall {
namespace {

Instant at(const char* iso) { return *parse_instant(iso); }

class DashboardAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_store(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s.value());
    ws_ = workspace("Alpha");
    other_ws_ = workspace("Beta");
    ann_ = user(ws_, "ann@alpha.example");
    bob_ = user(ws_, "bob@alpha.example");
    Settings settings;
    settings.planning_minutes_per_attempt = 6;
    ASSERT_TRUE(store_->put_settings(ws_, settings).ok());

    ny_ = contact(ws_, "Nora", "America/New_York", ann_, Role::kDecisionMaker);
    berlin_ = contact(ws_, "Bernd", "Europe/Berlin", bob_, Role::kDecisionMaker);
    nozone_ = contact(ws_, "Una", "", ann_, Role::kDecisionMaker);
    screener_ = contact(ws_, "Gail", "America/New_York", ann_, Role::kGatekeeper);
    Reason r;
    r.workspace_id = ws_;
    r.text = "the new 10-unit minimum order";
    r.created_at = at("2026-10-01T00:00:00Z");
    reason_ = *store_->add_reason(r);

    // Ann, November 2026 (New York is on EST, UTC-5; Berlin on CET, UTC+1).
    attempt(ny_, ann_, "2026-11-03T14:10:00Z", Outcome::kVoicemail);                // NY 09
    attempt(ny_, ann_, "2026-11-04T14:20:00Z", Outcome::kConnected, "send_info", reason_);  // NY 09
    attempt(ny_, ann_, "2026-11-10T15:00:00Z", Outcome::kConnected, "meeting", reason_);    // NY 10
    attempt(nozone_, ann_, "2026-11-05T16:30:00Z", Outcome::kNoAnswer, "", std::nullopt,
            "saw your post");                                                       // UTC 16
    attempt(screener_, ann_, "2026-11-06T12:45:00Z", Outcome::kConnected, "direct_line",
            std::nullopt, "", "gatekeeper");                                        // NY 07
    // Bob, same month: calls Berlin, and once Ann's contact.
    attempt(berlin_, bob_, "2026-11-03T08:00:00Z", Outcome::kGatekeeper);            // Berlin 09
    attempt(berlin_, bob_, "2026-11-04T08:30:00Z", Outcome::kConnected, "sale", reason_);  // Berlin 09
    attempt(ny_, bob_, "2026-11-12T21:00:00Z", Outcome::kVoicemail);                 // NY 16
    // Outside the period.
    attempt(ny_, ann_, "2026-10-31T23:59:59Z", Outcome::kConnected, "sale");
    attempt(berlin_, bob_, "2026-12-01T00:00:00Z", Outcome::kConnected, "sale");

    // Another workspace's calls never show.
    Id other_rep = user(other_ws_, "ann@beta.example");
    Id other = contact(other_ws_, "Otto", "Europe/Berlin", other_rep, Role::kDecisionMaker);
    attempt(other, other_rep, "2026-11-03T08:00:00Z", Outcome::kConnected, "sale", std::nullopt,
            "", "contact", other_ws_);
  }

  Id workspace(const std::string& name) {
    Workspace w;
    w.name = name;
    return *store_->create_workspace(w);
  }
  Id user(Id ws, const std::string& email) {
    User u;
    u.workspace_id = ws;
    u.name = email.substr(0, email.find('@'));
    u.email = email;
    u.timezone = "America/Chicago";
    auto id = store_->create_user(u);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
  Id contact(Id ws, const std::string& first, const std::string& zone, Id owner, Role role) {
    Contact c;
    c.workspace_id = ws;
    c.first_name = first;
    c.last_name = "Tester";
    c.timezone = zone;
    c.owner_id = owner;
    c.role = role;
    c.phones = {{"+1415555" + std::to_string(1000 + ++phones_), "work"}};
    c.created_at = c.updated_at = at("2026-10-01T00:00:00Z");
    auto id = store_->create_contact(c);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
  void attempt(Id contact_id, Id rep, const char* when, Outcome outcome, std::string rung = "",
               std::optional<Id> reason_id = std::nullopt, std::string reason = "",
               std::string ladder = "contact", Id ws = 0) {
    Attempt a;
    a.workspace_id = ws ? ws : ws_;
    a.contact_id = contact_id;
    a.rep_id = rep;
    a.at = at(when);
    a.outcome = outcome;
    a.rung = std::move(rung);
    a.ladder = std::move(ladder);
    a.reason_id = reason_id;
    a.reason = std::move(reason);
    auto id = store_->add_attempt(a);
    ASSERT_TRUE(id.ok()) << id.status().message();
  }
  static long hour(const Dashboard& d, int h) { return d.reach_by_hour[static_cast<std::size_t>(h)].attempts; }
  static long connects_at(const Dashboard& d, int h) {
    return d.reach_by_hour[static_cast<std::size_t>(h)].connects;
  }
  static std::vector<long> counts(const std::vector<FunnelStep>& f) {
    std::vector<long> out;
    for (const FunnelStep& s : f) out.push_back(s.contacts);
    return out;
  }

  std::unique_ptr<Store> store_;
  Id ws_ = 0, other_ws_ = 0, ann_ = 0, bob_ = 0;
  Id ny_ = 0, berlin_ = 0, nozone_ = 0, screener_ = 0, reason_ = 0;
  int phones_ = 0;
  Instant since_ = at("2026-11-01T00:00:00Z");
  Instant until_ = at("2026-12-01T00:00:00Z");
};

TEST_F(DashboardAppTest, TeamDashboardCountsEveryRepInThePeriod) {
  auto r = team_dashboard(*store_, ws_, std::nullopt, since_, until_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Dashboard& d = *r;
  EXPECT_FALSE(d.rep_id);
  EXPECT_EQ(d.since, since_);
  EXPECT_EQ(d.until, until_);
  EXPECT_EQ(d.totals.attempts, 8);
  EXPECT_EQ(d.totals.connects, 4);
  EXPECT_EQ(d.totals.voicemails, 2);
  EXPECT_EQ(d.totals.gatekeepers, 1);
  EXPECT_EQ(d.totals.contacts_touched, 4);
  EXPECT_DOUBLE_EQ(*d.attempts_per_connect, 2.0);
  EXPECT_EQ(d.planning_minutes_per_attempt, 6);  // the workspace's setting
  EXPECT_EQ(d.wasted_planning_minutes, 24);
  EXPECT_DOUBLE_EQ(*d.planning_minutes_per_connect, 12.0);
  EXPECT_DOUBLE_EQ(*d.wasted_planning_minutes_per_connect, 6.0);

  EXPECT_EQ(hour(d, 9), 4);  // two in New York, two in Berlin
  EXPECT_EQ(connects_at(d, 9), 2);
  EXPECT_DOUBLE_EQ(*d.reach_by_hour[9].rate, 0.5);
  EXPECT_EQ(hour(d, 10), 1);
  EXPECT_EQ(hour(d, 7), 1);
  EXPECT_EQ(hour(d, 16), 2);  // Una at 16 UTC (no zone) and Nora at 16 in New York
  EXPECT_EQ(connects_at(d, 16), 0);
  EXPECT_EQ(hour(d, 14), 0);
  EXPECT_FALSE(d.reach_by_hour[14].rate);

  // Bernd bought, Nora took a meeting: sale 1, meeting and below 2.
  EXPECT_EQ(counts(d.contact_funnel), (std::vector<long>{1, 2, 2, 2, 2, 2, 2}));
  EXPECT_EQ(counts(d.gatekeeper_funnel), (std::vector<long>{0, 1, 1, 1}));

  ASSERT_EQ(d.reasons.size(), 2u);
  EXPECT_EQ(d.reasons[0].reason_id, reason_);
  EXPECT_EQ(d.reasons[0].text, "the new 10-unit minimum order");
  EXPECT_EQ(d.reasons[0].attempts, 3);
  EXPECT_EQ(d.reasons[0].connects, 3);
  EXPECT_EQ(d.reasons[0].advanced, 3);
  EXPECT_FALSE(d.reasons[1].reason_id);
  EXPECT_EQ(d.reasons[1].text, "saw your post");
  EXPECT_EQ(d.reasons[1].attempts, 1);
  EXPECT_DOUBLE_EQ(d.reasons[1].connect_rate, 0.0);
}

TEST_F(DashboardAppTest, RepDashboardCountsTheRepsOwnCalls) {
  auto ann = team_dashboard(*store_, ws_, ann_, since_, until_);
  ASSERT_TRUE(ann.ok()) << ann.status().message();
  EXPECT_EQ(ann->rep_id, ann_);
  EXPECT_EQ(ann->totals.attempts, 5);
  EXPECT_EQ(ann->totals.connects, 3);
  EXPECT_EQ(ann->totals.contacts_touched, 3);
  EXPECT_EQ(ann->wasted_planning_minutes, 12);
  EXPECT_EQ(hour(*ann, 16), 1);
  EXPECT_EQ(counts(ann->contact_funnel), (std::vector<long>{0, 1, 1, 1, 1, 1, 1}));

  // Bob's call to Ann's contact is his, not hers.
  auto bob = team_dashboard(*store_, ws_, bob_, since_, until_);
  ASSERT_TRUE(bob.ok()) << bob.status().message();
  EXPECT_EQ(bob->totals.attempts, 3);
  EXPECT_EQ(bob->totals.connects, 1);
  EXPECT_EQ(bob->totals.gatekeepers, 1);
  EXPECT_EQ(bob->totals.contacts_touched, 2);
  EXPECT_DOUBLE_EQ(*bob->attempts_per_connect, 3.0);
  EXPECT_DOUBLE_EQ(*bob->planning_minutes_per_connect, 18.0);
  EXPECT_EQ(hour(*bob, 9), 2);
  EXPECT_EQ(hour(*bob, 16), 1);
  EXPECT_EQ(counts(bob->contact_funnel), (std::vector<long>{1, 1, 1, 1, 1, 1, 1}));
}

TEST_F(DashboardAppTest, EmptyPeriodAndErrors) {
  auto empty = team_dashboard(*store_, ws_, std::nullopt, at("2025-01-01T00:00:00Z"),
                              at("2025-02-01T00:00:00Z"));
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  EXPECT_EQ(empty->totals.attempts, 0);
  EXPECT_FALSE(empty->attempts_per_connect);
  EXPECT_TRUE(empty->reasons.empty());

  auto backwards = team_dashboard(*store_, ws_, std::nullopt, until_, since_);
  EXPECT_EQ(backwards.status().code(), Code::kInvalidArgument);
  auto no_ws = team_dashboard(*store_, 9999, std::nullopt, since_, until_);
  EXPECT_EQ(no_ws.status().code(), Code::kNotFound);
  auto foreign_rep = team_dashboard(*store_, other_ws_, ann_, since_, until_);
  EXPECT_EQ(foreign_rep.status().code(), Code::kNotFound);

  auto other = team_dashboard(*store_, other_ws_, std::nullopt, since_, until_);
  ASSERT_TRUE(other.ok()) << other.status().message();
  EXPECT_EQ(other->totals.attempts, 1);
  EXPECT_EQ(other->totals.connects, 1);
}

TEST(DashboardDemoTest, DemoCallsLandOnTheirLocalHoursAndRepsAddUpToTheTeam) {
  auto s = open_store(":memory:");
  ASSERT_TRUE(s.ok()) << s.status().message();
  Store& store = *s.value();
  Instant now = at("2026-11-24T15:00:00Z");
  DemoOptions o;
  o.contacts = 120;  // more contacts than are read one by one
  auto demo = build_demo(store, o, now);
  ASSERT_TRUE(demo.ok()) << demo.status().message();
  Instant since = now - std::chrono::days{60};

  auto team = team_dashboard(store, demo->workspace_id, std::nullopt, since, now);
  ASSERT_TRUE(team.ok()) << team.status().message();
  EXPECT_EQ(team->totals.attempts, demo->attempts);
  EXPECT_GT(team->totals.connects, 0);
  EXPECT_GT(team->totals.contacts_touched, 64);
  // The demo dials at 7:40, 9:30, 10:45, 12:15, 14:20, 16:00 and 17:20 local time.
  long bucketed = 0;
  for (const HourReach& h : team->reach_by_hour) {
    bucketed += h.attempts;
    bool dialled_hour = h.hour == 7 || h.hour == 9 || h.hour == 10 || h.hour == 12 ||
                        h.hour == 14 || h.hour == 16 || h.hour == 17;
    if (!dialled_hour) {
      EXPECT_EQ(h.attempts, 0) << "hour " << h.hour;
    }
  }
  EXPECT_EQ(bucketed, team->totals.attempts);
  // The funnel never grows going up the ladder.
  for (std::size_t i = 1; i < team->contact_funnel.size(); ++i)
    EXPECT_LE(team->contact_funnel[i - 1].contacts, team->contact_funnel[i].contacts);
  EXPECT_LE(team->contact_funnel.back().contacts, team->totals.contacts_touched);

  auto users = store.list_users(demo->workspace_id);
  ASSERT_TRUE(users.ok());
  long by_reps = 0, connects_by_reps = 0;
  for (const User& u : *users) {
    auto mine = team_dashboard(store, demo->workspace_id, u.id, since, now);
    ASSERT_TRUE(mine.ok()) << mine.status().message();
    by_reps += mine->totals.attempts;
    connects_by_reps += mine->totals.connects;
  }
  EXPECT_EQ(by_reps, team->totals.attempts);
  EXPECT_EQ(connects_by_reps, team->totals.connects);
}

}  // namespace
}  // namespace nextcall
