// The team's reason library (seed 001): add, edit, list, retire; the listener-value check
// on every reason added; and which reasons work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/reason_check.h"
#include "core/reason_stats.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct ReasonInput {
  std::optional<std::string> text, category, expires;
  std::optional<std::vector<std::string>> industries, stages, roles, hot_buttons, objections;
  bool force = false;  // keep it despite the value check, marked as forced
};

struct ReasonResult {
  Reason reason;
  std::vector<ReasonProblem> problems;
};

// Validates and stores a reason. When the value check finds problems and `force` is not
// set, nothing is stored and InvalidArgument lists each problem with its rewrite.
Result<ReasonResult> add_reason(Store& store, const Actor& actor, const ReasonInput& in, Date today,
                                Instant now);
Result<ReasonResult> edit_reason(Store& store, const Actor& actor, Id id, const ReasonInput& in, Date today);
// Retiring takes a reason out of the plan (its statistics stay); restoring puts it back.
// Either is for the reason's author or a manager (or admin): a rep cannot take a teammate's
// reason away.
Result<Reason> retire_reason(Store& store, const Actor& actor, Id id);
Result<Reason> restore_reason(Store& store, const Actor& actor, Id id);

// Runs the listener-value check alone.
Result<std::vector<ReasonProblem>> check_reason_text(const std::string& text);

struct ReasonReport {
  std::vector<Reason> reasons;
  ReasonStats stats;
};
Result<ReasonReport> reasons_report(Store& store, const Actor& actor);

// "InvalidArgument" text for a failed value check: one problem a line with its rewrite.
std::string describe_problems(const std::vector<ReasonProblem>& problems);

}  // namespace nextcall
