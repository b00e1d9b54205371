#include "core/due_window.h"

#include <gtest/gtest.h>

#include "core/call_history.h"
#include "core/civil_time.h"
#include "core/local_time.h"

namespace nextcall {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr Date kDay{std::chrono::year{2026} / 11 / 24};
const char* const kZones[] = {"Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "Australia/Lord_Howe",
                              "America/Los_Angeles", "UTC"};

DueWindow OneDay() {
  DueWindow w;
  w.first_day = w.last_day = kDay;
  w.calendar_from = Instant{std::chrono::sys_days{kDay}} - days{1};
  return w;
}

// Every hour over six weeks, in zones from UTC-11 to UTC+14: whenever the planner's rule
// makes a contact due on the day, the quick test keeps it.
TEST(DueWindowTest, AMissThePlannerWouldRetryIsAlwaysKept) {
  Instant from = Instant{std::chrono::sys_days{kDay}} - days{21};
  int kept_due = 0, ruled_out = 0;
  for (const char* zone : kZones) {
    for (Instant t = from; t < from + days{28}; t += hours{1}) {
      int since = static_cast<int>((kDay - local_date(t, zone)).count());
      bool due = since >= 1 && since <= CallHistory::kRetryWithinDays;
      DueFacts f;
      f.last_at = t;
      f.may_retry = true;
      bool kept = may_be_due(f, OneDay());
      if (due) {
        EXPECT_TRUE(kept) << zone << " " << format_instant(t);
      }
      kept_due += due;
      ruled_out += !kept;
    }
  }
  EXPECT_GT(kept_due, 0);
  EXPECT_GT(ruled_out, 0);  // and it does rule some out: today's calls, old misses
}

TEST(DueWindowTest, ACustomerWhoseCadenceElapsedIsAlwaysKept) {
  Instant from = Instant{std::chrono::sys_days{kDay}} - days{40};
  int ruled_out = 0;
  for (Cadence cadence : {Cadence{Cadence::Kind::kDaily, 0}, Cadence{Cadence::Kind::kWeekly, 0},
                          Cadence{Cadence::Kind::kEveryNDays, 10}, Cadence{Cadence::Kind::kMonthly, 0}}) {
    for (const char* zone : kZones) {
      for (Instant t = from; t < from + days{41}; t += hours{1}) {
        int since = static_cast<int>((kDay - local_date(t, zone)).count());
        DueFacts f;
        f.customer = true;
        f.cadence = cadence;
        f.last_connect_at = t;
        bool kept = may_be_due(f, OneDay());
        if (since >= cadence.days()) {
          EXPECT_TRUE(kept) << zone << " " << format_instant(t);
        }
        ruled_out += !kept;
      }
    }
  }
  EXPECT_GT(ruled_out, 0);
  DueFacts never;
  never.customer = true;
  never.cadence = Cadence{Cadence::Kind::kWeekly, 0};
  EXPECT_TRUE(may_be_due(never, OneDay()));  // never reached on their cadence
  never.customer = false;
  EXPECT_TRUE(may_be_due(never, OneDay()));  // never called: a first call
  DueWindow no_new = OneDay();
  no_new.new_contacts_per_day = 0;
  EXPECT_FALSE(may_be_due(never, no_new));  // no first calls: nothing to call about
}

TEST(DueWindowTest, FollowUpsListedContactsOtherReasonsAndChanges) {
  DueWindow w = OneDay();
  DueFacts f;
  f.last_at = f.last_connect_at = Instant{std::chrono::sys_days{kDay}} - days{2};
  EXPECT_FALSE(may_be_due(f, w));
  f.follow_up_on = kDay + days{1};
  EXPECT_FALSE(may_be_due(f, w));
  w.last_day = kDay + days{1};  // a two-day window reaches it
  EXPECT_TRUE(may_be_due(f, w));
  w = OneDay();
  f.follow_up_on = kDay;
  EXPECT_TRUE(may_be_due(f, w));
  f.follow_up_on.reset();
  f.listed = true;
  EXPECT_TRUE(may_be_due(f, w));
  f.listed = false;
  f.other_reason = true;
  EXPECT_TRUE(may_be_due(f, w));
  f.other_reason = false;
  // A change made after the last conversation may put them on its recall list.
  w.change_cutoff = *f.last_connect_at - hours{1};
  EXPECT_FALSE(may_be_due(f, w));
  w.change_cutoff = *f.last_connect_at + hours{1};
  EXPECT_TRUE(may_be_due(f, w));
}

}  // namespace
}  // namespace nextcall
