// The reason library, changes and recall lists, and a brainstorm round with several reps.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

class ReasonCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(run({"demo", "--contacts", "150"}).exit_code, 0); }
  RunResult run(std::vector<std::string> args) { return run_on(db_, std::move(args)); }
  nlohmann::json json(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  TempDir dir_;
  std::string db_ = dir_.file("t.db");
};

TEST_F(ReasonCliTest, ValueCheckRefusesTouchBaseUnlessForced) {
  RunResult r = run({"reason", "add", "I just wanted to touch base"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("weak wording: \"touch base\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--force"), std::string::npos);
  RunResult about_us = run({"reason", "add", "we have a great new product line"});
  EXPECT_NE(about_us.err.find("talks about us, not the listener's result"), std::string::npos) << about_us.err;
  auto forced = json({"reason", "add", "we have a great new product line", "--force"});
  EXPECT_TRUE(forced["forced"].get<bool>());
  auto good = json({"reason", "add", "you can now get parts overnight, so a breakdown no longer stops your line",
                    "--category", "new_capability", "--hot-buttons", "shorter lead times on rush orders"});
  EXPECT_FALSE(good["forced"].get<bool>());
  EXPECT_EQ(good["category"], "new_capability");
  EXPECT_EQ(good["problems"].size(), 0u);
}

TEST_F(ReasonCliTest, RetiredReasonsLeaveTheListAndThePlan) {
  auto before = json({"reason", "list"});
  ASSERT_EQ(run({"reason", "retire", "3"}).exit_code, 0);
  auto after = json({"reason", "list"});
  EXPECT_EQ(after.size(), before.size() - 1);
  EXPECT_EQ(json({"reason", "list", "--all"}).size(), before.size());
}

TEST_F(ReasonCliTest, ChangeRecallListsExactlyTheContactsItResolves) {
  auto objections = json({"objection", "list"});
  std::set<long> expected;
  for (const auto& o : objections)
    if (o["code"] == "min_order_size" && o["status"] == "open" && o["amount"].is_number() &&
        o["amount"].get<double>() >= 50)
      expected.insert(o["contact_id"].get<long>());
  auto contacts = json({"contact", "list"});
  for (const auto& c : contacts)
    if (c["do_not_call"].get<bool>()) expected.erase(c["id"].get<long>());
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(run({"change", "add", "--kind", "new_policy", "--title", "We dropped our minimum order to 50 units",
                 "--resolves", "min_order_size:>=50"}).exit_code, 0);
  auto recall = json({"change", "recall", "1"});
  std::set<long> got;
  for (const auto& e : recall) {
    got.insert(e["contact"]["id"].get<long>());
    EXPECT_EQ(e["reason"].get<std::string>().rfind("you mentioned the minimum order was what stopped you", 0), 0u);
  }
  EXPECT_EQ(got, expected);
}

TEST_F(ReasonCliTest, BadConditionIsAnErrorWithTheColumn) {
  RunResult r = run({"change", "add", "--kind", "new_policy", "--title", "x", "--resolves", "min_order_size:>=fifty"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("column 3: expected a number"), std::string::npos) << r.err;
}

TEST_F(ReasonCliTest, ACallConfirmingTheChangeMarksTheObjectionAnswered) {
  ASSERT_EQ(run({"change", "add", "--kind", "new_policy", "--title", "We dropped our minimum order to 50 units",
                 "--resolves", "min_order_size:>=50"}).exit_code, 0);
  auto recall = json({"change", "recall", "1"});
  ASSERT_FALSE(recall.empty());
  std::string id = std::to_string(recall[0]["contact"]["id"].get<long>());
  RunResult log = run({"log", id, "--outcome", "connected", "--close", "review_together", "--confirms-change", "1"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_NE(log.out.find("answered by change #1"), std::string::npos) << log.out;
  auto memory = json({"contact", "show", id});
  bool answered = false;
  for (const auto& o : memory["objections"])
    if (o["answered_by_change_id"] == 1 && o["status"] == "answered") answered = true;
  EXPECT_TRUE(answered);
  EXPECT_EQ(json({"change", "recall", "1"}).size(), recall.size() - 1);
}

TEST_F(ReasonCliTest, BrainstormRoundFromStartToLeaderboardWithSeveralReps) {
  ASSERT_EQ(run({"brainstorm", "start", "Q1 reasons to call"}).exit_code, 0);
  RunResult sam = run({"--rep", "sam@demo.nextcall", "brainstorm", "submit",
                       "you can lock in this year's freight rate before it goes up 12%", "--category", "industry_news"});
  ASSERT_EQ(sam.exit_code, 0) << sam.err;
  RunResult priya = run({"--rep", "priya@demo.nextcall", "brainstorm", "submit",
                         "our new quality team cut shipping errors by 80%, so your line keeps running",
                         "--category", "new_regime"});
  ASSERT_EQ(priya.exit_code, 0) << priya.err;
  RunResult weak = run({"--rep", "priya@demo.nextcall", "brainstorm", "submit", "just checking in"});
  EXPECT_EQ(weak.exit_code, 2);
  // Nobody scores their own.
  EXPECT_EQ(run({"--rep", "sam@demo.nextcall", "brainstorm", "score", "1", "5"}).exit_code, 1);
  for (auto [rep, sub, score] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"maria@demo.nextcall", "1", "5"}, {"priya@demo.nextcall", "1", "4"},
           {"maria@demo.nextcall", "2", "3"}, {"sam@demo.nextcall", "2", "2"}})
    ASSERT_EQ(run({"--rep", rep, "brainstorm", "score", sub, score}).exit_code, 0) << rep;
  EXPECT_EQ(run({"brainstorm", "score", "1", "9"}).exit_code, 2);
  auto board = json({"brainstorm", "board"});
  ASSERT_EQ(board["reasons"].size(), 2u);
  EXPECT_EQ(board["reasons"][0]["author"], "Sam Carter");
  EXPECT_DOUBLE_EQ(board["reasons"][0]["mean"].get<double>(), 4.5);
  EXPECT_TRUE(board["reasons"][0]["accepted"].get<bool>());
  EXPECT_FALSE(board["reasons"][1]["accepted"].get<bool>());
  EXPECT_EQ(board["authors"][0]["author"], "Sam Carter");
  auto before = json({"reason", "list"}).size();
  RunResult close = run({"brainstorm", "close"});
  ASSERT_EQ(close.exit_code, 0) << close.err;
  auto library = json({"reason", "list"});
  ASSERT_EQ(library.size(), before + 1);
  EXPECT_EQ(library.back()["author_name"], "Sam Carter");
  EXPECT_EQ(library.back()["category"], "industry_news");
  // A closed round takes no more submissions.
  EXPECT_NE(run({"brainstorm", "submit", "you can save", "--round", "1"}).exit_code, 0);
}

TEST_F(ReasonCliTest, AnotherWorkspacesRoundIsInvisible) {
  ASSERT_EQ(run({"brainstorm", "start", "Team A round"}).exit_code, 0);
  ASSERT_EQ(run({"demo", "--contacts", "5", "--name", "Other team"}).exit_code, 0);
  RunResult r = run({"--workspace", "Other team", "brainstorm", "board", "--round", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no brainstorm round with id 1"), std::string::npos) << r.err;
}

TEST_F(ReasonCliTest, StatsCountAttemptsConnectsAndAdvances) {
  auto stats = json({"reasons", "stats"});
  long attempts = 0, connects = 0, advances = 0;
  for (auto& [name, c] : stats["by_category"].items()) {
    attempts += c["attempts"].get<long>();
    connects += c["connects"].get<long>();
    advances += c["advances"].get<long>();
  }
  EXPECT_GT(attempts, 0);
  EXPECT_LE(connects, attempts);
  EXPECT_LE(advances, connects + attempts);
  EXPECT_GT(advances, 0);
}

}  // namespace
}  // namespace nextcall::testing
