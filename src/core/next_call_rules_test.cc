// The second day: each call's outcome shapes the next plan (seeds 002, 003, 004). One rule
// a test, on snapshots built in a few lines (a rep in Chicago planning Tue 2026-11-24).
#include <gtest/gtest.h>

#include <set>

#include "core/close_ladder.h"
#include "core/planner.h"
#include "core/snapshot_builder_test_util.h"

namespace nextcall {
namespace {

std::optional<Brief> on_sheet(const CallSheet& sheet, Id id) {
  for (const Brief& b : sheet.calls)
    if (b.contact_id == id) return b;
  return std::nullopt;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// --- 1. nobody is planned before the agreed next step ------------------------------------

TEST(NextCallRulesTest, ReachedContactIsNotPlannedBeforeTheAgreedDate) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the cost study", "2026-11-20");
  Attempt& a = b.called(ann, "2026-11-23T15:00:00Z", Outcome::kConnected, "review_together");
  a.note = "meeting booked at their plant";
  a.next_on = d("2026-11-27");
  b.reason("we now stock every part for the Model 40 line");
  EXPECT_FALSE(on_sheet(plan_day(b.build()), ann)) << "the contact agreed to be called on the 27th";
  b.snapshot().day = d("2026-11-27");
  b.snapshot().now = t("2026-11-27T12:00:00Z");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief) << "the agreed day has come";
  EXPECT_TRUE(contains(brief->due_because.at(0), "follow-up agreed for 2026-11-27")) << brief->due_because.at(0);
}

TEST(NextCallRulesTest, AMeetingBookedIsTheNextStep) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the cost study", "2026-11-24");
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kConnected, "meeting");
  b.appointment(ann, "2026-12-01T15:00:00Z", AppointmentStatus::kConfirmed);
  b.reason("we now stock every part for the Model 40 line");
  EXPECT_FALSE(on_sheet(plan_day(b.build()), ann)) << "their promise waits for the meeting";
}

TEST(NextCallRulesTest, TheRepsOwnPromiseFallingDueCallsBeforeTheNextStep) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Attempt& a = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "proposal_review");
  a.next_on = d("2026-12-02");
  b.owes(ann, "send the pricing for 200 kits", "2026-11-24", Party::kRep);
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->reason.source, "commitment");
  EXPECT_TRUE(brief->reason.kept_promise);
  EXPECT_EQ(brief->reason.text.rfind("I have the pricing for 200 kits I promised you", 0), 0u) << brief->reason.text;
}

TEST(NextCallRulesTest, AChangeThatResolvesTheirObjectionCallsBeforeTheNextStep) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Attempt& a = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "referral");
  a.next_on = d("2026-12-10");
  Objection o;
  o.id = 900;
  o.contact_id = ann;
  o.code = "min_order_size";
  o.amount = 60;
  b.snapshot().objections.push_back(o);
  Change ch;
  ch.id = 7;
  ch.title = "Minimum order down to 50";
  ch.resolves = {{"min_order_size", "<=60"}};
  ch.created_at = t("2026-11-23T12:00:00Z");
  b.snapshot().changes.push_back(ch);
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->reason.source, "change");
  EXPECT_EQ(brief->close.rung, "sale") << brief->close.why;
}

TEST(NextCallRulesTest, ContactReachedTodayIsNotPlannedAgainToday) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the cost study", "2026-11-24");
  b.called(ann, "2026-11-24T15:00:00Z", Outcome::kConnected, "review_together");
  b.snapshot().now = t("2026-11-24T18:00:00Z");
  b.reason("we now stock every part for the Model 40 line");
  EXPECT_FALSE(on_sheet(plan_day(b.build()), ann));
}

TEST(NextCallRulesTest, APromiseDueByTheLastConversationWasTalkedAbout) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the cost study", "2026-11-18");
  b.called(ann, "2026-11-19T15:00:00Z", Outcome::kConnected, "");
  b.reason("we now stock every part for the Model 40 line");
  EXPECT_FALSE(on_sheet(plan_day(b.build()), ann)) << "nothing agreed: not tomorrow morning again";
}

TEST(NextCallRulesTest, NothingAgreedFallsBackToARecallWeeksLater) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.called(ann, "2026-11-09T15:00:00Z", Outcome::kConnected, "");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief) << "15 days after a conversation with nothing agreed";
  EXPECT_TRUE(contains(brief->due_because.at(0), "no next step agreed")) << brief->due_because.at(0);
}

