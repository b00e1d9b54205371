// A contact's call history, summed up: everything the planner needs from the past calls
// with one contact, in one small value. The store keeps it up to date as calls are logged
// (folding each new call in), so planning a day reads one row a contact instead of every
// call ever made; hand-built snapshots (tests) get it by summarizing their calls.
//
// The fold is exact for calls logged in time order; a call logged with an earlier time
// than the latest one makes the store summarize that contact's calls again.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

// Calls made at one local minute of the day (the contact's clock), for learned windows.
struct MinuteCount {
  int minute = 0;  // 0..1439
  int attempts = 0;
  int connects = 0;
};

// How a call was tried, in one byte (a history keeps the latest eight of them).
enum class Approach : std::uint8_t {
  kDirect,       // dialled the contact
  kVoicemail,    // dialled, ready to leave the message
  kGatekeeper,   // through the screener: enlist their help
  kReferral,     // led with who referred us
  kProposal,     // a proposal passed on through the screener
  kEmail,
  kLinkedin,
  kOther,
};
Approach parse_approach(std::string_view text);  // unknown text: kOther
std::string_view to_text(Approach a);

// One of the latest calls: enough to count today's tries and this week's voicemails, and
// to say which windows and approaches were tried since the last conversation.
struct RecentCall {
  Instant at{};
  Outcome outcome = Outcome::kNoAnswer;
  int local_minute = 0;
  Approach approach = Approach::kDirect;
};

// A rung agreed on a ladder, or the rung the last conversation on it closed on.
struct LadderRung {
  std::string ladder;
  std::string rung;
};

struct CallHistory {
  static constexpr std::size_t kRecent = 8;  // latest calls kept (>= any sane daily limit)
  static constexpr int kMaxMissesInARow = 6;  // then the contact rests until something changes
  static constexpr int kRetryWithinDays = 14;  // a miss older than this is not chased

  int calls = 0;
  std::optional<Instant> last_at;
  Outcome last_outcome = Outcome::kNoAnswer;
  std::optional<Instant> last_connect_at;
  std::optional<Id> last_connect_reason_id;  // the library reason said on the last conversation
  int misses_since_connect = 0;    // wrong numbers are not misses
  std::optional<Date> follow_up_on;  // set on the latest call that set one
  Instant follow_up_set_at{};       // when that call was
  bool any_follow_up = false;       // some call set a follow-up date
  bool reached_gatekeeper = false;
  std::vector<LadderRung> agreed;             // distinct rungs agreed, per ladder
  std::vector<LadderRung> last_conversation;  // per ladder: the rung its last conversation closed on ("" = nothing)
  std::vector<MinuteCount> minutes;           // sorted by minute
  std::vector<RecentCall> recent;             // oldest first, at most kRecent
  // The latest call's ladder and the rung agreed on it ("" = none), for the brief's last
  // call; and the latest exchange with a screener (the gatekeeper script builds on it).
  enum class LastLadder : std::uint8_t { kNone, kContact, kGatekeeper };
  LastLadder last_ladder = LastLadder::kNone;  // one byte: 400,000 histories in a team plan
  std::string last_rung;
  std::optional<Instant> last_gatekeeper_at;
  std::string last_gatekeeper_rung;

  // The highest rung agreed on `ladder` (by its order); -1 when none.
  int best_rank(const Ladder& ladder) const;
  // The rung the last conversation on `ladder` closed on; nullopt when there was none.
  std::optional<std::string> last_conversation_rung(const std::string& ladder) const;
  // Whether the calls since the last conversation leave room for another try (seed 003:
  // persistence, not pestering): a follow-up was wanted, the last call was a miss, and
  // not too many misses in a row. The planner still asks how long ago the miss was.
  bool may_retry() const;
};

// A contact's history with the store's key.
struct ContactHistory {
  Id contact_id = 0;
  CallHistory history;
};

// What the calls that used one library reason came to, for Thompson sampling among
// reasons that fit equally well.
struct ReasonRecord {
  Id reason_id = 0;
  long tries = 0;
  long advances = 0;
};

// Folds one more call into `h`. `zone` is the contact's zone (their clock decides the
// minute). Returns true when the call advanced the contact: it agreed to a rung of the
// contact ladder above every rung agreed before (the measure of a reason's success).
bool fold_call(CallHistory& h, const Attempt& a, const std::string& zone, const Settings& settings);

// The history of `calls` (oldest first).
CallHistory summarize_calls(std::span<const Attempt> calls, const std::string& zone, const Settings& settings);

// A compact text form for the store ("v1;..."), and back. decode returns nullopt on text
// it does not understand (the store then summarizes the calls again).
std::string encode_call_history(const CallHistory& h);
std::optional<CallHistory> decode_call_history(std::string_view text);

}  // namespace nextcall
