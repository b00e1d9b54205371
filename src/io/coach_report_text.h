// The coach's report as plain text for the terminal: findings with the moment, the words, why
// and what to say instead; the figures; the memory items numbered for --apply.
#pragma once

#include <string>

#include "core/coach.h"

namespace nextcall {

std::string render_coach_text(const Transcript& t, const CoachReport& r);

// "01:23" (or "1:02:03") for seconds; "turn N" when the time is unknown.
std::string moment_text(const Finding& f);

}  // namespace nextcall
