// What a company change means to one contact (seed 001: new policies, a new regime, new
// capabilities and industry news re-open accounts): does it resolve their open objection
// or serve their hot button, and the reason to call drafted as the listener's result.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/model.h"

namespace nextcall {

struct ChangeFit {
  bool fits = false;
  std::optional<Id> objection_id;  // the open objection it resolves
  bool serves_hot_button = false;
  std::string drafted_reason;  // "you mentioned the minimum order was what stopped you; …"
  std::string why;             // "resolves min_order_size (needed 60, change: at least 50)"
};

// REQUIRES: objections are the contact's. `industry` is their account's ("" when unknown).
ChangeFit change_fit(const Change& change, const Contact& contact,
                     std::span<const Objection> objections, const std::string& industry);

// How people say an objection code: min_order_size -> "the minimum order".
std::string objection_phrase(const std::string& code);

}  // namespace nextcall
