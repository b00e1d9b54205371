// The numbers behind the Dashboard, per rep or for the whole team, over a period:
// when calls connect (by the contact's local hour), how many dials a connect costs and
// the planning time that goes into dials that do not connect (seed 002: five minutes of
// planning per attempt), how far contacts climbed the close ladders (seed 004), and which
// reasons for calling work (seed 001). Pure: the caller supplies the attempts, the
// contacts they belong to, the settings and the reason library.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

// Attempts and connects in one hour of the contact's local day.
struct HourReach {
  int hour = 0;  // 0..23, the contact's local clock
  long attempts = 0;
  long connects = 0;
  std::optional<double> rate;  // connects / attempts; nullopt without attempts
};

// Distinct contacts whose best rung in the period is this rung or a higher one, out of the
// distinct contacts called on this ladder in the period (the sample the share is of).
struct FunnelStep {
  std::string rung;
  long contacts = 0;
  long of = 0;
};

// How one reason for calling did.
struct ReasonEffect {
  std::optional<Id> reason_id;  // set for a library reason
  std::string text;             // the library text, else the reason as said
  long attempts = 0;
  long connects = 0;
  long advanced = 0;  // attempts that closed on a rung of their ladder
  double connect_rate = 0;  // connects / attempts
  double advance_rate = 0;  // advanced / attempts
};

struct DashboardTotals {
  long attempts = 0;
  long connects = 0;     // Outcome::kConnected
  long voicemails = 0;   // Outcome::kVoicemail
  long gatekeepers = 0;  // Outcome::kGatekeeper
  long contacts_touched = 0;  // distinct contacts dialled
};

struct Dashboard {
  Instant since{};  // the period, [since, until)
  Instant until{};
  std::optional<Id> rep_id;  // the rep it is about; nullopt: the whole team (set by app/)
  DashboardTotals totals;
  std::optional<double> attempts_per_connect;  // nullopt without connects
  int planning_minutes_per_attempt = 0;        // from the settings
  long wasted_planning_minutes = 0;            // (attempts - connects) x minutes per attempt
  std::optional<double> planning_minutes_per_connect;         // attempts x minutes / connects
  std::optional<double> wasted_planning_minutes_per_connect;  // wasted / connects
  std::array<HourReach, 24> reach_by_hour{};                  // index = hour
  std::vector<FunnelStep> contact_funnel;     // the contact ladder's rungs, highest first
  std::vector<FunnelStep> gatekeeper_funnel;  // the gatekeeper ladder's rungs, highest first
  std::vector<ReasonEffect> reasons;          // by attempts, most first; at most kMaxReasons
};

inline constexpr std::size_t kDashboardMaxReasons = 20;

// Computes the dashboard of the attempts made in [since, until); attempts outside the
// period are ignored, so the caller may pass more. `contacts` gives each attempt's contact
// its IANA zone (unknown, invalid or missing: the attempt counts under its UTC hour) and
// its role (an attempt with an empty ladder is on the gatekeeper ladder when the contact
// is a gatekeeper, on the contact ladder otherwise). An attempt without a reason id and
// without reason text is not in `reasons`. Rungs not on their ladder count as no rung.
Dashboard compute_dashboard(std::span<const Attempt> attempts, std::span<const Contact> contacts,
                            const Settings& settings, std::span<const Reason> reasons,
                            Instant since, Instant until);

}  // namespace nextcall
