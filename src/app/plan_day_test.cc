// The day's sheet and a contact's standalone brief come from the same store at the same
// moment: a brief of a call on the sheet is that call's, word for word and time for time;
// a brief off the sheet never offers a time the sheet gave someone else; and the last
// call's note, kept on the attempt, is at the top of the next brief.
#include "app/plan_day.h"

#include <gtest/gtest.h>

#include <set>

#include "app/log_call.h"
#include "app/one_rep_workspace_test_util.h"
#include "core/civil_time.h"

namespace nextcall {
namespace {

Instant at(const char* iso) { return *parse_instant(iso); }
Date day(const char* iso) { return *parse_date(iso); }

class PlanDayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = one_rep_workspace();
    ASSERT_TRUE(made.ok()) << made.status().message();
    store_ = std::move(made->first);
    actor_ = made->second;
    const Workspace& w = actor_.workspace;
    Reason r;
    r.workspace_id = w.id;
    r.text = "you can now get same-day rush orders, so a breakdown no longer stops your line";
    r.category = ReasonCategory::kNewCapability;
    r.created_at = at("2026-10-01T00:00:00Z");
    auto reason = store_->add_reason(r);
    ASSERT_TRUE(reason.ok()) << reason.status().message();
  }

  // A contact in New York with the rep as owner; `owes`: a commitment of theirs due today.
  Id contact(const std::string& first, bool owes) {
    Contact c;
    c.workspace_id = actor_.workspace.id;
    c.first_name = first;
    c.last_name = "Ruiz";
    c.title = "VP Operations";
    c.timezone = "America/New_York";
    c.owner_id = actor_.rep.id;
    c.phones = {{"+1212555" + std::to_string(1000 + ++phones_), "work"}};
    c.hot_button = "shorter lead times on rush orders";
    c.created_at = c.updated_at = at("2026-10-01T00:00:00Z");
    auto id = store_->create_contact(c);
    EXPECT_TRUE(id.ok()) << id.status().message();
    if (!id.ok()) return 0;
    if (owes) {
      Commitment k;
      k.workspace_id = actor_.workspace.id;
      k.contact_id = *id;
      k.what = "review the cost study";
      k.due_on = today_;
      k.created_on = day("2026-11-10");
      auto kid = store_->add_commitment(k);
      EXPECT_TRUE(kid.ok()) << kid.status().message();
    }
    return *id;
  }

  // A contact reached last week who agreed to be called again next month: not due today.
  Id waiting(const std::string& first) {
    Id id = contact(first, false);
    CallLog l;
    l.outcome = "connected";
    l.rung = "send_info";
    l.next_on = day("2026-12-15");
    l.at = at("2026-11-17T15:00:00Z");
    auto logged = log_call(*store_, actor_, id, l, at("2026-11-17T15:05:00Z"));
    EXPECT_TRUE(logged.ok()) << logged.status().message();
    return id;
  }

  void set_capacity(int n) {
    auto settings = store_->get_settings(actor_.workspace.id);
    ASSERT_TRUE(settings.ok()) << settings.status().message();
    settings->daily_capacity = n;
    ASSERT_TRUE(store_->put_settings(actor_.workspace.id, *settings).ok());
  }

  std::unique_ptr<Store> store_;
  Actor actor_;
  int phones_ = 0;
  // Tuesday 24 November 2026, 08:00 in New York, 07:00 in Chicago.
  Date today_ = day("2026-11-24");
  Instant now_ = at("2026-11-24T13:00:00Z");
};

