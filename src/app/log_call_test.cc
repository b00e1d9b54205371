// Logging a call records everything that happened on it in one transaction: the next step
// (a date, a callback, a meeting), what became of open commitments, new promises, the time
// a voicemail proposed and a direct line; one bad part stores nothing.
#include "app/log_call.h"

#include <gtest/gtest.h>

#include "app/plan_day.h"
#include "app/one_rep_workspace_test_util.h"
#include "core/civil_time.h"

namespace nextcall {
namespace {

Instant at(const char* iso) { return *parse_instant(iso); }
Date day(const char* iso) { return *parse_date(iso); }

class LogCallTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = one_rep_workspace();
    ASSERT_TRUE(made.ok()) << made.status().message();
    store_ = std::move(made->first);
    actor_ = made->second;
    dana_ = contact("Dana", "+12125550142");
    other_ = contact("Otto", "+12125550199");
  }

  Id contact(const std::string& first, const std::string& phone) {
    Contact c;
    c.workspace_id = actor_.workspace.id;
    c.first_name = first;
    c.last_name = "Ruiz";
    c.timezone = "America/New_York";
    c.owner_id = actor_.rep.id;
    c.phones = {{phone, "work"}};
    c.hot_button = "shorter lead times on rush orders";
    c.created_at = c.updated_at = at("2026-10-01T00:00:00Z");
    auto id = store_->create_contact(c);
    EXPECT_TRUE(id.ok()) << id.status().message();
    return id.ok() ? *id : 0;
  }
  Id commitment(Id contact_id, const std::string& what,
                CommitmentStatus status = CommitmentStatus::kOpen) {
    Commitment k;
    k.workspace_id = actor_.workspace.id;
    k.contact_id = contact_id;
    k.what = what;
    k.due_on = day("2026-11-23");
    k.status = status;
    k.created_on = day("2026-11-10");
    return *store_->add_commitment(k);
  }
  Commitment commitment_row(Id id) {
    Filter f;
    f.id = id;
    return store_->list_commitments(actor_.workspace.id, f)->front();
  }
  std::vector<Appointment> appointments(Id contact_id) {
    Filter f;
    f.contact_id = contact_id;
    return *store_->list_appointments(actor_.workspace.id, f);
  }
  std::vector<Commitment> commitments(Id contact_id) {
    Filter f;
    f.contact_id = contact_id;
    return *store_->list_commitments(actor_.workspace.id, f);
  }
  std::size_t calls(Id contact_id) {
    Filter f;
    f.contact_id = contact_id;
    return store_->list_attempts(actor_.workspace.id, f)->size();
  }
  Result<LoggedCall> log(const CallLog& l, Instant now) {
    return log_call_confirming(*store_, actor_, dana_, l, std::nullopt, now);
  }

  std::unique_ptr<Store> store_;
  Actor actor_;
  Id dana_ = 0, other_ = 0;
  // Tuesday 24 November 2026, 10:00 in New York, 09:00 in Chicago.
  Instant now_ = at("2026-11-24T15:00:00Z");
};

