#include "app/logged_call_json.h"

#include <nlohmann/json.hpp>

#include "io/model_json.h"

namespace nextcall {

nlohmann::json logged_call_json(const LoggedCall& logged) {
  nlohmann::json j = logged.attempt;
  j["objections_answered"] = logged.objections_answered;
  j["appointments_created"] = logged.appointments_created;
  j["commitments_updated"] = logged.commitments;
  j["promises_added"] = logged.promises;
  j["held_appointment"] = logged.held ? nlohmann::json(*logged.held) : nlohmann::json();
  j["held_is_new"] = logged.held_is_new;
  j["holds_released"] = logged.holds_released;
  j["direct_line"] =
      logged.direct_line.empty() ? nlohmann::json() : nlohmann::json(logged.direct_line);
  return j;
}

}  // namespace nextcall
