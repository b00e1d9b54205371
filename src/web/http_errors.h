// Status -> HTTP: the status code and the JSON error body every failed request gets:
// {"error": {"code": "invalid_argument", "message": "...", "fields": {"phone": "..."}}}
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace nextcall::web {

int http_status(Code code);

// Messages of InvalidArgument are "field: what is wrong" (several joined by "; "); the
// fields come out as a map so a form can show each next to its input. A failure of the
// server or its database (503, 500) gets a generic message instead of its own, which may
// name the database's host, user or parameters: the detail goes to the server's log under
// `request_id`, which the body then carries so that the two can be matched.
nlohmann::json error_body(const Status& s, const std::string& request_id = "");

// A new request id: 16 random hex digits.
std::string new_request_id();

}  // namespace nextcall::web
