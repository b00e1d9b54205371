#include <gtest/gtest.h>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

TEST(CoachCommandTest, SeedCallPrintsTheMissedWalkThrough) {
  auto r = run_nextcall({"coach", std::string(NEXTCALL_SOURCE_DIR) + "/tests/coach_corpus/tune/t01_seed002.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[missed_walk_through] at turn 3"), std::string::npos) << r.out;
}

TEST(CoachCommandTest, JsonResolvesCommitmentsAgainstTheClock) {
  // NEXTCALL_NOW is 2026-11-24 (a Tuesday): "by Friday" is 2026-11-27.
  auto r = run_nextcall({"coach", std::string(NEXTCALL_SOURCE_DIR) + "/tests/coach_corpus/tune/t05_new_line_thread.txt",
                         "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"due_on\": \"2026-11-27\""), std::string::npos) << r.out;
}

TEST(CoachCommandTest, ApplyWithoutContactIsRefused) {
  TempDir dir;
  std::string f = dir.write("call.txt", "Rep: hi\nProspect: hello\n");
  auto r = run_nextcall({"coach", f, "--apply"});
  EXPECT_EQ(r.exit_code, 2);  // invalid arguments exit 2
  EXPECT_NE(r.err.find("--apply needs --contact"), std::string::npos) << r.err;
}

TEST(CoachCommandTest, AnIdTooLongForANumberIsNoSuchContact) {
  TempDir dir;
  std::string f = dir.write("call.txt", "Rep: hi\nProspect: hello\n");
  std::string db = dir.path() + "/n.db";
  ASSERT_EQ(run_nextcall({"--db", db, "demo", "--contacts", "10"}).exit_code, 0);
  auto r = run_nextcall({"--db", db, "coach", f, "--contact", "99999999999999999999999", "--apply"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("no contact with id 99999999999999999999999"), std::string::npos) << r.err;
}

// Issue 20, finding 9: a transcript saved as Windows-1252 was an "internal error".
TEST(CoachCommandTest, AWindows1252TranscriptIsReadAsTheRepTypedIt) {
  TempDir dir;
  std::string f = dir.write("call.txt",
                            "Rep: Hi, this is Sam from Acme \x96 have you got a minute?\n"
                            "Prospect: Herr M\xFCller here. We\x92re busy, call me Friday.\n"
                            "Rep: I\x92ll call you Friday at 10.\n");
  auto r = run_nextcall({"coach", f, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("M\xC3\xBCller"), std::string::npos) << r.out;
  auto text = run_nextcall({"coach", f});
  EXPECT_EQ(text.exit_code, 0) << text.err;
}

}  // namespace
}  // namespace nextcall::testing
