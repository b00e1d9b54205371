// The phrase linter's rules are data: a small text format a team can extend (documented
// in docs/linter.md). This file parses it; io/lint_rules_file.h reads it from disk and
// core/default_lint_rules.cc holds the rules that come from the seeds.
//
//   # a comment
//   rule touch_base
//     applies script voicemail note email
//     why Touch-base calls carry nothing of value for the listener (seed 001).
//     instead Open with their topic: "When we last spoke, you mentioned ..."
//     phrase touch base
//     phrase touching base
//     exclude touch base plate          (a match inside this text is not a finding)
//     after haven't had a chance        (only a finding when this came shortly before)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nextcall {

enum class TextKind { kScript, kVoicemail, kNote, kEmail };

struct LintRule {
  std::string id;
  std::vector<TextKind> applies;  // empty: every kind
  std::string why;
  std::string instead;
  std::vector<std::string> phrases;
  std::vector<std::string> excludes;
  std::vector<std::string> after;  // context that must come before (within ~400 characters)
};

// Parses rules; InvalidArgument "NAME:LINE: ..." on a malformed line.
Result<std::vector<LintRule>> parse_lint_rules(std::string_view text, const std::string& name);

// The rules from the seeds, in the same format (see default_lint_rules.cc).
std::string_view default_lint_rules_text();

std::string_view to_text(TextKind k);
bool parse_text_kind(std::string_view s, TextKind* out);

}  // namespace nextcall
