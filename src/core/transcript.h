// A call as text: who said what, when. Produced by the parsers in io/ (plain text, WebVTT,
// SRT, JSON) and by speech/ from recordings; read by the call coach (core/coach.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace nextcall {

struct Turn {
  std::string speaker;           // the label as written ("Rep", "Pat Jones", "SPEAKER_1")
  bool is_rep = false;           // set by assign_rep()
  std::optional<double> start;   // seconds from the start of the call, when known
  std::optional<double> end;
  std::string text;
  int line = 0;                  // 1-based line in the source file where the turn starts
};

struct Transcript {
  std::string format;  // "text", "vtt", "srt", "json", "speech"
  std::vector<Turn> turns;
  std::vector<std::string> warnings;  // e.g. "mono recording: talk ratio is not available"
  bool talk_ratio_available = true;

  // True iff every turn has a start and an end.
  bool has_times() const;
  // The distinct speaker labels in order of first appearance.
  std::vector<std::string> speakers() const;
};

// Decides which speaker is the rep and sets Turn::is_rep. In order of precedence:
// `rep_speaker` (case-insensitive label; InvalidArgument naming the speakers if absent),
// a label equal to one of `user_names`, a role label (Rep, Salesperson, Agent, Sales,
// Sales Rep, Seller), then the side that introduced itself as calling ("this is X from Y",
// "I'm calling", "the reason I'm calling"), else the first speaker.
Status assign_rep(Transcript& t, const std::string& rep_speaker,
                  const std::vector<std::string>& user_names);

}  // namespace nextcall
