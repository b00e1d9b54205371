// "Add to today's calls" and the imports over HTTP: contacts put on a rep's sheet by hand
// (by id or by a filter), what is left out and why, who may take one off, and the Contacts
// list of one import.
#include <gtest/gtest.h>

#include <set>

#include "web/web_test_util.h"

namespace nextcall::web {
namespace {

using testing::Reply;
using testing::Tab;

class QueueApiTest : public testing::SharedServerTest {
 protected:
  // Every contact on (or cut from, or kept off) the rep's sheet today.
  static std::set<Id> on_plan(Tab& t) {
    Reply plan = t.get("/api/plan");
    EXPECT_EQ(plan.status, 200) << plan.body;
    std::set<Id> ids;
    for (const char* list : {"calls", "overflow", "skipped", "snoozed", "needs_reason", "done"})
      if (plan.json.contains(list))
        for (const auto& c : plan.json[list]) ids.insert(c["contact_id"].get<Id>());
    return ids;
  }
  static bool in_calls(Tab& t, Id id) {
    Reply plan = t.get("/api/plan");
    for (const auto& c : plan.json["calls"])
      if (c["contact_id"].get<Id>() == id) return true;
    return false;
  }
  // Where the contact is on the rep's plan, and why: for a failure's message.
  static std::string where(Tab& t, Id id) {
    Reply plan = t.get("/api/plan");
    for (const char* list : {"calls", "overflow", "skipped", "snoozed", "needs_reason", "done"})
      if (plan.json.contains(list))
        for (const auto& c : plan.json[list])
          if (c["contact_id"].get<Id>() == id) return std::string(list) + ": " + c.dump();
    return "not on the plan";
  }
  // `n` contacts of the signed-in rep that the planner leaves alone today, and one of theirs
  // on the do-not-call list.
  static std::vector<Id> not_due(Tab& t, std::size_t n, Id* dnc) {
    std::set<Id> planned = on_plan(t);
    Reply mine = t.get("/api/contacts?owner=me&limit=1000");
    EXPECT_EQ(mine.status, 200) << mine.body;
    std::vector<Id> ids;
    for (const auto& c : mine.json) {
      Id id = c["id"].get<Id>();
      if (c["do_not_call"].get<bool>()) {
        if (dnc) *dnc = id;
        continue;
      }
      if (ids.size() < n && !c["phones"].empty() && c["snoozed_until"].is_null() && !planned.count(id))
        ids.push_back(id);
    }
    EXPECT_EQ(ids.size(), n);
    return ids;
  }
};

TEST_F(QueueApiTest, ARepsContactsGoOnTheSheetAtThePriorityGivenUntilTakenOff) {
  Tab sam = signed_in("sam@demo.nextcall");
  std::vector<Id> ids = not_due(sam, 3, nullptr);
  ASSERT_EQ(ids.size(), 3u);
  const Id dnc = ids[2];
  ASSERT_EQ(sam.send("POST", "/api/contacts/" + std::to_string(dnc) + "/do-not-call",
                     {{"on", true}, {"reason", "asked not to be called"}}).status, 200);
  Reply added = sam.send("POST", "/api/queue", {{"contact_ids", {ids[0], ids[1], dnc}}, {"priority", "top"}});
  ASSERT_EQ(added.status, 200) << added.body;
  ASSERT_EQ(added.json["added"].size(), 2u) << added.body;
  ASSERT_EQ(added.json["skipped"].size(), 1u) << added.body;
  EXPECT_EQ(added.json["skipped"][0]["contact_id"].get<Id>(), dnc);
  EXPECT_EQ(added.json["skipped"][0]["why"], "on the do-not-call list");

  Reply plan = sam.get("/api/plan");
  ASSERT_EQ(plan.status, 200);
  std::set<Id> calls;
  for (const auto& c : plan.json["calls"]) {
    calls.insert(c["contact_id"].get<Id>());
    if (c["contact_id"].get<Id>() == ids[0]) {
      EXPECT_EQ(c["due_because"][0], "you added them to your calls today, to call first");
      EXPECT_FALSE(c["voicemail"]["text"].get<std::string>().empty()) << "a whole brief";
    }
  }
  EXPECT_TRUE(calls.count(ids[0]) && calls.count(ids[1])) << plan.body;

  // The list and the contact's page say so.
  Reply page = sam.get("/api/contacts/" + std::to_string(ids[0]));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json["queued"]["priority"], "top");
  Reply list = sam.get("/api/contacts?with_total=1&owner=me&limit=1000");
  std::size_t queued = 0;
  for (const auto& c : list.json["contacts"]) queued += c.contains("queued");
  EXPECT_GE(queued, 2u);

