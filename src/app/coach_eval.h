// Accuracy of the call coach on a labelled set (tests/coach_corpus/): precision and recall
// per finding rule and per extraction kind. Label format: tests/coach_corpus/README.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace nextcall {

struct Tally {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

struct EvalResult {
  int calls = 0;
  std::map<std::string, Tally> by_kind;  // "finding:no_close", "commitment", "thread", ...
  std::vector<std::string> misses;       // "file: expected/unexpected item", for tuning
};

// Coaches every transcript in `dir` that has a .labels file beside it and compares.
Result<EvalResult> evaluate_coach(const std::string& dir);

// A Markdown table of `r` (kind | tp | fp | fn | precision | recall).
std::string eval_table(const EvalResult& r);

}  // namespace nextcall
