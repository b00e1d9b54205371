// Test-only: a generated workspace for the multi-day simulation (multi_day_simulation_test.cc).
// One rep in Chicago and a book of a few hundred contacts across US time zones and a few
// abroad, with the whole memory the seeds call for (hot buttons, threads, objections,
// materials with page pointers, commitments of both sides, referrals, company changes, a
// reason library with audiences) and a few weeks of calls before the first simulated day.
// Everything comes from one seed: the same seed gives the same workspace.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/settings.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct SimOptions {
  std::uint64_t seed = 20261207;
  int contacts = 300;
  Date start{};  // the first simulated day (a Monday); the history lies before it
  std::string company_name = "Northwind Supply";
};

// How the generated history left one contact, for the simulation's checks.
struct SimContactStart {
  std::optional<Instant> last_at;  // the latest call before the start
  Outcome last_outcome = Outcome::kNoAnswer;
  std::string last_rung;  // agreed on it
  std::optional<Instant> last_connect_at;
  std::string last_connect_rung;  // what the last conversation closed on ("" nothing)
  std::optional<Date> next_on;    // set on the last conversation, when it was the last call
  std::optional<Instant>
      meeting_at;  // a confirmed meeting booked on the last conversation, still ahead
};

struct SimWorkspace {
  Actor actor;
  Settings settings;
  std::vector<Id> contacts;
  std::map<Id, SimContactStart> start;  // by contact id
  long accounts = 0, attempts = 0, reasons = 0, changes = 0, referrals = 0, commitments = 0,
       appointments = 0, objections = 0, materials = 0;
};

// Builds the workspace in one transaction: workspace "Simulation Team" (its settings name
// the company `o.company_name`), rep Dana Whitfield (America/Chicago) and the book.
Result<SimWorkspace> build_sim_workspace(Store& store, const SimOptions& o);

// `d` plus `n` weekdays (n >= 0; n == 0 gives d itself, even on a weekend).
Date add_business_days(Date d, int n);

// The name of the workspace window (Settings::windows) that local time `t` falls in, in
// `zone`; "none" outside every window.
std::string window_name_at(const Settings& s, Instant t, const std::string& zone);

// "Mon", "Tue", ...
std::string weekday_abbrev(Date d);

}  // namespace nextcall
