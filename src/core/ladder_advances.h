// What each rep's calls achieved in a period, for the manager's Team screen and the week's
// leaderboard: dials, connects, voicemails, rungs agreed, and advances — rungs agreed that
// are higher on their ladder than the highest the contact had agreed to before that call.
// A leaderboard by advances rewards moving people up the close ladder (seed 004), not
// dialling. Pure: the caller supplies the attempts.
#pragma once

#include <span>
#include <vector>

#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

struct RepTally {
  Id rep_id = 0;
  long dials = 0;       // attempts made
  long contacts = 0;    // distinct contacts dialled
  long connects = 0;    // Outcome::kConnected
  long voicemails = 0;  // Outcome::kVoicemail
  long rungs = 0;       // attempts that closed on a rung of their ladder
  long advances = 0;    // of those, the ones above the contact's previous highest
};

// The tallies of the attempts made in [since, until) by each rep, by rep id (reps without
// an attempt there are left out). `history` holds those attempts and every earlier attempt
// of the same contacts, by anyone and in any order: an agreed rung is an advance when no
// earlier attempt of the contact on the same ladder agreed to that rung or a higher one (the
// first rung a contact ever agrees to is one). Attempts without a rep count only as history.
// An attempt's ladder is its `ladder` ("gatekeeper" or else the contact ladder); rungs not
// on it are no rung.
std::vector<RepTally> tally_reps(std::span<const Attempt> history, const Settings& settings,
                                 Instant since, Instant until);

}  // namespace nextcall
