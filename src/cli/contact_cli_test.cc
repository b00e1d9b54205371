// Black-box tests of the contact, memory, log and history commands on a temporary database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

class ContactCliTest : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args) { return run_on(db_, std::move(args)); }
  nlohmann::json json(std::vector<std::string> args) {
    args.push_back("--format");
    args.push_back("json");
    RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  void add_ann() {
    RunResult r = run({"contact", "add", "--first", "Ann", "--last", "Lee", "--company", "Acme",
                       "--phone", "(415) 555-2671", "--email", "ann@acme.example", "--state", "CA"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir dir_;
  std::string db_ = dir_.file("t.db");
};

TEST_F(ContactCliTest, AddStoresE164AndDerivesTheZoneFromTheState) {
  add_ann();
  auto j = json({"contact", "show", "ann"});
  EXPECT_EQ(j["phones"][0]["e164"], "+14155552671");
  EXPECT_EQ(j["phones"][0]["display"], "(415) 555-2671");
  EXPECT_EQ(j["timezone"], "America/Los_Angeles");
  EXPECT_EQ(j["account"]["name"], "Acme");
}

TEST_F(ContactCliTest, InvalidPhoneIsOneLineAndNothingIsStored) {
  RunResult r = run({"contact", "add", "--first", "X", "--phone", "555-12"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "nextcall: error: phone: '555-12' is not a valid phone number for region US\n");
  EXPECT_EQ(json({"contact", "list"}).size(), 0u);
}

TEST_F(ContactCliTest, AContactWithoutAPhoneIsAddedWithAWarning) {
  RunResult r = run({"contact", "add", "--first", "Cleo", "--last", "Park", "--email", "cleo@park.example"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: Cleo Park has no phone number"), std::string::npos) << r.err;
  RunResult with_phone = run({"contact", "add", "--first", "Di", "--phone", "+1 415 555 2671"});
  EXPECT_EQ(with_phone.err.find("no phone number"), std::string::npos) << with_phone.err;
}

TEST_F(ContactCliTest, ContactWithoutZoneIsFoundByMissingTimezone) {
  add_ann();
  // A toll-free number says nothing about where its owner is.
  ASSERT_EQ(run({"contact", "add", "--first", "Bo", "--phone", "+1 800 555 0100"}).exit_code, 0);
  auto j = json({"contact", "list", "--missing", "timezone"});
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["first_name"], "Bo");
  EXPECT_TRUE(j[0]["timezone"].is_null());
}

TEST_F(ContactCliTest, AnAreaCodeGivesTheZoneWhenTheAddressDoesNot) {
  ASSERT_EQ(run({"contact", "add", "--first", "Cy", "--phone", "(212) 555-0100", "--country", "US"}).exit_code, 0);
  ASSERT_EQ(run({"contact", "add", "--first", "Di", "--phone", "+1 312 555 0148 ext. 204"}).exit_code, 0);
  auto cy = json({"contact", "show", "Cy"});
  EXPECT_EQ(cy["timezone"], "America/New_York");
  auto di = json({"contact", "show", "Di"});
  EXPECT_EQ(di["timezone"], "America/Chicago");
  EXPECT_EQ(di["phones"][0]["e164"], "+13125550148;ext=204");
  EXPECT_EQ(di["phones"][0]["display"], "(312) 555-0148 ext. 204");
}

TEST_F(ContactCliTest, ContactsAreNamedByPhoneEmailIdOrName) {
  add_ann();
  for (const char* ref : {"1", "ann@acme.example", "+1 415-555-2671", "Ann Lee", "acme"})
    EXPECT_EQ(json({"contact", "show", ref})["id"], 1) << ref;
  RunResult r = run({"contact", "show", "Smyth"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "nextcall: error: no contact matches 'Smyth' (try: nextcall contact find Smyth)\n");
}

TEST_F(ContactCliTest, AmbiguousNameListsTheCandidates) {
  add_ann();
  ASSERT_EQ(run({"contact", "add", "--first", "Ann", "--last", "Leeds", "--phone", "+1 212 555 0100"})
                .exit_code, 0);
  RunResult r = run({"contact", "show", "Ann"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("matches several contacts: Ann Lee (#1), Ann Leeds (#2)"), std::string::npos)
      << r.err;
}

TEST_F(ContactCliTest, DuplicatePhoneIsRefused) {
  add_ann();
  RunResult r = run({"contact", "add", "--first", "Dup", "--phone", "415.555.2671"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("+14155552671 already belongs to Ann Lee (#1)"), std::string::npos) << r.err;
}

TEST_F(ContactCliTest, MemoryCommandsRecordEverySection) {
  add_ann();
  ASSERT_EQ(run({"thread", "add", "ann", "setting up the new manufacturing line"}).exit_code, 0);
  ASSERT_EQ(run({"thread", "add", "ann", "daughter's Little League season", "--personal"}).exit_code, 0);
  ASSERT_EQ(run({"hot-button", "set", "ann", "cutting the cost of unscheduled maintenance"}).exit_code, 0);
  ASSERT_EQ(run({"objection", "add", "ann", "min_order_size", "--amount", "50"}).exit_code, 0);
  ASSERT_EQ(run({"material", "add", "ann", "Model 40 spec sheet", "--pointer",
                 "page 4=unscheduled maintenance"}).exit_code, 0);
  ASSERT_EQ(run({"commitment", "add", "ann", "review the specs", "--due", "friday", "--material", "1"})
                .exit_code, 0);
  ASSERT_EQ(run({"referral", "add", "ann", "--from", "John Doe"}).exit_code, 0);
  ASSERT_EQ(run({"appointment", "add", "ann", "--at", "2026-12-03 10:00", "--confirmed"}).exit_code, 0);
  ASSERT_EQ(run({"cadence", "set", "ann", "every 10 days"}).exit_code, 0);
  auto j = json({"contact", "show", "ann"});
  ASSERT_EQ(j["threads"].size(), 2u);
  EXPECT_EQ(j["threads"][1]["kind"], "personal");
  EXPECT_EQ(j["hot_button"], "cutting the cost of unscheduled maintenance");
  EXPECT_EQ(j["objections"][0]["amount"], 50.0);
  EXPECT_EQ(j["materials"][0]["pointers"][0]["location"], "page 4");
  // NEXTCALL_NOW is Tuesday 2026-11-24: "friday" is the 27th.
  EXPECT_EQ(j["commitments"][0]["due_on"], "2026-11-27");
  EXPECT_EQ(j["commitments"][0]["material_id"], 1);
  EXPECT_EQ(j["referrals"][0]["referrer_name"], "John Doe");
  EXPECT_FALSE(j["referrals"][0]["introduced"].get<bool>());
  // 10:00 in Los Angeles in December is 18:00 UTC.
  EXPECT_EQ(j["appointments"][0]["starts_at"], "2026-12-03T18:00:00Z");
  EXPECT_EQ(j["cadence"], "every 10 days");
  ASSERT_EQ(run({"commitment", "broken", "1"}).exit_code, 0);
  ASSERT_EQ(run({"thread", "close", "1"}).exit_code, 0);
  ASSERT_EQ(run({"referral", "introduced", "1"}).exit_code, 0);
  j = json({"contact", "show", "ann"});
  EXPECT_EQ(j["commitments"][0]["status"], "broken");
  EXPECT_FALSE(j["threads"][0]["open"].get<bool>());
  EXPECT_TRUE(j["referrals"][0]["introduced"].get<bool>());
}

TEST_F(ContactCliTest, LogValidatesOutcomeAndRungAgainstTheLadder) {
  add_ann();
  RunResult bad_outcome = run({"log", "ann", "--outcome", "busy"});
  EXPECT_EQ(bad_outcome.exit_code, 2);
  EXPECT_EQ(bad_outcome.err,
            "nextcall: error: outcome: 'busy' is not one of "
            "connected|voicemail|gatekeeper|no_answer|wrong_number\n");
  RunResult bad_rung = run({"log", "ann", "--outcome", "connected", "--close", "dinner"});
  EXPECT_EQ(bad_rung.exit_code, 2);
  EXPECT_NE(bad_rung.err.find("sale|meeting|proposal_review|review_together|referral|send_info|linkedin"),
            std::string::npos);
  RunResult voicemail_rung = run({"log", "ann", "--outcome", "voicemail", "--close", "meeting"});
  EXPECT_EQ(voicemail_rung.exit_code, 2);
  RunResult gk = run({"log", "ann", "--outcome", "gatekeeper", "--close", "direct_line"});
  EXPECT_EQ(gk.exit_code, 0) << gk.err;
  auto ok = json({"log", "ann", "--outcome", "connected", "--close", "review_together", "--note",
                  "loved page 4", "--next", "+7d"});
  EXPECT_EQ(ok["rung"], "review_together");
  EXPECT_EQ(ok["ladder"], "contact");
  EXPECT_EQ(ok["next_on"], "2026-12-01");
  EXPECT_EQ(ok["at"], "2026-11-24T14:00:00Z");
  auto h = json({"history", "ann"});
  ASSERT_EQ(h["history"].size(), 2u);
  EXPECT_EQ(h["history"][0]["kind"], "call");
  EXPECT_NE(h["history"][1]["text"].get<std::string>().find("agreed to review_together"),
            std::string::npos);
}

TEST_F(ContactCliTest, BadDateIsOneClearLine) {
  add_ann();
  RunResult r = run({"commitment", "add", "ann", "x", "--due", "someday"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  EXPECT_NE(r.err.find("--due: 'someday' is not a date"), std::string::npos);
}

TEST_F(ContactCliTest, DoNotCallIsRecordedWithDateAndReason) {
  add_ann();
  ASSERT_EQ(run({"dnc", "on", "ann", "--reason", "asked not to be called"}).exit_code, 0);
  auto j = json({"contact", "show", "ann"});
  EXPECT_TRUE(j["do_not_call"].get<bool>());
  EXPECT_EQ(j["do_not_call_since"], "2026-11-24");
  EXPECT_EQ(j["do_not_call_reason"], "asked not to be called");
}

TEST_F(ContactCliTest, DemoIsDeterministicForASeed) {
  TempDir other;
  ASSERT_EQ(run({"demo", "--contacts", "60", "--seed", "7"}).exit_code, 0);
  ASSERT_EQ(run_on(other.file("b.db"), {"demo", "--contacts", "60", "--seed", "7"}).exit_code, 0);
  RunResult a = run({"export", "contacts", "--as", "json"});
  RunResult b = run_on(other.file("b.db"), {"export", "contacts", "--as", "json"});
  ASSERT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
  auto contacts = nlohmann::json::parse(a.out);
  EXPECT_EQ(contacts.size(), 60u);
  std::set<std::string> zones;
  for (const auto& c : contacts) zones.insert(c["timezone"].get<std::string>());
  EXPECT_GE(zones.size(), 6u);
  RunResult c = run_on(other.file("c.db"), {"demo", "--contacts", "60", "--seed", "8"});
  ASSERT_EQ(c.exit_code, 0);
  EXPECT_NE(run_on(other.file("c.db"), {"export", "contacts", "--as", "json"}).out, a.out);
}

}  // namespace
}  // namespace nextcall::testing
