#include "app/plan_team_day.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "app/demo_workspace.h"
#include "app/plan_day.h"
#include "core/civil_time.h"

namespace nextcall {
namespace {

// Each rep's sheet from the team pass equals that rep planned alone.
void ExpectEachSheetPlannedAlone(Store& store, const Workspace& ws, Instant now,
                                 const std::vector<CallSheet>& sheets, std::optional<Date> day = std::nullopt) {
  auto users = *store.list_users(ws.id);
  ASSERT_EQ(sheets.size(), users.size());
  long planned = 0;
  for (std::size_t r = 0; r < users.size(); ++r) {
    auto alone = plan_day(store, Actor{ws, users[r]}, day, now);
    ASSERT_TRUE(alone.ok());
    const CallSheet& team = sheets[r];
    EXPECT_EQ(team.rep_id, users[r].id);
    EXPECT_EQ(team.day, alone->day);
    ASSERT_EQ(team.calls.size(), alone->calls.size()) << users[r].name;
    for (std::size_t k = 0; k < team.calls.size(); ++k) {
      EXPECT_EQ(team.calls[k].contact_id, alone->calls[k].contact_id);
      EXPECT_EQ(team.calls[k].reason.sentence, alone->calls[k].reason.sentence);
      EXPECT_EQ(team.calls[k].opener, alone->calls[k].opener);
      EXPECT_EQ(team.calls[k].close.rung, alone->calls[k].close.rung);
      EXPECT_EQ(team.calls[k].voicemail.text, alone->calls[k].voicemail.text);
      EXPECT_EQ(team.calls[k].phone_display, alone->calls[k].phone_display);
      EXPECT_EQ(team.calls[k].company, alone->calls[k].company);
      EXPECT_EQ(team.calls[k].priority, alone->calls[k].priority);
    }
    ASSERT_EQ(team.overflow.size(), alone->overflow.size());
    for (std::size_t k = 0; k < team.overflow.size(); ++k)
      EXPECT_EQ(team.overflow[k].contact_id, alone->overflow[k].contact_id);
    ASSERT_EQ(team.needs_reason.size(), alone->needs_reason.size());
    for (std::size_t k = 0; k < team.needs_reason.size(); ++k)
      EXPECT_EQ(team.needs_reason[k].contact_id, alone->needs_reason[k].contact_id);
    ASSERT_EQ(team.snoozed.size(), alone->snoozed.size());
    for (std::size_t k = 0; k < team.snoozed.size(); ++k)
      EXPECT_EQ(team.snoozed[k].contact_id, alone->snoozed[k].contact_id);
    ASSERT_EQ(team.skipped.size(), alone->skipped.size());
    for (std::size_t k = 0; k < team.skipped.size(); ++k) {
      EXPECT_EQ(team.skipped[k].contact_id, alone->skipped[k].contact_id);
      EXPECT_EQ(team.skipped[k].why, alone->skipped[k].why);
    }
    for (std::size_t k = 0; k < team.calls.size(); ++k) {
      EXPECT_EQ(team.calls[k].due_because, alone->calls[k].due_because);
      EXPECT_EQ(team.calls[k].slot, alone->calls[k].slot);
    }
    planned += static_cast<long>(team.calls.size());
  }
  EXPECT_GT(planned, 0);
}

Workspace BuildDemo(Store& store, Instant now, int contacts) {
  DemoOptions o;
  o.contacts = contacts;
  auto demo = build_demo(store, o, now);
  EXPECT_TRUE(demo.ok()) << demo.status().message();
  return *store.get_workspace(demo->workspace_id);
}

// The team pass plans each rep's day exactly as planning that rep alone does.
TEST(PlanTeamDayTest, EachRepsSheetIsTheSheetPlannedAlone) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store.ok());
  Instant now = *parse_instant("2026-11-24T13:00:00Z");
  Workspace ws = BuildDemo(**store, now, 150);
  ASSERT_GE(store.value()->list_users(ws.id)->size(), 2u);
  for (int threads : {1, 2, 3}) {  // alone, with the side thread, and one more to plan
    auto sheets = plan_team_day(**store, ws, std::nullopt, now, threads);
    ASSERT_TRUE(sheets.ok()) << sheets.status().message();
    ExpectEachSheetPlannedAlone(**store, ws, now, *sheets);
  }
}

