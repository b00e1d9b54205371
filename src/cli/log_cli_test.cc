// Black-box tests of `nextcall log` recording everything that happened on a call in one
// command (the next step, commitments kept, broken or moved, promises, the voicemail's
// held time, a direct line), and of `appointment release`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

class LogCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Dana is in New York; the rep's clock is UTC. Tuesday 24 November, 13:00 in New York.
    RunResult r = run({"contact", "add", "--first", "Dana", "--last", "Ruiz", "--company", "Acme",
                       "--phone", "(212) 555-0142", "--state", "NY"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  RunResult run(std::vector<std::string> args) {
    return run_on(db_, std::move(args), "", {{"NEXTCALL_NOW", "2026-11-24T18:00:00Z"}});
  }
  nlohmann::json json(std::vector<std::string> args) {
    args.push_back("--format");
    args.push_back("json");
    RunResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  void commitment(const std::string& what) {
    RunResult r = run({"commitment", "add", "dana", what, "--due", "+1d"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  TempDir dir_;
  std::string db_ = dir_.file("t.db");
};

TEST_F(LogCliTest, OneCommandStoresTheMeetingTheCommitmentsAndThePromises) {
  commitment("review the cost study");  // #1
  commitment("send the samples back");  // #2
  RunResult r = run({"log",
                     "dana",
                     "--outcome",
                     "connected",
                     "--close",
                     "meeting",
                     "--meeting",
                     "2026-12-10 19:00",
                     "--place",
                     "their plant",
                     "--minutes",
                     "60",
                     "--kept",
                     "1",
                     "--moved",
                     "2=2026-12-01",
                     "--they-promise",
                     "read page 4@2026-11-27",
                     "--i-promise",
                     "send the rates to dana@acme.example"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Logged connected with Dana Ruiz (#1), agreed to meeting; meeting booked Thu 10 Dec "
            "19:00 your time "
            "(Thu 10 Dec 14:00 theirs) at their plant (#1); commitment #1 kept; commitment #2 "
            "moved to 2026-12-01; "
            "Dana promised to read page 4 by 2026-11-27 (#3); you promised to send the rates to "
            "dana@acme.example "
            "(#4)\n");
  auto dana = json({"contact", "show", "dana"});
  ASSERT_EQ(dana["appointments"].size(), 1u);
  EXPECT_EQ(dana["appointments"][0]["starts_at"], "2026-12-10T19:00:00Z");
  EXPECT_EQ(dana["appointments"][0]["status"], "confirmed");
  EXPECT_EQ(dana["appointments"][0]["place"], "their plant");
  EXPECT_EQ(dana["appointments"][0]["duration_minutes"], 60);
  EXPECT_EQ(dana["appointments"][0]["is_callback"], false);
  const auto& k = dana["commitments"];
  ASSERT_EQ(k.size(), 4u);
  EXPECT_EQ(k[0]["status"], "kept");
  EXPECT_EQ(k[1]["status"], "open");
  EXPECT_EQ(k[1]["due_on"], "2026-12-01");
  EXPECT_EQ(k[2]["owner"], "contact");
  EXPECT_EQ(k[2]["what"], "read page 4");
  EXPECT_EQ(k[2]["due_on"], "2026-11-27");
  EXPECT_EQ(k[3]["owner"], "rep");
  EXPECT_EQ(k[3]["what"], "send the rates to dana@acme.example");
  EXPECT_TRUE(k[3]["due_on"].is_null());
  ASSERT_EQ(dana["attempts"].size(), 1u);
  EXPECT_EQ(dana["attempts"][0]["rung"], "meeting");
}

TEST_F(LogCliTest, JsonOutputHasTheAttemptAndWhatItCreatedAndUpdated) {
  commitment("review the cost study");
  auto j = json({"log", "dana", "--outcome", "connected", "--callback", "2026-11-25 15:00",
                 "--broken", "1", "--they-promise", "call the plant manager@friday"});
  EXPECT_EQ(j["outcome"], "connected");
  EXPECT_EQ(j["contact_id"], 1);
  ASSERT_EQ(j["appointments_created"].size(), 1u);
  EXPECT_EQ(j["appointments_created"][0]["is_callback"], true);
  EXPECT_EQ(j["appointments_created"][0]["starts_at"], "2026-11-25T15:00:00Z");
  ASSERT_EQ(j["commitments_updated"].size(), 1u);
  EXPECT_EQ(j["commitments_updated"][0]["status"], "broken");
  ASSERT_EQ(j["promises_added"].size(), 1u);
  EXPECT_EQ(j["promises_added"][0]["due_on"], "2026-11-27");
  EXPECT_TRUE(j["held_appointment"].is_null());
}

TEST_F(LogCliTest, AnErrorInOnePartStoresNothing) {
  commitment("review the cost study");
  commitment("send the samples back");
  RunResult r = run({"log", "dana", "--outcome", "connected", "--meeting", "2026-12-10 19:00",
                     "--kept", "1", "--moved", "2=2026-11-01", "--they-promise", "read page 4",
                     "--direct-line", "(212) 555-0177"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "nextcall: error: --moved 2=2026-11-01: 2026-11-01 is before the call (2026-11-24)\n");
  auto dana = json({"contact", "show", "dana"});
  EXPECT_TRUE(dana["attempts"].empty());
  EXPECT_TRUE(dana["appointments"].empty());
  ASSERT_EQ(dana["commitments"].size(), 2u);
  EXPECT_EQ(dana["commitments"][0]["status"], "open");
  EXPECT_EQ(dana["commitments"][1]["due_on"], "2026-11-25");
  EXPECT_EQ(dana["phones"].size(), 1u);
}

TEST_F(LogCliTest, TwoNextStepsAreRefusedNamingBothOptions) {
  RunResult r = run({"log", "dana", "--outcome", "connected", "--next", "friday", "--callback",
                     "2026-11-25 15:00"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "nextcall: error: --callback: give one next step, not both --next and --callback (a "
            "date to call "
            "again, a time to call back or a meeting)\n");
  RunResult none = run({"log", "dana", "--outcome", "no_answer", "--meeting", "2026-12-10 19:00"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err,
            "nextcall: error: --meeting: a meeting is booked with the contact on a connected call, "
            "not on one that "
            "ended in no_answer\n");
  EXPECT_TRUE(json({"contact", "show", "dana"})["attempts"].empty());
}

TEST_F(LogCliTest, AVoicemailHoldsTheProposedTimeOnceAndContactShowSaysSo) {
  RunResult first = run({"log", "dana", "--outcome", "voicemail"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("Logged voicemail with Dana Ruiz (#1); holding "), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find(" as a tentative appointment (#1)\n"), std::string::npos) << first.out;
  auto held = json({"contact", "show", "dana"})["appointments"];
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0]["status"], "proposed");
  EXPECT_EQ(held[0]["place"], "phone");
  EXPECT_EQ(held[0]["is_callback"], false);

  RunResult second = run({"log", "dana", "--outcome", "voicemail"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("; still holding "), std::string::npos) << second.out;
  EXPECT_NE(second.out.find(" from an earlier voicemail (#1)\n"), std::string::npos) << second.out;
  auto after = json({"contact", "show", "dana"});
  EXPECT_EQ(after["appointments"].size(), 1u);
  EXPECT_EQ(after["attempts"].size(), 2u);

  RunResult show = run({"contact", "show", "dana"});
  EXPECT_NE(show.out.find("  [1] tentative, left on voicemail: "), std::string::npos) << show.out;
}

TEST_F(LogCliTest, AVoicemailHoldsTheTimeTheRepSaid) {
  RunResult r =
      run({"log", "dana", "--outcome", "voicemail", "--proposed", "2026-12-01T15:00:00Z"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Logged voicemail with Dana Ruiz (#1); holding Tuesday, December 1 at 10 a.m. their "
            "time as a "
            "tentative appointment (#1)\n");
  RunResult none = run({"log", "dana", "--outcome", "voicemail", "--no-proposed"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out, "Logged voicemail with Dana Ruiz (#1)\n");
}

TEST_F(LogCliTest, ACallbackIsStoredAsAConfirmedCallback) {
  RunResult r =
      run({"log", "dana", "--outcome", "gatekeeper", "--callback", "2026-11-25T15:00:00-05:00"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Logged gatekeeper with Dana Ruiz (#1); callback booked Wed 25 Nov 20:00 your time "
            "(Wed 25 Nov 15:00 "
            "theirs) (#1)\n");
  auto ap = json({"contact", "show", "dana"})["appointments"];
  ASSERT_EQ(ap.size(), 1u);
  EXPECT_EQ(ap[0]["is_callback"], true);
  EXPECT_EQ(ap[0]["status"], "confirmed");
  EXPECT_EQ(ap[0]["duration_minutes"], 15);
  EXPECT_EQ(ap[0]["starts_at"], "2026-11-25T20:00:00Z");
}

TEST_F(LogCliTest, ADirectLineBecomesTheFirstPhoneWithKindDirect) {
  RunResult r = run({"log", "dana", "--outcome", "gatekeeper", "--close", "direct_line",
                     "--direct-line", "212.555.0177"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "Logged gatekeeper with Dana Ruiz (#1), agreed to direct_line; direct line (212) "
            "555-0177 is now their "
            "first number\n");
  auto phones = json({"contact", "show", "dana"})["phones"];
  ASSERT_EQ(phones.size(), 2u);
  EXPECT_EQ(phones[0]["e164"], "+12125550177");
  EXPECT_EQ(phones[0]["kind"], "direct");
  EXPECT_EQ(phones[1]["e164"], "+12125550142");
  RunResult bad = run({"log", "dana", "--outcome", "gatekeeper", "--direct-line", "555-12"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "nextcall: error: --direct-line: '555-12' is not a valid phone number for region US\n");
}

TEST_F(LogCliTest, AppointmentReleaseCancelsOnlyATentativeOne) {
  ASSERT_EQ(run({"log", "dana", "--outcome", "voicemail", "--proposed", "2026-12-01T15:00:00Z"})
                .exit_code,
            0);
  ASSERT_EQ(
      run({"appointment", "add", "dana", "--at", "2026-12-03 10:00", "--confirmed"}).exit_code, 0);
  RunResult released = run({"appointment", "release", "1"});
  ASSERT_EQ(released.exit_code, 0) << released.err;
  EXPECT_EQ(released.out, "Appointment #1 released (cancelled)\n");
  RunResult confirmed = run({"appointment", "release", "2"});
  EXPECT_EQ(confirmed.exit_code, 2);
  EXPECT_EQ(confirmed.err,
            "nextcall: error: appointment: #2 is confirmed, not tentative (only a tentative one is "
            "released; cancel "
            "a confirmed one)\n");
  auto ap = json({"appointment", "list", "dana"});
  ASSERT_EQ(ap.size(), 2u);
  for (const auto& a : ap) EXPECT_EQ(a["status"], a["id"] == 1 ? "cancelled" : "confirmed");
}

}  // namespace
}  // namespace nextcall::testing
