#include "core/call_history.h"

#include <limits>

#include <gtest/gtest.h>

#include "core/civil_time.h"
#include "core/planner.h"

namespace nextcall {
namespace {

Attempt call(const char* at, Outcome o, const char* rung = "", const char* ladder = "contact") {
  Attempt a;
  a.contact_id = 1;
  a.at = *parse_instant(at);
  a.outcome = o;
  a.rung = rung;
  a.ladder = ladder;
  return a;
}

TEST(CallHistoryTest, SumsUpMissesConnectsFollowUpsAndLocalMinutes) {
  Settings s;
  std::vector<Attempt> calls = {call("2026-11-16T12:30:00Z", Outcome::kVoicemail),
                                call("2026-11-17T12:30:00Z", Outcome::kConnected, "send_info"),
                                call("2026-11-18T22:05:00Z", Outcome::kGatekeeper, "direct_line", "gatekeeper"),
                                call("2026-11-19T12:30:00Z", Outcome::kNoAnswer)};
  calls[1].reason_id = 7;
  calls[2].next_on = parse_date("2026-11-24");
  CallHistory h = summarize_calls(calls, "America/New_York", s);
  EXPECT_EQ(h.calls, 4);
  EXPECT_EQ(format_instant(*h.last_at), "2026-11-19T12:30:00Z");
  EXPECT_EQ(h.last_outcome, Outcome::kNoAnswer);
  EXPECT_EQ(format_instant(*h.last_connect_at), "2026-11-17T12:30:00Z");
  EXPECT_EQ(h.last_connect_reason_id, 7);
  EXPECT_EQ(h.misses_since_connect, 2);  // the gatekeeper and the no-answer
  EXPECT_EQ(format_date(*h.follow_up_on), "2026-11-24");
  EXPECT_TRUE(h.any_follow_up);
  EXPECT_TRUE(h.reached_gatekeeper);
  // 12:30 UTC is 7:30 in New York (EST); 22:05 UTC is 17:05.
  ASSERT_EQ(h.minutes.size(), 2u);
  EXPECT_EQ(h.minutes[0].minute, 7 * 60 + 30);
  EXPECT_EQ(h.minutes[0].attempts, 3);
  EXPECT_EQ(h.minutes[0].connects, 1);
  EXPECT_EQ(h.minutes[1].minute, 17 * 60 + 5);
  EXPECT_EQ(h.best_rank(s.contact_ladder), 5);  // send_info
  EXPECT_EQ(h.best_rank(s.gatekeeper_ladder), 1);  // direct_line
  EXPECT_EQ(h.last_conversation_rung("contact"), "send_info");
  EXPECT_EQ(h.last_conversation_rung("gatekeeper"), "direct_line");
}

TEST(CallHistoryTest, AdvancingMeansAHigherContactRungThanEverBefore) {
  Settings s;
  CallHistory h;
  EXPECT_FALSE(fold_call(h, call("2026-11-16T15:00:00Z", Outcome::kConnected), "UTC", s));
  EXPECT_TRUE(fold_call(h, call("2026-11-17T15:00:00Z", Outcome::kConnected, "send_info"), "UTC", s));
  EXPECT_FALSE(fold_call(h, call("2026-11-18T15:00:00Z", Outcome::kConnected, "send_info"), "UTC", s));
  EXPECT_FALSE(fold_call(h, call("2026-11-18T16:00:00Z", Outcome::kConnected, "linkedin"), "UTC", s));
  EXPECT_FALSE(fold_call(h, call("2026-11-19T15:00:00Z", Outcome::kGatekeeper, "arrange_conversation", "gatekeeper"), "UTC", s));
  EXPECT_TRUE(fold_call(h, call("2026-11-20T15:00:00Z", Outcome::kConnected, "meeting"), "UTC", s));
  EXPECT_EQ(h.agreed.size(), 4u);  // send_info, linkedin, arrange_conversation, meeting
  // The last conversation on the contact ladder closed on a meeting; an empty close later
  // is remembered as closing on nothing.
  fold_call(h, call("2026-11-21T15:00:00Z", Outcome::kConnected), "UTC", s);
  EXPECT_EQ(h.last_conversation_rung("contact"), "");
}

TEST(CallHistoryTest, KeepsOnlyTheLatestCalls) {
  Settings s;
  CallHistory h;
  Instant t = *parse_instant("2026-11-01T15:00:00Z");
  for (int i = 0; i < 20; ++i) {
    Attempt a;
    a.at = t + std::chrono::hours{24 * i};
    a.outcome = Outcome::kVoicemail;
    fold_call(h, a, "UTC", s);
  }
  ASSERT_EQ(h.recent.size(), CallHistory::kRecent);
  EXPECT_EQ(h.recent.back().at, t + std::chrono::hours{24 * 19});
  EXPECT_EQ(h.recent.front().at, t + std::chrono::hours{24 * 12});
  EXPECT_EQ(h.calls, 20);
  EXPECT_EQ(h.misses_since_connect, 20);
}

TEST(CallHistoryTest, TextFormRoundTripsEvenOddNames) {
  Settings s;
  std::vector<Attempt> calls = {call("2026-11-16T12:30:00Z", Outcome::kConnected, "odd;rung,with:100%", "contact"),
                                call("2026-11-18T03:00:00Z", Outcome::kWrongNumber)};
  calls[0].next_on = parse_date("2026-12-01");
  calls[0].reason_id = 42;
  CallHistory h = summarize_calls(calls, "Asia/Kathmandu", s);
  std::string text = encode_call_history(h);
  auto back = decode_call_history(text);
  ASSERT_TRUE(back.has_value()) << text;
  EXPECT_EQ(encode_call_history(*back), text);
  EXPECT_EQ(back->agreed.at(0).rung, "odd;rung,with:100%");
  EXPECT_EQ(back->last_connect_reason_id, 42);
  EXPECT_EQ(format_date(*back->follow_up_on), "2026-12-01");
  EXPECT_EQ(back->minutes.at(0).minute, 8 * 60 + 45);  // 03:00 UTC is 8:45 in Kathmandu (+5:45)
  EXPECT_EQ(back->minutes.at(1).minute, 18 * 60 + 15);  // 12:30 UTC is 18:15
  // An empty history too.
  EXPECT_EQ(encode_call_history(*decode_call_history(encode_call_history(CallHistory{}))),
            encode_call_history(CallHistory{}));
}

TEST(CallHistoryTest, TheLatestCallTheScreenersExchangeAndEachTrysApproachRoundTrip) {
  Settings s;
  std::vector<Attempt> calls = {call("2026-11-16T12:30:00Z", Outcome::kGatekeeper, "pass_on_proposal", "gatekeeper"),
                                call("2026-11-18T15:00:00Z", Outcome::kConnected, "review_together", "contact")};
  calls[0].approach = "gatekeeper";
  calls[1].approach = "referral";
  CallHistory h = summarize_calls(calls, "America/New_York", s);
  EXPECT_EQ(h.last_ladder, CallHistory::LastLadder::kContact);
  EXPECT_EQ(h.last_rung, "review_together");
  ASSERT_TRUE(h.last_gatekeeper_at);
  EXPECT_EQ(h.last_gatekeeper_rung, "pass_on_proposal");
  auto back = decode_call_history(encode_call_history(h));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->last_rung, "review_together");
  EXPECT_EQ(back->last_gatekeeper_rung, "pass_on_proposal");
  EXPECT_EQ(*back->last_gatekeeper_at, *h.last_gatekeeper_at);
  ASSERT_EQ(back->recent.size(), 2u);
  EXPECT_EQ(back->recent[0].approach, Approach::kGatekeeper);
  EXPECT_EQ(back->recent[1].approach, Approach::kReferral);
}

TEST(CallHistoryTest, AVersionOneTextIsStillRead) {
  // Written before the latest call's rung and the approaches were kept.
  auto h = decode_call_history("v1;1;1763296200;0;1763296200;-;0;-;0;0;0;contact:meeting;contact:meeting;450:1:1;"
                               "1763296200:0:450");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->calls, 1);
  ASSERT_EQ(h->recent.size(), 1u);
  EXPECT_EQ(h->recent[0].approach, Approach::kDirect);
  EXPECT_TRUE(h->last_rung.empty());
  EXPECT_EQ(encode_call_history(*h).rfind("v2;", 0), 0u);
}

