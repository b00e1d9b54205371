// `nextcall user`: adding users who can sign in, setting passwords from standard input,
// issuing API tokens — checked against the store the server reads.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "cli/cli_test_util.h"
#include "store/store.h"

namespace nextcall::testing {
namespace {

class UserCliTest : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args, const std::string& in = "") {
    return run_on(db_, std::move(args), in);
  }
  TempDir dir_;
  std::string db_ = dir_.file("t.db");
};

TEST_F(UserCliTest, AddedUsersSignInWithThePasswordFromStandardInput) {
  RunResult add = run({"user", "add", "lee@team.example", "--name", "Lee Park", "--role", "manager",
                       "--timezone", "America/Chicago", "--password-stdin"},
                      "correct horse battery\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto store = open_store(db_);
  ASSERT_TRUE(store.ok());
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto ok = sign_in(**store, "lee@team.example", "correct horse battery", now, std::chrono::hours(1));
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->actor.rep.role, UserRole::kManager);
  EXPECT_FALSE(sign_in(**store, "lee@team.example", "wrong", now, std::chrono::hours(1)).ok());

  // A new password signs the user out everywhere.
  RunResult passwd = run({"user", "passwd", "lee@team.example"}, "a different secret\n");
  ASSERT_EQ(passwd.exit_code, 0) << passwd.err;
  EXPECT_FALSE(resume_session(**store, ok->session_token, now).ok());
  EXPECT_TRUE(sign_in(**store, "lee@team.example", "a different secret", now, std::chrono::hours(1)).ok());

  auto list = nlohmann::json::parse(run({"user", "list", "--format", "json"}).out);
  bool found = false;
  for (const auto& u : list) found = found || u["email"] == "lee@team.example";
  EXPECT_TRUE(found);
}

TEST_F(UserCliTest, BadInputIsRefusedWithTheFieldNamed) {
  RunResult short_pw = run({"user", "add", "a@b.example", "--password-stdin"}, "short\n");
  EXPECT_NE(short_pw.exit_code, 0);
  EXPECT_NE(short_pw.err.find("password"), std::string::npos) << short_pw.err;
  RunResult role = run({"user", "add", "a@b.example", "--role", "boss"});
  EXPECT_NE(role.exit_code, 0);
  EXPECT_NE(role.err.find("role"), std::string::npos) << role.err;
  ASSERT_EQ(run({"user", "add", "a@b.example"}).exit_code, 0);
  RunResult again = run({"user", "add", "A@b.example"});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
  EXPECT_NE(run({"user", "passwd", "nobody@b.example"}, "long enough one\n").exit_code, 0);
}

TEST_F(UserCliTest, TokensAreShownOnceAndWork) {
  ASSERT_EQ(run({"user", "add", "bot@team.example"}).exit_code, 0);
  RunResult t = run({"user", "token", "bot@team.example", "--name", "nightly export"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  std::string secret = t.out.substr(0, t.out.find('\n'));
  EXPECT_EQ(secret.rfind("nct_", 0), 0u) << secret;
  auto store = open_store(db_);
  ASSERT_TRUE(store.ok());
  auto actor = authenticate_token(**store, secret);
  ASSERT_TRUE(actor.ok()) << actor.status().message();
  EXPECT_EQ(actor->rep.email, "bot@team.example");
  // Only the hash is stored.
  auto tokens = (*store)->list_api_tokens(actor->workspace.id, actor->rep.id);
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_NE((*tokens)[0].token_hash, secret);
  EXPECT_EQ((*tokens)[0].token_hash, secret_hash(secret));
}

}  // namespace
}  // namespace nextcall::testing
