// The planner's rules, one behaviour each, on snapshots built in a few lines.
#include "core/planner.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/snapshot_builder_test_util.h"

namespace nextcall {
namespace {

// A copy of the brief of contact `id` on the sheet (the sheet is often a temporary).
std::optional<Brief> find(const CallSheet& sheet, Id id) {
  for (const Brief& b : sheet.calls)
    if (b.contact_id == id) return b;
  return std::nullopt;
}

TEST(PlannerTest, OverdueCommitmentMakesTheContactDueAndSaysWhy) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-22");
  b.material(ann, "Model 40 spec sheet", "page 4", "unscheduled maintenance");
  CallSheet sheet = plan_day(b.build());
  std::optional<Brief> brief = find(sheet, ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->due_because.at(0), "Ann promised to review the specs, due 2 days ago");
  EXPECT_EQ(brief->priority_parts.at(0).name, "commitment_overdue");
}

TEST(PlannerTest, ContactWithNothingDueIsNotPlanned) {
  SnapshotBuilder b;
  b.contact("Ann");
  EXPECT_TRUE(plan_day(b.build()).calls.empty());
}

TEST(PlannerTest, DueContactWithoutAReasonGoesOnNeedsAReason) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.stage = Stage::kCustomer;
  c.cadence = {Cadence::Kind::kWeekly, 0};
  CallSheet sheet = plan_day(b.build());
  EXPECT_TRUE(sheet.calls.empty());
  ASSERT_EQ(sheet.needs_reason.size(), 1u);
  EXPECT_EQ(sheet.needs_reason[0].name, "Ann Lee");
}

TEST(PlannerTest, CustomerCadenceElapsedSinceLastConnectedCall) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.stage = Stage::kCustomer;
  c.cadence = {Cadence::Kind::kWeekly, 0};
  Id ann = c.id;
  b.called(ann, "2026-11-16T15:00:00Z", Outcome::kConnected);
  b.reason("you can now get same-day rush orders from our Chicago warehouse");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->kind, CallKind::kCadence);
  EXPECT_EQ(brief->due_because.at(0), "customer called weekly; last conversation 8 days ago");
  // Called three days ago: not due.
  SnapshotBuilder recent;
  Contact& r = recent.contact("Bo");
  r.stage = Stage::kCustomer;
  r.cadence = {Cadence::Kind::kWeekly, 0};
  recent.called(r.id, "2026-11-21T15:00:00Z", Outcome::kConnected);
  recent.reason("you can now get same-day rush orders");
  EXPECT_TRUE(plan_day(recent.build()).calls.empty());
}

TEST(PlannerTest, DoNotCallIsNeverPlanned) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.do_not_call = true;
  c.do_not_call_reason = "asked";
  b.owes(c.id, "review the specs", "2026-11-22");
  CallSheet sheet = plan_day(b.build());
  EXPECT_TRUE(sheet.calls.empty());
  ASSERT_EQ(sheet.skipped.size(), 1u);
  EXPECT_EQ(sheet.skipped[0].why, "do not call: asked");
}

TEST(PlannerTest, SnoozedContactIsListedNotPlanned) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.snoozed_until = d("2026-12-01");
  c.snooze_reason = "on holiday";
  b.owes(c.id, "review the specs", "2026-11-22");
  CallSheet sheet = plan_day(b.build());
  EXPECT_TRUE(sheet.calls.empty());
  ASSERT_EQ(sheet.snoozed.size(), 1u);
  EXPECT_EQ(sheet.snoozed[0].why, "snoozed until 2026-12-01: on holiday");
}

TEST(PlannerTest, ProspectWithoutHotButtonIsPlannedAsQualifying) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.hot_button.clear();
  b.owes(c.id, "review the specs", "2026-11-23");
  std::optional<Brief> brief = find(plan_day(b.build()), c.id);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->kind, CallKind::kQualifying);
  EXPECT_FALSE(brief->qualifying_questions.empty());
}

TEST(PlannerTest, OpenerAsksAboutTheLastBusinessThread) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.thread(ann, "daughter's Little League season", ThreadKind::kPersonal);
  b.thread(ann, "setting up the new manufacturing line");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->opener,
            "Ann, when we last spoke, you mentioned setting up the new manufacturing line. I was "
            "just thinking about you and wondered how that worked out?");
  for (const char* banned : {"touch base", "checking in", "just calling"})
    EXPECT_EQ(brief->opener.find(banned), std::string::npos);
}

TEST(PlannerTest, PersonalThreadIsAskedAboutWithCare) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.thread(ann, "daughter's Little League season", ThreadKind::kPersonal);
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->opener,
            "Ann, last time we talked you mentioned daughter's Little League season — I hope it's "
            "going well. How did it turn out?");
}

