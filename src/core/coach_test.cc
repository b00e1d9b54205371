#include "core/coach.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace nextcall {
namespace {

Turn T(std::string speaker, bool rep, std::string text) {
  Turn t;
  t.speaker = std::move(speaker);
  t.is_rep = rep;
  t.text = std::move(text);
  return t;
}

Transcript Call(std::vector<Turn> turns) {
  Transcript t;
  t.format = "text";
  t.turns = std::move(turns);
  return t;
}

const Date kCallDate = *parse_date("2026-11-24");  // a Tuesday

bool Has(const CoachReport& r, const std::string& rule) {
  for (const auto& f : r.findings) if (f.rule == rule) return true;
  return false;
}

TEST(CoachTest, SeedTwoExchangeIsAMissedWalkThrough) {
  auto t = Call({T("Salesperson", true, "I'm following up on our last conversation and the specs I sent you."),
                 T("Prospect", false, "Yeah, things have been crazy. I have your information but I haven\xE2\x80\x99t taken a look at it yet."),
                 T("Salesperson", true, "Oh, OK, well, um, how about I give you a call back in a few days.")});
  auto r = coach_call(t, kCallDate);
  ASSERT_TRUE(Has(r, "missed_walk_through"));
  for (const auto& f : r.findings) {
    if (f.rule != "missed_walk_through") continue;
    EXPECT_EQ(f.turn, 2);
    EXPECT_NE(f.instead.find("go through it together"), std::string::npos);
  }
  EXPECT_TRUE(Has(r, "weak_opener"));
  EXPECT_TRUE(Has(r, "no_reason"));
  EXPECT_TRUE(Has(r, "no_close"));
}

TEST(CoachTest, RepWhoWalksThroughIsNotFlagged) {
  auto t = Call({T("Rep", true, "The reason I'm calling is the maintenance figures in the specs I sent."),
                 T("Prospect", false, "I haven't had a chance to look at them yet."),
                 T("Rep", true, "That's OK. As long as you have it there, why don't you grab it, and let's go through it together?"),
                 T("Prospect", false, "Sure, give me a second.")});
  auto r = coach_call(t, kCallDate);
  EXPECT_FALSE(Has(r, "missed_walk_through"));
  EXPECT_FALSE(Has(r, "no_close"));
  EXPECT_EQ(r.close.rung_agreed, "review_together");
  EXPECT_FALSE(Has(r, "weak_opener"));
  EXPECT_FALSE(Has(r, "no_reason"));
}

TEST(CoachTest, CallbackThenWalkThroughInNextTurnIsNotFlagged) {
  auto t = Call({T("Rep", true, "The reason I'm calling is the new service plan."),
                 T("Contact", false, "Didn't get to it, sorry."),
                 T("Rep", true, "I could call you back next week."),
                 T("Contact", false, "Hmm."),
                 T("Rep", true, "Actually, do you have it handy? Let's go through it now, page 2.")});
  EXPECT_TRUE(check_walk_through(t).empty());
}

TEST(CoachTest, TouchBaseOpenerIsWeak) {
  auto t = Call({T("Rep", true, "Hi Pat, just wanted to touch base with you today."),
                 T("Prospect", false, "OK.")});
  auto f = check_opening(t, {});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "weak_opener");
  EXPECT_EQ(f[0].detail, "phrase: touch base");
  EXPECT_EQ(f[1].rule, "no_reason");
}

TEST(CoachTest, WeakOpenersAreTheLintersRules) {
  // Only the linter's rule (files_and_catch_up) knows this one; the same words a script
  // linted with `nextcall lint` would be flagged for.
  auto t = Call({T("Rep", true, "Hi Pat, I was going through my files and ran across your name."),
                 T("Prospect", false, "OK.")});
  auto f = check_opening(t, {});
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f[0].rule, "weak_opener");
  EXPECT_NE(f[0].detail.find("ran across your name"), std::string::npos) << f[0].detail;
}

