// Reads a team's lint rule file (docs/linter.md) from disk.
#pragma once

#include <string>
#include <vector>

#include "core/lint_rules.h"

namespace nextcall {

// The default rules followed by those of `path` (when not empty). Io when the file
// cannot be read; InvalidArgument "FILE:LINE: ..." when it is malformed.
Result<std::vector<LintRule>> load_lint_rules(const std::string& path);

}  // namespace nextcall
