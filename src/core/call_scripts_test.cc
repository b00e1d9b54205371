#include "core/call_scripts.h"

#include <gtest/gtest.h>

#include "core/close_ladder.h"

namespace nextcall {
namespace {

TEST(PromiseKeptTextTest, APromiseToSendIsKeptByHavingIt) {
  EXPECT_EQ(promise_kept_text("send the pricing for 100 units", ""), "I have the pricing for 100 units I promised you");
  EXPECT_EQ(promise_kept_text("Send them the case study", "uptime"),
            "I have the case study I promised you, and it bears on uptime");
  EXPECT_EQ(promise_kept_text("email over the contract.", ""), "I have the contract I promised you");
  EXPECT_EQ(promise_kept_text("send the revised quote to them", ""), "I have the revised quote I promised you");
}

TEST(PromiseKeptTextTest, AnyOtherPromiseIsSaidAsDoneAndToThem) {
  EXPECT_EQ(promise_kept_text("find a reference customer in their industry", "training new operators quickly"),
            "I've found a reference customer in your industry, as I promised, and it bears on training new "
            "operators quickly");
  EXPECT_EQ(promise_kept_text("to check the delivery date", ""), "I've checked the delivery date, as I promised");
  EXPECT_EQ(promise_kept_text("price the extended warranty", ""), "I've priced the extended warranty, as I promised");
  EXPECT_EQ(promise_kept_text("verify stock levels", ""), "I've verified stock levels, as I promised");
}

TEST(PromiseKeptTextTest, APromiseToCallIsKeptByTheCall) {
  EXPECT_EQ(promise_kept_text("get back to them about the rush order", ""),
            "to get back to you about the rush order, as I promised");
  EXPECT_EQ(promise_kept_text("Call him back with the freight quote", ""),
            "to call you back with the freight quote, as I promised");
}

TEST(SaidToThemTest, ThirdPersonBecomesSecondWholeWordsOnly) {
  EXPECT_EQ(said_to_them("call them when their line is up; they're busy"),
            "call you when your line is up; you're busy");
  EXPECT_EQ(said_to_them("Their theme, the theory"), "Your theme, the theory");
  EXPECT_EQ(said_to_them("call her back about her team's budget; she's out"),
            "call you back about your team's budget; you're out");
  EXPECT_EQ(said_to_them("send her the specs for his plant"), "send you the specs for your plant");
}

TEST(BuildVoicemailTest, AClauseThatLeansOnTheCutPartIsNotTheBenefit) {
  // The clause after ", and" says "it" for the expansion it cut: the hot button is said instead.
  VoicemailScript v = build_voicemail(
      "Wendy", "Maria Alvarez",
      "when I saw the news about your plant expansion you immediately came to mind, and I have an idea "
      "that could keep it on schedule",
      "I have an idea on keeping the new line on schedule", "Friday, November 27 at 10 a.m.", "(312) 555-0142", 25,
      150);
  EXPECT_EQ(v.text.find("keep it on schedule"), std::string::npos) << v.text;
  EXPECT_NE(v.text.find("I have an idea on keeping the new line on schedule."), std::string::npos) << v.text;
  EXPECT_LE(v.words, 25);

  // A clause that stands on its own is still the benefit.
  VoicemailScript ok = build_voicemail(
      "Ann", "Maria Alvarez",
      "the new waste-disposal reporting rules start in January, and we have a way to make the report a "
      "ten-minute job",
      "I have an idea on simpler reporting", "Friday, November 27 at 10 a.m.", "(312) 555-0142", 25, 150);
  EXPECT_NE(ok.text.find("We have a way to make the report a ten-minute job."), std::string::npos) << ok.text;
}

TEST(GatekeeperScriptTest, TheFullNameOnceThenTheFirstName) {
  TargetClose gk;
  gk.rung = "arrange_conversation";
  gk.fallbacks = {"direct_line"};
  auto lines = build_gatekeeper_script("Jamal O'Brien", "", "predictable monthly spend", gk);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "\"I've been playing phone tag with Jamal O'Brien. Could you see if Jamal will speak with me for a few "
            "minutes about predictable monthly spend?\"");
}

TEST(RungWordsTest, DefaultRungsInWordsAndAWorkspacesOwnReadable) {
  EXPECT_EQ(rung_words("referral"), "a referral");
  EXPECT_EQ(rung_words("send_info"), "sending information");
  EXPECT_EQ(rung_words("linkedin"), "a LinkedIn connection");
  EXPECT_EQ(rung_words("site_visit"), "site visit");
}

}  // namespace
}  // namespace nextcall
