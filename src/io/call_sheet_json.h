// JSON of briefs and call sheets: the stable shape of `plan --format json`, `brief
// --format json` and the API (documented in docs/cli.md).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "core/brief.h"

namespace nextcall {

nlohmann::json brief_json(const Brief& b);
nlohmann::json call_sheet_json(const CallSheet& s);

}  // namespace nextcall
