#include "core/voicemail_script.h"

#include <gtest/gtest.h>

#include <string>

#include "core/call_scripts.h"

namespace nextcall {
namespace {

// The typical case: a ten-word benefit, a ten-word purpose.
constexpr const char* kTypicalBenefit = "our new 30-day terms let you order as you sell";
constexpr const char* kTypicalBenefitSaid = "Our new 30-day terms let you order as you sell.";
// Forty words, a whole benefit that no framing fits into fifteen seconds.
constexpr const char* kLongBenefit =
    "we can take over your reorder process, watch your stock every night, place the orders "
    "before anything runs low, send one invoice a month, and move your standing "
    "order up or down each week without you having to call us";
constexpr const char* kShortBenefit = "we cut freight costs";

VoicemailInput typical() {
  VoicemailInput in;
  in.first_name = "Dana";
  in.rep_name = "Sam Lee";
  in.company = "Northwind Supply";
  in.benefits = {kTypicalBenefit};
  in.purpose = "show you how the new terms work for your orders";
  in.slot_text = "Tuesday, December 8 at 10 a.m.";
  in.callback_display = "(312) 555-0100";
  return in;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

TEST(VoicemailTest, TypicalMessageFitsFifteenSecondsAndSaysEveryPartVerbatim) {
  VoicemailInput in = typical();
  ASSERT_EQ(in.max_seconds, 15);
  ASSERT_EQ(in.words_per_minute, 150);
  VoicemailScript v = build_voicemail(in);
  EXPECT_LE(v.seconds, 15) << v.text;
  EXPECT_EQ(v.budget_seconds, 15);
  for (const char* part : {"Dana", "Sam Lee", "Northwind Supply", kTypicalBenefitSaid,
                           "to show you how the new terms work for your orders",
                           "Tuesday, December 8 at 10 a.m.", "(312) 555-0100"})
    EXPECT_TRUE(contains(v.text, part)) << part << " missing from: " << v.text;
  EXPECT_EQ(v.text,
            "Dana, Sam Lee, Northwind Supply. Our new 30-day terms let you order as you sell. "
            "How's Tuesday, December 8 at 10 a.m. to show you how the new terms work for your "
            "orders? Or call (312) 555-0100.");
  EXPECT_EQ(v.words, 37);
  EXPECT_EQ(v.seconds, 15);
}

TEST(VoicemailTest, NamesTheContactTheRepsFullNameAndTheCompanyFirst) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  VoicemailScript v = build_voicemail(in);
  EXPECT_TRUE(v.text.starts_with("Hi Dana, it's Sam Lee from Northwind Supply. ")) << v.text;
}

TEST(VoicemailTest, WithTimeToSpareSaysTheSeedsOwnWordsAndNothingMore) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  EXPECT_EQ(build_voicemail(in).text,
            "Hi Dana, it's Sam Lee from Northwind Supply. Our new 30-day terms let you order as "
            "you sell. I've been trying to set up a time to show you how the new terms work for "
            "your orders; if Tuesday, December 8 at 10 a.m. won't work for you, please call me at "
            "(312) 555-0100.");
}

TEST(VoicemailTest, ShortensTheFramingOneStepAtATimeKeepingEveryPart) {
  VoicemailInput in = typical();
  struct Step {
    int max_seconds;
    int words;
    const char* text;
  };
  const Step steps[] = {
      {22, 54,
       "Hi Dana, it's Sam Lee from Northwind Supply. Our new 30-day terms let you order as you "
       "sell. I've been trying to set up a time to show you how the new terms work for your "
       "orders; if Tuesday, December 8 at 10 a.m. won't work for you, please call me at (312) "
       "555-0100."},
      {21, 47,
       "Hi Dana, it's Sam Lee from Northwind Supply. Our new 30-day terms let you order as you "
       "sell. Could we talk Tuesday, December 8 at 10 a.m. to show you how the new terms work for "
       "your orders? If that won't work, call me at (312) 555-0100."},
      {18, 41,
       "Hi Dana, Sam Lee, Northwind Supply. Our new 30-day terms let you order as you sell. Could "
       "we talk Tuesday, December 8 at 10 a.m. to show you how the new terms work for your "
       "orders? If not, call (312) 555-0100."},
      {16, 38,
       "Hi Dana, Sam Lee, Northwind Supply. Our new 30-day terms let you order as you sell. How's "
       "Tuesday, December 8 at 10 a.m. to show you how the new terms work for your orders? Or "
       "call (312) 555-0100."},
      {15, 37,
       "Dana, Sam Lee, Northwind Supply. Our new 30-day terms let you order as you sell. How's "
       "Tuesday, December 8 at 10 a.m. to show you how the new terms work for your orders? Or "
       "call (312) 555-0100."},
  };
  for (const Step& s : steps) {
    in.max_seconds = s.max_seconds;
    VoicemailScript v = build_voicemail(in);
    EXPECT_EQ(v.text, s.text) << "max_seconds " << s.max_seconds;
    EXPECT_EQ(v.words, s.words) << v.text;
    EXPECT_LE(v.seconds, s.max_seconds) << v.text;
  }
}

TEST(VoicemailTest, NamesTheReferrerRightAfterWhoIsCalling) {
  VoicemailInput in = typical();
  in.referrer = "John Doe";
  in.max_seconds = 60;
  EXPECT_TRUE(build_voicemail(in).text.starts_with(
      "Hi Dana, it's Sam Lee from Northwind Supply. John Doe asked me to call you. Our new "))
      << build_voicemail(in).text;
  // In the fewest words the referrer is still named.
  in.max_seconds = 15;
  VoicemailScript v = build_voicemail(in);
  EXPECT_TRUE(v.text.starts_with(
      "Dana, Sam Lee, Northwind Supply. John Doe referred me. Our new 30-day terms "))
      << v.text;
}

TEST(VoicemailTest, SkipsABenefitTooLongToFitForTheNextRatherThanCuttingIt) {
  ASSERT_EQ(count_words(kLongBenefit), 40);
  VoicemailInput in = typical();
  in.benefits = {kLongBenefit, kTypicalBenefit};
  VoicemailScript v = build_voicemail(in);
  EXPECT_LE(v.seconds, 15) << v.text;
  EXPECT_TRUE(contains(v.text, kTypicalBenefitSaid)) << v.text;
  EXPECT_FALSE(contains(v.text, "We can take over")) << v.text;
  EXPECT_FALSE(contains(v.text, "reorder")) << v.text;
}

TEST(VoicemailTest, SaysTheBestBenefitInFewerWordsBeforeAWeakerOneInMore) {
  VoicemailInput in = typical();
  // "We cut freight costs" would fit in the third framing; the better benefit fits in the last.
  in.benefits = {kTypicalBenefit, kShortBenefit};
  VoicemailScript v = build_voicemail(in);
  EXPECT_LE(v.seconds, 15) << v.text;
  EXPECT_TRUE(contains(v.text, kTypicalBenefitSaid)) << v.text;
  EXPECT_FALSE(contains(v.text, "freight")) << v.text;
  // With time for the full framing, the best benefit is said in it.
  in.benefits = {kLongBenefit, kTypicalBenefit, kShortBenefit};
  in.max_seconds = 22;  // the seed's own words with the ten-word benefit: 54 words, 22 s
  v = build_voicemail(in);
  EXPECT_TRUE(v.text.starts_with("Hi Dana, it's Sam Lee from Northwind Supply. " +
                                 std::string(kTypicalBenefitSaid) +
                                 " I've been trying to set up a time to "))
      << v.text;
}

TEST(VoicemailTest, ATightBudgetFallsToAShorterFramingWithWholeBenefitsOnly) {
  VoicemailInput in = typical();
  in.benefits = {kLongBenefit, kTypicalBenefit, kShortBenefit};
  in.purpose = "";
  in.max_seconds = 10;
  VoicemailScript v = build_voicemail(in);
  EXPECT_LE(v.seconds, 10) << v.text;
  EXPECT_FALSE(contains(v.text, "it's Sam Lee from")) << v.text;  // not the full framing
  for (const char* part : {"Sam Lee", "Northwind Supply", "Tuesday, December 8 at 10 a.m.",
                           "(312) 555-0100", "We cut freight costs."})
    EXPECT_TRUE(contains(v.text, part)) << part << " missing from: " << v.text;
  // No beginning of a benefit that was not said whole.
  EXPECT_FALSE(contains(v.text, "We can take")) << v.text;
  EXPECT_FALSE(contains(v.text, "Our new")) << v.text;
  EXPECT_EQ(v.text,
            "Hi Dana, Sam Lee, Northwind Supply. We cut freight costs. How's Tuesday, December 8 "
            "at 10 a.m. to meet with you? Or call (312) 555-0100.");
}

TEST(VoicemailTest, WhenNothingFitsSaysTheShortestFramingWithTheShortestBenefit) {
  VoicemailInput in = typical();
  in.benefits = {kTypicalBenefit, kLongBenefit, kShortBenefit};
  in.referrer = "John Doe";
  in.max_seconds = 5;
  VoicemailScript v = build_voicemail(in);
  EXPECT_EQ(v.text,
            "Dana, Sam Lee, Northwind Supply. John Doe referred me. We cut freight costs. How's "
            "Tuesday, December 8 at 10 a.m. to show you how the new terms work for your orders? Or "
            "call (312) 555-0100.");
  EXPECT_EQ(v.budget_seconds, 5);
  EXPECT_GT(v.seconds, v.budget_seconds);  // says by how much it runs over
}

TEST(VoicemailTest, EverySentenceEndsWithAPeriodOrQuestionMark) {
  VoicemailInput in = typical();
  in.company = "Acme Inc.";  // already ends its sentence
  in.referrer = "John Doe";
  in.benefits = {kLongBenefit, "I have the pricing for 100 units you asked about.", kShortBenefit};
  for (int max_seconds = 1; max_seconds <= 40; ++max_seconds) {
    in.max_seconds = max_seconds;
    std::string text = build_voicemail(in).text;
    SCOPED_TRACE(text);
    ASSERT_FALSE(text.empty());
    EXPECT_TRUE(text.back() == '.' || text.back() == '?');
    EXPECT_TRUE(ends_with(text, "(312) 555-0100."));  // nothing after the number
    for (const char* doubled : {"..", "?.", ".?", " .", " ?", ",.", ";.", "  "})
      EXPECT_FALSE(contains(text, doubled)) << doubled;
    // Each sentence this builder writes is closed before the next one starts.
    EXPECT_TRUE(contains(text, "Acme Inc. John Doe "));
    EXPECT_TRUE(contains(text, "John Doe asked me to call you. ") ||
                contains(text, "John Doe suggested I call. ") ||
                contains(text, "John Doe referred me. "));
    EXPECT_TRUE(contains(text, "without you having to call us. ") ||
                contains(text, "I have the pricing for 100 units you asked about. ") ||
                contains(text, "We cut freight costs. "));
    EXPECT_TRUE(contains(text, "your orders; if ") || contains(text, "your orders? "));
  }
}

TEST(VoicemailTest, CapitalisesOnlyTheFirstLetterOfABenefitAndEndsItWithOnePeriod) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  in.benefits = {"our new ERP link puts your orders in SAP."};
  EXPECT_TRUE(contains(build_voicemail(in).text, " Our new ERP link puts your orders in SAP. "));
  in.benefits = {"I have the pricing for 100 units you asked about"};
  EXPECT_TRUE(
      contains(build_voicemail(in).text, " I have the pricing for 100 units you asked about. "));
  in.benefits = {"  we can ship from Gary on Saturdays . "};
  EXPECT_TRUE(contains(build_voicemail(in).text, " We can ship from Gary on Saturdays. "));
}

