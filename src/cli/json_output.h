// JSON output of commands: pretty-printed, UTF-8, one document per command.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace nextcall::cli {

class Runtime;

// Writes j to rt.out() with two-space indentation and a final newline.
void print_json(Runtime& rt, const nlohmann::json& j);

}  // namespace nextcall::cli
