// Which reason works (seed 001's reasons, measured): per reason and per category, how
// many calls used it, how many connected and how many advanced the contact up the close
// ladder (a rung above the highest they had agreed to before that call).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

struct ReasonCounts {
  long attempts = 0;
  long connects = 0;
  long advances = 0;
};

struct ReasonStats {
  std::map<Id, ReasonCounts> by_reason;            // reason id
  std::map<std::string, ReasonCounts> by_category;  // category name
  std::map<std::string, ReasonCounts> by_text;      // reasons said without a library id
};

// REQUIRES: attempts sorted by contact, then time. Reasons give each id its category.
ReasonStats reason_stats(const std::vector<Attempt>& attempts, const std::vector<Reason>& reasons,
                         const Settings& settings);

}  // namespace nextcall