TEST(PlannerTest, MaterialPointsAtThePageThatServesTheHotButton) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  Material& m = b.material(ann, "Model 40 spec sheet", "page 2", "predictable monthly spend");
  m.pointers.push_back({"page 4", "unscheduled maintenance"});
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  ASSERT_TRUE(brief->material);
  EXPECT_EQ(brief->material->location, "page 4");
}

TEST(PlannerTest, FallbackPlayWhenTheyOweSomething) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Commitment& k = b.owes(ann, "review the specs", "2026-11-23");
  Material& m = b.material(ann, "Model 40 spec sheet", "page 4", "unscheduled maintenance");
  k.material_id = m.id;
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  ASSERT_TRUE(brief->fallback_play);
  EXPECT_NE(brief->fallback_play->find("grab it, and let's go through it together"), std::string::npos);
  EXPECT_NE(brief->fallback_play->find("page 4 of the Model 40 spec sheet"), std::string::npos);
}

TEST(PlannerTest, TargetCloseIsTheRungAboveTheHighestAgreed) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.called(ann, "2026-11-10T15:00:00Z", Outcome::kConnected, "send_info");
  b.called(ann, "2026-11-17T15:00:00Z", Outcome::kConnected, "review_together");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.highest_agreed, "review_together");
  EXPECT_EQ(brief->close.rung, "proposal_review");
  EXPECT_EQ(brief->close.fallbacks.front(), "review_together");
}

TEST(PlannerTest, AfterAConversationThatClosedOnNothingTheSameRungDifferently) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.called(ann, "2026-11-10T15:00:00Z", Outcome::kConnected, "review_together");
  b.called(ann, "2026-11-17T15:00:00Z", Outcome::kConnected, "");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->close.rung, "proposal_review");
  EXPECT_NE(brief->close.why.find("closed on nothing"), std::string::npos);
}

TEST(PlannerTest, GatekeeperUsesTheGatekeeperLadderAndTheReferrersName) {
  SnapshotBuilder b;
  Contact& gk = b.contact("Pat");
  gk.role = Role::kGatekeeper;
  Id gk_id = gk.id;  // read before the next contact() moves the vector
  Id ann = b.contact("Ann").id;
  b.snapshot().contacts.back().gatekeeper_id = gk_id;
  b.owes(ann, "review the specs", "2026-11-23");
  Referral r;
  r.id = 9;
  r.referred_contact_id = ann;
  r.referrer_name = "Jane Smith";
  b.snapshot().referrals.push_back(r);
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  ASSERT_TRUE(brief->gatekeeper_script);
  EXPECT_EQ(brief->gatekeeper_script->front(),
            "\"Jane Smith asked me to call Ann Lee.\"");
  std::string all;
  for (const auto& line : *brief->gatekeeper_script) all += line + "\n";
  EXPECT_NE(all.find("direct line"), std::string::npos);
  EXPECT_NE(all.find("pass on to Ann Lee"), std::string::npos);
}

TEST(PlannerTest, VoicemailFitsItsTimeWithASpecificSlotAndTheCallbackNumber) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.reason("we dropped our minimum order to 50 units, so you can trial us without tying up cash");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->voicemail.budget_seconds, b.snapshot().settings.voicemail_seconds);
  EXPECT_LE(brief->voicemail.seconds, brief->voicemail.budget_seconds) << brief->voicemail.text;
  EXPECT_NE(brief->voicemail.text.find("(312) 555-0142"), std::string::npos);
  // The first free business-hours slot two days out: Thursday 10 a.m. New York time.
  EXPECT_NE(brief->voicemail.text.find("Thursday, November 26 at 10 a.m."), std::string::npos)
      << brief->voicemail.text;
}

TEST(PlannerTest, VoicemailSlotPrefersADayWithAConfirmedAppointmentNearby) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  c.location = GeoPoint{40.75, -73.99};
  b.owes(c.id, "review the specs", "2026-11-23");
  Appointment ap;
  ap.id = 1;
  ap.contact_id = 999;
  ap.rep_id = 1;
  ap.status = AppointmentStatus::kConfirmed;
  ap.starts_at = t("2026-12-01T14:00:00Z");  // 9:00 in New York
  ap.duration_minutes = 60;
  ap.place = "Acme plant";
  ap.location = GeoPoint{40.76, -73.98};
  b.snapshot().rep_appointments.push_back(ap);
  std::optional<Brief> brief = find(plan_day(b.build()), c.id);
  ASSERT_TRUE(brief);
  EXPECT_NE(brief->voicemail.text.find("Tuesday, December 1 at 11 a.m."), std::string::npos)
      << brief->voicemail.text;
  EXPECT_NE(brief->voicemail.slot_why.find("near your confirmed appointment at Acme plant"),
            std::string::npos)
      << brief->voicemail.slot_why;
  EXPECT_NE(brief->voicemail.slot_why.find("1 km away"), std::string::npos) << brief->voicemail.slot_why;
}

