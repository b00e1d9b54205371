// Shared by the WebVTT and SRT parsers: a cue timing line and a "Speaker: text" prefix.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nextcall::cues {

struct Timing {
  double start = 0;
  double end = 0;
};

// "00:00:01.000 --> 00:00:04.500 align:start" -> timing; nullopt if not a timing line.
std::optional<Timing> parse_timing(std::string_view line);
// True iff the line contains "-->" (so a malformed timing is reported, not read as text).
bool looks_like_timing(std::string_view line);
// "Pat: hello" -> {"Pat", "hello"}; false when no short label precedes a colon.
bool split_speaker(const std::string& text, std::string* speaker, std::string* rest);
std::string trim(std::string_view s);

}  // namespace nextcall::cues
