// Use case: coach one call from a file (transcript or WAV recording) and write the memory the
// rep chose to keep into the store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/coach.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct CoachOptions {
  std::string path;
  std::string format;       // "" or "auto": detect; text|vtt|srt|json|wav
  std::string rep_speaker;  // label of the rep in the transcript; empty: detect
  std::string rep_channel = "left";  // recordings: left|right
  Date call_date{};
  std::optional<Id> contact_id;
  std::vector<std::string> user_names;  // the workspace's reps, to find the rep by name
  std::function<void(double)> progress;  // recordings: fraction done, 0..1
};

struct CoachResult {
  Transcript transcript;
  CoachReport report;
};

// Reads, parses (or transcribes), assigns the rep and coaches. Errors name the file.
Result<CoachResult> coach_file(const CoachOptions& opt);

// The memory items in a fixed order, for `keep`: threads, commitments, the hot button,
// objections (each in extraction order).
size_t memory_item_count(const CoachMemory& m);

// Writes the kept items (keep[i] for item i in the order above; a shorter vector keeps the
// rest) to the contact's memory in one transaction: threads, commitments (open, created on
// the call's date), the hot button (replacing the contact's), objections (open).
Status apply_memory(Store& store, Id ws, Id contact, const CoachMemory& m,
                    const std::vector<bool>& keep);

}  // namespace nextcall