TEST(PlannerTest, LearnedWindowPrefersWhereTheyConnected) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  // 7:40 New York time, connected 3 of 4 times; afternoons never.
  b.called(ann, "2026-11-02T12:40:00Z", Outcome::kConnected);
  b.called(ann, "2026-11-05T12:40:00Z", Outcome::kConnected);
  b.called(ann, "2026-11-09T12:40:00Z", Outcome::kNoAnswer);
  b.called(ann, "2026-11-12T12:40:00Z", Outcome::kConnected);
  b.called(ann, "2026-11-03T19:00:00Z", Outcome::kNoAnswer);
  b.called(ann, "2026-11-06T19:00:00Z", Outcome::kNoAnswer);
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->window.name, "early");
  EXPECT_NE(brief->window.why.find("connected 3 of 4 times before 08:00"), std::string::npos)
      << brief->window.why;
}

TEST(PlannerTest, AMissThisMorningMovesToAnotherWindowAndApproach) {
  SnapshotBuilder b;
  b.snapshot().now = t("2026-11-24T14:00:00Z");
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.called(ann, "2026-11-24T12:40:00Z", Outcome::kNoAnswer);  // 7:40 their time today
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_NE(brief->window.name, "early");
  EXPECT_EQ(brief->approach, "voicemail");
}

TEST(PlannerTest, AtMostTwoAttemptsADay) {
  SnapshotBuilder b;
  b.snapshot().now = t("2026-11-24T19:00:00Z");
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.called(ann, "2026-11-24T12:40:00Z", Outcome::kNoAnswer);
  b.called(ann, "2026-11-24T17:10:00Z", Outcome::kVoicemail);
  CallSheet sheet = plan_day(b.build());
  EXPECT_TRUE(sheet.calls.empty());
  ASSERT_EQ(sheet.skipped.size(), 1u);
  EXPECT_EQ(sheet.skipped[0].why, "already tried 2 times today (at most 2)");
}

TEST(PlannerTest, TwoVoicemailsThisWeekMeansNoThirdOne) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  b.called(ann, "2026-11-20T15:00:00Z", Outcome::kVoicemail);
  b.called(ann, "2026-11-23T15:00:00Z", Outcome::kVoicemail);
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_NE(brief->approach_why.find("no voicemail this time"), std::string::npos) << brief->approach_why;
}

TEST(PlannerTest, ManyMissesEndInTheLastResorts) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  for (const char* at : {"2026-11-02T15:00:00Z", "2026-11-04T15:00:00Z", "2026-11-06T15:00:00Z",
                         "2026-11-09T15:00:00Z", "2026-11-11T15:00:00Z", "2026-11-13T15:00:00Z",
                         "2026-11-16T15:00:00Z"})
    b.called(ann, at, Outcome::kNoAnswer);
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->approach, "linkedin");
}

TEST(PlannerTest, WeekendInTheirZoneIsNeverPlanned) {
  SnapshotBuilder b;
  // Saturday 2026-11-28 for everyone.
  b.snapshot().day = d("2026-11-28");
  b.snapshot().now = t("2026-11-28T12:00:00Z");
  Id ann = b.contact("Ann").id;
  b.owes(ann, "review the specs", "2026-11-23");
  CallSheet sheet = plan_day(b.build());
  EXPECT_TRUE(sheet.calls.empty());
  ASSERT_EQ(sheet.skipped.size(), 1u);
  EXPECT_NE(sheet.skipped[0].why.find("no call window left today"), std::string::npos);
}

TEST(PlannerTest, QuietHoursHoldOnTheLosAngelesSpringForwardDay) {
  SnapshotBuilder b;
  b.snapshot().rep.timezone = "America/Los_Angeles";
  b.snapshot().day = d("2026-03-09");  // Monday after the Sunday switch
  b.snapshot().now = t("2026-03-09T08:00:00Z");
  Id ann = b.contact("Ann", "America/Los_Angeles").id;
  b.owes(ann, "review the specs", "2026-03-06");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  // 07:30 PDT is 14:30Z (it would be 15:30Z in PST).
  EXPECT_EQ(format_instant(brief->window.start), "2026-03-09T14:30:00Z");
  EXPECT_GE(local_minute_of_day(brief->window.start, "America/Los_Angeles"), 7 * 60 + 30);
}

TEST(PlannerTest, WindowsOnTheNovemberSwitchDayAreInLocalTime) {
  // Sunday 2026-11-01 is the switch; plan Monday 2026-11-02 from a zone that has not switched.
  SnapshotBuilder b;
  b.snapshot().rep.timezone = "Europe/London";
  b.snapshot().day = d("2026-11-02");
  b.snapshot().now = t("2026-11-02T06:00:00Z");
  Id ann = b.contact("Ann", "America/Los_Angeles").id;
  b.owes(ann, "review the specs", "2026-10-30");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  int local = local_minute_of_day(brief->window.start, "America/Los_Angeles");
  EXPECT_GE(local, 7 * 60 + 30);
  EXPECT_LE(local, 19 * 60);
  // 07:30 PST is 15:30Z after the switch.
  EXPECT_EQ(format_instant(brief->window.start), "2026-11-02T15:30:00Z");
}

