// "Add to today's calls": contacts put on their owners' call sheets by hand, from the
// Contacts screen (a selection or a whole filter), at a priority. The planner makes each
// due until a call to it is logged (core/planner.cc, app/log_call.cc).
#pragma once

#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// At most this many contacts in one request: a day holds a few dozen calls.
constexpr std::size_t kMaxQueuedAtOnce = 500;

struct QueueReport {
  struct Row {
    Id contact_id = 0;
    std::string name;
    std::string why;  // skipped: why, in words the rep can act on
  };
  std::vector<Row> added;
  std::vector<Row> skipped;
};

// Puts `contact_ids` on their owners' calls at `priority`, all in one transaction. A rep
// adds their own contacts and takes an unowned one (it becomes theirs); a manager adds a
// contact to its owner's calls. Skipped, with why: another rep's contact (for a rep), a
// contact with no owner (for a manager), do-not-call, snoozed, no phone number. NotFound
// for an id not in the workspace; InvalidArgument for more than kMaxQueuedAtOnce.
Result<QueueReport> add_to_calls(Store& store, const Actor& actor, const std::vector<Id>& contact_ids,
                                 QueuePriority priority, Instant now);

// Takes the contact off the calls added by hand: its rep's or a manager's to do.
Status remove_from_calls(Store& store, const Actor& actor, Id contact_id);

}  // namespace nextcall
