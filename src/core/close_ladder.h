// The close ladder (seed 004): always close on something. The next call asks for the rung
// above the highest one this contact has agreed to (foot in the door); after a call that
// closed on nothing, the same rung with a different approach. The rungs below are the
// fallbacks, tried in order; the bottom two (send information, LinkedIn) are the last
// resort.
#pragma once

#include <span>

#include "core/brief.h"
#include "core/call_history.h"
#include "core/settings.h"

namespace nextcall {

// A rung in words for a sheet: "referral" -> "a referral", "send_info" -> "sending
// information"; a workspace's own rung with its underscores as spaces.
std::string rung_words(const std::string& rung);

// Index of `rung` in the ladder (0 = highest); -1 when it is not on it.
int rung_rank(const Ladder& ladder, const std::string& rung);

// The target for the next call with a contact whose calls are `attempts` (oldest first),
// on `ladder`.
TargetClose target_close(const Ladder& ladder, std::span<const Attempt> attempts,
                         const std::string& first_name);

// The same from a contact's call history (the planner's path).
TargetClose target_close(const Ladder& ladder, const CallHistory& history, const std::string& first_name);

}  // namespace nextcall
