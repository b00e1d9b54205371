// The voicemail (seed 003): about ten seconds that earn a call back. Who is calling (the
// rep's name and company), who asked them to call (a referral), a benefit worth a return
// call, the specific time proposed and what it is for ("If Tuesday, December 8 at 10 a.m.
// won't work for you, please call me at …"), and the callback number.
//
// Sentences are never cut: when the message does not fit its time at the workspace's
// speaking rate, the same parts are said in fewer connecting words (four shorter framings,
// down to "Dana, Sam Lee, Northwind Supply. <Benefit>. How's <time> to <purpose>? Or call
// <number>."), and only when the best benefit fits in none of them is the next benefit
// tried; what is said is always whole.
#pragma once

#include <string>
#include <vector>

#include "core/brief.h"

namespace nextcall {

struct VoicemailInput {
  std::string first_name;  // the contact's ("Dana")
  std::string rep_name;    // the rep's full name ("Sam Lee")
  std::string company;     // the rep's company ("Northwind Supply"); empty: not said
  std::string referrer;    // "John Doe": named right after who is calling; empty: none
  // Benefits said to the contact, best first, each a complete clause without a final
  // period ("our new 30-day terms let you order as you sell"). The first that fits in any
  // framing is said, capitalised and with its period; empty ones are skipped; none at all:
  // "I have an idea worth a short call".
  std::vector<std::string> benefits;
  // What the proposed time is for, a verb phrase after "to" ("show you how the new terms
  // work for your orders", "go through the cost study together"); empty: "meet with you".
  std::string purpose;
  std::string slot_text;         // "Tuesday, December 8 at 10 a.m.": required
  std::string callback_display;  // "(312) 555-0100": required
  int max_seconds = 15;          // Settings::voicemail_seconds
  int words_per_minute = 150;    // Settings::speaking_rate_wpm
};

// The script, its words and seconds (rounded up), the budget, and the slot and purpose
// said; proposed_slot, slot_why and held_appointment_id are left for the caller. The
// message fits max_seconds whenever any framing with any benefit does; otherwise it is the
// shortest framing with the shortest benefit (and seconds says by how much it runs over).
VoicemailScript build_voicemail(const VoicemailInput& in);

}  // namespace nextcall
