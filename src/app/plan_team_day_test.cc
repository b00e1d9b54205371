#include "app/plan_team_day.h"

#include <gtest/gtest.h>

#include "app/demo_workspace.h"
#include "app/plan_day.h"
#include "core/civil_time.h"

namespace nextcall {
namespace {

// The team pass plans each rep's day exactly as planning that rep alone does.
TEST(PlanTeamDayTest, EachRepsSheetIsTheSheetPlannedAlone) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store.ok());
  Instant now = *parse_instant("2026-11-24T13:00:00Z");
  DemoOptions o;
  o.contacts = 150;
  auto demo = build_demo(**store, o, now);
  ASSERT_TRUE(demo.ok()) << demo.status().message();
  Workspace ws = *(*store)->get_workspace(demo->workspace_id);
  auto users = *(*store)->list_users(ws.id);
  ASSERT_GE(users.size(), 2u);
  for (int threads : {1, 2}) {
    auto sheets = plan_team_day(**store, ws, std::nullopt, now, threads);
    ASSERT_TRUE(sheets.ok()) << sheets.status().message();
    ASSERT_EQ(sheets->size(), users.size());
    long planned = 0;
    for (std::size_t r = 0; r < users.size(); ++r) {
      auto alone = plan_day(**store, Actor{ws, users[r]}, std::nullopt, now);
      ASSERT_TRUE(alone.ok());
      const CallSheet& team = (*sheets)[r];
      EXPECT_EQ(team.rep_id, users[r].id);
      EXPECT_EQ(team.day, alone->day);
      ASSERT_EQ(team.calls.size(), alone->calls.size()) << users[r].name;
      for (std::size_t k = 0; k < team.calls.size(); ++k) {
        EXPECT_EQ(team.calls[k].contact_id, alone->calls[k].contact_id);
        EXPECT_EQ(team.calls[k].reason.sentence, alone->calls[k].reason.sentence);
        EXPECT_EQ(team.calls[k].voicemail.text, alone->calls[k].voicemail.text);
        EXPECT_EQ(team.calls[k].phone_display, alone->calls[k].phone_display);
        EXPECT_EQ(team.calls[k].company, alone->calls[k].company);
      }
      EXPECT_EQ(team.overflow.size(), alone->overflow.size());
      EXPECT_EQ(team.needs_reason.size(), alone->needs_reason.size());
      EXPECT_EQ(team.snoozed.size(), alone->snoozed.size());
      EXPECT_EQ(team.skipped.size(), alone->skipped.size());
      planned += static_cast<long>(team.calls.size());
    }
    EXPECT_GT(planned, 0);
  }
}

}  // namespace
}  // namespace nextcall