TEST_F(PlanDayTest, TheStandaloneBriefIsTheSheetsBriefWordForWord) {
  for (const char* name : {"Ann", "Ben", "Cleo", "Dev", "Eve", "Finn"}) contact(name, true);
  auto sheet = plan_day(*store_, actor_, today_, now_);
  ASSERT_TRUE(sheet.ok()) << sheet.status().message();
  ASSERT_GE(sheet->calls.size(), 5u) << "the due contacts are not on the sheet";
  std::set<Instant> slots;
  for (const Brief& on_sheet : sheet->calls) {
    SCOPED_TRACE(on_sheet.name);
    auto b = brief_for(*store_, actor_, on_sheet.contact_id, today_, now_);
    ASSERT_TRUE(b.ok()) << b.status().message();
    EXPECT_EQ(b->contact_id, on_sheet.contact_id);
    EXPECT_GT(on_sheet.voicemail.proposed_slot, now_);
    EXPECT_EQ(b->voicemail.proposed_slot, on_sheet.voicemail.proposed_slot);
    EXPECT_EQ(b->voicemail.slot_text, on_sheet.voicemail.slot_text);
    EXPECT_EQ(b->voicemail.text, on_sheet.voicemail.text);
    EXPECT_EQ(b->close.rung, on_sheet.close.rung);
    EXPECT_EQ(b->reason.text, on_sheet.reason.text);
    EXPECT_EQ(b->window.start, on_sheet.window.start);
    EXPECT_EQ(b->slot, on_sheet.slot);
    slots.insert(on_sheet.voicemail.proposed_slot);
  }
  // And the sheet deals each call its own time.
  EXPECT_EQ(slots.size(), sheet->calls.size());
}

TEST_F(PlanDayTest, ABriefOffTheSheetProposesNoTimeTheSheetGave) {
  set_capacity(2);
  for (const char* name : {"Ann", "Ben", "Cleo", "Dev"}) contact(name, true);
  Id later = waiting("Gus");
  auto sheet = plan_day(*store_, actor_, today_, now_);
  ASSERT_TRUE(sheet.ok()) << sheet.status().message();
  ASSERT_EQ(sheet->calls.size(), 2u);
  ASSERT_EQ(sheet->overflow.size(), 2u) << "the capacity cut no call";
  for (const Brief& b : sheet->calls) EXPECT_NE(b.contact_id, later);
  for (const OverflowCall& o : sheet->overflow) EXPECT_NE(o.contact_id, later);

  std::vector<Id> off = {later};
  for (const OverflowCall& o : sheet->overflow) off.push_back(o.contact_id);
  for (Id id : off) {
    SCOPED_TRACE(id);
    auto b = brief_for(*store_, actor_, id, today_, now_);
    ASSERT_TRUE(b.ok()) << b.status().message();
    EXPECT_EQ(b->contact_id, id);
    ASSERT_GT(b->voicemail.proposed_slot, now_) << "the brief proposes no time";
    for (const Brief& on_sheet : sheet->calls)
      EXPECT_NE(b->voicemail.proposed_slot, on_sheet.voicemail.proposed_slot)
          << "proposes " << format_instant(b->voicemail.proposed_slot) << ", given to "
          << on_sheet.name;
  }
}

TEST_F(PlanDayTest, TheBriefCarriesTheLastCallsNote) {
  Id ann = contact("Ann", true);
  for (const char* name : {"Ben", "Cleo"}) contact(name, true);
  const std::string note = "Plant shut for inventory until the 1st; ask for Raj at the dock";
  CallLog l;
  l.outcome = "connected";
  l.note = note;
  l.at = at("2026-11-24T15:10:00Z");
  auto logged = log_call(*store_, actor_, ann, l, at("2026-11-24T15:20:00Z"));
  ASSERT_TRUE(logged.ok()) << logged.status().message();

  // The next morning, Wednesday 25 November, 08:00 in New York.
  const Date tomorrow = day("2026-11-25");
  const Instant morning = at("2026-11-25T13:00:00Z");
  auto b = brief_for(*store_, actor_, ann, tomorrow, morning);
  ASSERT_TRUE(b.ok()) << b.status().message();
  ASSERT_TRUE(b->last_call) << "the brief has no last call";
  EXPECT_EQ(b->last_call->note, note);
  EXPECT_EQ(b->last_call->outcome, "connected");
  EXPECT_EQ(b->last_call->at, at("2026-11-24T15:10:00Z"));

  // On the sheet too, when she is on it.
  auto sheet = plan_day(*store_, actor_, tomorrow, morning);
  ASSERT_TRUE(sheet.ok()) << sheet.status().message();
  for (const Brief& on_sheet : sheet->calls)
    if (on_sheet.contact_id == ann) {
      ASSERT_TRUE(on_sheet.last_call);
      EXPECT_EQ(on_sheet.last_call->note, note);
    }
}

}  // namespace
}  // namespace nextcall
