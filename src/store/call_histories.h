// Keeping each contact's call history (core/call_history.h) in step with its calls, on
// any backend. The backends call these inside the transaction of the write.
#pragma once

#include <optional>

#include "store/store.h"

namespace nextcall {

// Folds the call just inserted (with id `id`) into its contact's history and counts it
// for its library reason. A call older than the latest one makes the contact's history
// be summed up again from all of its calls.
Status record_call_in_history(Store& store, const Attempt& call, Id id);

// Sums up the histories again from the calls: of one contact (after its time zone or
// owner changed), or of the whole workspace with its reason results (after a migration,
// or a bulk load that did not go through add_attempt).
Status rebuild_call_histories(Store& store, Id ws, std::optional<Id> contact = std::nullopt);

}  // namespace nextcall