TEST(PlannerTest, KathmanduAndLordHoweWindowsRespectTheirOffsets) {
  SnapshotBuilder b;
  b.snapshot().rep.timezone = "Asia/Kathmandu";
  b.snapshot().now = t("2026-11-23T18:00:00Z");  // 23:45 the day before in Kathmandu
  Id ann = b.contact("Ann", "Asia/Kathmandu").id;
  b.owes(ann, "review the specs", "2026-11-23");
  Id bob = b.contact("Bob", "Australia/Lord_Howe").id;
  b.snapshot().contacts.back().phones = {{"+61255501234", "work"}};
  b.owes(bob, "review the specs", "2026-11-23");
  CallSheet sheet = plan_day(b.build());
  std::optional<Brief> a = find(sheet, ann);
  ASSERT_TRUE(a);
  EXPECT_EQ(local_minute_of_day(a->window.start, "Asia/Kathmandu"), 7 * 60 + 30);
  EXPECT_EQ(format_instant(a->window.start), "2026-11-24T01:45:00Z");
  std::optional<Brief> l = find(sheet, bob);
  ASSERT_TRUE(l);
  int lm = local_minute_of_day(l->window.start, "Australia/Lord_Howe");
  EXPECT_GE(lm, 7 * 60 + 30);
  EXPECT_LT(lm, 19 * 60);
}

TEST(PlannerTest, AcrossTheDateLineTheContactsMorningFallsInTheRepsDay) {
  // A rep in Los Angeles on Tuesday calls Auckland, where it is already Wednesday.
  SnapshotBuilder b;
  b.snapshot().rep.timezone = "America/Los_Angeles";
  b.snapshot().now = t("2026-11-24T08:00:00Z");  // 00:00 Tuesday in Los Angeles
  Id ann = b.contact("Ann", "Pacific/Auckland").id;
  b.owes(ann, "review the specs", "2026-11-23");
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  Date rep_date = local_date(brief->window.start, "America/Los_Angeles");
  EXPECT_EQ(rep_date, d("2026-11-24"));
  EXPECT_GE(local_minute_of_day(brief->window.start, "Pacific/Auckland"), 7 * 60 + 30);
}

TEST(PlannerTest, CapacityCutsTheSheetAndListsTheOverflowWithTheReason) {
  SnapshotBuilder b;
  b.snapshot().settings.daily_capacity = 2;
  for (const char* name : {"Ann", "Bob", "Cy"}) {
    Contact& c = b.contact(name);
    c.phones = {{std::string("+1212555010") + std::to_string(static_cast<int>(c.id % 10)), "work"}};
    b.owes(c.id, "review the specs", "2026-11-23");
  }
  b.snapshot().contacts[2].deal_value = 50000;  // Cy is worth more
  CallSheet sheet = plan_day(b.build());
  ASSERT_EQ(sheet.calls.size(), 2u);
  ASSERT_EQ(sheet.overflow.size(), 1u);
  EXPECT_NE(sheet.overflow[0].name, "Cy Lee");
  EXPECT_NE(cut_reason(sheet, sheet.overflow[0]).find("daily capacity of 2 calls reached"), std::string::npos);
}

// "Add to today's calls": a contact put on the calls by hand is due from the day it was
// added until a call is made, at the priority given, whatever else would keep it waiting.
TEST(PlannerTest, AContactAddedByHandIsDueUntilCalledAtItsPriority) {
  SnapshotBuilder b;
  b.snapshot().settings.new_contacts_per_day = 0;  // never called: not due on its own
  b.snapshot().settings.daily_capacity = 2;
  for (const char* name : {"Ann", "Bob", "Cy"}) {
    Contact& c = b.contact(name);
    c.phones = {{std::string("+1212555010") + std::to_string(static_cast<int>(c.id % 10)), "work"}};
  }
  Id ann = b.snapshot().contacts[0].id, bob = b.snapshot().contacts[1].id, cy = b.snapshot().contacts[2].id;
  b.owes(bob, "review the specs", "2026-11-23");
  b.owes(cy, "review the specs", "2026-11-23");
  b.snapshot().contacts[1].deal_value = 50000;
  b.snapshot().contacts[2].deal_value = 50000;
  b.reason("you can now get same-day rush orders from our Chicago warehouse");
  Snapshot base = b.build();
  EXPECT_FALSE(find(plan_day(base), ann)) << "not due without the queue";

  Snapshot normal = base;
  normal.queued[ann] = {base.rep.workspace_id, ann, base.rep.id, QueuePriority::kNormal, base.rep.id,
                        t("2026-11-24T11:00:00Z")};
  CallSheet sheet = plan_day(normal);
  EXPECT_FALSE(find(sheet, ann)) << "normal priority: the two promises due are worth more, capacity is 2";
  ASSERT_EQ(sheet.overflow.size(), 1u);
  EXPECT_EQ(sheet.overflow[0].contact_id, ann);

  Snapshot top = normal;
  top.queued[ann].priority = QueuePriority::kTop;
  std::optional<Brief> brief = find(plan_day(top), ann);
  ASSERT_TRUE(brief) << "top priority goes ahead of every other call";
  EXPECT_EQ(brief->due_because.at(0), "you added them to your calls today, to call first");
  EXPECT_EQ(brief->priority_parts.at(0).name, "added_by_hand");

  Snapshot by_manager = top;
  by_manager.queued[ann].added_by = 999;
  by_manager.queued[ann].added_at = t("2026-11-23T15:00:00Z");
  brief = find(plan_day(by_manager), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->due_because.at(0), "your manager added them to your calls on 2026-11-23, to call first");

  Snapshot tomorrow = top;
  tomorrow.queued[ann].added_at = t("2026-11-25T15:00:00Z");
  EXPECT_FALSE(find(plan_day(tomorrow), ann)) << "not due before the day it was added";
}

