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

  int speaking_rate_wpm = 150;
  // Seed 003: "you have about 10 seconds" to spark interest. The whole message also says
  // who is calling, the time proposed and the callback number: the seed's own example
  // of that part alone is 13 s at 150 words a minute. The budget is the whole message's.
  int voicemail_seconds = 15;
  // The company the reps call for, said in every voicemail; empty: the workspace's name.
  std::string company_name;
  // A prospect reached with nothing agreed and no cadence is called again this many days
  // after the conversation, with something new to say (seed 001), rather than dropped.
  int prospect_recall_days = 14;
  // Contacts never called (imported or added) are due as first calls, to qualify them;
  // this many a day at most, the oldest first, so an import of thousands does not take
  // over the sheet from the calls already in motion. 0: none.
  int new_contacts_per_day = 10;
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