TEST(NextCallRulesTest, ACallbackTimeTodayIsPlannedAtThatTime) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kConnected, "review_together");
  b.appointment(ann, "2026-11-24T19:30:00Z", AppointmentStatus::kConfirmed, true);
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->window.name, "callback");
  EXPECT_EQ(brief->window.start, t("2026-11-24T19:30:00Z"));
}

// --- 2. the close target follows the situation -------------------------------------------

TEST(NextCallRulesTest, TargetIsOneRungAboveTheHighestAgreed) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Attempt& a = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "review_together");
  a.next_on = d("2026-11-24");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.rung, "proposal_review");
  EXPECT_EQ(brief->close.fallbacks,
            (std::vector<std::string>{"review_together", "referral", "send_info", "linkedin"}));
  EXPECT_EQ(brief->close.why.back(), '.');
}

TEST(NextCallRulesTest, TargetIsNeverALastResortAfterALinkedInOnlyCall) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Attempt& a = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "linkedin");
  a.next_on = d("2026-11-24");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_FALSE(is_last_resort(b.snapshot().settings.contact_ladder, brief->close.rung)) << brief->close.rung;
  EXPECT_EQ(brief->close.rung, "referral");
}

TEST(NextCallRulesTest, TheyOweAReviewSoTheTargetIsGoingThroughItTogether) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Material& m = b.material(ann, "cost study", "page 4", "unscheduled maintenance");
  Commitment& k = b.owes(ann, "review the cost study", "2026-11-23");
  k.material_id = m.id;
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.rung, "review_together") << brief->close.why;
  ASSERT_TRUE(brief->fallback_play);
  EXPECT_TRUE(contains(*brief->fallback_play, "go through it together"));
  EXPECT_TRUE(contains(*brief->fallback_play, "page 4"));
}

TEST(NextCallRulesTest, ACustomerOnACadenceIsAskedForTheOrder) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.stage = Stage::kCustomer;
  c.cadence = {Cadence::Kind::kWeekly, 0};
  Id ann = c.id;
  b.called(ann, "2026-11-10T15:00:00Z", Outcome::kConnected, "sale");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.rung, "sale");
}

TEST(NextCallRulesTest, AReferralIsAskedForAMeeting) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Referral& r = b.referral(ann, "John Doe");
  r.introduced = true;
  r.introduced_on = d("2026-11-23");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.rung, "meeting");
  EXPECT_EQ(brief->reason.source, "referral");
  EXPECT_TRUE(contains(brief->opener, "John Doe")) << brief->opener;
  EXPECT_TRUE(contains(brief->voicemail.text, "John Doe")) << brief->voicemail.text;
}

TEST(NextCallRulesTest, NothingAgreedYetAsksForAMeetingNotAReferral) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "check with the plant manager", "2026-11-23");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.rung, "meeting") << brief->close.why;
}

// --- 3. the reason is what the call is about ---------------------------------------------

TEST(NextCallRulesTest, TheRepsPromiseDueBeatsALibraryReason) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "send the pricing for 200 kits", "2026-11-24", Party::kRep);
  Reason& r = b.reason("plants in your industry cut downtime by a third with our kits");
  r.hot_buttons = {"unscheduled maintenance"};
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->reason.source, "commitment");
  EXPECT_TRUE(contains(brief->reason.sentence, "I have the pricing for 200 kits I promised you"))
      << brief->reason.sentence;
  EXPECT_TRUE(contains(brief->voicemail.text, "pricing for 200 kits") ||
              contains(brief->voicemail.text, "idea for"))
      << brief->voicemail.text;
}

TEST(NextCallRulesTest, WhatTheyOweComesWithThePageThatServesTheirHotButton) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Material& m = b.material(ann, "cost study", "page 4", "unscheduled maintenance");
  Commitment& k = b.owes(ann, "review the cost study", "2026-11-23");
  k.material_id = m.id;
  b.reason("plants in your industry cut downtime by a third with our kits");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->reason.source, "commitment");
  EXPECT_TRUE(contains(brief->reason.text, "cost study")) << brief->reason.text;
  EXPECT_TRUE(contains(brief->reason.text, "page 4")) << brief->reason.text;
  EXPECT_TRUE(contains(brief->opener, "cost study") || brief->opener_source.rfind("thread", 0) == 0)
      << brief->opener;
}

// --- 4. the voicemail says who is calling ------------------------------------------------

