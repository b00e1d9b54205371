// JSON of a logged call: the shape of `log --format json` and of the answer to
// POST /api/contacts/{id}/calls.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "app/log_call.h"

namespace nextcall {

// The Attempt's fields, and beside them objections_answered, appointments_created
// ([Appointment]), commitments_updated ([Commitment] as stored now), promises_added
// ([Commitment]), held_appointment (the voicemail's hold, new or kept; null: none),
// held_is_new and direct_line (E.164; null: none given).
nlohmann::json logged_call_json(const LoggedCall& logged);

}  // namespace nextcall
