// JSON of an import's report: the shape of `import --format json` and of the API.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "app/import_contacts.h"

namespace nextcall {

// `file` names the file in each problem's text ("contacts.csv:14:3: phone: ...").
nlohmann::json import_report_json(const ImportReport& r, const std::string& file, bool dry_run);

}  // namespace nextcall