TEST(NextCallRulesTest, TheVoicemailNamesTheRepAndTheCompanyAndFitsItsTime) {
  SnapshotBuilder b;
  b.snapshot().settings.company_name = "Northwind Supply";
  Id ann = b.contact("Ann").id;
  b.owes(ann, "check with the plant manager", "2026-11-23");
  b.reason("our new 30-day terms let you order as you sell, with no minimum to meet first, "
           "starting with your next order this month");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_TRUE(contains(brief->voicemail.text, "Maria Alvarez")) << brief->voicemail.text;
  EXPECT_TRUE(contains(brief->voicemail.text, "Northwind Supply")) << brief->voicemail.text;
  EXPECT_TRUE(contains(brief->voicemail.text, brief->voicemail.slot_text)) << brief->voicemail.text;
  EXPECT_TRUE(contains(brief->voicemail.text, "(312) 555-0142")) << brief->voicemail.text;
  EXPECT_LE(brief->voicemail.seconds, brief->voicemail.budget_seconds) << brief->voicemail.text;
}

// --- 5. times left on voicemails are held ------------------------------------------------

TEST(NextCallRulesTest, NoTwoContactsAreOfferedTheSameTime) {
  SnapshotBuilder b;
  std::vector<Id> ids;
  for (const char* name : {"Ann", "Bo", "Cy", "Di", "Ed", "Flo"}) {
    Id id = b.contact(name).id;
    b.owes(id, "check with the plant manager", "2026-11-23");
    ids.push_back(id);
  }
  b.reason("we now stock every part for the Model 40 line");
  CallSheet sheet = plan_day(b.build());
  ASSERT_EQ(sheet.calls.size(), ids.size());
  std::set<Instant> times;
  for (const Brief& brief : sheet.calls) EXPECT_TRUE(times.insert(brief.voicemail.proposed_slot).second);
}

TEST(NextCallRulesTest, ATimeHeldForOneContactIsNeverOfferedToAnother) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Id bo = b.contact("Bo").id;
  b.owes(bo, "check with the plant manager", "2026-11-23");
  b.reason("we now stock every part for the Model 40 line");
  // Without the hold, Bo's first free slot is Thursday 10 a.m. his time.
  Instant first = on_sheet(plan_day(b.build()), bo)->voicemail.proposed_slot;
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kVoicemail);
  Appointment& held = b.appointment(ann, "2026-11-26T15:00:00Z", AppointmentStatus::kProposed);
  held.starts_at = first;
  b.snapshot().rep_appointments.back().starts_at = first;
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), bo);
  ASSERT_TRUE(brief);
  EXPECT_NE(brief->voicemail.proposed_slot, first);
}

TEST(NextCallRulesTest, TheHeldTimeIsSaidAgainAndCalledWhenItComes) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "check with the plant manager", "2026-11-23", Party::kRep);
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kVoicemail);
  Appointment& held = b.appointment(ann, "2026-11-24T16:00:00Z", AppointmentStatus::kProposed);
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->window.name, "held");
  EXPECT_EQ(brief->window.start, held.starts_at);
  EXPECT_TRUE(contains(brief->opener, "As I said in my message")) << brief->opener;
  EXPECT_EQ(brief->close.rung, "meeting");
}

TEST(NextCallRulesTest, AFutureHeldTimeIsTheTimeTheVoicemailProposesAgain) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "send the pricing", "2026-11-24", Party::kRep);
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kVoicemail);
  Appointment& held = b.appointment(ann, "2026-11-27T16:00:00Z", AppointmentStatus::kProposed);
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->voicemail.proposed_slot, held.starts_at);
  ASSERT_TRUE(brief->voicemail.held_appointment_id);
  EXPECT_EQ(*brief->voicemail.held_appointment_id, held.id);
}

TEST(NextCallRulesTest, AHeldTimeThatPassedHasExpired) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "send the pricing", "2026-11-24", Party::kRep);
  b.called(ann, "2026-11-20T15:00:00Z", Outcome::kVoicemail);
  b.appointment(ann, "2026-11-23T16:00:00Z", AppointmentStatus::kProposed);
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_FALSE(brief->voicemail.held_appointment_id);
  EXPECT_NE(brief->window.name, "held");
}

// --- 6. persistence changes time and strategy --------------------------------------------

