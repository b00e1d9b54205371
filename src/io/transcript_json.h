// JSON transcripts: an array of {"speaker": "...", "start": 1.5, "end": 3.0, "text": "..."}
// (start/end optional, numbers of seconds or "HH:MM:SS" strings), or an object with such an
// array under "turns" or "segments".
#pragma once

#include <string_view>

#include "core/status.h"
#include "core/transcript.h"

namespace nextcall {

// Errors: InvalidArgument "<source>:LINE:COLUMN: ..." for malformed JSON, "<source>: turn N:
// ..." for a missing or mistyped field.
Result<Transcript> parse_transcript_json(std::string_view data, std::string_view source);

}  // namespace nextcall