TEST(CallHistoryTest, DamagedTextIsRefusedNotGuessed) {
  Settings s;
  std::string good = encode_call_history(
      summarize_calls(std::vector<Attempt>{call("2026-11-16T12:30:00Z", Outcome::kConnected, "meeting")}, "UTC", s));
  ASSERT_TRUE(decode_call_history(good).has_value());
  // Every cut short of the whole text is refused (or still means a history that writes
  // the same text as what it read).
  for (std::size_t n = 0; n < good.size(); ++n) {
    auto h = decode_call_history(std::string_view(good).substr(0, n));
    if (h) {
      EXPECT_EQ(encode_call_history(*h), good.substr(0, n)) << n;
    }
  }
  EXPECT_FALSE(decode_call_history("v2;1;2;3").has_value());
  EXPECT_FALSE(decode_call_history("").has_value());
  EXPECT_FALSE(decode_call_history("v1;x;-;0;-;-;0;-;0;0;0;;;;").has_value());
  EXPECT_FALSE(decode_call_history("v1;1;-;9;-;-;0;-;0;0;0;;;;").has_value());      // no such outcome
  EXPECT_FALSE(decode_call_history("v1;1;-;0;-;-;0;-;0;0;0;;;2000:1:0;").has_value());  // minute past midnight
  EXPECT_FALSE(decode_call_history("v1;1;-;0;-;-;0;-;0;0;0;;;5:1:0,5:1:0;").has_value());  // not sorted
  EXPECT_FALSE(decode_call_history("v1;1;-;0;-;-;0;-;0;0;0;contact%ZZ:x;;;").has_value());
}