TEST(NextCallRulesTest, AfterAMissTheNextTryIsInADifferentWindow) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Attempt& first = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "review_together");
  first.next_on = d("2026-11-23");
  // Monday 10:00 in New York: the "day" window, a voicemail.
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kVoicemail);
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_NE(brief->window.name, "day");
  EXPECT_EQ(brief->attempt, 2);
  ASSERT_EQ(brief->tried_before.size(), 1u);
  EXPECT_TRUE(contains(brief->tried_before[0], "voicemail")) << brief->tried_before[0];
}

TEST(NextCallRulesTest, AScreenedContactIsTriedWhenScreenersAreOut) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.gatekeeper_id = 5;
  Id ann = c.id;
  Attempt& first = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "review_together");
  first.next_on = d("2026-11-23");
  Attempt& miss = b.called(ann, "2026-11-23T15:00:00Z", Outcome::kGatekeeper);
  miss.ladder = "gatekeeper";
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  bool out = false;
  for (const CallWindow& w : b.snapshot().settings.windows)
    if (w.name == brief->window.name) out = w.screeners_out;
  EXPECT_TRUE(out) << brief->window.name;
  EXPECT_EQ(brief->approach, "direct");
}

TEST(NextCallRulesTest, TheApproachRotatesAcrossTries) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.gatekeeper_id = 5;
  Id ann = c.id;
  b.referral(ann, "John Doe");
  Attempt& first = b.called(ann, "2026-11-10T15:00:00Z", Outcome::kConnected, "review_together");
  first.next_on = d("2026-11-11");
  std::vector<std::string> approaches;
  const char* misses[] = {"2026-11-11T15:00:00Z", "2026-11-12T13:00:00Z", "2026-11-13T17:30:00Z",
                          "2026-11-16T15:00:00Z", "2026-11-17T19:00:00Z"};
  b.reason("we now stock every part for the Model 40 line");
  for (const char* at : misses) {
    b.called(ann, at, Outcome::kGatekeeper).ladder = "gatekeeper";
    std::optional<Brief> brief = brief_for(b.build(), ann);
    ASSERT_TRUE(brief);
    approaches.push_back(brief->approach);
  }
  for (std::size_t i = 1; i < approaches.size(); ++i) EXPECT_NE(approaches[i], approaches[i - 1]) << i;
  EXPECT_NE(std::find(approaches.begin(), approaches.end(), "gatekeeper"), approaches.end());
  EXPECT_NE(std::find(approaches.begin(), approaches.end(), "referral"), approaches.end());
}

TEST(NextCallRulesTest, TheGatekeeperScriptBuildsOnTheLastExchange) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.last_name = "Amin";
  c.gatekeeper_id = 5;
  Id ann = c.id;
  Attempt& g = b.called(ann, "2026-11-17T15:00:00Z", Outcome::kGatekeeper, "pass_on_proposal");
  g.ladder = "gatekeeper";
  g.next_on = d("2026-11-24");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  ASSERT_TRUE(brief->gatekeeper_script);
  EXPECT_TRUE(contains(brief->gatekeeper_script->front(), "Last week you kindly passed my proposal on to Ann Amin"))
      << brief->gatekeeper_script->front();
}

// --- 7. referrals go on to the introduction ----------------------------------------------

TEST(NextCallRulesTest, TheReferrerIsAskedToMakeTheIntroduction) {
  SnapshotBuilder b;
  Contact& pat = b.contact("Pat");
  pat.stage = Stage::kCustomer;
  Id pat_id = pat.id;
  Id dana = b.contact("Dana").id;
  b.referral(dana, "Pat Lee", pat_id);
  b.called(pat_id, "2026-11-16T15:00:00Z", Outcome::kConnected, "referral");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), pat_id);
  ASSERT_TRUE(brief);
  ASSERT_TRUE(brief->introduction_ask);
  EXPECT_TRUE(contains(*brief->introduction_ask, "Dana")) << *brief->introduction_ask;
}

// --- 8. the brief remembers the last call ------------------------------------------------

TEST(NextCallRulesTest, TheBriefShowsTheLastCallAndWhatEachSidePromised) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Attempt& a = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected, "review_together");
  a.note = "loved page 4";
  a.next_on = d("2026-11-24");
  Commitment& k = b.owes(ann, "review the cost study", "2026-11-27");
  k.created_on = d("2026-11-20");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  ASSERT_TRUE(brief->last_call);
  EXPECT_EQ(brief->last_call->outcome, "connected");
  EXPECT_EQ(brief->last_call->rung, "review_together");
  EXPECT_EQ(brief->last_call->note, "loved page 4");
  EXPECT_TRUE(contains(brief->last_call->their_text, "their time"));
  EXPECT_TRUE(contains(brief->last_call->rep_text, "your time"));
  ASSERT_EQ(brief->last_call->promises.size(), 1u);
  EXPECT_TRUE(contains(brief->last_call->promises[0], "Ann: review the cost study"));
}

