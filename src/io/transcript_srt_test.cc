#include "io/transcript_srt.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(TranscriptSrtTest, SpeakerPrefixAndTimings) {
  auto r = parse_transcript_srt("1\r\n00:00:01,000 --> 00:00:02,500\r\nRep: Hi Pat.\r\n\r\n"
                                "2\n00:00:03,000 --> 00:00:05,000\nProspect: Hello.\nBusy.\n\n"
                                "3\n00:00:05,000 --> 00:00:06,000\nStill busy.\n",
                                "c.srt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->turns.size(), 2u);
  EXPECT_EQ(r->turns[1].speaker, "Prospect");
  EXPECT_EQ(r->turns[1].text, "Hello. Busy. Still busy.");
  EXPECT_DOUBLE_EQ(*r->turns[1].end, 6);
}

TEST(TranscriptSrtTest, Errors) {
  EXPECT_EQ(parse_transcript_srt("1\nhello\n", "a.srt").status().message(),
            "a.srt:2: expected a cue timing 'HH:MM:SS,mmm --> HH:MM:SS,mmm'");
  EXPECT_EQ(parse_transcript_srt("1\n00:00:01,000 --> 00:00:02,000\nhello\n", "b.srt").status().message(),
            "b.srt:3: cue without a speaker; start the text with 'Speaker:'");
  EXPECT_EQ(parse_transcript_srt("", "c.srt").status().message(),
            "c.srt:1: empty SRT transcript: no cue found");
}

}  // namespace
}  // namespace nextcall
