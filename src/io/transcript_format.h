// Reads a transcript in any supported format, detecting it from the content (and the file
// name's extension as a hint): "text", "vtt", "srt", "json".
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/transcript.h"

namespace nextcall {

// "vtt" | "srt" | "json" | "text" from the content; `name` (a file name) breaks ties.
std::string detect_transcript_format(std::string_view data, std::string_view name);

// `format`: "" or "auto" to detect, else one of the four names (InvalidArgument otherwise).
Result<Transcript> parse_transcript(std::string_view data, std::string_view source,
                                    std::string_view format = "");

}  // namespace nextcall
