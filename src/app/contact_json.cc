#include "app/contact_json.h"

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "io/model_json.h"

namespace nextcall {

nlohmann::json memory_json(const ContactMemory& m) {
  nlohmann::json j = m.contact;
  j["account"] = m.account ? nlohmann::json(*m.account) : nlohmann::json();
  j["threads"] = m.threads;
  j["objections"] = m.objections;
  j["materials"] = m.materials;
  j["commitments"] = m.commitments;
  j["referrals"] = m.referrals;
  j["appointments"] = m.appointments;
  j["attempts"] = m.attempts;
  return j;
}

nlohmann::json history_json(const std::vector<HistoryEntry>& entries) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& e : entries)
    j.push_back({{"when", e.dated_only ? format_date(std::chrono::floor<std::chrono::days>(e.when))
                                       : format_instant(e.when)},
                 {"kind", e.kind},
                 {"id", e.id},
                 {"text", e.text}});
  return j;
}

}  // namespace nextcall
