// The Dashboard use case: the numbers of core/dashboard.h for one rep or the whole team,
// loaded from the store.
#pragma once

#include <optional>

#include "core/dashboard.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// The dashboard of the attempts made in [since, until) in workspace `workspace_id`: by the
// rep `rep_id` (the attempts whose rep_id is that rep, whoever owns the contact), or by
// the whole team when rep_id is nullopt. NotFound for an unknown workspace or a rep not in
// it; InvalidArgument when until is before since.
Result<Dashboard> team_dashboard(Store& store, Id workspace_id, std::optional<Id> rep_id,
                                 Instant since, Instant until);

}  // namespace nextcall
