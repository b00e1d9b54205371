// `nextcall db check` and `db repair`: the tables summed up from the calls (each contact's
// call history, the team's calls per minute, each library reason's record) checked against
// the calls themselves, and rebuilt from them.
//
// They drift only through a fault: a write lost between two servers, a restore of one table,
// a bug. The check sums everything up again inside a transaction it then rolls back, so it
// is the same code as the repair and changes nothing; the repair keeps it. A repair recounts
// the calls per minute for the whole workspace rather than adding what a contact's history
// lacked, which would count again the calls the minutes already had.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct DerivedCheck {
  Workspace workspace;
  long histories = 0, minutes = 0, reasons = 0;  // rows the calls sum up to
  std::vector<std::string> differences;          // "contact #12 Ann Lee: history has 3 calls, 4 logged"
  bool repaired = false;
};

// Every workspace of the store, checked (repair: and rebuilt where it differs).
Result<std::vector<DerivedCheck>> check_derived_tables(Store& store, bool repair);

}  // namespace nextcall
