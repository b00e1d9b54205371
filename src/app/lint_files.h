// `nextcall lint`: lint files or standard input, streaming large files in bounded memory.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/linter.h"

namespace nextcall {

struct LintOptions {
  std::vector<std::string> files;  // "-" or empty: standard input
  std::string rules_path;          // a team's rule file, added to the defaults
  std::optional<TextKind> kind;    // default: from the file name, else script
  VoicemailBudget budget;
};

struct FileFinding {
  std::string file;
  LintFinding finding;
};

struct LintSummary {
  long files = 0;
  long findings = 0;
  long long bytes = 0;
};

// Lints every file, calling `on_finding` in file and text order. Returns Io/InvalidArgument
// for an unreadable file or a bad rule file (nothing is reported for that file).
Result<LintSummary> lint_files(const LintOptions& o, std::istream& stdin_stream,
                               const std::function<void(const FileFinding&)>& on_finding);

// The plain phrases of the rules in use (for comparisons with grep -F -f).
Result<std::string> lint_phrases(const std::string& rules_path);

}  // namespace nextcall
