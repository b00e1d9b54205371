#include "io/dashboard_json.h"

#include "core/civil_time.h"

namespace nextcall {

using nlohmann::json;

namespace {

template <typename T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json();
}

json funnel_json(const std::vector<FunnelStep>& steps) {
  json out = json::array();
  for (const FunnelStep& s : steps) out.push_back({{"rung", s.rung}, {"contacts", s.contacts}, {"of", s.of}});
  return out;
}

}  // namespace

json dashboard_json(const Dashboard& d) {
  json hours = json::array();
  for (const HourReach& h : d.reach_by_hour)
    hours.push_back({{"hour", h.hour},
                     {"attempts", h.attempts},
                     {"connects", h.connects},
                     {"rate", or_null(h.rate)}});
  json reasons = json::array();
  for (const ReasonEffect& r : d.reasons)
    reasons.push_back({{"reason_id", or_null(r.reason_id)},
                       {"text", r.text},
                       {"attempts", r.attempts},
                       {"connects", r.connects},
                       {"advanced", r.advanced},
                       {"connect_rate", r.connect_rate},
                       {"advance_rate", r.advance_rate}});
  const DashboardTotals& t = d.totals;
  return {
      {"period", {{"since", format_instant(d.since)}, {"until", format_instant(d.until)}}},
      {"rep_id", or_null(d.rep_id)},
      {"totals",
       {{"attempts", t.attempts},
        {"connects", t.connects},
        {"voicemails", t.voicemails},
        {"gatekeepers", t.gatekeepers},
        {"contacts_touched", t.contacts_touched}}},
      {"attempts_per_connect", or_null(d.attempts_per_connect)},
      {"planning_minutes_per_attempt", d.planning_minutes_per_attempt},
      {"wasted_planning_minutes", d.wasted_planning_minutes},
      {"planning_minutes_per_connect", or_null(d.planning_minutes_per_connect)},
      {"wasted_planning_minutes_per_connect", or_null(d.wasted_planning_minutes_per_connect)},
      {"reach_by_hour", hours},
      {"funnel", {{"contact", funnel_json(d.contact_funnel)},
                  {"gatekeeper", funnel_json(d.gatekeeper_funnel)}}},
      {"reasons", reasons},
  };
}

}  // namespace nextcall