// Half of the workspace read on a second connection gives the same sheets.
TEST(PlanTeamDayTest, ASecondConnectionReadsTheSameWorkspace) {
  std::string path = ::testing::TempDir() + "nextcall_team_reader.db";
  std::remove(path.c_str());
  auto store = open_store(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Instant now = *parse_instant("2026-11-24T13:00:00Z");
  Workspace ws = BuildDemo(**store, now, 150);
  for (int threads : {2, 3}) {
    int opened = 0;
    auto sheets = plan_team_day(**store, ws, std::nullopt, now, threads, [&] {
      ++opened;
      return open_store(path);
    });
    ASSERT_TRUE(sheets.ok()) << sheets.status().message();
    EXPECT_EQ(opened, 1);
    ExpectEachSheetPlannedAlone(**store, ws, now, *sheets);
  }

  // A reader that cannot open fails the plan with its error; nothing is half planned.
  auto failed = plan_team_day(**store, ws, std::nullopt, now, 2,
                              [] { return Result<std::unique_ptr<Store>>(Status::Io("reader: no such file")); });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().message(), "reader: no such file");
  store->reset();
  std::remove(path.c_str());
  std::remove((path + "-wal").c_str());
  std::remove((path + "-shm").c_str());
}

// The team plan reads only the contacts that may be due; a rep planned alone reads all of
// the rep's. Over a month of days, with snoozes and a change on the recall list, the two
// give the same sheets — and the narrowing does leave contacts out.
TEST(PlanTeamDayTest, ReadingOnlyWhoMayBeDueGivesTheSameSheetsDayAfterDay) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store.ok());
  Store& st = **store;
  Instant now = *parse_instant("2026-11-24T13:00:00Z");
  Workspace ws = BuildDemo(st, now, 240);
  auto contacts = *st.list_contacts(ws.id, {});
  for (std::size_t k = 0; k < contacts.size(); k += 17) {
    Contact c = contacts[k];
    c.snoozed_until = Date{std::chrono::year{2026} / 12 / 3};
    c.snooze_reason = "back from leave";
    ASSERT_TRUE(st.update_contact(c).ok());
  }
  DueWindow today;
  today.first_day = today.last_day = Date{std::chrono::year{2026} / 11 / 24};
  today.calendar_from = now - std::chrono::days{1};
  auto narrowed = st.contacts_that_may_be_due(ws.id, today);
  ASSERT_TRUE(narrowed.ok());
  ASSERT_TRUE(narrowed->has_value());
  EXPECT_LT((*narrowed)->size(), contacts.size());
  EXPECT_GT((*narrowed)->size(), 0u);

  auto check_days = [&](const char* label) {
    for (int ahead : {0, 1, 2, 5, 9, 16, 30}) {
      Date day = Date{std::chrono::year{2026} / 11 / 24} + std::chrono::days{ahead};
      SCOPED_TRACE(std::string(label) + ", " + format_date(day));
      auto sheets = plan_team_day(st, ws, day, now, 2);
      ASSERT_TRUE(sheets.ok()) << sheets.status().message();
      ExpectEachSheetPlannedAlone(st, ws, now, *sheets, day);
    }
  };
  check_days("no change");
  // A change that answers a common objection puts whoever has not talked since on the recall list.
  Change ch;
  ch.workspace_id = ws.id;
  ch.kind = ChangeKind::kNewPolicy;
  ch.title = "Net-60 terms for accounts in good standing";
  ch.resolves = {{"credit_terms", ""}};
  ch.created_at = now - std::chrono::hours{30};
  ch.effective_on = Date{std::chrono::year{2026} / 11 / 26};
  ASSERT_TRUE(st.add_change(ch).ok());
  check_days("with a change");
  auto wider = st.contacts_that_may_be_due(ws.id, [&] {
    DueWindow w = today;
    w.change_cutoff = ch.created_at;
    return w;
  }());
  ASSERT_TRUE(wider.ok());
  EXPECT_GT((*wider)->size(), (*narrowed)->size());
}

}  // namespace
}  // namespace nextcall