TEST_F(LogCallTest, AConnectedCallStoresTheMeetingTheCommitmentsAndThePromiseTogether) {
  Id study = commitment(dana_, "review the cost study");
  Id samples = commitment(dana_, "send the samples back");
  CallLog l;
  l.outcome = "connected";
  l.rung = "meeting";
  l.meeting_at = at("2026-12-10T19:00:00Z");
  l.meeting_place = "their plant";
  l.meeting_minutes = 60;
  l.commitments = {{study, "kept", std::nullopt}, {samples, "moved", day("2026-12-01")}};
  l.promises = {{Party::kRep, "send the freight rates", day("2026-11-27"), std::nullopt}};
  auto logged = log(l, now_);
  ASSERT_TRUE(logged.ok()) << logged.status().message();

  auto booked = appointments(dana_);
  ASSERT_EQ(booked.size(), 1u);
  EXPECT_EQ(booked[0].status, AppointmentStatus::kConfirmed);
  EXPECT_FALSE(booked[0].is_callback);
  EXPECT_EQ(booked[0].starts_at, at("2026-12-10T19:00:00Z"));
  EXPECT_EQ(booked[0].place, "their plant");
  EXPECT_EQ(booked[0].duration_minutes, 60);
  EXPECT_EQ(booked[0].rep_id, actor_.rep.id);
  EXPECT_FALSE(logged->attempt.next_on);  // the meeting is the next step

  EXPECT_EQ(commitment_row(study).status, CommitmentStatus::kKept);
  EXPECT_EQ(commitment_row(samples).status, CommitmentStatus::kOpen);
  EXPECT_EQ(commitment_row(samples).due_on, day("2026-12-01"));
  auto all = commitments(dana_);
  ASSERT_EQ(all.size(), 3u);
  const Commitment& promise = all.back();
  EXPECT_EQ(promise.owner, Party::kRep);
  EXPECT_EQ(promise.what, "send the freight rates");
  EXPECT_EQ(promise.due_on, day("2026-11-27"));
  EXPECT_EQ(promise.status, CommitmentStatus::kOpen);
  EXPECT_EQ(promise.created_on, day("2026-11-24"));

  EXPECT_EQ(logged->appointments_created.size(), 1u);
  EXPECT_EQ(logged->commitments_updated, 2);
  EXPECT_EQ(logged->promises_added, 1);
  EXPECT_EQ(calls(dana_), 1u);
}

TEST_F(LogCallTest, AnUnknownCommitmentOutcomeStoresNothing) {
  Id study = commitment(dana_, "review the cost study");
  Id samples = commitment(dana_, "send the samples back");
  CallLog l;
  l.outcome = "connected";
  l.meeting_at = at("2026-12-10T19:00:00Z");
  l.commitments = {{study, "kept", std::nullopt}, {samples, "done", std::nullopt}};
  l.promises = {{Party::kContact, "call the plant manager", std::nullopt, std::nullopt}};
  l.direct_line = "(212) 555-0177";
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(logged.status().message(),
            "commitments[1].outcome: 'done' is not one of kept|broken|moved");
  EXPECT_EQ(calls(dana_), 0u);
  EXPECT_TRUE(appointments(dana_).empty());
  EXPECT_EQ(commitment_row(study).status, CommitmentStatus::kOpen);
  EXPECT_EQ(commitments(dana_).size(), 2u);
  EXPECT_EQ(store_->get_contact(actor_.workspace.id, dana_)->phones.size(), 1u);
}

TEST_F(LogCallTest, AVoicemailHoldsTheTimeTheBriefProposed) {
  auto brief = brief_for(*store_, actor_, dana_, std::nullopt, now_);
  ASSERT_TRUE(brief.ok()) << brief.status().message();
  ASSERT_GT(brief->voicemail.proposed_slot, now_) << "the brief proposes no time";
  CallLog l;
  l.outcome = "voicemail";
  auto logged = log(l, now_);
  ASSERT_TRUE(logged.ok()) << logged.status().message();
  ASSERT_TRUE(logged->held);
  EXPECT_TRUE(logged->held_is_new);
  auto held = appointments(dana_);
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].id, logged->held->id);
  EXPECT_EQ(held[0].status, AppointmentStatus::kProposed);
  EXPECT_FALSE(held[0].is_callback);
  EXPECT_EQ(held[0].place, "phone");
  EXPECT_EQ(held[0].duration_minutes, 30);
  EXPECT_EQ(held[0].starts_at, brief->voicemail.proposed_slot);
}

TEST_F(LogCallTest, ASecondVoicemailWhileTheTimeIsHeldAddsNoOtherHold) {
  CallLog l;
  l.outcome = "voicemail";
  auto first = log(l, now_);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_TRUE(first->held);
  auto second = log(l, now_ + std::chrono::hours(2));
  ASSERT_TRUE(second.ok()) << second.status().message();
  ASSERT_TRUE(second->held);
  EXPECT_FALSE(second->held_is_new);
  EXPECT_EQ(second->held->id, first->held->id);
  EXPECT_TRUE(second->appointments_created.empty());
  EXPECT_EQ(appointments(dana_).size(), 1u);
}

