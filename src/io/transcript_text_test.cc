#include "io/transcript_text.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(TranscriptTextTest, LabelsTimestampsAndContinuationLines) {
  auto r = parse_transcript_text("[00:00:01] Rep: Hi Pat.\n"
                                 "00:00:05 Prospect: Hello.\n"
                                 "  It has been busy.\n\n"
                                 "(0:12) Pat Jones: OK\n",
                                 "call.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->turns.size(), 3u);
  EXPECT_EQ(r->turns[0].speaker, "Rep");
  EXPECT_EQ(*r->turns[0].start, 1);
  EXPECT_EQ(*r->turns[0].end, 5);
  EXPECT_EQ(r->turns[1].text, "Hello. It has been busy.");
  EXPECT_EQ(r->turns[1].line, 2);
  EXPECT_EQ(r->turns[2].speaker, "Pat Jones");
  EXPECT_EQ(*r->turns[2].start, 12);
}

TEST(TranscriptTextTest, SeedStyleQuotedTurnsWithAndWithoutColon) {
  auto r = parse_transcript_text(
      "Salesperson: \xE2\x80\x9CI\xE2\x80\x99m following up.\xE2\x80\x9D\n"
      "Salesperson \xE2\x80\x9COh, OK.\xE2\x80\x9D\n",
      "seed.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->turns.size(), 2u);
  EXPECT_EQ(r->turns[0].text, "I\xE2\x80\x99m following up.");
  EXPECT_EQ(r->turns[1].text, "Oh, OK.");
}

TEST(TranscriptTextTest, TextBeforeAnyLabelIsAnError) {
  auto r = parse_transcript_text("\nThis is just a note, not a call.\nRep: hi\n", "notes.txt");
  EXPECT_EQ(r.status().message(),
            "notes.txt:2: expected a speaker label such as 'Rep:' or 'Prospect:' before the first "
            "words; label each turn as 'Speaker: text'");
}

TEST(TranscriptTextTest, EmptyAndBinaryInputAreErrors) {
  EXPECT_EQ(parse_transcript_text("\n\n", "e.txt").status().message(),
            "e.txt:1: empty transcript: no 'Speaker: text' turn found");
  EXPECT_EQ(parse_transcript_text(std::string_view("Rep: a\nb\0c", 10), "b.bin").status().message(),
            "b.bin:2: binary data (control byte 0); expected a text transcript");
}

TEST(TranscriptTextTest, Timestamps) {
  EXPECT_EQ(*parse_timestamp("01:02:03"), 3723);
  EXPECT_EQ(*parse_timestamp("1:02"), 62);
  EXPECT_DOUBLE_EQ(*parse_timestamp("00:00:01,500"), 1.5);
  EXPECT_FALSE(parse_timestamp("1").has_value());
  EXPECT_FALSE(parse_timestamp("1:2:3:4").has_value());
  EXPECT_FALSE(parse_timestamp("a:b").has_value());
}

}  // namespace
}  // namespace nextcall
