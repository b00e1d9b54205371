// The coach's report as a self-contained HTML page: the transcript with the flagged turns
// highlighted (and the finding beside them), the figures and the memory. All text escaped.
#pragma once

#include <string>

#include "core/coach.h"

namespace nextcall {

std::string render_coach_html(const Transcript& t, const CoachReport& r);

}  // namespace nextcall
