// Black-box tests of `nextcall serve`'s flags: each is checked against its range before
// the server starts, and the error names the flag and the range.
#include <gtest/gtest.h>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

class ServeCliTest : public ::testing::Test {
 protected:
  RunResult serve(std::vector<std::string> args) {
    args.insert(args.begin(), "serve");
    // Never reached: a flag out of range stops the command first. Were one let through, the
    // server could not bind this address (TEST-NET-1, on no machine) and would stop at once.
    args.push_back("--bind");
    args.push_back("192.0.2.1");
    return run_on(dir_.file("t.db"), std::move(args));
  }
  TempDir dir_;
};

TEST_F(ServeCliTest, SessionHoursMustBeAPositiveBoundedNumber) {
  for (const char* bad : {"0", "-3", "8785"}) {
    RunResult r = serve({"--session-hours", bad});
    EXPECT_NE(r.exit_code, 0) << bad;
    EXPECT_NE(r.err.find("--session-hours: " + std::string(bad) + " is out of range; give hours from 1 to 8784"),
              std::string::npos)
        << r.err;
  }
  RunResult text = serve({"--session-hours", "twelve"});
  EXPECT_NE(text.exit_code, 0);
  EXPECT_NE(text.err.find("--session-hours"), std::string::npos) << text.err;
}

TEST_F(ServeCliTest, NetworkLimitsAreCheckedAgainstTheirRanges) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  };
  const Case cases[] = {
      {{"--max-header-bytes", "100"}, "--max-header-bytes: 100 is out of range; give bytes from 8192 to 1048576"},
      {{"--max-header-count", "0"}, "--max-header-count: 0 is out of range; give fields from 10 to 1000"},
      {{"--header-seconds", "0"}, "--header-seconds: 0 is out of range; give seconds from 1 to 300"},
      {{"--body-seconds", "-1"}, "--body-seconds: -1 is out of range; give seconds from 1 to 3600"},
      {{"--max-connections", "100000"}, "--max-connections: 100000 is out of range; give connections from 1 to 4096"},
      {{"--max-connections-per-address", "0"},
       "--max-connections-per-address: 0 is out of range; give connections from 1 to 4096"},
      {{"--max-connections", "10", "--max-connections-per-address", "20"},
       "--max-connections-per-address: 20 is more than --max-connections (10); give at most as many as in all"},
      {{"--cache-seconds", "-5"}, "--cache-seconds: -5 is out of range; give seconds from 0 to 3600"},
  };
  for (const Case& c : cases) {
    RunResult r = serve(c.args);
    EXPECT_NE(r.exit_code, 0) << c.args[0];
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err;
  }
}

TEST_F(ServeCliTest, HelpListsTheNetworkLimitsWithTodaysDefaults) {
  RunResult r = run_nextcall({"serve", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* flag : {"--max-header-bytes INT=65536", "--max-header-count INT=100", "--header-seconds INT=10",
                           "--body-seconds INT=120", "--max-connections INT=256",
                           "--max-connections-per-address INT=32", "--session-hours INT=12"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag << "\n" << r.out;
}

}  // namespace
}  // namespace nextcall::testing