  // Another rep cannot take Sam's off; Sam can, and a call logged takes the other off.
  Tab priya = signed_in("priya@demo.nextcall");
  EXPECT_EQ(priya.send("DELETE", "/api/queue/" + std::to_string(ids[0]), nullptr).status, 403);
  EXPECT_EQ(sam.send("DELETE", "/api/queue/" + std::to_string(ids[0]), nullptr).status, 200);
  EXPECT_FALSE(in_calls(sam, ids[0]));
  ASSERT_EQ(sam.send("POST", "/api/contacts/" + std::to_string(ids[1]) + "/calls", {{"outcome", "no_answer"}}).status,
            201);
  EXPECT_TRUE(sam.get("/api/contacts/" + std::to_string(ids[1])).json["queued"].is_null());
}

TEST_F(QueueApiTest, AnotherRepsContactIsLeftOutAndAManagerPutsItOnItsOwnersSheet) {
  Tab sam = signed_in("sam@demo.nextcall");
  std::vector<Id> ids = not_due(sam, 1, nullptr);
  ASSERT_EQ(ids.size(), 1u);
  Tab priya = signed_in("priya@demo.nextcall");
  Reply refused = priya.send("POST", "/api/queue", {{"contact_ids", {ids[0]}}});
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_TRUE(refused.json["added"].empty());
  EXPECT_NE(refused.json["skipped"][0]["why"].get<std::string>().find("owned by Sam"), std::string::npos)
      << refused.body;
  EXPECT_FALSE(in_calls(sam, ids[0]));

  Tab maria = signed_in("maria@demo.nextcall");
  Reply added = maria.send("POST", "/api/queue", {{"contact_ids", {ids[0]}}, {"priority", "high"}});
  ASSERT_EQ(added.status, 200) << added.body;
  ASSERT_EQ(added.json["added"].size(), 1u) << added.body;
  Reply plan = sam.get("/api/plan");
  bool by_manager = false;
  for (const auto& c : plan.json["calls"])
    if (c["contact_id"].get<Id>() == ids[0])
      by_manager = c["due_because"][0] == "your manager added them to your calls today";
  EXPECT_TRUE(by_manager) << plan.body;
  EXPECT_EQ(maria.send("DELETE", "/api/queue/" + std::to_string(ids[0]), nullptr).status, 200);
}

TEST_F(QueueApiTest, BadRequestsAreRefusedAndNothingIsAdded) {
  Tab sam = signed_in("sam@demo.nextcall");
  EXPECT_EQ(sam.send("POST", "/api/queue", {{"contact_ids", {1}}, {"priority", "urgent"}}).status, 400);
  EXPECT_EQ(sam.send("POST", "/api/queue", {{"contact_ids", {"7"}}}).status, 400);
  EXPECT_EQ(sam.send("POST", "/api/queue", nlohmann::json::object()).status, 400);
  std::vector<Id> many(501, 1);
  Reply too_many = sam.send("POST", "/api/queue", {{"contact_ids", many}});
  EXPECT_EQ(too_many.status, 400);
  EXPECT_NE(too_many.body.find("at most 500"), std::string::npos) << too_many.body;

  // Another workspace's contact is not found, and nothing of the request is kept.
  Tab other = signed_in(server_->other_email);
  Reply theirs = other.get("/api/contacts?limit=1");
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  ASSERT_FALSE(theirs.json.empty());
  Id foreign = theirs.json[0]["id"].get<Id>();
  std::vector<Id> mine = not_due(sam, 1, nullptr);
  Reply mixed = sam.send("POST", "/api/queue", {{"contact_ids", {mine.at(0), foreign}}});
  EXPECT_EQ(mixed.status, 404) << mixed.body;
  EXPECT_FALSE(in_calls(sam, mine.at(0))) << "all or nothing";
}

TEST_F(QueueApiTest, TheDueFilterListsTheContactsTheDaysPlanWouldCall) {
  Tab sam = signed_in("sam@demo.nextcall");
  Reply plan = sam.get("/api/plan");
  ASSERT_EQ(plan.status, 200);
  std::set<Id> due;
  for (const char* list : {"calls", "overflow", "needs_reason"})
    for (const auto& c : plan.json[list]) due.insert(c["contact_id"].get<Id>());
  ASSERT_FALSE(due.empty());
  Reply page = sam.get("/api/contacts?with_total=1&due=1&limit=1000");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json["total"].get<std::size_t>(), due.size());
  std::set<Id> listed;
  for (const auto& c : page.json["contacts"]) listed.insert(c["id"].get<Id>());
  EXPECT_EQ(listed, due);
  // Paged like any list, and narrowed by the other filters.
  Reply first = sam.get("/api/contacts?with_total=1&due=1&limit=2&sort=name");
  EXPECT_EQ(first.json["contacts"].size(), std::min<std::size_t>(2, due.size()));
  Reply customers = sam.get("/api/contacts?with_total=1&due=1&stage=customer&limit=1000");
  for (const auto& c : customers.json["contacts"]) EXPECT_EQ(c["stage"], "customer");
  EXPECT_LE(customers.json["total"].get<std::size_t>(), due.size());
}