TEST(PlannerTest, ACallMadeAfterTheContactWasAddedSpendsTheEntry) {
  SnapshotBuilder b;
  b.snapshot().settings.new_contacts_per_day = 0;
  Contact& c = b.contact("Ann");
  Id ann = c.id;
  b.reason("you can now get same-day rush orders from our Chicago warehouse");
  b.called(ann, "2026-11-24T11:30:00Z", Outcome::kNoAnswer);
  Snapshot s = b.build();
  s.queued[ann] = {s.rep.workspace_id, ann, s.rep.id, QueuePriority::kHigh, s.rep.id, t("2026-11-24T11:00:00Z")};
  EXPECT_FALSE(find(plan_day(s), ann)) << "called since it was added";
  s.queued[ann].added_at = t("2026-11-24T11:45:00Z");
  EXPECT_TRUE(find(plan_day(s), ann)) << "added again after the call";
  Snapshot dnc = s;
  dnc.contacts[0].do_not_call = true;
  EXPECT_FALSE(find(plan_day(dnc), ann)) << "do-not-call wins over the queue";
}

// A new import knows no hot buttons: its first calls get the team's reason aimed at one
// (and the qualifying questions to find theirs) rather than "needs a reason"; their own
// open thread still comes first, and a reason for anyone comes before a guess.
TEST(PlannerTest, ANewContactWhoseHotButtonIsUnknownGetsTheTeamsReasonToQualify) {
  SnapshotBuilder b;
  Contact& ann = b.contact("Ann");
  ann.hot_button.clear();
  Id ann_id = ann.id;
  Contact& bo = b.contact("Bo");
  bo.hot_button.clear();
  bo.phones = {{"+12125550177", "work"}};
  Id bo_id = bo.id;
  b.thread(bo_id, "the second plant");
  Reason& aimed = b.reason("you can now get same-day rush orders, so a breakdown no longer stops your line");
  aimed.hot_buttons = {"shorter lead times on rush orders"};
  Snapshot s = b.build();
  CallSheet sheet = plan_day(s);
  std::optional<Brief> brief = find(sheet, ann_id);
  ASSERT_TRUE(brief) << "planned, not left needing a reason";
  EXPECT_EQ(brief->kind, CallKind::kQualifying);
  EXPECT_EQ(brief->reason.source, "library");
  EXPECT_NE(brief->reason.why.find("their hot button is not known yet"), std::string::npos) << brief->reason.why;
  EXPECT_FALSE(brief->qualifying_questions.empty());
  std::optional<Brief> with_thread = find(sheet, bo_id);
  ASSERT_TRUE(with_thread);
  EXPECT_EQ(with_thread->reason.source, "thread") << "their own thread before a reason aimed at someone else";

  SnapshotBuilder b2;
  Contact& cy = b2.contact("Cy");
  cy.hot_button.clear();
  Id cy_id = cy.id;
  Reason& aimed2 = b2.reason("you can now get same-day rush orders, so a breakdown no longer stops your line");
  aimed2.hot_buttons = {"shorter lead times on rush orders"};
  b2.reason("we now offer 60-day terms, so you can stock up before the busy season");
  brief = find(plan_day(b2.build()), cy_id);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->reason.text, "we now offer 60-day terms, so you can stock up before the busy season")
      << "a reason for anyone before a guess";
}