TEST_F(LogCallTest, AVoicemailHoldsTheTimeTheRepSaidAndNoneWhenItProposedNone) {
  CallLog l;
  l.outcome = "voicemail";
  l.proposed_at = at("2026-12-01T16:00:00Z");
  auto logged = log(l, now_);
  ASSERT_TRUE(logged.ok()) << logged.status().message();
  ASSERT_EQ(appointments(dana_).size(), 1u);
  EXPECT_EQ(appointments(dana_)[0].starts_at, at("2026-12-01T16:00:00Z"));

  CallLog none;
  none.outcome = "voicemail";
  none.no_proposed_time = true;
  auto quiet = log_call_confirming(*store_, actor_, other_, none, std::nullopt, now_);
  ASSERT_TRUE(quiet.ok()) << quiet.status().message();
  EXPECT_FALSE(quiet->held);
  EXPECT_TRUE(appointments(other_).empty());
}

TEST_F(LogCallTest, AConversationThatAgreesTheNextStepReleasesTheVoicemailHolds) {
  // Both voicemails proposed Thursday 3 December, 11:00 in New York.
  const Instant said = at("2026-12-03T16:00:00Z");
  for (Id who : {dana_, other_}) {
    CallLog vm;
    vm.outcome = "voicemail";
    vm.proposed_at = said;
    auto left = log_call_confirming(*store_, actor_, who, vm, std::nullopt, now_);
    ASSERT_TRUE(left.ok()) << left.status().message();
    ASSERT_TRUE(left->held);
    EXPECT_TRUE(left->held_is_new);
    auto held = appointments(who);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].status, AppointmentStatus::kProposed);
    EXPECT_FALSE(held[0].is_callback);
    EXPECT_EQ(held[0].starts_at, said);
  }
  const Id dana_hold = appointments(dana_)[0].id;
  const Id otto_hold = appointments(other_)[0].id;

  // They call back the next day and talk, but agree nothing: the time stays held.
  CallLog talk;
  talk.outcome = "connected";
  talk.note = "busy week, will look at it";
  auto chatted = log(talk, now_ + std::chrono::hours(24));
  ASSERT_TRUE(chatted.ok()) << chatted.status().message();
  EXPECT_TRUE(chatted->holds_released.empty());
  ASSERT_EQ(appointments(dana_).size(), 1u);
  EXPECT_EQ(appointments(dana_)[0].status, AppointmentStatus::kProposed);

  // Then a conversation books a meeting: the voicemail's time is released and reported.
  CallLog meet;
  meet.outcome = "connected";
  meet.rung = "meeting";
  meet.meeting_at = at("2026-12-10T19:00:00Z");
  meet.meeting_place = "their plant";
  auto booked = log(meet, now_ + std::chrono::hours(26));
  ASSERT_TRUE(booked.ok()) << booked.status().message();
  ASSERT_EQ(booked->holds_released.size(), 1u);
  EXPECT_EQ(booked->holds_released[0].id, dana_hold);
  EXPECT_EQ(booked->holds_released[0].starts_at, said);
  EXPECT_EQ(booked->holds_released[0].status, AppointmentStatus::kCancelled);
  for (const Appointment& a : appointments(dana_)) {
    if (a.id == dana_hold) {
      EXPECT_EQ(a.status, AppointmentStatus::kCancelled);
    } else {
      EXPECT_EQ(a.status, AppointmentStatus::kConfirmed);
      EXPECT_EQ(a.starts_at, at("2026-12-10T19:00:00Z"));
    }
  }
  EXPECT_EQ(appointments(dana_).size(), 2u);

  // A date to call again agreed on the phone releases the hold too; Dana's is untouched.
  CallLog again;
  again.outcome = "connected";
  again.next_on = day("2026-12-14");
  auto later = log_call_confirming(*store_, actor_, other_, again, std::nullopt,
                                   now_ + std::chrono::hours(25));
  ASSERT_TRUE(later.ok()) << later.status().message();
  ASSERT_EQ(later->holds_released.size(), 1u);
  EXPECT_EQ(later->holds_released[0].id, otto_hold);
  ASSERT_EQ(appointments(other_).size(), 1u);
  EXPECT_EQ(appointments(other_)[0].status, AppointmentStatus::kCancelled);
}

