// The coach's report as JSON (for the web app and scripts): {voicemail, findings[], figures,
// close, memory{threads, commitments, hot_button, objections, rung_agreed}, warnings}.
#pragma once

#include <string>

#include "core/coach.h"

namespace nextcall {

std::string render_coach_json(const Transcript& t, const CoachReport& r);

}  // namespace nextcall