TEST(NextCallRulesTest, ADirectLineIsDialledFirstAndNotAskedForAgain) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.gatekeeper_id = 5;
  c.phones.insert(c.phones.begin(), Phone{"+12125550199", "direct"});
  Id ann = c.id;
  Attempt& g = b.called(ann, "2026-11-20T15:00:00Z", Outcome::kGatekeeper, "direct_line");
  g.ladder = "gatekeeper";
  g.next_on = d("2026-11-24");
  b.reason("we now stock every part for the Model 40 line");
  std::optional<Brief> brief = on_sheet(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->phone_e164, "+12125550199");
  ASSERT_TRUE(brief->gatekeeper_script);
  for (const std::string& line : *brief->gatekeeper_script)
    EXPECT_FALSE(contains(line, "best direct line")) << line;
}

TEST(NextCallRulesTest, AContactIsNeverTwiceOnOneSheet) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "check with the plant manager", "2026-11-23");
  b.owes(ann, "send the pricing", "2026-11-24", Party::kRep);
  b.appointment(ann, "2026-11-24T19:30:00Z", AppointmentStatus::kConfirmed, true);
  b.reason("we now stock every part for the Model 40 line");
  CallSheet sheet = plan_day(b.build());
  int n = 0;
  for (const Brief& brief : sheet.calls) n += brief.contact_id == ann;
  EXPECT_EQ(n, 1);
}

}  // namespace
}  // namespace nextcall

namespace nextcall {
namespace {

// --- new contacts: never called, planned as first calls within the day's allowance -------

TEST(NextCallRulesTest, NeverCalledContactsArePlannedAsFirstCallsWithinTheDailyAllowance) {
  SnapshotBuilder b;
  b.reason("we now stock every part for the Model 40 line");
  std::vector<Id> fresh;
  for (int k = 0; k < 5; ++k) fresh.push_back(b.contact("New" + std::to_string(k)).id);
  Id ann = b.contact("Ann").id;
  b.owes(ann, "send the pricing for 200 kits", "2026-11-24", Party::kRep);
  b.snapshot().settings.new_contacts_per_day = 3;
  CallSheet sheet = plan_day(b.build());
  ASSERT_TRUE(on_sheet(sheet, ann)) << "the call in motion is planned";
  int planned = 0;
  for (Id id : fresh)
    if (std::optional<Brief> brief = on_sheet(sheet, id)) {
      ++planned;
      EXPECT_TRUE(contains(brief->due_because.at(0), "never called")) << brief->due_because.at(0);
      EXPECT_EQ(brief->attempt, 1);
    }
  EXPECT_EQ(planned, 3) << "three new contacts a day";
  // The oldest (lowest id) first; the others wait, named as past the allowance.
  EXPECT_TRUE(on_sheet(sheet, fresh[0]) && on_sheet(sheet, fresh[1]) && on_sheet(sheet, fresh[2]));
  int waiting = 0;
  for (const OverflowCall& o : sheet.overflow)
    if (o.contact_id == fresh[3] || o.contact_id == fresh[4]) {
      ++waiting;
      EXPECT_TRUE(contains(cut_reason(sheet, o), "past today's allowance of 3")) << cut_reason(sheet, o);
    }
  EXPECT_EQ(waiting, 2);
  // Called once, a new contact is no longer new: it does not take one of tomorrow's places.
  b.called(fresh[0], "2026-11-24T15:00:00Z", Outcome::kNoAnswer).next_on = d("2026-11-26");
  b.snapshot().day = d("2026-11-25");
  b.snapshot().now = t("2026-11-25T12:00:00Z");
  CallSheet next = plan_day(b.build());
  EXPECT_FALSE(on_sheet(next, fresh[0])) << "the date the rep set comes first";
  for (Id id : {fresh[1], fresh[2], fresh[3]}) EXPECT_TRUE(on_sheet(next, id)) << "the next three in line";
  // None at all when the allowance is 0.
  b.snapshot().settings.new_contacts_per_day = 0;
  CallSheet none = plan_day(b.build());
  for (Id id : {fresh[1], fresh[2], fresh[3], fresh[4]}) EXPECT_FALSE(on_sheet(none, id));
}

}  // namespace
}  // namespace nextcall
