// The call coach: reads one call (core/transcript.h) and says what was missed, with the
// seeds' reasoning (shared/seeds 000-004; 002 above all: "Here's what I heard on a
// recorded call"). Pure: no I/O, the call's date is a parameter.
//
// Rule ids: weak_opener, no_reason, missed_walk_through, no_close, voicemail_too_long,
// voicemail_no_benefit, voicemail_no_time, voicemail_no_number. The talk figures are
// reported, not judged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/coach_memory.h"
#include "core/transcript.h"

namespace nextcall {

struct Finding {
  std::string rule;           // "missed_walk_through"
  int turn = -1;              // index into Transcript::turns; -1: the call as a whole
  std::optional<double> at;   // seconds, when the transcript has times
  std::string words;          // what was said (the flagged turn's text)
  std::string why;            // the seed's reasoning, one sentence
  std::string instead;        // what to say instead
  std::string detail;         // rule-specific facts ("asked: meeting; agreed: no")
};

struct TalkFigures {
  bool by_time = false;          // share computed from timestamps (else from words)
  bool available = true;         // false on a mono recording: one speaker only
  double rep_share = 0;          // 0..1 of talk (time or words)
  int rep_questions = 0;
  int longest_monologue_turn = -1;
  std::string longest_monologue_speaker;
  double longest_monologue = 0;  // seconds when by_time, else words
  int rep_words = 0;
  int contact_words = 0;
  double duration_seconds = 0;   // 0 when unknown
};

// The close as heard: the asks the rep made, mapped to ladder rungs.
struct CloseAsk {
  std::string rung;   // sale, meeting, proposal_review, review_together, referral, send_info,
                      // linkedin; gatekeeper ladder: arrange_conversation, direct_line,
                      // pass_on_proposal, referral
  int turn = -1;
  bool agreed = false;
};

struct CloseAnalysis {
  std::string ladder = "contact";  // "contact" or "gatekeeper"
  std::vector<CloseAsk> asks;
  std::string rung_agreed;  // the highest rung agreed; empty: none
};

struct CoachOptionsCore {
  int voicemail_budget_seconds = 10;
  int words_per_minute = 150;
  int opening_rep_turns = 3;  // "the rep's first turns" for weak_opener and no_reason
};

struct CoachReport {
  bool voicemail = false;
  std::vector<Finding> findings;
  TalkFigures figures;
  CloseAnalysis close;
  CoachMemory memory;
  std::vector<std::string> warnings;
};

// Runs every rule and the memory extraction. REQUIRES: assign_rep() was applied.
CoachReport coach_call(const Transcript& t, Date call_date, const CoachOptionsCore& opt = {});

// The rule groups, usable alone (tests, the evaluation tool).
bool is_voicemail(const Transcript& t);
std::vector<Finding> check_opening(const Transcript& t, const CoachOptionsCore& opt);
std::vector<Finding> check_walk_through(const Transcript& t);
CloseAnalysis analyse_close(const Transcript& t);
std::vector<Finding> check_close(const Transcript& t, const CloseAnalysis& close);
std::vector<Finding> check_voicemail(const Transcript& t, const CoachOptionsCore& opt);
TalkFigures talk_figures(const Transcript& t);

// The touch-base / check-in phrases of seed 001, found in `text`; empty if none. A small
// internal list until the shared phrase linter (core/linter) is available; swap here.
std::string weak_opener_phrase(const std::string& text);

}  // namespace nextcall
