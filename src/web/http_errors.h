// Status -> HTTP: the status code and the JSON error body every failed request gets:
// {"error": {"code": "invalid_argument", "message": "...", "fields": {"phone": "..."}}}
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace nextcall::web {

int http_status(Code code);

// Messages of InvalidArgument are "field: what is wrong" (several joined by "; "); the
// fields come out as a map so a form can show each next to its input.
nlohmann::json error_body(const Status& s);

}  // namespace nextcall::web
