// The manager's Team screen over HTTP: each rep's day and the week's leaderboard, a rep's
// sheet and briefs read (never written) by a manager, and the refusals: a rep reading
// another rep's sheet, a manager logging as a rep, another workspace.
#include <gtest/gtest.h>

#include <set>

#include "web/web_test_util.h"

namespace nextcall::web {
namespace {

using testing::Reply;
using testing::Tab;
using testing::TestServer;

class TeamApiTest : public testing::SharedServerTest {
 protected:
  static Id user_id(Tab& t, const std::string& email) {
    for (const auto& u : t.get("/api/users").json)
      if (u["email"] == email) return u["id"].get<Id>();
    ADD_FAILURE() << "no user " << email;
    return 0;
  }
  static nlohmann::json row(const nlohmann::json& rows, Id id) {
    for (const auto& r : rows)
      if (r["id"].get<Id>() == id) return r;
    ADD_FAILURE() << "no row for user " << id;
    return {};
  }
};

TEST_F(TeamApiTest, AManagerWatchesARepsCallsAppear) {
  Tab maria = signed_in("maria@demo.nextcall");
  Tab sam = signed_in("sam@demo.nextcall");
  const Id sam_id = user_id(maria, "sam@demo.nextcall");
  Reply before = maria.get("/api/team/today");
  ASSERT_EQ(before.status, 200) << before.body;
  nlohmann::json b = row(before.json["reps"], sam_id);
  EXPECT_EQ(b["name"], "Sam Carter");
  EXPECT_GT(b["left"].get<long>(), 1);
  EXPECT_EQ(b["planned"].get<long>(), b["left"].get<long>() + b["done"].get<long>());

  Reply plan = sam.get("/api/plan");
  ASSERT_EQ(plan.status, 200);
  ASSERT_GE(plan.json["calls"].size(), 2u);
  const std::string first = "/api/contacts/" + std::to_string(plan.json["calls"][0]["contact_id"].get<Id>());
  const std::string second = "/api/contacts/" + std::to_string(plan.json["calls"][1]["contact_id"].get<Id>());
  ASSERT_EQ(sam.send("POST", first + "/calls", {{"outcome", "voicemail"}}).status, 201);
  ASSERT_EQ(sam.send("POST", second + "/calls", {{"outcome", "connected"}, {"rung", "send_info"}}).status, 201);

  Reply after = maria.get("/api/team/today");  // the same URL: never a stale cached answer
  ASSERT_EQ(after.status, 200) << after.body;
  nlohmann::json a = row(after.json["reps"], sam_id);
  EXPECT_EQ(a["dials"].get<long>(), b["dials"].get<long>() + 2);
  EXPECT_EQ(a["done"].get<long>(), b["done"].get<long>() + 2);
  // The contacts called are done, not left: what Sam's sheet shows now (its calls whose
  // contact is not among the day's done ones).
  Reply now = sam.get("/api/plan");
  std::set<Id> done;
  for (const auto& d : now.json["done"]) done.insert(d["contact_id"].get<Id>());
  std::size_t left = 0;
  for (const auto& call : now.json["calls"]) left += !done.count(call["contact_id"].get<Id>());
  EXPECT_EQ(a["left"].get<std::size_t>(), left);
  EXPECT_EQ(a["planned"].get<long>(), a["left"].get<long>() + a["done"].get<long>());
  EXPECT_EQ(a["voicemails"].get<long>(), b["voicemails"].get<long>() + 1);
  EXPECT_EQ(a["connects"].get<long>(), b["connects"].get<long>() + 1);
  EXPECT_EQ(a["rungs"].get<long>(), b["rungs"].get<long>() + 1);

  Reply board = maria.get("/api/team/leaderboard?week=2026-11-26");
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.json["week"], "2026-11-23");
  ASSERT_FALSE(board.json["rows"].empty());
  for (std::size_t i = 1; i < board.json["rows"].size(); ++i)
    EXPECT_LE(board.json["rows"][i]["advances"].get<long>(), board.json["rows"][i - 1]["advances"].get<long>());
  EXPECT_GE(row(board.json["rows"], sam_id)["dials"].get<long>(), 2);
  EXPECT_EQ(maria.get("/api/team/leaderboard?week=soon").status, 400);
}

TEST_F(TeamApiTest, AManagerReadsARepsSheetAndBriefsButCannotLogAsTheRep) {
  Tab maria = signed_in("maria@demo.nextcall");
  Tab sam = signed_in("sam@demo.nextcall");
  const Id sam_id = user_id(maria, "sam@demo.nextcall");
  Reply own = sam.get("/api/plan");
  Reply seen = maria.get("/api/plan?rep=" + std::to_string(sam_id));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json["rep"]["id"].get<Id>(), sam_id);
  ASSERT_EQ(seen.json["calls"].size(), own.json["calls"].size());
  ASSERT_FALSE(seen.json["calls"].empty());
  const Id contact = seen.json["calls"][0]["contact_id"].get<Id>();
  const std::string path = "/api/contacts/" + std::to_string(contact);
  Reply brief = maria.get(path + "/brief?rep=" + std::to_string(sam_id));
  ASSERT_EQ(brief.status, 200) << brief.body;
  EXPECT_EQ(brief.json["contact_id"].get<Id>(), contact);

  Reply as_rep = maria.send("POST", path + "/calls?rep=" + std::to_string(sam_id), {{"outcome", "no_answer"}});
  EXPECT_EQ(as_rep.status, 403) << as_rep.body;
  EXPECT_NE(as_rep.body.find("rep"), std::string::npos);
  // Nothing was logged: the contact is still on Sam's sheet.
  Reply again = maria.get("/api/plan?rep=" + std::to_string(sam_id));
  EXPECT_EQ(again.json["calls"][0]["contact_id"].get<Id>(), contact);
}

TEST_F(TeamApiTest, RepsAndOtherWorkspacesAreRefused) {
  Tab sam = signed_in("sam@demo.nextcall");
  const Id priya = user_id(sam, "priya@demo.nextcall");
  EXPECT_EQ(sam.get("/api/team/today").status, 403);
  EXPECT_EQ(sam.get("/api/team/leaderboard").status, 403);
  EXPECT_EQ(sam.get("/api/plan?rep=" + std::to_string(priya)).status, 403);
  Reply plan = sam.get("/api/plan");
  ASSERT_FALSE(plan.json["calls"].empty());
  const std::string brief =
      "/api/contacts/" + std::to_string(plan.json["calls"][0]["contact_id"].get<Id>()) + "/brief";
  EXPECT_EQ(sam.get(brief + "?rep=" + std::to_string(priya)).status, 403);
  EXPECT_EQ(sam.get(brief + "?rep=me").status, 200);

  // A manager of this workspace never sees the other's reps, nor reads their sheets.
  Tab maria = signed_in("maria@demo.nextcall");
  Tab theirs = signed_in(server_->other_email);
  Id their_rep = 0;
  for (const auto& u : theirs.get("/api/users").json)
    if (u["email"] == server_->other_email) their_rep = u["id"].get<Id>();
  ASSERT_NE(their_rep, 0);
  EXPECT_EQ(maria.get("/api/plan?rep=" + std::to_string(their_rep)).status, 404);
  const Reply today = maria.get("/api/team/today");
  for (const auto& r : today.json["reps"]) EXPECT_NE(r["id"].get<Id>(), their_rep);
  const Reply board = maria.get("/api/team/leaderboard");
  for (const auto& r : board.json["rows"]) EXPECT_NE(r["id"].get<Id>(), their_rep);
}

}  // namespace
}  // namespace nextcall::web