// Each field read back as written, at the edges of its range, and every kind of damage
// the one-pass reader must refuse rather than guess at.
TEST(CallHistoryTest, TextFormReadsEveryFieldAtItsEdges) {
  auto h = decode_call_history(
      "v1;2147483647;-9223372036854775808;4;9223372036854775807;-;-2147483647;-719468;-1;1;0;"
      "contact:%3a%3B,gate%25keeper:;:x;0:0:0,1439:2147483647:3;"
      "-5:0:0,1:1:1,2:2:2,3:3:3,4:4:4,5:0:5,6:1:6,7:2:1439");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->calls, 2147483647);
  EXPECT_EQ(h->last_at->time_since_epoch().count(), std::numeric_limits<long long>::min());
  EXPECT_EQ(h->last_outcome, Outcome::kWrongNumber);
  EXPECT_EQ(h->last_connect_at->time_since_epoch().count(), std::numeric_limits<long long>::max());
  EXPECT_FALSE(h->last_connect_reason_id.has_value());
  EXPECT_EQ(h->misses_since_connect, -2147483647);
  EXPECT_EQ(format_date(*h->follow_up_on), "0000-03-01");
  EXPECT_EQ(h->follow_up_set_at.time_since_epoch().count(), -1);
  EXPECT_TRUE(h->any_follow_up);
  EXPECT_FALSE(h->reached_gatekeeper);
  ASSERT_EQ(h->agreed.size(), 2u);
  EXPECT_EQ(h->agreed[0].ladder, "contact");
  EXPECT_EQ(h->agreed[0].rung, ":;");  // escapes in either case
  EXPECT_EQ(h->agreed[1].ladder, "gate%keeper");
  EXPECT_EQ(h->agreed[1].rung, "");
  ASSERT_EQ(h->last_conversation.size(), 1u);
  EXPECT_EQ(h->last_conversation[0].ladder, "");
  EXPECT_EQ(h->last_conversation[0].rung, "x");
  ASSERT_EQ(h->minutes.size(), 2u);
  EXPECT_EQ(h->minutes[1].minute, 1439);
  EXPECT_EQ(h->minutes[1].attempts, 2147483647);
  EXPECT_EQ(h->minutes[1].connects, 3);
  ASSERT_EQ(h->recent.size(), CallHistory::kRecent);
  EXPECT_EQ(h->recent[0].at.time_since_epoch().count(), -5);
  EXPECT_EQ(h->recent[7].outcome, Outcome::kGatekeeper);
  EXPECT_EQ(h->recent[7].local_minute, 1439);
  // Read back, written again, read again: the same history.
  EXPECT_EQ(encode_call_history(*decode_call_history(encode_call_history(*h))), encode_call_history(*h));

  const std::string empty = "v1;0;-;3;-;-;0;-;0;0;0;;;;";
  ASSERT_TRUE(decode_call_history(empty).has_value());
  // Past eighteen digits a number is read with a check: leading zeros are still fine.
  auto zeros = decode_call_history("v1;0;-00000000000000000000042;3;00000000009223372036854775807;-;0;-;0;0;0;;;;");
  ASSERT_TRUE(zeros.has_value());
  EXPECT_EQ(zeros->last_at->time_since_epoch().count(), -42);
  EXPECT_EQ(zeros->last_connect_at->time_since_epoch().count(), std::numeric_limits<long long>::max());
  for (const char* bad : {
           "v1;0;-;3;-;-;0;-;0;0;0;;;",                       // a field short
           "v1;0;-;3;-;-;0;-;0;0;0;;;;1:0",                   // a latest call with two parts
           "v1;0;-;3;-;-;0;-;0;0;0;;;;1:0:0,",                // a trailing comma
           "v1;0;-;3;-;-;0;-;0;0;0;;;;1:0:0;",                // a field too many
           "v1;0;-;3;-;-;0;-;0;0;0;;;;1:0:0,2:0:0,3:0:0,4:0:0,5:0:0,6:0:0,7:0:0,8:0:0,9:0:0",  // nine
           "v1;2147483648;-;3;-;-;0;-;0;0;0;;;;",             // calls past an int
           "v1;-1;-;3;-;-;0;-;0;0;0;;;;",                     // negative calls
           "v1;0;9223372036854775808;3;-;-;0;-;0;0;0;;;;",    // an instant past 64 bits
           "v1;0;-9223372036854775809;3;-;-;0;-;0;0;0;;;;",
           "v1;0;99999999999999999999;3;-;-;0;-;0;0;0;;;;",   // twenty digits
           "v1;0;000000000009223372036854775808;3;-;-;0;-;0;0;0;;;;",
           "v1;0;-;3;-;-;0;-;0;2;0;;;;",                      // a flag that is not 0 or 1
           "v1;0;-;3;-;-;0;-;0;0;01;;;;",
           "v1;0;--;3;-;-;0;-;0;0;0;;;;",                     // a dash that is not "none"
           "v1;0;-;3;-;-;0;-1-;0;0;0;;;;",
           "v1;0;-;3;-;-;0;-;;0;0;;;;",                       // an empty number
           "v1;0;-;3;-;-;0;-;+1;0;0;;;;",                     // a plus sign
           "v1;0;-;3;-;-;0;-;0;0;0;contact;;;",               // a rung without its ladder
           "v1;0;-;3;-;-;0;-;0;0;0;a:b:c;;;",                 // a rung with three parts
           "v1;0;-;3;-;-;0;-;0;0;0;a:b,;;;",                  // an empty rung item
           "v1;0;-;3;-;-;0;-;0;0;0;a:%4;;;",                  // an escape cut short
           "v1;0;-;3;-;-;0;-;0;0;0;a:%G0;;;",                 // not hex
           "v1;0;-;3;-;-;0;-;0;0;0;;;-1:1:0;",                // a minute before midnight
           "v1;0;-;3;-;-;0;-;0;0;0;;;1:-1:0;",                // negative counts
           "v1;0;-;3;-;-;0;-;0;0;0;;;1:1:0:0;",               // a minute with four parts
           "v1;0;-;3;-;-;0;-;0;0;0;;;;1:5:0",                 // no such outcome
       }) {
    EXPECT_FALSE(decode_call_history(bad).has_value()) << bad;
  }
}