TEST_F(LogCallTest, OnlyAVoicemailProposesATime) {
  CallLog l;
  l.outcome = "connected";
  l.proposed_at = at("2026-12-01T16:00:00Z");
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().message(),
            "proposed_at: only a voicemail proposes a time, not a call that ended in connected");
}

TEST_F(LogCallTest, ACallbackIsAConfirmedPhoneAppointmentMarkedCallback) {
  CallLog l;
  l.outcome = "gatekeeper";
  l.callback_at = at("2026-11-25T20:00:00Z");
  auto logged = log(l, now_);
  ASSERT_TRUE(logged.ok()) << logged.status().message();
  auto booked = appointments(dana_);
  ASSERT_EQ(booked.size(), 1u);
  EXPECT_TRUE(booked[0].is_callback);
  EXPECT_EQ(booked[0].status, AppointmentStatus::kConfirmed);
  EXPECT_EQ(booked[0].place, "phone");
  EXPECT_EQ(booked[0].duration_minutes, 15);
  EXPECT_EQ(booked[0].starts_at, at("2026-11-25T20:00:00Z"));
}

TEST_F(LogCallTest, AMeetingIsBookedOnlyOnAConnectedCall) {
  CallLog l;
  l.outcome = "no_answer";
  l.meeting_at = at("2026-12-10T19:00:00Z");
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().message(),
            "meeting_at: a meeting is booked with the contact on a connected call, not on one that "
            "ended in no_answer");
  EXPECT_EQ(calls(dana_), 0u);
}

TEST_F(LogCallTest, ACallHasOneNextStep) {
  CallLog l;
  l.outcome = "connected";
  l.next_on = day("2026-12-01");
  l.meeting_at = at("2026-12-10T19:00:00Z");
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().message(),
            "meeting_at: give one next step, not both next_on and meeting_at (a date to call "
            "again, a time to call "
            "back or a meeting)");
}

TEST_F(LogCallTest, ACallbackMustBeAfterTheCall) {
  CallLog l;
  l.outcome = "connected";
  l.callback_at = at("2026-11-24T14:00:00Z");
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().message(),
            "callback_at: 2026-11-24T14:00:00Z is not after the call (2026-11-24T15:00:00Z)");
}

TEST_F(LogCallTest, AMovedCommitmentNeedsADateNotBeforeTheCall) {
  Id study = commitment(dana_, "review the cost study");
  CallLog l;
  l.outcome = "connected";
  l.commitments = {{study, "moved", std::nullopt}};
  EXPECT_EQ(log(l, now_).status().message(),
            "commitments[0].due_on: a moved commitment needs the date it is now due");
  l.commitments[0].new_due_on = day("2026-11-23");
  EXPECT_EQ(log(l, now_).status().message(),
            "commitments[0].due_on: 2026-11-23 is before the call (2026-11-24)");
  EXPECT_EQ(calls(dana_), 0u);
}

TEST_F(LogCallTest, ABrokenCommitmentCanBeMovedButNotKept) {
  Id broken = commitment(dana_, "review the cost study", CommitmentStatus::kBroken);
  CallLog l;
  l.outcome = "connected";
  l.commitments = {{broken, "kept", std::nullopt}};
  EXPECT_EQ(log(l, now_).status().message(), "commitments[0].id: commitment #" +
                                                 std::to_string(broken) +
                                                 " is already broken (only an open commitment is "
                                                 "kept or broken; a broken one can be moved)");
  l.commitments = {{broken, "moved", day("2026-12-02")}};
  ASSERT_TRUE(log(l, now_).ok());
  EXPECT_EQ(commitment_row(broken).status, CommitmentStatus::kOpen);
  EXPECT_EQ(commitment_row(broken).due_on, day("2026-12-02"));
}

TEST_F(LogCallTest, ACommitmentOfAnotherContactIsRefused) {
  Id otto = commitment(other_, "send the drawings");
  CallLog l;
  l.outcome = "connected";
  l.commitments = {{otto, "kept", std::nullopt}};
  EXPECT_EQ(log(l, now_).status().message(),
            "commitments[0].id: #" + std::to_string(otto) + " is not a commitment of this contact");
  EXPECT_EQ(commitment_row(otto).status, CommitmentStatus::kOpen);
}

