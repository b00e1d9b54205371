// The small condition language of `change add --resolves OBJECTION[:CONDITION]`.
//
// A condition is about the amount recorded with the contact's objection (for
// min_order_size: the order size they need). The change resolves the objection when the
// recorded amount satisfies it:
//   ">=50"   amount at least 50      ">50"  more than 50
//   "<=50"   amount at most 50       "<50"  less than 50
//   "=50"    exactly 50              "10..100"  from 10 to 100, both included
// No condition resolves the objection whatever its amount. An objection without an
// amount is resolved only by a change without a condition (nextcall cannot tell).
// Example: "we dropped our minimum order to 50 units" resolves min_order_size:>=50 —
// every prospect who needed at least 50 units can now buy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace nextcall {

struct AmountCondition {
  enum class Op { kAny, kGe, kGt, kLe, kLt, kEq, kBetween };
  Op op = Op::kAny;
  double a = 0, b = 0;
};

// Parses a condition; InvalidArgument naming the column: "condition '>=fifty', column 3:
// expected a number".
Result<AmountCondition> parse_amount_condition(std::string_view text);
bool satisfies(const AmountCondition& c, std::optional<double> amount);
// "at least 50", "from 10 to 100": for reasons and recall lists.
std::string describe(const AmountCondition& c);

}  // namespace nextcall