TEST_F(QueueApiTest, AnImportIsListedAndItsContactsAreAFilterToAddToTodaysCalls) {
  Tab sam = signed_in("sam@demo.nextcall");
  Reply imported = sam.send_raw("POST", "/api/import/contacts?name=trade-show.csv",
                                "Name,Phone,Title,Company\n"
                                "Vera Quill,+1 617 555 0188,Team Member,Quill Foods\n"
                                "Walt Ruiz,+1 617 555 0189,Buyer,Ruiz Supply\n",
                                "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;
  ASSERT_TRUE(imported.json["import_id"].is_number()) << imported.body;
  const std::string batch = std::to_string(imported.json["import_id"].get<Id>());
  Reply batches = sam.get("/api/imports");
  ASSERT_EQ(batches.status, 200);
  ASSERT_FALSE(batches.json.empty());
  EXPECT_EQ(batches.json[0]["file_name"], "trade-show.csv") << "newest first, named as the rep knows it";
  EXPECT_EQ(batches.json[0]["contacts_added"], 2);
  EXPECT_EQ(batches.json[0]["by"], "Sam Carter");

  Reply page = sam.get("/api/contacts?with_total=1&import=" + batch);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json["total"], 2);
  EXPECT_EQ(page.json["import"]["file_name"], "trade-show.csv");
  std::map<std::string, std::string> roles;
  for (const auto& c : page.json["contacts"]) roles[c["name"].get<std::string>()] = c["role"].get<std::string>();
  EXPECT_EQ(roles["Vera Quill"], "unknown");
  EXPECT_EQ(roles["Walt Ruiz"], "influencer");
  EXPECT_EQ(sam.get("/api/contacts?import=abc").status, 400);

  Reply added = sam.send("POST", "/api/queue?import=" + batch, {{"matching", true}, {"priority", "high"}});
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.json["added"].size(), 2u) << added.body;
  for (const auto& row : added.json["added"])
    EXPECT_TRUE(in_calls(sam, row["contact_id"].get<Id>())) << where(sam, row["contact_id"].get<Id>());
  // Another workspace sees neither the import nor its contacts.
  Tab other = signed_in(server_->other_email);
  for (const auto& b : other.get("/api/imports").json) EXPECT_NE(b["file_name"], "trade-show.csv");
  EXPECT_EQ(other.get("/api/contacts?with_total=1&import=" + batch).json["total"], 0);
}

}  // namespace
}  // namespace nextcall::web
