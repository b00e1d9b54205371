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

// The ask as a verb phrase: "ask for a meeting", "ask to go through it together".
std::string rung_ask_phrase(const std::string& rung);

// Index of `rung` in the ladder (0 = highest); -1 when it is not on it.
int rung_rank(const Ladder& ladder, const std::string& rung);

// The target for the next call with a contact whose calls are `attempts` (oldest first),
// on `ladder`.
TargetClose target_close(const Ladder& ladder, std::span<const Attempt> attempts,
                         const std::string& first_name);

// The same from a contact's call history (the planner's path).
TargetClose target_close(const Ladder& ladder, const CallHistory& history, const std::string& first_name);

// What the situation of the next call says about the close to ask for (seeds 002, 003, 004).
struct CloseSituation {
  bool change_removed_objection = false;  // a change just answered what held them back
  bool customer_on_cadence = false;       // a customer's regular call: the business itself
  bool owes_review = false;               // they owe a review of material we sent
  std::string material_title;             // of that material, for the words
  bool voicemail_time_held = false;       // our voicemail proposed a time: confirm it
  bool referred = false;                  // someone referred us to them
  bool qualifying = false;                // no hot button yet: find it first
};

// The rung to ask for on the contact ladder and why, in one sentence, with the fallbacks
// below it in ladder order. Never a last resort (the bottom two rungs of a ladder of four
// or more): foot in the door is one rung above the highest agreed; the situation can ask
// for more (the order when a change removed their objection or a customer is on a
// cadence; a meeting for a referral or a time left on voicemail) or for going through
// the material they owe together. Without history, `history` is an empty CallHistory.
TargetClose situational_target(const Ladder& ladder, const CallHistory& history, const CloseSituation& situation,
                               const std::string& first_name);

// Whether `rung` is one of the ladder's last resorts.
bool is_last_resort(const Ladder& ladder, const std::string& rung);

}  // namespace nextcall
