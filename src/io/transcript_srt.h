// SRT transcripts: numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm" timings, the speaker as a
// "Speaker:" prefix of the cue text (a cue without one continues the previous speaker).
#pragma once

#include <string_view>

#include "core/status.h"
#include "core/transcript.h"

namespace nextcall {

// Errors: InvalidArgument "<source>:LINE: ..." (malformed timing, no speaker, no cue).
Result<Transcript> parse_transcript_srt(std::string_view data, std::string_view source);

}  // namespace nextcall
