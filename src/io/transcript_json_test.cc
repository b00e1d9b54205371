#include "io/transcript_json.h"

#include <gtest/gtest.h>

namespace nextcall {
namespace {

TEST(TranscriptJsonTest, ArrayOfTurns) {
  auto r = parse_transcript_json(R"([{"speaker":"Rep","start":0,"end":2.5,"text":"Hi"},
                                     {"speaker":"Pat","start":"00:00:03","text":"Hello"}])",
                                 "c.json");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->turns.size(), 2u);
  EXPECT_DOUBLE_EQ(*r->turns[0].end, 2.5);
  EXPECT_DOUBLE_EQ(*r->turns[1].start, 3);
  EXPECT_FALSE(r->turns[1].end.has_value());
}

TEST(TranscriptJsonTest, Errors) {
  EXPECT_EQ(parse_transcript_json("[{\"speaker\": }]", "a.json").status().message(),
            "a.json:1:14: malformed JSON; expected [{\"speaker\", \"start\", \"end\", \"text\"}]");
  EXPECT_EQ(parse_transcript_json(R"([{"text":"hi"}])", "b.json").status().message(),
            "b.json: turn 1: field 'speaker' must be a non-empty string");
  EXPECT_EQ(parse_transcript_json(R"([{"speaker":"A","text":"hi","start":true}])", "c.json").status().message(),
            "c.json: turn 1: field 'start' must be seconds (a number) or 'HH:MM:SS'");
  EXPECT_EQ(parse_transcript_json("[6e1111111111111111111111111111]", "e.json").status().message(),
            "e.json: a number is too large; times are seconds or 'HH:MM:SS'");
  EXPECT_EQ(parse_transcript_json("[]", "d.json").status().message(),
            "d.json: empty transcript: no turn in the array");
}

}  // namespace
}  // namespace nextcall
