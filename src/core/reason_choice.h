// "The reason I'm calling is ___" (seed 001): the best value-adding reason for one call.
// Sources, best fit first: a company change that resolves their open objection or serves
// their hot button; a library reason whose audience fits them; a commitment that is due;
// an open thread. Nothing fits: nullopt, and the contact goes on "needs a reason".
#pragma once

#include <optional>

#include "core/brief.h"
#include "core/snapshot.h"

namespace nextcall {

std::optional<ReasonChoice> choose_reason(const Snapshot& s, std::size_t contact_index,
                                          const std::optional<MaterialPointer>& page);

// "The reason I'm calling is ___." for a reason's text (its trailing stops dropped).
std::string reason_sentence(const std::string& text);

// Whether choose_reason would find a reason, and whether it would be a change, without
// writing it (the planner ranks every due contact; only the calls it keeps get one).
enum class ReasonSource { kNone, kChange, kOther };
ReasonSource reason_source(const Snapshot& s, std::size_t contact_index);

// How well a library reason's audience fits the contact: < 0 when it does not apply
// (retired, expired, or its audience excludes them), else a score (higher is better).
// A contact whose hot button is not known yet (a new import) is not excluded by a reason's
// hot buttons: it scores nothing for them, and `guessed` (when given) is set, so that a
// first call has something of value to say and its qualifying questions find theirs.
double reason_fit(const Reason& r, const Contact& c, const Account* account,
                  std::span<const Objection> objections, Date day, bool* guessed = nullptr);

}  // namespace nextcall
