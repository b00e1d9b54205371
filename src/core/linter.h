// The phrase linter: finds weak phrasing in scripts, voicemails, notes and e-mails
// (seeds 000–003). All phrases of all rules are compiled into one Hyperscan database and
// matched in one pass, case-insensitively, across line breaks and runs of spaces, with
// typographic apostrophes, quotes and dashes read as plain ones. Voicemails are also
// checked for structure: a benefit, a specific time, a callback number, the time budget.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lint_rules.h"
#include "core/status.h"

struct hs_database;
struct hs_scratch;

namespace nextcall {

struct LintFinding {
  std::string rule;
  std::size_t offset = 0;  // byte offset of the match in the text given
  std::size_t length = 0;
  int line = 0;            // 1-based
  int column = 0;          // 1-based, in characters
  std::string words;       // the words found, as written
  // Point into the rules of the Linter that made the finding: valid while it lives.
  std::string_view why;
  std::string_view instead;
};

struct VoicemailBudget {
  int words_per_minute = 150;
  int seconds = 10;
};

class Linter {
 public:
  // Compiles the rules. InvalidArgument naming the rule and phrase Hyperscan rejects.
  static Result<std::unique_ptr<Linter>> compile(std::vector<LintRule> rules);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  // Finds the weak phrases in `text` (findings in text order, one per place). Not
  // thread-safe: one Linter per thread.
  std::vector<LintFinding> lint(std::string_view text, TextKind kind) const;

  // The structural checks of a voicemail: over budget, no benefit, no specific time, no
  // callback number. Findings carry line 1, column 1 when they are about the whole text.
  std::vector<LintFinding> check_voicemail(std::string_view text, const VoicemailBudget& b) const;

  // The plain phrases of every rule, one per line (for comparing with grep -F -f).
  std::string plain_phrases() const;
  const std::vector<LintRule>& rules() const { return rules_; }

 private:
  Linter() = default;
  struct Pattern {
    std::size_t rule;
    enum Role { kPhrase, kExclude, kAfter } role;
  };
  std::vector<LintRule> rules_;
  std::vector<Pattern> patterns_;
  hs_database* db_ = nullptr;  // every pattern of every rule, one database
  mutable hs_scratch* scratch_ = nullptr;
};

// The regular expression a phrase becomes (exposed for tests): case handled by the
// database flags, spaces and hyphens match any run of white space or a hyphen, quotes
// and apostrophes match their typographic forms, and the phrase stands on word boundaries.
std::string phrase_pattern(std::string_view phrase);

// Line (1-based) and column (1-based, characters) of `offset` in text.
void line_and_column(std::string_view text, std::size_t offset, int* line, int* column);

}  // namespace nextcall
