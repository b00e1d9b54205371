#include "io/transcript_format.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(TranscriptFormatTest, DetectsFromContent) {
  EXPECT_EQ(detect_transcript_format("WEBVTT\n\n", "x.txt"), "vtt");
  EXPECT_EQ(detect_transcript_format("1\n00:00:01,000 --> 00:00:02,000\nA: b\n", "x"), "srt");
  EXPECT_EQ(detect_transcript_format(" [ {\"speaker\":\"a\"}]", "x"), "json");
  EXPECT_EQ(detect_transcript_format("[00:00:01] Rep: hi", "x.json"), "text");
  EXPECT_EQ(detect_transcript_format("Rep: hi", "x"), "text");
}

TEST(TranscriptFormatTest, UnknownFormatIsAnError) {
  EXPECT_EQ(parse_transcript("Rep: hi", "x", "docx").status().message(),
            "unknown transcript format 'docx'; use text|vtt|srt|json");
}

}  // namespace
}  // namespace nextcall
