// The listener-value check of a reason (seed 001): "the listener must perceive what goes
// in the blank as something valuable and interesting to him". Flags touch-base wording,
// reasons about us rather than the listener's result, and reasons with no benefit, each
// with a suggested rewrite.
#pragma once

#include <string>
#include <vector>

#include "core/linter.h"

namespace nextcall {

struct ReasonProblem {
  std::string rule;     // touch_base, ..., about_us, no_benefit
  std::string message;  // "talks about us, not the listener's result"
  std::string rewrite;
};

std::vector<ReasonProblem> check_reason(const std::string& text, const Linter& linter);

}  // namespace nextcall
