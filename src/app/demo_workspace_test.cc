#include "app/demo_workspace.h"

#include <gtest/gtest.h>

#include <set>

#include "app/auth.h"
#include "core/civil_time.h"

namespace nextcall {
namespace {

// The demo users share a password, not a hash: each hash has a salt of its own, so the
// database does not show who shares a password with whom.
TEST(DemoWorkspaceTest, EachDemoUserHasASaltOfTheirOwn) {
  auto s = open_store(":memory:");
  ASSERT_TRUE(s.ok()) << s.status().message();
  DemoOptions o;
  o.contacts = 10;
  o.password = "nextcall-demo";
  auto demo = build_demo(**s, o, *parse_instant("2026-11-24T15:00:00Z"));
  ASSERT_TRUE(demo.ok()) << demo.status().message();
  auto users = (*s)->list_users(demo->workspace_id);
  ASSERT_TRUE(users.ok()) << users.status().message();
  ASSERT_EQ(users->size(), 3u);
  std::set<std::string> hashes;
  for (const User& u : *users) {
    EXPECT_EQ(u.password_hash.rfind("$argon2id$", 0), 0u) << u.password_hash;
    EXPECT_TRUE(verify_password("nextcall-demo", u.password_hash)) << u.email;
    EXPECT_FALSE(verify_password("another password", u.password_hash)) << u.email;
    hashes.insert(u.password_hash);
  }
  EXPECT_EQ(hashes.size(), 3u);
}

TEST(DemoWorkspaceTest, WithoutAPasswordNoDemoUserCanSignIn) {
  auto s = open_store(":memory:");
  ASSERT_TRUE(s.ok()) << s.status().message();
  DemoOptions o;
  o.contacts = 10;
  auto demo = build_demo(**s, o, *parse_instant("2026-11-24T15:00:00Z"));
  ASSERT_TRUE(demo.ok()) << demo.status().message();
  auto users = (*s)->list_users(demo->workspace_id);
  ASSERT_TRUE(users.ok()) << users.status().message();
  for (const User& u : *users) EXPECT_TRUE(u.password_hash.empty()) << u.email;
}

}  // namespace
}  // namespace nextcall
