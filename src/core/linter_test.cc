#include "core/linter.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

std::unique_ptr<Linter> defaults() {
  auto rules = parse_lint_rules(default_lint_rules_text(), "defaults");
  EXPECT_TRUE(rules.ok()) << rules.status().message();
  auto l = Linter::compile(*rules);
  EXPECT_TRUE(l.ok()) << l.status().message();
  return std::move(l.value());
}

std::vector<std::string> rules_found(const Linter& l, std::string_view text,
                                     TextKind kind = TextKind::kScript) {
  std::vector<std::string> ids;
  for (const auto& f : l.lint(text, kind)) ids.push_back(f.rule);
  return ids;
}

TEST(LinterTest, TouchBaseInAllItsForms) {
  auto l = defaults();
  for (const char* text : {"I wanted to touch base.", "Just touching base with you", "We touched base last week",
                           "TOUCH  BASE", "touch-base call"})
    EXPECT_EQ(rules_found(*l, text), std::vector<std::string>{"touch_base"}) << text;
}

TEST(LinterTest, CheckInFormsFireButTheHotelDoesNot) {
  auto l = defaults();
  for (const char* text : {"I'm just checking in.", "Just checking-in on the order", "I wanted to check in with you"})
    EXPECT_EQ(rules_found(*l, text), std::vector<std::string>{"check_in"}) << text;
  for (const char* text : {"We met at the check-in desk at the hotel.", "I was checking in at the hotel when you called",
                           "we checked in at the hotel", "the base price is fine", "check out the new line",
                           "touchstone"})
    EXPECT_TRUE(rules_found(*l, text).empty()) << text;
}

TEST(LinterTest, EverydayFollowUpsAndDidYouLookAreCaught) {
  auto l = defaults();
  for (const char* text : {"Hi Pat, just wanted to follow up on my last email.", "I'm just circling back on the quote.",
                           "I wanted to reach out and see if you had questions.", "I was in the area today.",
                           "Calling to see if you got my email."})
    EXPECT_EQ(rules_found(*l, text), std::vector<std::string>{"following_up"}) << text;
  EXPECT_EQ(rules_found(*l, "Did you get a chance to look at the brochure?"), std::vector<std::string>{"did_you_look"});
  EXPECT_EQ(rules_found(*l, "Is there anything I can quote for you?"), std::vector<std::string>{"needs_anything"});
  EXPECT_EQ(rules_found(*l, "We are the leading provider of sensors."), std::vector<std::string>{"product_centric"});
  // A promise to follow up with something specific is fine, and a rep's own note may say
  // "circle back" without it being a script.
  for (const char* text : {"I'll follow up by Friday with the revised pricing.", "Follow-up call booked for Tuesday at 10."})
    EXPECT_TRUE(rules_found(*l, text).empty()) << text;
  EXPECT_TRUE(rules_found(*l, "Circle back after their trade show.", TextKind::kNote).empty());
}

TEST(LinterTest, MatchesAcrossLineBreaksAndTypographicApostrophes) {
  auto l = defaults();
  auto f = l->lint("Hello Ann,\nI haven\xE2\x80\x99t spoken to you\n  for a while.", TextKind::kEmail);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "files_and_catch_up");
  EXPECT_EQ(f[0].line, 2);
  EXPECT_EQ(f[0].column, 3);
  EXPECT_EQ(f[0].words, "haven\xE2\x80\x99t spoken to you   for a while");
}

TEST(LinterTest, SeedPhrasesAreAllCaught) {
  auto l = defaults();
  for (const char* text :
       {"Thought I'd give you a courtesy call.", "Wondering if you needed anything?",
        "Is there anything on your desk I can bid on?", "Do you have an order for me?",
        "I was just going through my files and ran across your name",
        "Well, here I am again.", "We have a new product and we think it's great.",
        "I just wanted to see how things are going"})
    EXPECT_FALSE(rules_found(*l, text).empty()) << text;
}

