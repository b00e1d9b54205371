// `nextcall workspace export` and `workspace import`: one workspace moves whole between
// databases, SQLite and PostgreSQL, in both directions, and reads back the same to the byte
// in what a rep and a manager see (the team's plan, a contact, a history).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_test_util.h"
#include "store/postgres/pg_test_server_test_util.h"

namespace nextcall::testing {
namespace {

class WorkspaceFileCliTest : public ::testing::Test {
 protected:
  // A demo workspace with a little of everything the file must carry beyond the demo's own
  // rows: a do-not-call request, a promise, a held time, a brainstorm round.
  void SetUp() override {
    ASSERT_EQ(run_on(db_, {"demo", "--contacts", "60"}).exit_code, 0);
    for (std::vector<std::string> args :
         {std::vector<std::string>{"dnc", "on", "4", "--reason", "asked not to be called"},
          {"commitment", "add", "5", "--by", "rep", "send the price list", "--due", "2026-11-27"},
          {"log", "6", "--outcome", "connected", "--close", "review_together", "--note",
           "booked at their plant", "--next", "2026-12-01"},
          {"brainstorm", "start", "Week 48"},
          {"brainstorm", "submit", "we now ship orders of 50 units, half the old minimum", "--force"}}) {
      RunResult r = run_on(db_, args);
      ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    }
  }

  // What must read back the same: the team's plan, some contacts and their histories.
  std::string views(const std::string& db) {
    std::string all;
    for (std::vector<std::string> args :
         {std::vector<std::string>{"plan", "--team"}, {"plan", "--team", "--format", "json"},
          {"contact", "show", "4"}, {"contact", "show", "5", "--format", "json"}, {"contact", "show", "6"},
          {"history", "6"}, {"history", "7", "--format", "json"}, {"export", "contacts", "--as", "json"},
          {"reason", "list", "--all", "--format", "json"}, {"settings", "show"}, {"user", "list"}}) {
      RunResult r = run_on(db, args);
      EXPECT_EQ(r.exit_code, 0) << args[0] << " on " << db << ": " << r.err;
      all += "$ " + args[0] + "\n" + r.out;
    }
    return all;
  }

  RunResult export_to(const std::string& db, const std::string& file) {
    return run_on(db, {"workspace", "export", file});
  }

