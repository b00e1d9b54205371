// Plain-text transcripts: "Speaker: words" lines, optionally prefixed by a timestamp
// ("[00:01:23]", "00:01:23", "(1:23)"); unlabelled lines continue the previous turn.
#pragma once

#include <string_view>

#include "core/status.h"
#include "core/transcript.h"

namespace nextcall {

// Errors: InvalidArgument "<source>:LINE: ..." for text before the first speaker label,
// binary content, or no turn at all.
Result<Transcript> parse_transcript_text(std::string_view data, std::string_view source);

// Shared by the parsers: "HH:MM:SS(.mmm|,mmm)" or "MM:SS" -> seconds; nullopt if malformed.
std::optional<double> parse_timestamp(std::string_view s);
// Rejects NUL bytes and invalid control characters: "<source>:LINE: binary data ...".
Status check_text_input(std::string_view data, std::string_view source);

}  // namespace nextcall
