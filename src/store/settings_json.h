// Settings as JSON text, the form both backends store them in. Fields missing from the
// text keep the defaults of core/settings.h, so new settings need no migration.
#pragma once

#include <string>

#include "core/settings.h"
#include "core/status.h"

namespace nextcall {

std::string settings_to_json(const Settings& s);
// InvalidArgument naming the field when a value has the wrong type or is out of range.
Result<Settings> settings_from_json(const std::string& text);

}  // namespace nextcall
