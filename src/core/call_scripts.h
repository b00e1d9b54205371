// The words of a call: the opener (seed 000), the fallback play (seed 002), the
// voicemail (seed 003) and the gatekeeper script (seeds 003 and 004). Pure text
// builders; what goes into them is chosen by the planner.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/brief.h"

namespace nextcall {

// Seed 000: open with a specific topic from the last conversation. Business threads ask
// how it worked out; personal ones are asked about with care and without assumptions.
// With no open thread, seed 001's "I was thinking of you" with the reason.
// Picks the most recent open business thread, else the most recent open personal one.
std::string build_opener(std::span<const Thread> threads, const std::string& first_name,
                         const std::string& reason_text, std::string* source);

// Seed 002: when they owe something, don't offer to call back — go through it together.
std::string build_fallback_play(const Commitment& owed, const std::optional<MaterialPointer>& page);

// Seed 003: benefit first, one specific proposed time, the callback number; at most
// `max_words` words. The benefit is shortened at a clause boundary when needed; when it
// cannot be said in the words left, `fallback_benefit` is said instead.
VoicemailScript build_voicemail(const std::string& first_name, const std::string& rep_name,
                                const std::string& benefit, const std::string& fallback_benefit,
                                const std::string& slot_text,
                                const std::string& callback_display, int max_words,
                                int words_per_minute);

// Seeds 003/004: name the referrer first, enlist the screener with the benefit to them
// (a noun phrase: "cutting the cost of unscheduled maintenance"), then the gatekeeper
// ladder from the target rung down.
std::vector<std::string> build_gatekeeper_script(const std::string& contact_name,
                                                 const std::string& referrer,
                                                 const std::string& benefit,
                                                 const TargetClose& gatekeeper_target);

// The blank of "The reason I'm calling is ___" for a promise of the rep's that is due, from
// the promise as noted ("send them the pricing for 100 units", "find a reference customer
// in their industry"), said to the contact: "I have the pricing for 100 units I promised
// you" / "I've found a reference customer in your industry, as I promised" / "to get back to
// you about the rush order, as I promised".
// With a hot button, how it bears on it.
std::string promise_kept_text(const std::string& what, const std::string& hot_button);

// A note about the contact ("their industry", "call them") said to them ("your industry",
// "call you"): whole words only.
std::string said_to_them(const std::string& text);

// "Thursday, December 3 at 10 a.m." / "at 2:30 p.m."
std::string spoken_slot(Date local_date, int local_minute);

int count_words(const std::string& text);

}  // namespace nextcall
