#include "app/team_today.h"

#include <gtest/gtest.h>

#include "app/demo_workspace.h"
#include "app/plan_day.h"
#include "core/civil_time.h"
#include "core/close_ladder.h"
#include "core/local_time.h"

namespace nextcall {
namespace {

class TeamTodayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_store(":memory:");
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s.value());
    DemoOptions o;
    o.contacts = 150;
    auto demo = build_demo(*store_, o, now_);
    ASSERT_TRUE(demo.ok()) << demo.status().message();
    ws_ = *store_->get_workspace(demo->workspace_id);
    // The rep with the most calls planned for today.
    const std::vector<User> users = *store_->list_users(ws_.id);
    for (const User& u : users) {
      auto sheet = plan_day(*store_, Actor{ws_, u}, std::nullopt, now_);
      ASSERT_TRUE(sheet.ok()) << sheet.status().message();
      if (sheet->calls.size() > sheet_.calls.size()) {
        rep_ = u;
        sheet_ = *sheet;
      }
    }
    ASSERT_GE(sheet_.calls.size(), 2u);
  }
  const RepDay& day_of(const std::vector<RepDay>& days, Id rep) {
    for (const RepDay& d : days)
      if (d.rep.id == rep) return d;
    ADD_FAILURE() << "no day for rep " << rep;
    return days.front();
  }
  void log(Id contact, Outcome outcome, const std::string& rung, int minutes_ago) {
    Attempt a;
    a.workspace_id = ws_.id;
    a.contact_id = contact;
    a.rep_id = rep_.id;
    a.at = now_ - std::chrono::minutes(minutes_ago);
    a.outcome = outcome;
    a.rung = rung;
    ASSERT_TRUE(store_->add_attempt(a).ok());
  }
  // Whether the contact had agreed to `rung` or higher on the contact ladder before now.
  bool agreed_before(Id contact, const std::string& rung) {
    Filter f;
    f.contact_id = contact;
    Settings settings = *store_->get_settings(ws_.id);
    const std::vector<Attempt> calls = *store_->list_attempts(ws_.id, f);
    for (const Attempt& a : calls) {
      int r = rung_rank(settings.contact_ladder, a.rung);
      if (a.ladder != "gatekeeper" && r >= 0 && r <= rung_rank(settings.contact_ladder, rung)) return true;
    }
    return false;
  }

  Instant now_ = *parse_instant("2026-11-24T16:00:00Z");
  std::unique_ptr<Store> store_;
  Workspace ws_;
  User rep_;
  CallSheet sheet_;
};

TEST_F(TeamTodayTest, EachRepsDayCountsTheCallsAsTheyAreLogged) {
  auto before = team_today(*store_, ws_, now_);
  ASSERT_TRUE(before.ok()) << before.status().message();
  EXPECT_EQ(before->size(), store_->list_users(ws_.id)->size());
  const RepDay b = day_of(*before, rep_.id);
  EXPECT_EQ(b.day, local_date(now_, rep_.timezone.empty() ? "UTC" : rep_.timezone));
  EXPECT_EQ(b.left, static_cast<long>(sheet_.calls.size()));
  EXPECT_EQ(b.planned, b.left + b.tally.contacts);

  const Id first = sheet_.calls[0].contact_id, second = sheet_.calls[1].contact_id;
  ASSERT_FALSE(agreed_before(first, "sale"));
  log(first, Outcome::kConnected, "sale", 30);   // an advance: never agreed to a sale
  log(first, Outcome::kConnected, "sale", 20);   // the same rung again: no advance
  log(second, Outcome::kVoicemail, "", 10);

  auto after = team_today(*store_, ws_, now_);
  ASSERT_TRUE(after.ok()) << after.status().message();
  const RepDay& a = day_of(*after, rep_.id);
  EXPECT_EQ(a.tally.dials, b.tally.dials + 3);
  EXPECT_EQ(a.tally.contacts, b.tally.contacts + 2);
  EXPECT_EQ(a.tally.connects, b.tally.connects + 2);
  EXPECT_EQ(a.tally.voicemails, b.tally.voicemails + 1);
  EXPECT_EQ(a.tally.rungs, b.tally.rungs + 2);
  EXPECT_EQ(a.tally.advances, b.tally.advances + 1);
  // The contacts called are done, not left: the sheet the rep sees after a reload.
  auto sheet = plan_day(*store_, Actor{ws_, rep_}, std::nullopt, now_);
  ASSERT_TRUE(sheet.ok());
  long left = 0;
  for (const Brief& call : sheet->calls) left += call.contact_id != first && call.contact_id != second;
  EXPECT_EQ(a.left, left);
  EXPECT_EQ(a.planned, a.left + a.tally.contacts);
  for (const RepDay& d : *after)
    if (d.rep.id != rep_.id) {
      EXPECT_EQ(d.tally.dials, day_of(*before, d.rep.id).tally.dials);
    }
}