// The week of a meeting: on its day the call confirms it (no higher rung to ask for, no new
// time in the voicemail); the days after, if nothing was logged since, a follow-up call
// that thanks them first; once they are reached, the rule is spent.
TEST(PlannerTest, AMeetingIsConfirmedOnItsDayAndFollowedUpAfter) {
  SnapshotBuilder b;
  Contact& c = b.contact("Ann");
  Id ann = c.id;
  b.called(ann, "2026-11-20T15:00:00Z", Outcome::kConnected);
  b.reason("you can now get same-day rush orders from our Chicago warehouse");
  Appointment& m = b.appointment(ann, "2026-11-24T19:00:00Z", AppointmentStatus::kConfirmed);
  m.place = "Acme Plant";
  Snapshot day_of = b.build();
  std::optional<Brief> brief = find(plan_day(day_of), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->reason.source, "appointment");
  EXPECT_EQ(brief->close.rung, "meeting");
  EXPECT_TRUE(brief->close.fallbacks.empty());
  EXPECT_NE(brief->close.ask.find("Are we still on for 2 p.m. at Acme Plant?"), std::string::npos) << brief->close.ask;
  EXPECT_NE(brief->voicemail.text.find("Just confirming our meeting today at 2 p.m. at Acme Plant"), std::string::npos)
      << brief->voicemail.text;
  EXPECT_EQ(brief->voicemail.proposed_slot, Instant{}) << "the meeting is the time: none proposed";

  Snapshot after = day_of;
  after.day = d("2026-11-25");
  after.now = t("2026-11-25T14:00:00Z");
  brief = find(plan_day(after), ann);
  ASSERT_TRUE(brief) << "the day after the meeting, nothing logged: a follow-up call";
  EXPECT_EQ(brief->due_because.at(0),
            "your meeting on Tue 24 Nov 14:00 (Acme Plant) and nothing logged since: follow up on what was agreed");
  EXPECT_EQ(brief->opener, "Ann, thank you for your time yesterday. I've been thinking about what we discussed.");
  EXPECT_NE(brief->reason.source, "appointment");

  SnapshotBuilder reached;
  Contact& r = reached.contact("Ann");
  reached.called(r.id, "2026-11-20T15:00:00Z", Outcome::kConnected);
  reached.reason("you can now get same-day rush orders from our Chicago warehouse");
  reached.appointment(r.id, "2026-11-23T19:00:00Z", AppointmentStatus::kConfirmed);
  reached.called(r.id, "2026-11-23T21:00:00Z", Outcome::kConnected);  // the meeting logged after it
  EXPECT_FALSE(find(plan_day(reached.build()), r.id)) << "reached since the meeting: nothing to follow up";
}

// The prior for a window's connect rate is the whole team's record when the store gives it.
TEST(PlannerTest, TheTeamsCallsSetTheWindowPrior) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann", "America/New_York").id;
  b.owes(ann, "review the specs", "2026-11-23");
  Snapshot alone = b.build();
  std::optional<Brief> before = find(plan_day(alone), ann);
  ASSERT_TRUE(before);
  // The team connects nearly always at 12:15 and never otherwise.
  SnapshotBuilder c;
  Id ann2 = c.contact("Ann", "America/New_York").id;
  c.owes(ann2, "review the specs", "2026-11-23");
  c.snapshot().workspace_minutes = {{12 * 60 + 15, 200, 190}, {9 * 60 + 30, 200, 0}, {14 * 60, 200, 0}};
  std::optional<Brief> after = find(plan_day(c.build()), ann2);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->window.name, "lunch");
  EXPECT_GT(after->window.connect_estimate, 0.8);
  EXPECT_NE(after->window.connect_estimate, before->window.connect_estimate);
}

// The cut is made on the ranking's priority: it must be the priority the whole brief
// shows, part for part, and the row must say who, what kind and when.
TEST(PlannerTest, OverflowRowsCarryTheSamePriorityAsTheirBriefs) {
  SnapshotBuilder b;
  b.snapshot().settings.daily_capacity = 1;
  for (const char* name : {"Ann", "Bob", "Cy", "Dee"}) {
    Contact& c = b.contact(name, "America/New_York");
    c.phones = {{std::string("+1212555010") + std::to_string(static_cast<int>(c.id % 10)), "work"}};
    c.deal_value = 1000.0 * static_cast<double>(c.id);
    c.stage = c.id % 2 ? Stage::kCustomer : Stage::kProspect;
    b.owes(c.id, "review the specs", c.id % 2 ? "2026-11-20" : "2026-11-24");
  }
  Snapshot s = b.build();
  CallSheet sheet = plan_day(s);
  ASSERT_EQ(sheet.calls.size(), 1u);
  ASSERT_EQ(sheet.overflow.size(), 3u);
  for (const OverflowCall& o : sheet.overflow) {
    std::optional<Brief> brief = brief_for(s, o.contact_id);
    ASSERT_TRUE(brief);
    EXPECT_DOUBLE_EQ(o.priority, brief->priority) << o.name;
    ASSERT_EQ(o.priority_parts.size(), brief->priority_parts.size()) << o.name;
    for (std::size_t k = 0; k < o.priority_parts.size(); ++k) {
      EXPECT_EQ(o.priority_parts[k].name, brief->priority_parts[k].name);
      EXPECT_DOUBLE_EQ(o.priority_parts[k].points, brief->priority_parts[k].points);
    }
    EXPECT_EQ(o.name, brief->name);
    EXPECT_EQ(o.kind, brief->kind);
    EXPECT_EQ(o.window_start, brief->window.start);
    EXPECT_EQ(o.phone_e164, brief->phone_e164);
    EXPECT_LE(o.priority, sheet.calls[0].priority);
  }
}

