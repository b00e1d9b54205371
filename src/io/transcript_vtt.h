// WebVTT transcripts: cues with "HH:MM:SS.mmm --> HH:MM:SS.mmm" timings and the speaker in a
// voice tag ("<v Pat Jones>Hello</v>"); cues without a voice tag fall back to a
// "Speaker: text" prefix, else continue the previous speaker.
#pragma once

#include <string_view>

#include "core/status.h"
#include "core/transcript.h"

namespace nextcall {

// Errors: InvalidArgument "<source>:LINE: ..." (missing WEBVTT header, malformed timing,
// a cue without a speaker before any speaker is known, no cue at all).
Result<Transcript> parse_transcript_vtt(std::string_view data, std::string_view source);

}  // namespace nextcall