  TempDir dir_;
  std::string db_ = dir_.file("laptop.db");
};

TEST_F(WorkspaceFileCliTest, SqliteToSqliteReadsBackTheSame) {
  std::string file = dir_.file("team.json");
  RunResult e = export_to(db_, file);
  ASSERT_EQ(e.exit_code, 0) << e.err;
  std::string other = dir_.file("server.db");
  RunResult i = run_on(other, {"workspace", "import", file});
  ASSERT_EQ(i.exit_code, 0) << i.err;
  EXPECT_NE(i.out.find("Loaded into new workspace 'Demo Sales Team'"), std::string::npos) << i.out;
  std::string before = views(db_), after = views(other);
  EXPECT_EQ(before, after);
  EXPECT_NE(before.find("asked not to be called"), std::string::npos);
  EXPECT_NE(before.find("booked at their plant"), std::string::npos);
  // The do-not-call contact is not planned where it landed either.
  auto plan = nlohmann::json::parse(run_on(other, {"plan", "--team", "--format", "json"}).out);
  for (const auto& sheet : plan)
    for (const auto& call : sheet["calls"]) EXPECT_NE(call["contact_id"], 4);
}

TEST_F(WorkspaceFileCliTest, SqliteToPostgresAndBackReadsBackTheSame) {
  auto url = pgtest::fresh_database_url();
  if (!url.ok()) GTEST_SKIP() << url.status().message();
  std::string file = dir_.file("team.json");
  ASSERT_EQ(export_to(db_, file).exit_code, 0);
  RunResult up = run_on(*url, {"workspace", "import", file});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  std::string laptop = views(db_);
  EXPECT_EQ(laptop, views(*url));
  // And from the server back to a new laptop.
  std::string back_file = dir_.file("back.json");
  ASSERT_EQ(export_to(*url, back_file).exit_code, 0);
  std::string laptop2 = dir_.file("laptop2.db");
  RunResult down = run_on(laptop2, {"workspace", "import", back_file});
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_EQ(laptop, views(laptop2));
}

TEST_F(WorkspaceFileCliTest, ConflictsAreAllListedAndNothingIsWritten) {
  std::string file = dir_.file("team.json");
  ASSERT_EQ(export_to(db_, file).exit_code, 0);
  std::string before = run_on(db_, {"workspace", "list"}).out;
  // Into the same database: the name is taken and every rep's e-mail is in use.
  RunResult again = run_on(db_, {"workspace", "import", file});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("conflict: workspace 'Demo Sales Team' already exists"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("belongs to another workspace of this database"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("Nothing was imported"), std::string::npos) << again.err;
  EXPECT_EQ(run_on(db_, {"workspace", "list"}).out, before);
  // Into itself: the users are merged by e-mail, but every contact is already there.
  RunResult into = run_on(db_, {"workspace", "import", file, "--into", "Demo Sales Team"});
  EXPECT_EQ(into.exit_code, 1);
  EXPECT_NE(into.err.find("is already #"), std::string::npos) << into.err;
  EXPECT_EQ(into.err.find("belongs to another workspace"), std::string::npos) << into.err;
  RunResult count = run_on(db_, {"contact", "list", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(count.out).size(), 60u);
}

TEST_F(WorkspaceFileCliTest, MergingIntoAnotherTeamKeepsItsUsersAndAddsTheRest) {
  std::string file = dir_.file("team.json");
  ASSERT_EQ(export_to(db_, file).exit_code, 0);
  std::string server = dir_.file("server.db");
  ASSERT_EQ(run_on(server, {"workspace", "add", "Field Team"}).exit_code, 0);
  RunResult dry = run_on(server, {"workspace", "import", file, "--into", "Field Team", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: nothing written"), std::string::npos) << dry.out;
  EXPECT_EQ(run_on(server, {"--workspace", "Field Team", "contact", "list", "--format", "json"}).out, "[]\n");
  RunResult in = run_on(server, {"workspace", "import", file, "--into", "Field Team"});
  ASSERT_EQ(in.exit_code, 0) << in.err;
  auto contacts = nlohmann::json::parse(
      run_on(server, {"--workspace", "Field Team", "contact", "list", "--format", "json"}).out);
  EXPECT_EQ(contacts.size(), 60u);
}

TEST_F(WorkspaceFileCliTest, AMalformedOrNewerFileIsRefusedNamingWhere) {
  std::string file = dir_.file("team.json");
  ASSERT_EQ(export_to(db_, file).exit_code, 0);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str());
  j["contacts"][2]["stage"] = "lead";
  std::string bad = dir_.write("bad.json", j.dump());
  std::string fresh = dir_.file("fresh.db");
  RunResult r = run_on(fresh, {"workspace", "import", bad});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("bad.json: contacts[2].stage: 'lead' is not one of prospect|customer"), std::string::npos)
      << r.err;
  j["contacts"][2]["stage"] = "prospect";
  j["calls"][0]["contact_id"] = 999999;
  r = run_on(fresh, {"workspace", "import", dir_.write("dangling.json", j.dump())});
  EXPECT_NE(r.err.find("calls[0].contact_id: no contact with id 999999 in the file"), std::string::npos) << r.err;
  j["nextcall_workspace"] = 99;
  r = run_on(fresh, {"workspace", "import", dir_.write("newer.json", j.dump())});
  EXPECT_NE(r.err.find("written by a newer nextcall"), std::string::npos) << r.err;
  r = run_on(fresh, {"workspace", "import", dir_.write("csv.json", "First Name,Phone\n")});
  EXPECT_NE(r.err.find("not JSON"), std::string::npos) << r.err;
  EXPECT_EQ(run_on(fresh, {"workspace", "list", "--format", "json"}).out, "[]\n");
}

// The imports of contacts files, each contact's import and the call queue travel too, their
// ids those of the database they land in; a file written before they were kept still loads.
TEST_F(WorkspaceFileCliTest, ImportsAndTheCallQueueTravelWithTheirIdsRemapped) {
  std::string file = dir_.file("team.json");
  ASSERT_EQ(export_to(db_, file).exit_code, 0);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const auto original = nlohmann::json::parse(text.str());
  ASSERT_TRUE(original.contains("imports"));
  ASSERT_TRUE(original.contains("call_queue"));
  auto user_id = [](const nlohmann::json& j, const std::string& email) -> nlohmann::json {
    for (const auto& u : j["users"])
      if (u["email"] == email) return u["id"];
    ADD_FAILURE() << "no user " << email;
    return nullptr;
  };
  auto j = original;
  const auto sam = user_id(j, "sam@demo.nextcall"), maria = user_id(j, "maria@demo.nextcall");
  j["imports"] = nlohmann::json::array(
      {{{"id", 77}, {"file_name", "trade show.csv"}, {"user_id", sam}, {"contacts_added", 2},
        {"created_at", "2026-11-20T09:00:00Z"}},
       {{"id", 78}, {"file_name", "crm export.csv"}, {"user_id", nullptr}, {"contacts_added", 1},
        {"created_at", "2026-11-21T09:00:00Z"}}});
  auto& contacts = j["contacts"];
  ASSERT_GE(contacts.size(), 4u);
  contacts[0]["import_id"] = 77;
  contacts[1]["import_id"] = 77;
  contacts[2]["import_id"] = 78;
  contacts[3]["role"] = "unknown";
  j["call_queue"] = nlohmann::json::array(
      {{{"contact_id", contacts[3]["id"]}, {"rep_id", sam}, {"priority", "top"}, {"added_by", maria},
        {"added_at", "2026-11-24T08:00:00Z"}},
       {{"contact_id", contacts[1]["id"]}, {"rep_id", sam}, {"priority", "high"}, {"added_by", nullptr},
        {"added_at", "2026-11-24T08:05:00Z"}}});
  std::string edited = dir_.write("edited.json", j.dump());

  // Where it lands, contact ids are taken already: every id is remapped.
  std::string server = dir_.file("server.db");
  ASSERT_EQ(run_on(server, {"workspace", "add", "Field Team"}).exit_code, 0);
  RunResult pre = run_on(server, {"--workspace", "Field Team", "contact", "add", "--first", "Pre", "--phone",
                                  "+1 800 555 0100"});
  ASSERT_EQ(pre.exit_code, 0) << pre.err;
  RunResult i = run_on(server, {"workspace", "import", edited});
  ASSERT_EQ(i.exit_code, 0) << i.err;
  std::string back = dir_.file("back.json");
  RunResult e = run_on(server, {"--workspace", "Demo Sales Team", "workspace", "export", back});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  std::ifstream back_in(back);
  std::stringstream back_text;
  back_text << back_in.rdbuf();
  const auto k = nlohmann::json::parse(back_text.str());

  ASSERT_EQ(k["imports"].size(), 2u);
  std::map<long, long> batch;  // the file's import ids to the new ones
  for (const auto& b : k["imports"]) {
    EXPECT_NE(b["id"], 77);
    EXPECT_NE(b["id"], 78);
    if (b["file_name"] == "trade show.csv") {
      batch[77] = b["id"].get<long>();
      EXPECT_EQ(b["user_id"], user_id(k, "sam@demo.nextcall"));
      EXPECT_EQ(b["contacts_added"], 2);
      EXPECT_EQ(b["created_at"], "2026-11-20T09:00:00Z");
    } else {
      EXPECT_EQ(b["file_name"], "crm export.csv");
      batch[78] = b["id"].get<long>();
      EXPECT_TRUE(b["user_id"].is_null());
    }
  }
  ASSERT_EQ(batch.size(), 2u);
  // Contacts by their first phone: the new id of each contact of the file.
  std::map<std::string, nlohmann::json> landed;
  for (const auto& c : k["contacts"]) landed[c["phones"][0]["e164"].get<std::string>()] = c;
  std::map<long, long> contact;  // the file's contact ids to the new ones
  for (const auto& c : contacts) {
    const auto& got = landed.at(c["phones"][0]["e164"].get<std::string>());
    contact[c["id"].get<long>()] = got["id"].get<long>();
    if (c.contains("import_id") && !c["import_id"].is_null())
      EXPECT_EQ(got["import_id"], batch.at(c["import_id"].get<long>())) << c["id"];
    else
      EXPECT_TRUE(got["import_id"].is_null()) << c["id"];
  }
  EXPECT_NE(contact.at(contacts[3]["id"].get<long>()), contacts[3]["id"].get<long>());
  EXPECT_EQ(landed.at(contacts[3]["phones"][0]["e164"].get<std::string>())["role"], "unknown");
  ASSERT_EQ(k["call_queue"].size(), 2u);
  const auto& first = k["call_queue"][0];
  EXPECT_EQ(first["contact_id"], contact.at(contacts[3]["id"].get<long>()));
  EXPECT_EQ(first["rep_id"], user_id(k, "sam@demo.nextcall"));
  EXPECT_EQ(first["priority"], "top");
  EXPECT_EQ(first["added_by"], user_id(k, "maria@demo.nextcall"));
  EXPECT_EQ(first["added_at"], "2026-11-24T08:00:00Z");
  const auto& second = k["call_queue"][1];
  EXPECT_EQ(second["contact_id"], contact.at(contacts[1]["id"].get<long>()));
  EXPECT_EQ(second["priority"], "high");
  EXPECT_TRUE(second["added_by"].is_null());

  // A file from before imports and the queue were kept: loads, with none.
  auto older = original;
  older.erase("imports");
  older.erase("call_queue");
  for (auto& c : older["contacts"]) c.erase("import_id");
  std::string fresh = dir_.file("fresh.db");
  RunResult old_in = run_on(fresh, {"workspace", "import", dir_.write("older.json", older.dump())});
  ASSERT_EQ(old_in.exit_code, 0) << old_in.err;
  std::string again = dir_.file("again.json");
  ASSERT_EQ(export_to(fresh, again).exit_code, 0);
  std::ifstream again_in(again);
  std::stringstream again_text;
  again_text << again_in.rdbuf();
  const auto a = nlohmann::json::parse(again_text.str());
  EXPECT_TRUE(a["imports"].empty());
  EXPECT_TRUE(a["call_queue"].empty());
  EXPECT_EQ(a["contacts"].size(), original["contacts"].size());
  // A priority the queue does not know is refused naming where and what it may be.
  auto bad = j;
  bad["call_queue"][0]["priority"] = "urgent";
  RunResult r = run_on(dir_.file("bad.db"), {"workspace", "import", dir_.write("bad.json", bad.dump())});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("call_queue[0].priority: 'urgent' is not one of top|high|normal"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace nextcall::testing