// The planner reads the same from a history the store kept as from the calls themselves.
TEST(CallHistoryTest, PlanFromStoredHistoriesEqualsPlanFromCalls) {
  Snapshot from_calls;
  from_calls.rep.id = 1;
  from_calls.rep.name = "Sam";
  from_calls.rep.timezone = "America/Chicago";
  from_calls.day = *parse_date("2026-11-24");
  from_calls.now = *parse_instant("2026-11-24T12:00:00Z");
  Reason r;
  r.id = 1;
  r.text = "rush orders now ship in 3 days";
  from_calls.reasons = {r};
  for (Id id = 1; id <= 40; ++id) {
    Contact c;
    c.id = id;
    c.first_name = "Pat";
    c.last_name = "Number" + std::to_string(id);
    c.phones = {{"+1312555" + std::to_string(1000 + id), "work"}};
    c.timezone = id % 3 ? "America/New_York" : "";
    c.stage = id % 2 ? Stage::kCustomer : Stage::kProspect;
    if (c.stage == Stage::kCustomer) c.cadence.kind = Cadence::Kind::kWeekly;
    c.hot_button = id % 4 ? "shorter lead times" : "";
    from_calls.contacts.push_back(c);
    for (int k = 0; k < static_cast<int>(id % 6); ++k) {
      Attempt a;
      a.contact_id = id;
      a.at = from_calls.now - std::chrono::hours{24 * (1 + 3 * k) + static_cast<int>(id)};
      a.outcome = static_cast<Outcome>((id + static_cast<Id>(k)) % 5);
      if (a.outcome == Outcome::kConnected && k % 2) a.rung = "send_info";
      if (k == 0 && id % 5 == 0) a.next_on = from_calls.day;
      from_calls.attempts.push_back(a);
    }
  }
  Snapshot from_histories = from_calls;
  from_calls.index();
  for (std::size_t i = 0; i < from_calls.contacts.size(); ++i)
    from_histories.histories.push_back({from_calls.contacts[i].id, from_calls.history_of(i)});
  from_histories.attempts.clear();
  from_histories.index();
  CallSheet a = plan_day(from_calls), b = plan_day(from_histories);
  ASSERT_FALSE(a.calls.empty());
  ASSERT_EQ(a.calls.size(), b.calls.size());
  for (std::size_t i = 0; i < a.calls.size(); ++i) {
    EXPECT_EQ(a.calls[i].contact_id, b.calls[i].contact_id);
    EXPECT_EQ(a.calls[i].window.why, b.calls[i].window.why);
    EXPECT_EQ(a.calls[i].close.rung, b.calls[i].close.rung);
    EXPECT_EQ(a.calls[i].approach, b.calls[i].approach);
    EXPECT_DOUBLE_EQ(a.calls[i].priority, b.calls[i].priority);
  }
}

}  // namespace
}  // namespace nextcall
