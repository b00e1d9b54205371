// POST /api/contacts/{id}/calls records everything that happened on a call in one request
// and one transaction: the next step, commitments kept, broken or moved, promises, the
// voicemail's held time and a direct line; a bad part answers 400 naming it and stores
// nothing.
#include <gtest/gtest.h>

#include "web/web_test_util.h"

namespace nextcall::web {
namespace {

using testing::Reply;
using testing::Tab;
using testing::TestServer;

class LogCallApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = TestServer::start().release(); }
  static void TearDownTestSuite() {
    sheet_.clear();
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    Reply r = tab_.sign_in("sam@demo.nextcall");
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // The n-th contact on sam's first sheet of the suite: each test takes its own (a call
  // logged takes a contact off the sheet).
  Id planned(std::size_t n) {
    if (sheet_.empty()) {
      Reply plan = tab_.get("/api/plan");
      EXPECT_EQ(plan.status, 200) << plan.body;
      for (const auto& c : plan.json["calls"]) sheet_.push_back(c["contact_id"].get<Id>());
    }
    EXPECT_GT(sheet_.size(), n);
    return n < sheet_.size() ? sheet_[n] : 0;
  }
  std::string path(Id contact) { return "/api/contacts/" + std::to_string(contact); }
  Id commitment(Id contact, const std::string& what) {
    Reply r =
        tab_.send("POST", path(contact) + "/commitments", {{"owner", "contact"}, {"what", what}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json["id"].get<Id>();
  }
  nlohmann::json memory(Id contact) {
    Reply r = tab_.get(path(contact));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json;
  }
  static std::size_t count(const nlohmann::json& rows, const std::string& key,
                           const std::string& value) {
    std::size_t n = 0;
    for (const auto& r : rows) n += r[key] == value;
    return n;
  }

  static TestServer* server_;
  static std::vector<Id> sheet_;
  Tab tab_{server_ ? server_->port : 0};
};
TestServer* LogCallApiTest::server_ = nullptr;
std::vector<Id> LogCallApiTest::sheet_;

TEST_F(LogCallApiTest, OneRequestRecordsTheMeetingCommitmentsPromisesAndDirectLine) {
  Id contact = planned(0);
  Id study = commitment(contact, "review the cost study");
  Id samples = commitment(contact, "send the samples back");
  Reply r = tab_.send(
      "POST", path(contact) + "/calls",
      {{"outcome", "connected"},
       {"rung", "meeting"},
       {"meeting", {{"at", "2026-12-10T19:00:00Z"}, {"place", "their plant"}, {"minutes", 60}}},
       {"commitments",
        {{{"id", study}, {"outcome", "kept"}},
         {{"id", samples}, {"outcome", "moved"}, {"due_on", "2026-12-01"}}}},
       {"promises",
        {{{"owner", "rep"}, {"what", "send the freight rates"}, {"due_on", "2026-11-30"}}}},
       {"direct_line", "+1 907 555 0123"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["outcome"], "connected");
  ASSERT_EQ(r.json["appointments_created"].size(), 1u);
  EXPECT_EQ(r.json["appointments_created"][0]["place"], "their plant");
  ASSERT_EQ(r.json["commitments_updated"].size(), 2u);
  EXPECT_EQ(r.json["commitments_updated"][0]["status"], "kept");
  EXPECT_EQ(r.json["commitments_updated"][1]["due_on"], "2026-12-01");
  ASSERT_EQ(r.json["promises_added"].size(), 1u);
  EXPECT_EQ(r.json["direct_line"], "+19075550123");

  nlohmann::json m = memory(contact);
  bool meeting = false;
  for (const auto& a : m["appointments"])
    meeting = meeting || (a["starts_at"] == "2026-12-10T19:00:00Z" && a["status"] == "confirmed" &&
                          a["duration_minutes"] == 60 && a["is_callback"] == false);
  EXPECT_TRUE(meeting) << m["appointments"].dump();
  for (const auto& k : m["commitments"]) {
    if (k["id"] == study) {
      EXPECT_EQ(k["status"], "kept");
    }
    if (k["id"] == samples) {
      EXPECT_EQ(k["due_on"], "2026-12-01");
    }
  }
  EXPECT_EQ(count(m["commitments"], "what", "send the freight rates"), 1u);
  EXPECT_EQ(m["phones"][0]["e164"], "+19075550123");
  EXPECT_EQ(m["phones"][0]["kind"], "direct");
}

TEST_F(LogCallApiTest, ABadCommitmentOutcomeAnswers400AndStoresNothing) {
  Id contact = planned(1);
  Id study = commitment(contact, "review the cost study");
  nlohmann::json before = memory(contact);
  Reply r = tab_.send("POST", path(contact) + "/calls",
                      {{"outcome", "connected"},
                       {"meeting", {{"at", "2026-12-10T19:00:00Z"}}},
                       {"commitments", {{{"id", study}, {"outcome", "done"}}}},
                       {"promises", {{{"owner", "contact"}, {"what", "read page 4"}}}}});
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json["error"]["fields"]["commitments[0].outcome"],
            "'done' is not one of kept|broken|moved");
  nlohmann::json after = memory(contact);
  EXPECT_EQ(after["attempts"].size(), before["attempts"].size());
  EXPECT_EQ(after["appointments"].size(), before["appointments"].size());
  EXPECT_EQ(after["commitments"].size(), before["commitments"].size());
}

TEST_F(LogCallApiTest, ProblemsInsideTheBodyAreNamedWhereTheyAre) {
  Id contact = planned(2);
  nlohmann::json many = nlohmann::json::array();
  for (int i = 0; i < 51; ++i) many.push_back({{"id", 1}, {"outcome", "kept"}});
  Reply r = tab_.send("POST", path(contact) + "/calls",
                      {{"outcome", "connected"},
                       {"meeting", {{"place", "their plant"}}},
                       {"commitments", many},
                       {"promises", {{{"owner", "them"}, {"what", "x"}, {"colour", "red"}}}}});
  ASSERT_EQ(r.status, 400) << r.body;
  const auto& f = r.json["error"]["fields"];
  EXPECT_EQ(f["meeting.at"], "is required");
  EXPECT_EQ(f["commitments"], "has 51 items (at most 50)");
  EXPECT_EQ(f["promises[0].owner"], "'them' is not contact or rep");
  EXPECT_EQ(f["promises[0].colour"].get<std::string>().rfind("unknown field", 0), 0u) << f.dump();

  Reply meeting =
      tab_.send("POST", path(contact) + "/calls",
                {{"outcome", "no_answer"}, {"meeting", {{"at", "2026-12-10T19:00:00Z"}}}});
  ASSERT_EQ(meeting.status, 400) << meeting.body;
  EXPECT_EQ(meeting.json["error"]["fields"]["meeting.at"],
            "a meeting is booked with the contact on a connected call, not on one that ended in "
            "no_answer");
}

TEST_F(LogCallApiTest, AVoicemailHoldsTheProposedTimeOnceAndACallbackIsBooked) {
  Id contact = planned(3);
  std::size_t proposed = count(memory(contact)["appointments"], "status", "proposed");
  Reply first = tab_.send("POST", path(contact) + "/calls", {{"outcome", "voicemail"}});
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_TRUE(first.json["held_appointment"].is_object()) << first.body;
  EXPECT_EQ(first.json["held_is_new"], true);
  EXPECT_EQ(first.json["held_appointment"]["status"], "proposed");
  Reply second = tab_.send("POST", path(contact) + "/calls", {{"outcome", "voicemail"}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json["held_is_new"], false);
  EXPECT_EQ(second.json["held_appointment"]["id"], first.json["held_appointment"]["id"]);
  EXPECT_EQ(count(memory(contact)["appointments"], "status", "proposed"), proposed + 1);

  Reply callback = tab_.send("POST", path(contact) + "/calls",
                             {{"outcome", "gatekeeper"}, {"callback_at", "2026-11-25T20:00:00Z"}});
  ASSERT_EQ(callback.status, 201) << callback.body;
  ASSERT_EQ(callback.json["appointments_created"].size(), 1u);
  EXPECT_EQ(callback.json["appointments_created"][0]["is_callback"], true);
  EXPECT_EQ(callback.json["appointments_created"][0]["status"], "confirmed");
}

TEST_F(LogCallApiTest, ThePlanListsTheCallsLoggedTodayAndDoesNotPlanThemAgain) {
  Id contact = planned(4);
  Reply r = tab_.send("POST", path(contact) + "/calls",
                      {{"outcome", "connected"}, {"rung", "meeting"}, {"note", "needs a quote by friday"}});
  ASSERT_EQ(r.status, 201) << r.body;
  Reply plan = tab_.get("/api/plan");
  ASSERT_EQ(plan.status, 200) << plan.body;
  for (const auto& c : plan.json["calls"]) EXPECT_NE(c["contact_id"].get<Id>(), contact);
  const nlohmann::json* done = nullptr;
  for (const auto& d : plan.json["done"])
    if (d["contact_id"].get<Id>() == contact) done = &d;
  ASSERT_NE(done, nullptr) << plan.json["done"].dump();
  EXPECT_EQ((*done)["outcome"], "connected");
  EXPECT_EQ((*done)["rung"], "meeting");
  EXPECT_EQ((*done)["note"], "needs a quote by friday");
  EXPECT_EQ((*done)["id"], r.json["id"]);
  EXPECT_FALSE((*done)["name"].get<std::string>().empty());

  // Another day's sheet lists that day's calls, not today's.
  Reply tomorrow = tab_.get("/api/plan?date=tomorrow");
  ASSERT_EQ(tomorrow.status, 200) << tomorrow.body;
  EXPECT_TRUE(tomorrow.json["done"].empty()) << tomorrow.json["done"].dump();
}

// A time no call can have is refused with the field named and what to give instead, and
// nothing is stored: an hour 25, a day the calendar lacks, a call logged before it was made,
// a date typed as 0001-01-01, a callback decades ahead.
TEST_F(LogCallApiTest, ImpossibleCallTimesAre400NamingTheField) {
  Id contact = planned(0);  // nothing is stored: any contact of the sheet will do
  nlohmann::json before = memory(contact);
  auto field = [&](const nlohmann::json& body, const std::string& name) {
    Reply r = tab_.send("POST", path(contact) + "/calls", body);
    EXPECT_EQ(r.status, 400) << r.body;
    return r.json["error"]["fields"].value(name, std::string());
  };
  EXPECT_EQ(field({{"outcome", "no_answer"}, {"at", "2026-11-24 25:00"}}, "at"),
            "'2026-11-24 25:00' has no such time of day (25:00: hours 00-23, minutes 00-59) (use '2026-12-03 10:00' "
            "in the contact's local time, or ISO 8601 with an offset)");
  EXPECT_EQ(field({{"outcome", "no_answer"}, {"at", "2026-02-30 10:00"}}, "at"),
            "'2026-02-30 10:00' has no such day (2026-02-30 is not on the calendar) (use '2026-12-03 10:00' in the "
            "contact's local time, or ISO 8601 with an offset)");
  EXPECT_EQ(field({{"outcome", "no_answer"}, {"at", "2027-06-01T10:00:00Z"}}, "at"),
            "2027-06-01T10:00:00Z is in the future (now is 2026-11-24T15:00:00Z): log a call once it is made, "
            "with the time it was made, or leave at out for now");
  EXPECT_EQ(field({{"outcome", "no_answer"}, {"at", "0001-01-01T00:00:00Z"}}, "at"),
            "0001-01-01T00:00:00Z is more than ten years ago: give the date and time the call was made");
  EXPECT_EQ(field({{"outcome", "connected"}, {"callback_at", "2040-01-01T10:00:00Z"}}, "callback_at"),
            "2040-01-01T10:00:00Z is more than two years ahead: give a time within two years, or a date to call "
            "again (next_on)");
  nlohmann::json after = memory(contact);
  EXPECT_EQ(after["attempts"].size(), before["attempts"].size());
  EXPECT_EQ(after["appointments"].size(), before["appointments"].size());
}

}  // namespace
}  // namespace nextcall::web
