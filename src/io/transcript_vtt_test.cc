#include "io/transcript_vtt.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(TranscriptVttTest, VoiceTagsAndTimings) {
  auto r = parse_transcript_vtt("WEBVTT\n\nNOTE made by hand\n\n1\n00:00:01.000 --> 00:00:03.500\n"
                                "<v Rep>Hi Pat.</v>\n\n00:00:04.000 --> 00:00:06.000\n"
                                "<v Pat Jones>Hello.\n\n00:00:06.000 --> 00:00:07.000\n"
                                "<v Pat Jones><i>Busy</i> week.\n",
                                "c.vtt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->turns.size(), 2u);
  EXPECT_EQ(r->turns[0].speaker, "Rep");
  EXPECT_DOUBLE_EQ(*r->turns[0].end, 3.5);
  EXPECT_EQ(r->turns[1].text, "Hello. Busy week.");
  EXPECT_DOUBLE_EQ(*r->turns[1].end, 7);
  EXPECT_EQ(r->turns[1].line, 9);
}

TEST(TranscriptVttTest, Errors) {
  EXPECT_EQ(parse_transcript_vtt("Rep: hi\n", "a.vtt").status().message(),
            "a.vtt:1: not a WebVTT file: the first line must be 'WEBVTT'");
  EXPECT_EQ(parse_transcript_vtt("WEBVTT\n\n00:01 --> x\n<v A>hi\n", "b.vtt").status().message(),
            "b.vtt:3: malformed cue timing '00:01 --> x'; expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm'");
  EXPECT_EQ(parse_transcript_vtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n", "c.vtt").status().message(),
            "c.vtt:4: cue without a speaker; use a voice tag '<v Name>'");
  EXPECT_EQ(parse_transcript_vtt("WEBVTT\n", "d.vtt").status().message(),
            "d.vtt:1: empty WebVTT transcript: no cue found");
}

}  // namespace
}  // namespace nextcall
