#include "core/due_window.h"

#include <algorithm>

#include "core/call_history.h"

namespace nextcall {
namespace {

using std::chrono::days;

// Local days start within 14 hours either side of UTC midnight, so an instant before UTC
// midnight of day+1 can still fall on `day` somewhere, and none before UTC midnight of day-1.
Instant utc_midnight(Date d) { return Instant{std::chrono::sys_days{d}}; }

}  // namespace

bool may_be_due(const DueFacts& f, const DueWindow& w) {
  if (f.listed || f.other_reason) return true;
  if (!f.last_at && !f.last_connect_at && w.new_contacts_per_day > 0) return true;  // never called: a first call
  if (f.customer && f.cadence.kind != Cadence::Kind::kNone) {
    // Due when the last conversation's local day is at most last_day - every.
    if (!f.last_connect_at || *f.last_connect_at < utc_midnight(w.last_day + days{2 - f.cadence.days()})) return true;
  }
  // A change on the recall list: whoever has not talked since it was made may fit it.
  if (w.change_cutoff && (!f.last_connect_at || *f.last_connect_at < *w.change_cutoff)) return true;
  if (f.follow_up_on && *f.follow_up_on <= w.last_day) return true;
  // Reached with nothing agreed: called again prospect_recall_days (and up to
  // kRetryWithinDays more) after the conversation.
  if (f.last_connect_at && f.last_at == f.last_connect_at && !(f.customer && f.cadence.kind != Cadence::Kind::kNone)) {
    int after = std::max(1, w.prospect_recall_days);
    if (*f.last_connect_at >= utc_midnight(w.first_day - days{after + CallHistory::kRetryWithinDays + 1}) &&
        *f.last_connect_at < utc_midnight(w.last_day - days{after - 2}))
      return true;
  }
  // A miss is retried 1..kRetryWithinDays local days later.
  return f.may_retry && f.last_at && *f.last_at >= utc_midnight(w.first_day - days{CallHistory::kRetryWithinDays + 1}) &&
         *f.last_at < utc_midnight(w.last_day + days{1});
}

}  // namespace nextcall
