#include "io/dashboard_json.h"

#include <gtest/gtest.h>

#include "core/civil_time.h"

namespace nextcall {
namespace {

TEST(DashboardJsonTest, EmptyDashboardHasEveryFieldWithNullsForMissingRates) {
  Dashboard d = compute_dashboard({}, {}, Settings{}, {}, *parse_instant("2026-11-01T00:00:00Z"),
                                  *parse_instant("2026-12-01T00:00:00Z"));
  nlohmann::json j = dashboard_json(d);
  EXPECT_EQ(j["period"]["since"], "2026-11-01T00:00:00Z");
  EXPECT_EQ(j["period"]["until"], "2026-12-01T00:00:00Z");
  EXPECT_TRUE(j["rep_id"].is_null());
  EXPECT_EQ(j["totals"], nlohmann::json::parse(R"({"attempts":0,"connects":0,"voicemails":0,
      "gatekeepers":0,"contacts_touched":0})"));
  EXPECT_TRUE(j["attempts_per_connect"].is_null());
  EXPECT_TRUE(j["planning_minutes_per_connect"].is_null());
  EXPECT_TRUE(j["wasted_planning_minutes_per_connect"].is_null());
  EXPECT_EQ(j["wasted_planning_minutes"], 0);
  EXPECT_EQ(j["planning_minutes_per_attempt"], 5);
  ASSERT_EQ(j["reach_by_hour"].size(), 24u);
  EXPECT_EQ(j["reach_by_hour"][9], nlohmann::json::parse(R"({"hour":9,"attempts":0,"connects":0,"rate":null})"));
  ASSERT_EQ(j["funnel"]["contact"].size(), 7u);
  EXPECT_EQ(j["funnel"]["contact"][0], nlohmann::json::parse(R"({"rung":"sale","contacts":0,"of":0})"));
  ASSERT_EQ(j["funnel"]["gatekeeper"].size(), 4u);
  EXPECT_EQ(j["funnel"]["gatekeeper"][0]["rung"], "arrange_conversation");
  EXPECT_TRUE(j["reasons"].is_array());
  EXPECT_TRUE(j["reasons"].empty());
}

TEST(DashboardJsonTest, FiguresAndReasons) {
  Contact c;
  c.id = 1;
  c.timezone = "America/New_York";
  Attempt a;
  a.contact_id = 1;
  a.at = *parse_instant("2026-11-24T14:05:00Z");  // 09:05 in New York
  a.outcome = Outcome::kConnected;
  a.rung = "meeting";
  a.reason_id = 7;
  Attempt b = a;
  b.outcome = Outcome::kVoicemail;
  b.rung.clear();
  b.reason_id.reset();
  b.reason = "saw your post";
  Reason r;
  r.id = 7;
  r.text = "the new minimum order";
  std::vector<Attempt> attempts = {a, b};
  std::vector<Contact> contacts = {c};
  std::vector<Reason> reasons = {r};
  Dashboard d = compute_dashboard(attempts, contacts, Settings{}, reasons,
                                  *parse_instant("2026-11-01T00:00:00Z"),
                                  *parse_instant("2026-12-01T00:00:00Z"));
  d.rep_id = 3;
  nlohmann::json j = dashboard_json(d);
  EXPECT_EQ(j["rep_id"], 3);
  EXPECT_EQ(j["totals"]["attempts"], 2);
  EXPECT_EQ(j["totals"]["voicemails"], 1);
  EXPECT_EQ(j["totals"]["contacts_touched"], 1);
  EXPECT_DOUBLE_EQ(j["attempts_per_connect"].get<double>(), 2.0);
  EXPECT_EQ(j["wasted_planning_minutes"], 5);
  EXPECT_DOUBLE_EQ(j["planning_minutes_per_connect"].get<double>(), 10.0);
  EXPECT_DOUBLE_EQ(j["wasted_planning_minutes_per_connect"].get<double>(), 5.0);
  EXPECT_EQ(j["reach_by_hour"][9], nlohmann::json::parse(R"({"hour":9,"attempts":2,"connects":1,"rate":0.5})"));
  EXPECT_EQ(j["funnel"]["contact"][1], nlohmann::json::parse(R"({"rung":"meeting","contacts":1,"of":1})"));
  ASSERT_EQ(j["reasons"].size(), 2u);
  EXPECT_EQ(j["reasons"][0], nlohmann::json::parse(R"({"reason_id":7,"text":"the new minimum order",
      "attempts":1,"connects":1,"advanced":1,"connect_rate":1.0,"advance_rate":1.0})"));
  EXPECT_TRUE(j["reasons"][1]["reason_id"].is_null());
  EXPECT_EQ(j["reasons"][1]["text"], "saw your post");
  EXPECT_EQ(j["reasons"][1]["connect_rate"], 0.0);
}

}  // namespace
}  // namespace nextcall
