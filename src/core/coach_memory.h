// What the coach remembers from a call for the next one (seed 000 threads, seed 002
// commitments and hot button, seed 001 objections, seed 004 rungs). Rule-based: each item
// comes from a cue phrase in one sentence; what it misses is listed in docs/coach.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/transcript.h"

namespace nextcall {

struct MemoryThread {
  ThreadKind kind = ThreadKind::kBusiness;
  std::string topic;   // "setting up a new line in March"
  int turn = -1;
};

struct MemoryCommitment {
  Party owner = Party::kContact;
  std::string what;              // "look at the specs"
  std::optional<Date> due_on;    // resolved against the call's date
  std::string due_text;          // "by friday"
  int turn = -1;
};

struct MemoryObjection {
  std::string code;    // min_order_size, credit_terms, missing_product_line, quality, price,
                       // incumbent_vendor, no_budget
  std::string detail;  // the sentence
  int turn = -1;
};

struct CoachMemory {
  std::vector<MemoryThread> threads;
  std::vector<MemoryCommitment> commitments;
  std::optional<std::string> hot_button;
  int hot_button_turn = -1;
  std::vector<MemoryObjection> objections;
  std::string rung_agreed;  // filled by coach_call() from the close analysis
  std::string ladder;       // "contact" or "gatekeeper"
  Date call_date{};         // the date the commitments were resolved against
};

// Extracts threads, commitments (both sides), the hot button and objections.
CoachMemory extract_memory(const Transcript& t, Date call_date);

// Resolves a due phrase ("by friday", "tomorrow", "next week", "end of the month") found in
// `sentence_norm` against `call_date`; sets `due_text` to the phrase.
std::optional<Date> resolve_due(const std::string& sentence_norm, Date call_date,
                                std::string* due_text);

}  // namespace nextcall
