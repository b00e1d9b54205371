// `nextcall plan` and `nextcall brief` on the demo workspace, through the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

class PlanCliTest : public ::testing::Test {
 protected:
  // The demo is built relative to "now": plan the same morning (06:00 in Chicago).
  const std::map<std::string, std::string> env_ = {{"NEXTCALL_NOW", "2026-11-24T12:00:00Z"}};
  void SetUp() override { ASSERT_EQ(run({"demo"}).exit_code, 0); }
  RunResult run(std::vector<std::string> args) { return run_on(db_, std::move(args), "", env_); }
  TempDir dir_;
  std::string db_ = dir_.file("t.db");
};

TEST_F(PlanCliTest, EveryPlannedCallHasAReasonAnOpenerAndAVoicemailWithinItsTime) {
  RunResult r = run({"plan", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto sheet = nlohmann::json::parse(r.out);
  ASSERT_FALSE(sheet["calls"].empty());
  std::string previous;
  for (const auto& call : sheet["calls"]) {
    EXPECT_EQ(call["reason"]["sentence"].get<std::string>().rfind("The reason I'm calling is ", 0), 0u);
    EXPECT_FALSE(call["opener"]["text"].get<std::string>().empty());
    EXPECT_LE(call["voicemail"]["seconds"].get<int>(), call["voicemail"]["budget_seconds"].get<int>())
        << call["voicemail"]["text"];
    EXPECT_EQ(call["voicemail"]["budget_seconds"].get<int>(), 15);
    EXPECT_FALSE(call["due_because"].empty());
    EXPECT_FALSE(call["close"]["target"].get<std::string>().empty());
    // In order of window start.
    std::string start = call["window"]["start"];
    EXPECT_LE(previous, start);
    previous = start;
  }
}

TEST_F(PlanCliTest, AfterHoursTheEmptySheetSaysHowToPlanTheNextDay) {
  // 21:00 in Chicago: every window of the day has passed.
  const std::map<std::string, std::string> evening = {{"NEXTCALL_NOW", "2026-11-25T03:00:00Z"}};
  RunResult today = run_on(db_, {"plan"}, "", evening);
  ASSERT_EQ(today.exit_code, 0) << today.err;
  EXPECT_NE(today.out.find("2026-11-24"), std::string::npos) << today.out;
  EXPECT_NE(today.out.find(": 0 calls"), std::string::npos) << today.out;
  EXPECT_NE(
      today.out.find(
          "No calls left to plan today. To prepare the next day: nextcall plan --date tomorrow"),
      std::string::npos)
      << today.out;

  RunResult tomorrow = run_on(db_, {"plan", "--date", "tomorrow"}, "", evening);
  ASSERT_EQ(tomorrow.exit_code, 0) << tomorrow.err;
  EXPECT_NE(tomorrow.out.find("2026-11-25"), std::string::npos) << tomorrow.out;
  EXPECT_EQ(tomorrow.out.find(": 0 calls"), std::string::npos) << tomorrow.out;
  EXPECT_EQ(tomorrow.out.find("No calls left"), std::string::npos) << tomorrow.out;
  // A morning sheet with calls has no such line.
  EXPECT_EQ(run({"plan"}).out.find("No calls left"), std::string::npos);
}

TEST_F(PlanCliTest, TeamPlanGivesEveryRepTheirOwnSheet) {
  RunResult r = run({"plan", "--team", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto sheets = nlohmann::json::parse(r.out);
  ASSERT_TRUE(sheets.is_array());
  ASSERT_GE(sheets.size(), 3u);
  for (const char* rep : {"maria@demo.nextcall", "sam@demo.nextcall"}) {
    auto alone = nlohmann::json::parse(run({"--rep", rep, "plan", "--format", "json"}).out);
    bool found = false;
    for (const auto& s : sheets)
      if (s["rep"]["id"] == alone["rep"]["id"]) {
        found = true;
        ASSERT_EQ(s["calls"].size(), alone["calls"].size()) << rep;
        for (std::size_t k = 0; k < s["calls"].size(); ++k)
          EXPECT_EQ(s["calls"][k]["contact_id"], alone["calls"][k]["contact_id"]) << rep;
      }
    EXPECT_TRUE(found) << rep;
  }
  RunResult ics = run({"plan", "--team", "--format", "ics"});
  EXPECT_NE(ics.exit_code, 0);
  EXPECT_NE(ics.err.find("--team writes --format table or json"), std::string::npos) << ics.err;
}

TEST_F(PlanCliTest, DoNotCallContactsAreNeverOnAnyRepsSheet) {
  auto contacts = nlohmann::json::parse(run({"contact", "list", "--format", "json"}).out);
  std::set<long> dnc;
  for (const auto& c : contacts)
    if (c["do_not_call"].get<bool>()) dnc.insert(c["id"].get<long>());
  ASSERT_FALSE(dnc.empty());
  for (const char* rep : {"maria@demo.nextcall", "sam@demo.nextcall", "priya@demo.nextcall"}) {
    auto sheet = nlohmann::json::parse(run({"--rep", rep, "plan", "--format", "json"}).out);
    for (const auto& call : sheet["calls"]) EXPECT_EQ(dnc.count(call["contact_id"].get<long>()), 0u) << rep;
  }
}

TEST_F(PlanCliTest, LoggingTheCallMovesTheTargetUp) {
  auto sheet = nlohmann::json::parse(run({"plan", "--format", "json"}).out);
  ASSERT_FALSE(sheet["calls"].empty());
  const auto& first = sheet["calls"][0];
  std::string id = std::to_string(first["contact_id"].get<long>());
  std::string target = first["close"]["target"];
  ASSERT_EQ(run({"log", id, "--outcome", "connected", "--close", target}).exit_code, 0);
  auto brief = nlohmann::json::parse(run({"brief", id, "--format", "json"}).out);
  EXPECT_EQ(brief["close"]["highest_agreed"], target);
  EXPECT_NE(brief["close"]["target"], target);
}

TEST_F(PlanCliTest, TableHtmlAndIcsViews) {
  RunResult table = run({"plan"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Call sheet for Maria Alvarez, 2026-11-24"), std::string::npos) << table.out;
  RunResult html = run({"plan", "--format", "html"});
  EXPECT_NE(html.out.find("<!doctype html>"), std::string::npos);
  EXPECT_NE(html.out.find("href=\"tel:+"), std::string::npos);
  RunResult ics = run({"plan", "--format", "ics"});
  EXPECT_NE(ics.out.find("BEGIN:VCALENDAR"), std::string::npos);
  EXPECT_NE(ics.out.find("BEGIN:VEVENT"), std::string::npos);
}

TEST_F(PlanCliTest, SnoozedContactIsListedAndNotPlanned) {
  auto sheet = nlohmann::json::parse(run({"plan", "--format", "json"}).out);
  ASSERT_FALSE(sheet["calls"].empty());
  std::string id = std::to_string(sheet["calls"][0]["contact_id"].get<long>());
  ASSERT_EQ(run({"snooze", id, "--until", "+7d", "--why", "on holiday"}).exit_code, 0);
  auto after = nlohmann::json::parse(run({"plan", "--format", "json"}).out);
  for (const auto& call : after["calls"]) EXPECT_NE(std::to_string(call["contact_id"].get<long>()), id);
  bool listed = false;
  for (const auto& s : after["snoozed"]) listed = listed || std::to_string(s["contact_id"].get<long>()) == id;
  EXPECT_TRUE(listed);
}

// "Add to today's calls": a contact of Sam's that the planner would not call today goes on
// his sheet (and the team plan's) at the top, stays there until a call is logged, and
// another rep cannot add it.
TEST_F(PlanCliTest, AContactAddedToTodaysCallsIsPlannedUntilACallIsLogged) {
  const std::string sam = "sam@demo.nextcall";
  auto ids_of = [](const nlohmann::json& sheet) {
    std::set<long> ids;
    for (const char* list : {"calls", "overflow", "skipped", "snoozed", "needs_reason"})
      if (sheet.contains(list))
        for (const auto& c : sheet[list]) ids.insert(c["contact_id"].get<long>());
    return ids;
  };
  auto before = nlohmann::json::parse(run({"--rep", sam, "plan", "--format", "json"}).out);
  std::set<long> planned = ids_of(before);
  auto mine = nlohmann::json::parse(run({"contact", "list", "--owner", sam, "--format", "json"}).out);
  long id = 0, dnc = 0;
  for (const auto& c : mine) {
    if (c["do_not_call"].get<bool>()) {
      dnc = c["id"].get<long>();
      continue;
    }
    if (!id && !c["phones"].empty() && c["snoozed_until"].is_null() && !planned.count(c["id"].get<long>()))
      id = c["id"].get<long>();
  }
  ASSERT_NE(id, 0) << "a contact of Sam's that is not due today";
  ASSERT_NE(dnc, 0) << "a do-not-call contact of Sam's";
  const std::string ref = std::to_string(id);

  RunResult other = run({"--rep", "priya@demo.nextcall", "contact", "queue", ref});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_NE(other.err.find("owned by Sam"), std::string::npos) << other.err;
  RunResult refused = run({"--rep", sam, "contact", "queue", std::to_string(dnc)});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("on the do-not-call list"), std::string::npos) << refused.err;

  RunResult added = run({"--rep", sam, "contact", "queue", ref, "--priority", "top"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("to today's calls"), std::string::npos) << added.out;
  auto on_sheet = [&](const nlohmann::json& sheet) -> const nlohmann::json* {
    for (const auto& c : sheet["calls"])
      if (c["contact_id"].get<long>() == id) return &c;
    return nullptr;
  };
  auto after = nlohmann::json::parse(run({"--rep", sam, "plan", "--format", "json"}).out);
  const nlohmann::json* brief = on_sheet(after);
  ASSERT_TRUE(brief) << "the contact added is on Sam's sheet";
  EXPECT_EQ((*brief)["due_because"][0], "you added them to your calls today, to call first");
  EXPECT_FALSE((*brief)["opener"]["text"].get<std::string>().empty()) << "a brief as for any call";
  auto team = nlohmann::json::parse(run({"plan", "--team", "--format", "json"}).out);
  bool in_team = false;
  for (const auto& s : team)
    if (s["rep"]["id"] == after["rep"]["id"]) in_team = on_sheet(s) != nullptr;
  EXPECT_TRUE(in_team) << "the team plan has it on Sam's sheet too";
  // The next day, not called yet: still there.
  auto tomorrow = nlohmann::json::parse(run({"--rep", sam, "plan", "--date", "2026-11-25", "--format", "json"}).out);
  EXPECT_TRUE(on_sheet(tomorrow)) << "until a call is logged";

  ASSERT_EQ(run({"--rep", sam, "log", ref, "--outcome", "no_answer"}).exit_code, 0);
  auto later = nlohmann::json::parse(run({"--rep", sam, "plan", "--date", "2026-11-25", "--format", "json"}).out);
  if (const nlohmann::json* b = on_sheet(later)) {
    EXPECT_EQ((*b)["due_because"].dump().find("added them"), std::string::npos) << "the call took it off the queue";
  }
  EXPECT_EQ(run({"--rep", sam, "contact", "unqueue", ref}).exit_code, 0) << "taking off what is not on is fine";
}

TEST_F(PlanCliTest, UnknownContactForABriefIsOneLine) {
  RunResult r = run({"brief", "Nobody Atall"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace nextcall::testing
