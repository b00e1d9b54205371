// JSON of the model, the stable shape of `--format json` and of the HTTP API. Field
// names are snake_case and never change meaning; dates are "YYYY-MM-DD", instants
// ISO 8601 UTC, absent optionals are null. Documented in docs/cli.md.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

void to_json(nlohmann::json& j, const Workspace& v);
void to_json(nlohmann::json& j, const User& v);  // never includes the password hash
void to_json(nlohmann::json& j, const Account& v);
void to_json(nlohmann::json& j, const Contact& v);
void to_json(nlohmann::json& j, const Thread& v);
void to_json(nlohmann::json& j, const Objection& v);
void to_json(nlohmann::json& j, const Material& v);
void to_json(nlohmann::json& j, const Commitment& v);
void to_json(nlohmann::json& j, const Referral& v);
void to_json(nlohmann::json& j, const Appointment& v);
void to_json(nlohmann::json& j, const Attempt& v);
void to_json(nlohmann::json& j, const Reason& v);
void to_json(nlohmann::json& j, const Change& v);

}  // namespace nextcall
