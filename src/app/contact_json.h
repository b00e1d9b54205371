// JSON of a contact's whole memory and of its history: the shape of `contact show
// --format json`, `history --format json` and the API's contact document.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "app/contacts.h"
#include "app/history.h"

namespace nextcall {

nlohmann::json memory_json(const ContactMemory& m);
nlohmann::json history_json(const std::vector<HistoryEntry>& entries);

}  // namespace nextcall
