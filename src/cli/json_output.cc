#include "cli/json_output.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/runtime.h"

namespace nextcall::cli {

void print_json(Runtime& rt, const nlohmann::json& j) {
  rt.out() << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace nextcall::cli
