#include "core/transcript.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

Transcript Two(std::string a, std::string ta, std::string b, std::string tb) {
  Transcript t;
  t.turns = {Turn{a, false, {}, {}, ta, 1}, Turn{b, false, {}, {}, tb, 2}};
  return t;
}

TEST(TranscriptTest, RoleLabelMakesTheRep) {
  auto t = Two("Prospect", "Hello?", "Salesperson", "Hi.");
  ASSERT_TRUE(assign_rep(t, "", {}).ok());
  EXPECT_FALSE(t.turns[0].is_rep);
  EXPECT_TRUE(t.turns[1].is_rep);
}

TEST(TranscriptTest, TheSideThatIntroducesItselfAsCallingIsTheRep) {
  auto t = Two("Pat", "Pat speaking.", "Lee", "Hi Pat, this is Lee from Northwind.");
  ASSERT_TRUE(assign_rep(t, "", {}).ok());
  EXPECT_TRUE(t.turns[1].is_rep);
}

TEST(TranscriptTest, WorkspaceUserNameWinsOverIntroduction) {
  auto t = Two("Pat", "This is Pat from Acme calling.", "Lee", "Hi.");
  ASSERT_TRUE(assign_rep(t, "", {"Lee Smith"}).ok());
  EXPECT_TRUE(t.turns[1].is_rep);
}

TEST(TranscriptTest, GivenRepSpeakerMustExist) {
  auto t = Two("Pat", "a", "Lee", "b");
  Status s = assign_rep(t, "Sam", {});
  EXPECT_EQ(s.message(), "rep speaker 'Sam' does not appear in the transcript; speakers are: Pat, Lee");
  ASSERT_TRUE(assign_rep(t, "pat", {}).ok());
  EXPECT_TRUE(t.turns[0].is_rep);
}

}  // namespace
}  // namespace nextcall
