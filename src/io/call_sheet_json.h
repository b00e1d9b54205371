// JSON of briefs and call sheets: the stable shape of `plan --format json`, `brief
// --format json` and the API (documented in docs/cli.md).
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <vector>

#include "core/brief.h"

namespace nextcall {

nlohmann::json brief_json(const Brief& b);
nlohmann::json call_sheet_json(const CallSheet& s);

// Writes `sheets` as one JSON array, laid out as nlohmann's dump(2) lays out the array of
// their call_sheet_json, but one sheet at a time: a big team's sheets (100 reps, 400,000
// overflow rows) held as one JSON tree took 3 GB and most of a minute. No newline after.
void write_call_sheets_json(std::ostream& out, const std::vector<CallSheet>& sheets);

}  // namespace nextcall
