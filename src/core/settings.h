// Workspace settings: every tunable number of the methodology, with the seeds' defaults.
// Stored per workspace as key/value text (store/), read here as one value type.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace nextcall {

// A local time slot for calling, in minutes after local midnight, [start, end).
struct CallWindow {
  std::string name;  // "early", "lunch", "late", "day"
  int start_minute = 0;
  int end_minute = 0;
  bool screeners_out = false;  // seed 003: before 8, at lunch, after 5
};

struct Settings {
  // Seed 003: screeners are out before 8 a.m., at lunch and after 5 p.m.; plus the day.
  std::vector<CallWindow> windows = {
      {"early", 7 * 60 + 30, 8 * 60, true},
      {"day", 9 * 60, 12 * 60, false},
      {"lunch", 12 * 60, 13 * 60, true},
      {"afternoon", 13 * 60, 17 * 60, false},
      {"late", 17 * 60, 19 * 60, true},
  };
  int quiet_before_minute = 7 * 60 + 30;  // never call before 7:30 local
  int quiet_after_minute = 19 * 60;       // never call after 19:00 local
  bool call_weekends = false;
  std::vector<Date> holidays;

  int speaking_rate_wpm = 150;  // seed 003: ~10 seconds of voicemail
  int voicemail_seconds = 10;
  int daily_capacity = 60;
  int max_attempts_per_day = 2;
  int max_voicemails_per_week = 2;
  int planning_minutes_per_attempt = 5;  // seed 002: five minutes at the least
  int call_minutes = 5;                  // slot length on the sheet

  Ladder contact_ladder = {"contact",
                           {"sale", "meeting", "proposal_review", "review_together", "referral",
                            "send_info", "linkedin"}};
  Ladder gatekeeper_ladder = {"gatekeeper",
                              {"arrange_conversation", "direct_line", "pass_on_proposal",
                               "referral"}};
  std::vector<std::string> objection_codes = {"min_order_size", "credit_terms",
                                              "missing_product_line", "quality", "price",
                                              "incumbent_vendor", "no_budget"};
  std::string default_region = "US";
};

}  // namespace nextcall
