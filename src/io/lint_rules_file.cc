#include "io/lint_rules_file.h"

#include <fstream>
#include <sstream>

namespace nextcall {

Result<std::vector<LintRule>> load_lint_rules(const std::string& path) {
  auto rules = parse_lint_rules(default_lint_rules_text(), "default rules");
  if (!rules.ok() || path.empty()) return rules;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io(path + ": cannot read the rule file");
  std::stringstream text;
  text << in.rdbuf();
  auto team = parse_lint_rules(text.str(), path);
  if (!team.ok()) return team.status();
  // A team rule with the id of a default rule replaces it.
  for (LintRule& r : *team) {
    bool replaced = false;
    for (LintRule& d : *rules)
      if (d.id == r.id) {
        d = r;
        replaced = true;
      }
    if (!replaced) rules->push_back(std::move(r));
  }
  return rules;
}

}  // namespace nextcall