TEST_F(TeamTodayTest, TheWeeksLeaderboardRanksByAdvancesNotDials) {
  auto before = week_leaderboard(*store_, ws_, local_date(now_, "UTC"), "UTC");
  ASSERT_TRUE(before.ok()) << before.status().message();
  EXPECT_EQ(format_date(before->monday), "2026-11-23");
  EXPECT_EQ(before->since, *parse_instant("2026-11-23T00:00:00Z"));
  EXPECT_EQ(before->until, *parse_instant("2026-11-30T00:00:00Z"));
  ASSERT_EQ(before->rows.size(), store_->list_users(ws_.id)->size());

  // The rep dials forty times without agreeing to anything, then moves one contact up.
  const Id first = sheet_.calls[0].contact_id;
  ASSERT_FALSE(agreed_before(first, "sale"));
  for (int i = 0; i < 40; ++i) log(sheet_.calls[1].contact_id, Outcome::kNoAnswer, "", 100 + i);
  auto dialled = week_leaderboard(*store_, ws_, local_date(now_, "UTC") + std::chrono::days{3}, "UTC");
  ASSERT_TRUE(dialled.ok());
  auto row_of = [&](const WeekLeaderboard& board) {
    for (const WeekLeaderRow& r : board.rows)
      if (r.rep.id == rep_.id) return r;
    ADD_FAILURE() << "no row for the rep";
    return WeekLeaderRow{};
  };
  EXPECT_EQ(row_of(*dialled).tally.dials, row_of(*before).tally.dials + 40);
  EXPECT_EQ(row_of(*dialled).tally.advances, row_of(*before).tally.advances);
  for (std::size_t i = 1; i < dialled->rows.size(); ++i)
    EXPECT_LE(dialled->rows[i].tally.advances, dialled->rows[i - 1].tally.advances);
  log(first, Outcome::kConnected, "sale", 5);
  auto after = week_leaderboard(*store_, ws_, local_date(now_, "UTC"), "UTC");
  ASSERT_TRUE(after.ok());
  for (const WeekLeaderRow& r : after->rows) {
    long was = 0;
    for (const WeekLeaderRow& x : dialled->rows)
      if (x.rep.id == r.rep.id) was = x.tally.advances;
    EXPECT_EQ(r.tally.advances, was + (r.rep.id == rep_.id ? 1 : 0)) << r.rep.name;
  }
  // Next week has none of these calls.
  auto next = week_leaderboard(*store_, ws_, local_date(now_, "UTC") + std::chrono::days{7}, "UTC");
  ASSERT_TRUE(next.ok());
  for (const WeekLeaderRow& r : next->rows) EXPECT_EQ(r.tally.dials, 0);
  EXPECT_FALSE(week_leaderboard(*store_, ws_, local_date(now_, "UTC"), "Mars/Olympus").ok());
}

}  // namespace
}  // namespace nextcall