TEST_F(LogCallTest, APromiseNeedsWordsAndItsMaterialMustBeTheContacts) {
  Material m;
  m.workspace_id = actor_.workspace.id;
  m.contact_id = other_;
  m.title = "Cost study";
  Id otto_material = *store_->add_material(m);
  CallLog l;
  l.outcome = "connected";
  l.promises = {{Party::kContact, "  ", std::nullopt, std::nullopt}};
  EXPECT_EQ(log(l, now_).status().message(), "promises[0].what: say what was promised");
  l.promises = {{Party::kContact, "read it", std::nullopt, otto_material}};
  EXPECT_EQ(log(l, now_).status().message(), "promises[0].material_id: #" +
                                                 std::to_string(otto_material) +
                                                 " is not a material sent to this contact");
  EXPECT_TRUE(commitments(dana_).empty());
}

TEST_F(LogCallTest, ADirectLineBecomesTheFirstPhoneOfKindDirect) {
  CallLog l;
  l.outcome = "gatekeeper";
  l.direct_line = "(212) 555-0177";
  auto logged = log(l, now_);
  ASSERT_TRUE(logged.ok()) << logged.status().message();
  EXPECT_EQ(logged->direct_line, "+12125550177");
  auto c = store_->get_contact(actor_.workspace.id, dana_);
  ASSERT_EQ(c->phones.size(), 2u);
  EXPECT_EQ(c->phones[0].e164, "+12125550177");
  EXPECT_EQ(c->phones[0].kind, "direct");
  EXPECT_EQ(c->phones[1].e164, "+12125550142");
}

TEST_F(LogCallTest, ADirectLineAlreadyKnownMovesFirst) {
  Contact c = *store_->get_contact(actor_.workspace.id, dana_);
  c.phones.push_back({"+12125550177", "other"});
  ASSERT_TRUE(store_->update_contact(c).ok());
  CallLog l;
  l.outcome = "connected";
  l.direct_line = "+1 212 555 0177";
  ASSERT_TRUE(log(l, now_).ok());
  auto after = store_->get_contact(actor_.workspace.id, dana_);
  ASSERT_EQ(after->phones.size(), 2u);
  EXPECT_EQ(after->phones[0].e164, "+12125550177");
  EXPECT_EQ(after->phones[0].kind, "direct");
  EXPECT_EQ(after->phones[1].e164, "+12125550142");
}

TEST_F(LogCallTest, AnInvalidDirectLineNamesTheFieldAndStoresNothing) {
  CallLog l;
  l.outcome = "gatekeeper";
  l.direct_line = "555-12";
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().message(),
            "direct_line: '555-12' is not a valid phone number for region US");
  EXPECT_EQ(calls(dana_), 0u);
}

TEST_F(LogCallTest, AnotherContactsNumberIsNotTheirDirectLine) {
  CallLog l;
  l.outcome = "gatekeeper";
  l.direct_line = "+12125550199";
  auto logged = log(l, now_);
  ASSERT_FALSE(logged.ok());
  EXPECT_EQ(logged.status().code(), Code::kAlreadyExists);
  EXPECT_EQ(logged.status().message(), "direct_line: +12125550199 already belongs to Otto Ruiz (#" +
                                           std::to_string(other_) + ")");
}

TEST(RenameFieldsTest, ReplacesWholeNamesAndAnItemsField) {
  Status s =
      Status::InvalidArgument("meeting_at: give one next step, not both next_on and meeting_at");
  EXPECT_EQ(rename_fields(s, {{"meeting_at", "--meeting"}, {"next_on", "--next"}}).message(),
            "--meeting: give one next step, not both --next and --meeting");
  Status item = Status::InvalidArgument("commitments[1].due_on: 2026-11-23 is before the call");
  EXPECT_EQ(rename_fields(item, {{"commitments[1]", "--moved 7=monday"}}).message(),
            "--moved 7=monday: 2026-11-23 is before the call");
  EXPECT_EQ(
      rename_fields(Status::InvalidArgument("my_next_on: x"), {{"next_on", "--next"}}).message(),
      "my_next_on: x");
  EXPECT_EQ(rename_fields(item, {}).code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace nextcall
