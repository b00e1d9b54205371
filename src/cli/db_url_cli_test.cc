// The database URL on the command line: a password in it, in any of its forms, is never
// printed, and `serve` gives up on a database it cannot reach when told not to wait.
#include <gtest/gtest.h>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

// Port 1 on loopback: nothing listens there, so every connection is refused at once.
const char* const kUrls[] = {
    "postgresql://sam:hunter2xyz@127.0.0.1:1/nextcall?connect_timeout=2",
    "postgresql://sam:hunter2xyz@home@127.0.0.1:1/nextcall?connect_timeout=2",
    "postgresql://sam@127.0.0.1:1/nextcall?password=hunter2xyz&connect_timeout=2",
};

TEST(DbUrlCliTest, ACommandThatCannotConnectNeverPrintsThePassword) {
  for (const char* url : kUrls) {
    RunResult r = run_on(url, {"workspace", "list"});
    EXPECT_EQ(r.exit_code, 1) << url << "\n" << r.err;
    EXPECT_NE(r.err.find("nextcall: error:"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("hunter2xyz"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("hunter2xyz"), std::string::npos) << r.out;
  }
}

TEST(DbUrlCliTest, ServeWithoutTimeToWaitGivesUpAtOnceWithoutThePassword) {
  for (const char* url : kUrls) {
    RunResult r = run_on(url, {"serve", "--port", "0", "--db-wait", "0"});
    EXPECT_EQ(r.exit_code, 1) << url << "\n" << r.err;
    EXPECT_NE(r.err.find("--db-wait"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("hunter2xyz"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace nextcall::testing
