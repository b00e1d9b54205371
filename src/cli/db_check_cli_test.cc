// `nextcall db check` and `db repair` on both stores: a call history that lost calls (as
// concurrent writers without a lock left them) and a miscounted minute are found, named,
// rebuilt from the calls; the per-minute counts come out equal to the calls logged, not
// inflated by what the history had lost.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"
#include "core/call_history.h"
#include "store/store.h"
#include "store/postgres/pg_test_server_test_util.h"

namespace nextcall::testing {
namespace {

long minute_total(Store& store, Id ws) {
  long total = 0;
  auto minutes = store.list_minute_counts(ws);
  for (const MinuteCount& m : *minutes) total += m.attempts;
  return total;
}

void check_and_repair(const std::string& db) {
  ASSERT_EQ(run_on(db, {"demo", "--contacts", "40"}).exit_code, 0);
  RunResult clean = run_on(db, {"db", "check"});
  ASSERT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("all match the calls"), std::string::npos) << clean.out;

  Id ws = 0, damaged = 0;
  long logged = 0;
  {
    auto store = open_store(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ws = (*store)->list_workspaces()->front().id;
    logged = static_cast<long>((*store)->list_attempts(ws, {})->size());
    ASSERT_EQ(minute_total(**store, ws), logged);
    // The history of a contact with several calls loses its latest: what a lost update does.
    auto histories = (*store)->list_call_histories(ws, {});
    ASSERT_TRUE(histories.ok());
    for (const ContactHistory& h : *histories)
      if (h.history.calls >= 3) {
        damaged = h.contact_id;
        Filter f;
        f.contact_id = damaged;
        auto calls = *(*store)->list_attempts(ws, f);
        calls.pop_back();
        auto zone = (*store)->get_contact(ws, damaged)->timezone;
        CallHistory lost = summarize_calls(calls, zone, *(*store)->get_settings(ws));
        ASSERT_TRUE((*store)->put_call_history(ws, damaged, lost).ok());
        break;
      }
    ASSERT_NE(damaged, 0);
    ASSERT_TRUE((*store)->add_minute_counts(ws, {MinuteCount{9 * 60 + 15, 5, 0}}).ok());
  }
  RunResult found = run_on(db, {"db", "check"});
  EXPECT_EQ(found.exit_code, 1) << found.out << found.err;
  EXPECT_NE(found.out.find("contact #" + std::to_string(damaged)), std::string::npos) << found.out;
  EXPECT_NE(found.out.find(": history has "), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("calls at 09:15: "), std::string::npos) << found.out;
  EXPECT_NE(found.out.find("nextcall db repair"), std::string::npos) << found.out;
  // The check changed nothing.
  EXPECT_EQ(run_on(db, {"db", "check"}).out, found.out);

  RunResult repair = run_on(db, {"db", "repair"});
  ASSERT_EQ(repair.exit_code, 0) << repair.out << repair.err;
  EXPECT_NE(repair.out.find("rebuilt from the calls"), std::string::npos) << repair.out;
  RunResult after = run_on(db, {"db", "check", "--format", "json"});
  ASSERT_EQ(after.exit_code, 0) << after.out << after.err;
  EXPECT_TRUE(nlohmann::json::parse(after.out)[0]["differences"].empty()) << after.out;
  auto store = open_store(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(minute_total(**store, ws), logged) << "the minutes count each logged call once";
  Filter f;
  f.contact_id = damaged;
  EXPECT_EQ((*store)->list_call_histories(ws, f)->front().history.calls,
            static_cast<int>((*store)->list_attempts(ws, f)->size()));
}

TEST(DbCheckCliTest, SqliteFindsAndRepairsWhatDriftedFromTheCalls) {
  TempDir dir;
  check_and_repair(dir.file("t.db"));
}

TEST(DbCheckCliTest, PostgresFindsAndRepairsWhatDriftedFromTheCalls) {
  auto url = pgtest::fresh_database_url();
  if (!url.ok()) GTEST_SKIP() << url.status().message();
  check_and_repair(*url);
}

}  // namespace
}  // namespace nextcall::testing
