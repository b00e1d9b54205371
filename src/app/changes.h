// Company changes and their recall lists (seed 001): a new policy, a new regime, a new
// capability or industry news re-opens the accounts whose objection it resolves or whose
// hot button it serves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/recall.h"
#include "store/store.h"

namespace nextcall {

struct ChangeInput {
  std::string kind;  // new_policy|new_regime|new_capability|industry_news
  std::string title;
  std::string description;
  std::vector<std::string> resolves;  // "OBJECTION[:CONDITION]", e.g. "min_order_size:>=50"
  std::vector<std::string> serves;    // hot buttons
  std::vector<std::string> industries;
  std::optional<Date> effective_on;
};

// Validates (the condition language with column-precise errors) and stores the change.
Result<Change> add_change(Store& store, const Actor& actor, const ChangeInput& in, Instant now);

struct RecallEntry {
  Contact contact;
  std::string company;
  ChangeFit fit;
};

// Exactly the contacts whose open objection the change resolves or whose hot button it
// serves (and in its industries), with the reason drafted for each. Do-not-call contacts
// are left out.
Result<std::vector<RecallEntry>> recall_list(Store& store, const Actor& actor, Id change_id);

// After a call confirms it: marks the contact's open objections that the change resolves
// as answered by it. Returns how many were marked.
Result<int> confirm_change(Store& store, const Actor& actor, Id contact_id, Id change_id);

}  // namespace nextcall