// The overflow is every ranked call the capacity cut, once each, best first (ties by id),
// whatever order the contacts are stored in.
TEST(PlannerTest, OverflowListsEveryCutCallOnceBestFirst) {
  SnapshotBuilder b;
  b.snapshot().settings.daily_capacity = 5;
  std::vector<Id> ids;
  for (int k = 0; k < 40; ++k) {
    Contact& c = b.contact("C" + std::to_string(k), "America/New_York");
    c.phones = {{"+1212555" + std::to_string(1000 + k), "work"}};
    c.deal_value = 1000.0 * static_cast<double>((k * 17) % 40 / 3);  // scrambled, with ties
    b.owes(c.id, "review the specs", "2026-11-23");
    ids.push_back(c.id);
  }
  CallSheet sheet = plan_day(b.build());
  ASSERT_EQ(sheet.calls.size(), 5u);
  ASSERT_EQ(sheet.overflow.size(), 35u);
  std::set<Id> seen;
  for (const Brief& call : sheet.calls) seen.insert(call.contact_id);
  double lowest_kept = sheet.calls[0].priority;
  for (const Brief& call : sheet.calls) lowest_kept = std::min(lowest_kept, call.priority);
  for (std::size_t k = 0; k < sheet.overflow.size(); ++k) {
    const OverflowCall& o = sheet.overflow[k];
    EXPECT_TRUE(seen.insert(o.contact_id).second) << o.name << " listed twice";
    EXPECT_LE(o.priority, lowest_kept) << o.name;
    EXPECT_FALSE(o.due_because.empty()) << o.name;
    char points[32];
    std::snprintf(points, sizeof points, "%.1f", o.priority);
    EXPECT_EQ(cut_reason(sheet, o), "daily capacity of 5 calls reached; priority " + std::string(points) +
                                        " is below the cut");
    if (k > 0) {
      const OverflowCall& before = sheet.overflow[k - 1];
      EXPECT_TRUE(before.priority > o.priority || (before.priority == o.priority && before.contact_id < o.contact_id))
          << before.name << " before " << o.name;
    }
  }
  EXPECT_EQ(seen, std::set<Id>(ids.begin(), ids.end()));
}

// The planner reuses one set of lists for each contact's facts: nothing of one contact may
// reach the next (its kind, its reasons, its parts, today's tries).
TEST(PlannerTest, EachContactsFactsAreItsOwn) {
  SnapshotBuilder b;
  b.snapshot().settings.daily_capacity = 0;  // every due call ranked into the overflow
  b.reason("you can now get same-day rush orders from our Chicago warehouse");
  Contact& ann = b.contact("Ann");
  ann.stage = Stage::kCustomer;
  ann.cadence = {Cadence::Kind::kWeekly, 0};
  ann.deal_value = 50000;
  const Id ann_id = ann.id;
  b.called(ann_id, "2026-11-16T15:00:00Z", Outcome::kConnected);
  const Id bo = b.contact("Bo").id;
  b.owes(bo, "review the specs", "2026-11-23");
  const Id cy = b.contact("Cy").id;
  b.owes(cy, "send the drawings", "2026-11-23");
  b.called(cy, "2026-11-24T06:30:00Z", Outcome::kNoAnswer);
  b.called(cy, "2026-11-24T07:00:00Z", Outcome::kNoAnswer);
  const Id dee = b.contact("Dee").id;
  b.owes(dee, "check the budget", "2026-11-24");
  CallSheet sheet = plan_day(b.build());
  ASSERT_EQ(sheet.skipped.size(), 1u);
  EXPECT_EQ(sheet.skipped[0].contact_id, cy);
  EXPECT_EQ(sheet.skipped[0].why, "already tried 2 times today (at most 2)");
  std::map<Id, const OverflowCall*> rows;
  for (const OverflowCall& o : sheet.overflow) rows[o.contact_id] = &o;
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_TRUE(rows.count(ann_id) && rows.count(bo) && rows.count(dee));
  EXPECT_EQ(rows[ann_id]->kind, CallKind::kCadence);
  for (Id id : {bo, dee}) {
    const OverflowCall& o = *rows[id];
    EXPECT_EQ(o.kind, CallKind::kFollowUp) << o.name;
    ASSERT_EQ(o.due_because.size(), 1u) << o.name;
    EXPECT_NE(o.due_because[0].find("promised to"), std::string::npos) << o.due_because[0];
    std::set<std::string_view> names;
    double sum = 0;
    for (const RankedPart& p : o.priority_parts) names.insert(p.name), sum += p.points;
    EXPECT_FALSE(names.count("cadence_overdue") || names.count("deal_value") || names.count("stage")) << o.name;
    EXPECT_DOUBLE_EQ(o.priority, sum) << o.name;
  }
}