TEST(LinterTest, CallBackFiresOnlyAfterTheyHaveNotDoneIt) {
  auto l = defaults();
  std::string missed =
      "Prospect: I have your information but I haven't taken a look at it yet.\n"
      "Rep: Oh, OK, well, um, how about I give you a call back in a few days.";
  auto ids = rules_found(*l, missed);
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids[0], "call_back_instead_of_walk_through");
  EXPECT_TRUE(rules_found(*l, "Rep: Great talking to you, how about I give you a call back in a few days.").empty());
}

TEST(LinterTest, RulesApplyOnlyToTheirKinds) {
  auto l = defaults();
  std::string text = "They haven't looked at it. I'll call you back in a few days.";
  EXPECT_FALSE(rules_found(*l, text, TextKind::kNote).empty());
  EXPECT_TRUE(rules_found(*l, text, TextKind::kEmail).empty());
}

TEST(LinterTest, VoicemailStructure) {
  auto l = defaults();
  VoicemailBudget b;
  auto good = l->check_voicemail(
      "Hi Ann, it's Sam. You can now order 50 units. If Thursday, June 6 at 10 a.m. doesn't suit, "
      "call 312-555-0142.",
      b);
  EXPECT_TRUE(good.empty()) << good[0].rule;
  auto bad = l->check_voicemail("Hi, it's Sam from Acme, call me back when we can talk about our "
                                "new line of products and our excellent service and everything else "
                                "we have been working on this year.",
                                b);
  std::vector<std::string> ids;
  for (const auto& f : bad) ids.push_back(f.rule);
  EXPECT_EQ(ids, (std::vector<std::string>{"voicemail_too_long", "voicemail_no_benefit", "voicemail_no_time",
                                           "voicemail_no_number"}));
}

TEST(LinterTest, VoicemailTimesAsSpokenAndBenefitsBeyondYou) {
  auto l = defaults();
  VoicemailBudget b;
  auto rules = [&](const std::string& text) {
    std::vector<std::string> ids;
    for (const auto& f : l->check_voicemail(text, b)) ids.push_back(f.rule);
    return ids;
  };
  // "Thursday at 10" is a proposed time; "an idea to cut your downtime" is a benefit.
  EXPECT_TRUE(rules("Hi John, it's Mike. I have an idea to cut your downtime. Thursday at 10? Or call 312-555-0187.")
                  .empty());
  EXPECT_TRUE(rules("Hi John, it's Mike with news on your freight costs. Friday at noon works? Call 312-555-0187.")
                  .empty());
  // A "you" is not a benefit: "call me back when you get a chance" offers nothing.
  EXPECT_EQ(rules("Hi John, it's Mike. Call me back when you get a chance, Monday at 9. 312-555-0187."),
            std::vector<std::string>{"voicemail_no_benefit"});
  // "at the plant" is not a time.
  EXPECT_EQ(rules("Hi John, an idea to cut your scrap at the plant. Call me Monday. 312-555-0187."),
            std::vector<std::string>{"voicemail_no_time"});
}

TEST(LintRulesTest, ParseErrorsNameTheLine) {
  auto r = parse_lint_rules("rule ok\n  phrase x\n  colour blue\n", "team.rules");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "team.rules:3: unknown key 'colour' (use rule, applies, why, instead, phrase, exclude, after)");
  EXPECT_EQ(parse_lint_rules("phrase x\n", "t").status().message(), "t:1: 'phrase' before any 'rule ID' line");
  EXPECT_EQ(parse_lint_rules("rule empty\n", "t").status().message(), "t: rule 'empty' has no phrase");
}

TEST(LintRulesTest, TeamRulesExtendTheDefaults) {
  auto rules = parse_lint_rules(std::string(default_lint_rules_text()) +
                                    "rule no_just\n  why Weak.\n  instead Drop it.\n  phrase I just\n",
                                "team");
  ASSERT_TRUE(rules.ok());
  auto l = Linter::compile(*rules);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(rules_found(**l, "I just wondered"), std::vector<std::string>{"no_just"});
}

TEST(LinterTest, PhrasePatternEscapesAndBoundsWords) {
  EXPECT_EQ(phrase_pattern("touch base"), "\\btouch(?:[\\s\\-]|\\xe2\\x80[\\x90-\\x94])+base\\b");
}

}  // namespace
}  // namespace nextcall
