// The framework's own behaviour: help, usage errors, global options, the example command.
#include <gtest/gtest.h>

#include <algorithm>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

TEST(CliFrameworkTest, HelpListsEveryCommand) {
  RunResult r = run_nextcall({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("workspace"), std::string::npos);
  EXPECT_NE(r.out.find("--db"), std::string::npos);
}

TEST(CliFrameworkTest, UnknownCommandIsAUsageErrorOnOneLine) {
  RunResult r = run_nextcall({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find("nextcall: error:"), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(CliFrameworkTest, WorkspaceAddThenListAsJson) {
  TempDir dir;
  std::string db = dir.file("t.db");
  RunResult add = run_on(db, {"workspace", "add", "Acme Sales", "--region", "GB"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  RunResult list = run_on(db, {"workspace", "list", "--format", "json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("\"name\": \"Acme Sales\""), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("\"default_region\": \"GB\""), std::string::npos) << list.out;
}

// The program runs on mimalloc when it was built with it (see src/cli/allocator.h): the
// team plan's speed depends on it.
TEST(CliFrameworkTest, VersionNamesTheAllocatorInUse) {
  RunResult r = run_nextcall({"--db", ":memory:", "version"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("nextcall 0.1.0 (sqlite schema ", 0), 0u) << r.out;
#ifdef NEXTCALL_HAVE_MIMALLOC
  EXPECT_NE(r.out.find("\nallocator: mimalloc "), std::string::npos) << r.out;
  // Freed memory kept 5 s (cli::tune_allocator); the page size found by a probe, unless the
  // environment says otherwise.
  EXPECT_NE(r.out.find(" pages, freed memory kept 5000 ms\n"), std::string::npos) << r.out;
  RunResult small = run_nextcall({"--db", ":memory:", "version"}, "", {{"MIMALLOC_LARGE_OS_PAGES", "0"}});
  ASSERT_EQ(small.exit_code, 0) << small.err;
  EXPECT_NE(small.out.find(", 4 KiB pages, freed memory kept 5000 ms\n"), std::string::npos) << small.out;
  RunResult other =
      run_nextcall({"--db", ":memory:", "version"}, "",
                   {{"MIMALLOC_LARGE_OS_PAGES", "1"}, {"MIMALLOC_DECOMMIT_DELAY", "25"}});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_NE(other.out.find(", 2 MiB pages, freed memory kept 25 ms\n"), std::string::npos)
      << other.out;
#else
  EXPECT_NE(r.out.find("\nallocator: system\n"), std::string::npos) << r.out;
#endif
}

TEST(CliFrameworkTest, BadNowIsRejected) {
  RunResult r = run_nextcall({"version"}, "", {{"NEXTCALL_NOW", "yesterday-ish"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NEXTCALL_NOW"), std::string::npos);
}

}  // namespace
}  // namespace nextcall::testing