TEST(PlannerTest, SheetIsOrderedByWindowStartThenPriority) {
  SnapshotBuilder b;
  Id ny = b.contact("Ann", "America/New_York").id;
  b.owes(ny, "review the specs", "2026-11-23");
  Contact& la = b.contact("Bob", "America/Los_Angeles");
  la.phones = {{"+14155552671", "work"}};
  b.owes(la.id, "review the specs", "2026-11-23");
  CallSheet sheet = plan_day(b.build());
  ASSERT_EQ(sheet.calls.size(), 2u);
  EXPECT_LE(sheet.calls[0].window.start, sheet.calls[1].window.start);
  EXPECT_EQ(sheet.calls[0].name, "Ann Lee");
}

TEST(PlannerTest, ChangeResolvingTheirObjectionIsTheReasonAndMakesThemDue) {
  SnapshotBuilder b;
  Id ann = b.contact("Ann").id;
  Objection o;
  o.id = 5;
  o.contact_id = ann;
  o.code = "min_order_size";
  o.amount = 60;
  o.detail = "the 100-unit minimum";
  b.snapshot().objections.push_back(o);
  Change ch;
  ch.id = 7;
  ch.kind = ChangeKind::kNewPolicy;
  ch.title = "We dropped our minimum order to 50 units";
  ch.resolves = {{"min_order_size", ">=50"}};
  ch.created_at = t("2026-11-20T00:00:00Z");
  b.snapshot().changes.push_back(ch);
  std::optional<Brief> brief = find(plan_day(b.build()), ann);
  ASSERT_TRUE(brief);
  EXPECT_EQ(brief->kind, CallKind::kRecall);
  EXPECT_EQ(brief->reason.sentence,
            "The reason I'm calling is you mentioned the minimum order was what stopped you; we "
            "dropped our minimum order to 50 units, so you can start with the quantity that suits you.");
}

TEST(PlannerTest, TwoWeeksOfARepMoveTheTargetUpAndReactToMisses) {
  SnapshotBuilder b;
  b.snapshot().settings.daily_capacity = 10;
  Contact& c = b.contact("Ann");
  Id ann = c.id;
  b.reason("you can now get same-day rush orders from our Chicago warehouse");
  b.owes(ann, "check with the plant manager", "2026-11-23");
  Snapshot base = b.snapshot();
  std::vector<std::string> targets;
  std::vector<std::string> approaches;
  // Day by day: plan, then log what happened on the planned call.
  const char* rungs[] = {"send_info", "", "review_together", "proposal_review"};
  int connected_calls = 0;
  for (int day = 0; day < 14; ++day) {
    Snapshot s = base;
    s.day = d("2026-11-23") + std::chrono::days{day};
    s.now = zoned_instant(s.day, 6 * 60, "America/Chicago");
    s.index();
    CallSheet sheet = plan_day(s);
    std::optional<Brief> brief = find(sheet, ann);
    if (!brief) continue;
    targets.push_back(brief->close.rung);
    approaches.push_back(brief->approach);
    Attempt a;
    a.id = 1000 + day;
    a.contact_id = ann;
    a.at = brief->slot;
    // Every other planned call is missed; the others climb the ladder. Each call agrees
    // (or, missed, sets) the next business day as the next step.
    if (targets.size() % 2 == 0) {
      a.outcome = Outcome::kNoAnswer;
    } else {
      a.outcome = Outcome::kConnected;
      a.rung = rungs[std::min(connected_calls++, 3)];
    }
    a.next_on = s.day + std::chrono::days{std::chrono::weekday{s.day} == std::chrono::Friday ? 3 : 1};
    base.attempts.push_back(a);
  }
  ASSERT_GE(targets.size(), 4u);
  // First call: nothing agreed yet, a meeting; after send_info, the rung above it (never a
  // last resort).
  EXPECT_EQ(targets[0], "meeting");
  EXPECT_EQ(targets[1], "referral");  // send_info agreed -> the rung above it
  // After a miss the approach changes from dialling direct to leaving the voicemail.
  EXPECT_EQ(approaches[0], "direct");
  EXPECT_EQ(approaches[2], "voicemail");
  // By the end the target has climbed to a proposal review or above.
  EXPECT_TRUE(targets.back() == "proposal_review" || targets.back() == "meeting") << targets.back();
}

}  // namespace
}  // namespace nextcall