TEST(CoachTest, RefusedMeetingNamesTheRung) {
  auto t = Call({T("Rep", true, "The reason I'm calling is our new next-day delivery."),
                 T("Prospect", false, "Interesting."),
                 T("Rep", true, "Could we meet Thursday to look at your routes?"),
                 T("Prospect", false, "No, not right now.")});
  auto close = analyse_close(t);
  ASSERT_EQ(close.asks.size(), 1u);
  EXPECT_EQ(close.asks[0].rung, "meeting");
  EXPECT_FALSE(close.asks[0].agreed);
  auto f = check_close(t, close);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].detail, "asked: meeting; agreed: no");
}

TEST(CoachTest, GatekeeperDirectLineAgreedIsAClose) {
  auto t = Call({T("Rep", true, "Hi, this is Sam from Acme. Is Dana in?"),
                 T("Receptionist", false, "She's in a meeting. What is this regarding?"),
                 T("Rep", true, "It's about her new line. Could I get her direct line?"),
                 T("Receptionist", false, "Sure, it's extension 204.")});
  auto close = analyse_close(t);
  EXPECT_EQ(close.ladder, "gatekeeper");
  EXPECT_EQ(close.rung_agreed, "direct_line");
}

TEST(CoachTest, LongVoicemailWithoutNumberOrTimeIsFlagged) {
  auto t = Call({T("Rep", true, "Hi Dana, it's Sam from Acme, I was just calling to see how things are going "
                                "over there and whether you had any thoughts on the catalog I mailed to you "
                                "last month, anyway give me a call when you can, thanks, bye.")});
  t.turns.insert(t.turns.begin(), T("Voicemail", false, "You've reached Dana. Please leave a message after the tone."));
  CoachReport r = coach_call(t, kCallDate);
  ASSERT_TRUE(r.voicemail);
  EXPECT_TRUE(Has(r, "voicemail_too_long"));
  EXPECT_TRUE(Has(r, "voicemail_no_benefit"));
  EXPECT_TRUE(Has(r, "voicemail_no_time"));
  EXPECT_TRUE(Has(r, "voicemail_no_number"));
}

TEST(CoachTest, ConversationIsNotAVoicemail) {
  auto t = Call({T("Rep", true, "Hi Dana, call me at 555 201 3344."), T("Prospect", false, "Will do.")});
  EXPECT_FALSE(is_voicemail(t));
}

TEST(CoachTest, GoodVoicemailHasNoFinding) {
  auto t = Call({T("Rep", true, "Dana, Sam at Acme, 555 201 3344. An idea to cut downtime. "
                                "I'll call Thursday at 10 am.")});
  auto r = coach_call(t, kCallDate);
  ASSERT_TRUE(r.voicemail);
  EXPECT_TRUE(r.findings.empty()) << r.findings[0].rule;
}

TEST(CoachTest, TalkFiguresByWordsAndTime) {
  auto t = Call({T("Rep", true, "What do you use today? And why?"),
                 T("Prospect", false, "We use a local shop for all of it."),
                 T("Prospect", false, "They are fine.")});
  auto f = talk_figures(t);
  EXPECT_FALSE(f.by_time);
  EXPECT_EQ(f.rep_questions, 2);
  EXPECT_EQ(f.rep_words, 7);
  EXPECT_EQ(f.contact_words, 12);
  EXPECT_EQ(f.longest_monologue_turn, 1);
  EXPECT_DOUBLE_EQ(f.longest_monologue, 12);
  t.turns[0].start = 0; t.turns[0].end = 30;
  t.turns[1].start = 30; t.turns[1].end = 40;
  t.turns[2].start = 40; t.turns[2].end = 50;
  f = talk_figures(t);
  EXPECT_TRUE(f.by_time);
  EXPECT_DOUBLE_EQ(f.rep_share, 0.6);
  EXPECT_DOUBLE_EQ(f.duration_seconds, 50);
}

}  // namespace
}  // namespace nextcall