TEST(VoicemailTest, SkipsEmptyBenefitsAndWithNoneSaysTheDefault) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  in.benefits = {"", "   ", ".", kShortBenefit};
  EXPECT_TRUE(contains(build_voicemail(in).text, "Northwind Supply. We cut freight costs. I've"))
      << build_voicemail(in).text;
  in.benefits = {};
  EXPECT_TRUE(contains(build_voicemail(in).text, " I have an idea worth a short call. "));
  in.benefits = {"", " . "};
  EXPECT_TRUE(contains(build_voicemail(in).text, " I have an idea worth a short call. "));
}

TEST(VoicemailTest, WithoutAPurposeTheTimeIsToMeetWithYou) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  in.purpose = "";
  VoicemailScript v = build_voicemail(in);
  EXPECT_TRUE(contains(v.text, "I've been trying to set up a time to meet with you; if Tuesday, "))
      << v.text;
  EXPECT_EQ(v.purpose, "meet with you");
}

TEST(VoicemailTest, APurposeWrittenWithToOrAPeriodIsSaidOnce) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  in.purpose = "to go through the cost study together.";
  VoicemailScript v = build_voicemail(in);
  EXPECT_TRUE(contains(v.text, "a time to go through the cost study together; if ")) << v.text;
  EXPECT_EQ(v.purpose, "go through the cost study together");
}

TEST(VoicemailTest, WithoutACompanyOnlyTheRepIsNamed) {
  VoicemailInput in = typical();
  in.company = "";
  in.max_seconds = 60;
  EXPECT_TRUE(build_voicemail(in).text.starts_with("Hi Dana, it's Sam Lee. Our new "));
  in.max_seconds = 15;
  EXPECT_TRUE(build_voicemail(in).text.starts_with("Hi Dana, Sam Lee. Our new "));
}

TEST(VoicemailTest, SecondsAreTheWordsAtTheSpeakingRateRoundedUp) {
  VoicemailInput in = typical();
  in.max_seconds = 60;
  in.words_per_minute = 100;
  VoicemailScript v = build_voicemail(in);
  EXPECT_EQ(v.words, count_words(v.text));
  EXPECT_EQ(v.words, 54);
  EXPECT_EQ(v.seconds, 33);  // 54 * 60 / 100 = 32.4
  in.words_per_minute = 120;
  EXPECT_EQ(build_voicemail(in).seconds, 27);  // 54 * 60 / 120 = 27 exactly: not rounded up
  in.words_per_minute = 150;
  in.max_seconds = 15;
  v = build_voicemail(in);
  EXPECT_EQ(v.words, 37);
  EXPECT_EQ(v.seconds, 15);  // 14.8
}

TEST(VoicemailTest, FillsTheScriptAndLeavesTheSlotsInstantAndHoldToTheCaller) {
  VoicemailInput in = typical();
  in.max_seconds = 12;
  VoicemailScript v = build_voicemail(in);
  EXPECT_EQ(v.budget_seconds, 12);
  EXPECT_EQ(v.slot_text, "Tuesday, December 8 at 10 a.m.");
  EXPECT_EQ(v.purpose, "show you how the new terms work for your orders");
  EXPECT_EQ(v.words, count_words(v.text));
  EXPECT_EQ(v.proposed_slot, Instant{});
  EXPECT_TRUE(v.slot_why.empty());
  EXPECT_FALSE(v.held_appointment_id.has_value());
}

}  // namespace
}  // namespace nextcall
