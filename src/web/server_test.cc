// The API against the real server on a free loopback port: sign-in and its cookie,
// CSRF, sign-out replay, API tokens, roles, workspace isolation, validation errors,
// hostile strings, static files, and concurrent logging.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <thread>

#include "web/web_test_util.h"

namespace nextcall::web {
namespace {

using testing::Reply;
using testing::Tab;
using testing::TestServer;

class ApiTest : public testing::SharedServerTest {
 protected:
  Tab tab() { return Tab(server_->port); }
  // The first contact on sam's sheet.
  Id first_planned(Tab& t) {
    Reply plan = t.get("/api/plan");
    EXPECT_EQ(plan.status, 200) << plan.body;
    EXPECT_FALSE(plan.json["calls"].empty());
    return plan.json["calls"][0]["contact_id"].get<Id>();
  }
};

TEST_F(ApiTest, SignInSetsAStrictHttpOnlyCookieAndReturnsTheUser) {
  Tab t = tab();
  Reply r = t.sign_in("sam@demo.nextcall");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["user"]["email"], "sam@demo.nextcall");
  EXPECT_EQ(r.json["user"].count("password_hash"), 0u);
  EXPECT_FALSE(r.json["csrf_token"].get<std::string>().empty());
  std::string cookie = r.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  Reply me = t.get("/api/session");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json["user"]["name"], "Sam Carter");
}

TEST_F(ApiTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  Tab t = tab();
  Reply wrong = t.sign_in("priya@demo.nextcall", "not-the-password");
  Reply unknown = t.sign_in("nobody@demo.nextcall", "not-the-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json["error"]["message"], unknown.json["error"]["message"]);
  EXPECT_EQ(t.get("/api/plan").status, 401);
}

TEST_F(ApiTest, StateChangesNeedTheCsrfTokenOfTheSession) {
  Tab t = signed_in("sam@demo.nextcall");
  Id contact = first_planned(t);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  std::string real = t.csrf;
  t.csrf = "";
  Reply missing = t.send("POST", path, {{"outcome", "no_answer"}});
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(missing.json["error"]["code"], "permission_denied");
  t.csrf = real.substr(0, real.size() - 1) + (real.back() == 'A' ? "B" : "A");
  EXPECT_EQ(t.send("POST", path, {{"outcome", "no_answer"}}).status, 403);
  t.csrf = real;
  Reply ok = t.send("POST", path, {{"outcome", "no_answer"}});
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json["outcome"], "no_answer");
}

TEST_F(ApiTest, ACookieReplayedAfterSignOutIsRefused) {
  Tab t = signed_in("sam@demo.nextcall");
  std::string stolen = t.cookie;
  ASSERT_EQ(t.get("/api/plan").status, 200);
  Reply out = t.send("DELETE", "/api/session", nullptr);
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  Tab thief = tab();
  thief.cookie = stolen;
  Reply r = thief.get("/api/plan");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json["error"]["code"], "unauthenticated");
}

TEST_F(ApiTest, ApiTokensWorkWithoutCookiesUntilRevoked) {
  Tab t = signed_in("sam@demo.nextcall");
  Reply issued = t.send("POST", "/api/tokens", {{"name", "nightly export"}, {"current_password", testing::kDemoPassword}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  std::string secret = issued.json["token"];
  Tab script = tab();
  script.bearer = secret;
  EXPECT_EQ(script.get("/api/plan").status, 200);
  Id contact = first_planned(script);
  // No CSRF token needed: a bearer token is not sent by browsers on their own.
  EXPECT_EQ(script.send("POST", "/api/contacts/" + std::to_string(contact) + "/calls", {{"outcome", "no_answer"}}).status,
            201);
  Reply revoked = t.send("DELETE", "/api/tokens/" + std::to_string(issued.json["id"].get<Id>()), nullptr);
  EXPECT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(script.get("/api/plan").status, 401);
  script.bearer = "nct_made-up";
  EXPECT_EQ(script.get("/api/plan").status, 401);
}

TEST_F(ApiTest, NobodySeesAnotherWorkspace) {
  Tab ours = signed_in("sam@demo.nextcall");
  Tab theirs = signed_in(server_->other_email);
  Reply their_list = theirs.get("/api/contacts?limit=1000");
  ASSERT_EQ(their_list.status, 200);
  ASSERT_FALSE(their_list.json.empty());
  Id their_contact = their_list.json[0]["id"].get<Id>();
  const std::string path = "/api/contacts/" + std::to_string(their_contact);
  EXPECT_EQ(ours.get(path).status, 404);
  EXPECT_EQ(ours.get(path + "/brief").status, 404);
  EXPECT_EQ(ours.send("POST", path + "/calls", {{"outcome", "no_answer"}}).status, 404);
  EXPECT_EQ(ours.send("POST", path + "/threads", {{"topic", "x"}}).status, 404);
  Reply our_list = ours.get("/api/contacts?limit=1000");
  for (const auto& c : our_list.json) EXPECT_NE(c["id"].get<Id>(), their_contact);
  for (const auto& u : ours.get("/api/users").json) EXPECT_NE(u["workspace_id"].get<Id>(), server_->other_workspace_id);
}

TEST_F(ApiTest, RolesGuardManagerAndAdminRoutes) {
  Tab rep = signed_in("sam@demo.nextcall");
  EXPECT_EQ(rep.send("POST", "/api/users", {{"email", "x@y.z"}, {"password", "long enough pw"}}).status, 403);
  EXPECT_EQ(rep.get("/api/dashboard?rep=team").status, 403);
  EXPECT_EQ(rep.get("/api/dashboard").status, 200);
  Reply users = rep.get("/api/users");
  Id maria = 0;
  for (const auto& u : users.json)
    if (u["email"] == "maria@demo.nextcall") maria = u["id"];
  EXPECT_EQ(rep.get("/api/plan?rep=" + std::to_string(maria)).status, 403);
  Tab manager = signed_in("maria@demo.nextcall");
  Reply team = manager.get("/api/dashboard");
  ASSERT_EQ(team.status, 200) << team.body;
  EXPECT_EQ(team.json["scope"], "team");
  EXPECT_EQ(team.json["reach_by_hour"].size(), 24u);
  EXPECT_GT(team.json["totals"]["attempts"].get<int>(), 0);
}

TEST_F(ApiTest, BadBodiesGetFieldLevelErrors) {
  Tab t = signed_in("sam@demo.nextcall");
  Reply malformed = t.send_raw("POST", "/api/contacts", "{\"first_name\": ");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.json["error"]["code"], "invalid_argument");
  EXPECT_TRUE(malformed.json["error"]["fields"].contains("body"));
  // Well-formed JSON whose number no double holds is refused the same way, not a crash.
  Reply huge = t.send_raw("POST", "/api/contacts", "{\"first_name\": 6e1111111111111111111}");
  EXPECT_EQ(huge.status, 400) << huge.body;
  EXPECT_TRUE(huge.json["error"]["fields"].contains("body")) << huge.body;

  Reply typed = t.send("POST", "/api/contacts", {{"first_name", 42}, {"phones", "not a list"}, {"colour", "red"}});
  EXPECT_EQ(typed.status, 400);
  auto fields = typed.json["error"]["fields"];
  EXPECT_EQ(fields["first_name"], "must be a string");
  EXPECT_EQ(fields["phones"], "must be a list of strings");
  EXPECT_NE(fields["colour"].get<std::string>().find("unknown field"), std::string::npos);

  Reply bad_phone = t.send("POST", "/api/contacts", {{"first_name", "Ann"}, {"phones", {"555-12"}}});
  EXPECT_EQ(bad_phone.status, 400);
  EXPECT_TRUE(bad_phone.json["error"]["fields"].contains("phone")) << bad_phone.body;

  Id contact = first_planned(t);
  Reply bad_outcome = t.send("POST", "/api/contacts/" + std::to_string(contact) + "/calls", {{"outcome", "busy"}});
  EXPECT_EQ(bad_outcome.status, 400);
  EXPECT_TRUE(bad_outcome.json["error"]["fields"].contains("outcome")) << bad_outcome.body;

  EXPECT_EQ(t.get("/api/contacts/999999").status, 404);
  EXPECT_EQ(t.get("/api/contacts/abc").status, 404);
  Reply no_route = t.get("/api/nothing-here");
  EXPECT_EQ(no_route.status, 404);
  EXPECT_EQ(no_route.json["error"]["code"], "not_found");
}

TEST_F(ApiTest, OversizedBodiesAreRefusedWithJson) {
  auto small = TestServer::start([] {
    ServerOptions o;
    o.max_body_bytes = 1024;
    return o;
  }());
  ASSERT_NE(small, nullptr);
  Tab t(small->port);
  ASSERT_EQ(t.sign_in("sam@demo.nextcall").status, 200);
  Reply r = t.send("POST", "/api/lint", {{"text", std::string(4096, 'a')}});
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json["error"]["code"], "invalid_argument") << r.body;
}

TEST_F(ApiTest, SqlAndScriptLookingStringsAreStoredAndReturnedAsText) {
  Tab t = signed_in("sam@demo.nextcall");
  const std::string sql = "Robert'); DROP TABLE contacts;--";
  const std::string script = "<img src=x onerror=alert(1)><script>alert('x')</script>";
  Reply added = t.send("POST", "/api/contacts",
                       {{"first_name", sql}, {"last_name", script}, {"company", script}, {"phones", {"+1 415 555 0199"}}});
  ASSERT_EQ(added.status, 201) << added.body;
  Id id = added.json["id"];
  Reply thread = t.send("POST", "/api/contacts/" + std::to_string(id) + "/threads", {{"topic", script}});
  ASSERT_EQ(thread.status, 201) << thread.body;
  Reply back = t.get("/api/contacts/" + std::to_string(id));
  ASSERT_EQ(back.status, 200);
  EXPECT_EQ(back.json["first_name"], sql);
  EXPECT_EQ(back.json["last_name"], script);
  EXPECT_EQ(back.json["threads"][0]["topic"], script);
  EXPECT_EQ(back.header("Content-Type"), "application/json");
  Reply found = t.get("/api/contacts?q=DROP%20TABLE");
  ASSERT_EQ(found.status, 200);
  ASSERT_EQ(found.json.size(), 1u);
  EXPECT_GT(t.get("/api/contacts?limit=1000").json.size(), 50u);  // the table is still there
}

// The Contacts screen's list: a page with its total, the company and owner beside each
// contact, filters and sorts read from the query, and a clear error for a bad parameter.
TEST_F(ApiTest, ContactsListPagesFiltersSortsAndCounts) {
  Tab t = signed_in("sam@demo.nextcall");
  Reply first = t.get("/api/contacts?with_total=1&sort=name&limit=5");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.json["contacts"].size(), 5u);
  const long total = first.json["total"].get<long>();
  EXPECT_GT(total, 5);
  EXPECT_EQ(first.json["contacts"][0].count("company"), 1u);
  EXPECT_EQ(first.json["contacts"][0].count("owner"), 1u);
  Reply second = t.get("/api/contacts?with_total=1&sort=name&limit=5&offset=5");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.json["total"].get<long>(), total);
  auto lower = [](std::string x) {
    for (char& ch : x) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return x;
  };
  std::vector<std::string> names;
  std::set<Id> ids;
  for (const Reply* r : {&first, &second})
    for (const auto& c : r->json["contacts"]) {
      names.push_back(lower(c["last_name"].get<std::string>()));
      ids.insert(c["id"].get<Id>());
    }
  EXPECT_EQ(ids.size(), 10u);  // the pages do not overlap
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  Reply back = t.get("/api/contacts?with_total=1&sort=name&order=desc&limit=1");
  EXPECT_GE(lower(back.json["contacts"][0]["last_name"].get<std::string>()), names.back());

  Reply added = t.send("POST", "/api/contacts", {{"first_name", "Quinta"}, {"last_name", "Filterova"},
                                                 {"company", "Filter Test Mills"}, {"phones", {"+1 415 555 0187"}}});
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string id = std::to_string(added.json["id"].get<Id>());
  auto count = [&t](const std::string& query) {
    Reply r = t.get("/api/contacts?with_total=1&q=Filterova" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json["total"].get<long>();
  };
  EXPECT_EQ(count(""), 1);
  EXPECT_EQ(count("&never_called=1"), 1);
  EXPECT_EQ(count("&do_not_call=1"), 0);
  EXPECT_EQ(count("&stage=customer"), 0);
  Reply company = t.get("/api/contacts?with_total=1&q=filter%20test%20mills");
  ASSERT_EQ(company.json["contacts"].size(), 1u);
  EXPECT_EQ(company.json["contacts"][0]["company"], "Filter Test Mills");
  ASSERT_EQ(t.send("POST", "/api/contacts/" + id + "/do-not-call", {{"on", true}, {"reason", "asked"}}).status, 200);
  EXPECT_EQ(count("&do_not_call=1"), 1);
  EXPECT_EQ(count("&do_not_call=0"), 0);
  ASSERT_EQ(t.send("POST", "/api/contacts/" + id + "/calls", {{"outcome", "no_answer"}}).status, 201);
  EXPECT_EQ(count("&never_called=1"), 0);
  // Without with_total the answer is the plain list it always was.
  EXPECT_TRUE(t.get("/api/contacts?q=Filterova").json.is_array());

  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"stage=lead", "stage"}, {"sort=phone", "sort"}, {"order=up", "order"},
           {"do_not_call=maybe", "do_not_call"}, {"owner=bob", "owner"}}) {
    Reply bad = t.get("/api/contacts?" + query);
    EXPECT_EQ(bad.status, 400) << query;
    EXPECT_NE(bad.body.find(field), std::string::npos) << bad.body;
  }
}

// A raw request, so nothing normalises the path before the server sees it.
std::string raw_get(int port, const std::string& path) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "";
  }
  std::string req = "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  (void)!write(fd, req.data(), req.size());
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  close(fd);
  return out;
}

TEST_F(ApiTest, StaticFilesNeverReachOutsideTheUiFolder) {
  std::string index = raw_get(server_->port, "/");
  EXPECT_NE(index.find("200 OK"), std::string::npos);
  EXPECT_NE(index.find("Content-Security-Policy"), std::string::npos);
  for (const char* path : {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                           "/static/../../CMakeLists.txt", "//etc/passwd"}) {
    std::string r = raw_get(server_->port, path);
    EXPECT_EQ(r.find("root:"), std::string::npos) << path;
    EXPECT_EQ(r.find("cmake_minimum_required"), std::string::npos) << path;
    EXPECT_EQ(r.find("200 OK"), std::string::npos) << path;
  }
}

TEST_F(ApiTest, TwoTabsLoggingTheSameContactLoseNothing) {
  Tab a = signed_in("sam@demo.nextcall");
  Tab b = signed_in("sam@demo.nextcall");
  Id contact = first_planned(a);
  const std::string path = "/api/contacts/" + std::to_string(contact) + "/calls";
  std::size_t before = a.get(path).json.size();
  constexpr int kEach = 20;
  auto work = [&](Tab* t, const char* note) {
    for (int i = 0; i < kEach; ++i) {
      Reply r = t->send("POST", path, {{"outcome", "no_answer"}, {"note", std::string(note) + std::to_string(i)}});
      EXPECT_EQ(r.status, 201) << r.body;
    }
  };
  std::thread ta(work, &a, "tab a ");
  std::thread tb(work, &b, "tab b ");
  ta.join();
  tb.join();
  Reply after = a.get(path);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.json.size(), before + 2 * kEach);
}

TEST_F(ApiTest, TheDaysSheetBriefAndLogFitTogether) {
  Tab t = signed_in("sam@demo.nextcall");
  Reply plan = t.get("/api/plan");
  ASSERT_EQ(plan.status, 200);
  EXPECT_EQ(plan.json["rep"]["name"], "Sam Carter");
  Id contact = plan.json["calls"][0]["contact_id"];
  Reply brief = t.get("/api/contacts/" + std::to_string(contact) + "/brief");
  ASSERT_EQ(brief.status, 200) << brief.body;
  for (const char* section : {"reason", "opener", "close", "voicemail", "gatekeeper_script", "window", "material"})
    EXPECT_TRUE(brief.json.contains(section)) << section << " missing from " << brief.body;
  std::string rung = brief.json["close"]["target"];
  Reply logged = t.send("POST", "/api/contacts/" + std::to_string(contact) + "/calls",
                        {{"outcome", "connected"}, {"rung", rung}, {"note", "walked through page 4"}, {"next_on", "+7d"}});
  ASSERT_EQ(logged.status, 201) << logged.body;
  EXPECT_EQ(logged.json["rung"], rung);
  Reply history = t.get("/api/contacts/" + std::to_string(contact));
  bool seen = false;
  for (const auto& h : history.json["history"]) seen = seen || h["text"].get<std::string>().find("page 4") != std::string::npos;
  EXPECT_TRUE(seen) << history.json["history"].dump();
}

TEST_F(ApiTest, AKeptBriefIsForgottenWhenTheContactChanges) {
  Tab t = signed_in("sam@demo.nextcall");
  Id contact = first_planned(t);
  const std::string brief = "/api/contacts/" + std::to_string(contact) + "/brief";
  Reply first = t.get(brief);
  Reply again = t.get(brief);  // served from the cache
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, again.body);
  Reply edit = t.send("PATCH", "/api/contacts/" + std::to_string(contact), {{"hot_button", "cutting scrap on the night shift"}});
  ASSERT_EQ(edit.status, 200) << edit.body;
  Reply after = t.get(brief);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.json["hot_button"], "cutting scrap on the night shift");
  // Another rep's view of the same workspace is not served from sam's entry.
  Tab priya = signed_in("priya@demo.nextcall");
  EXPECT_EQ(priya.get("/api/plan").json["rep"]["name"], "Priya Nair");
}

TEST_F(ApiTest, MemoryItemsAreAddedAndTheirStatusChanged) {
  Tab t = signed_in("sam@demo.nextcall");
  Id contact = first_planned(t);
  const std::string base = "/api/contacts/" + std::to_string(contact);
  Reply promise = t.send("POST", base + "/commitments", {{"owner", "rep"}, {"what", "send the pricing"}, {"due_on", "friday"}});
  ASSERT_EQ(promise.status, 201) << promise.body;
  EXPECT_EQ(promise.json["due_on"], "2026-11-27");
  const std::string item = "/api/commitments/" + std::to_string(promise.json["id"].get<Id>());
  Reply kept = t.send("PATCH", item, {{"status", "kept"}});
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.json["status"], "kept");
  Reply bad = t.send("PATCH", item, {{"status", "finished"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.json["error"]["fields"]["status"].get<std::string>().find("open|kept|broken"), std::string::npos);
  Reply meeting = t.send("POST", base + "/appointments", {{"starts_at", "2026-12-01 10:00"}, {"duration_minutes", 30}});
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  Reply confirmed = t.send("PATCH", "/api/appointments/" + std::to_string(meeting.json["id"].get<Id>()),
                           {{"status", "confirmed"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json["status"], "confirmed");
}

TEST_F(ApiTest, ImportDryRunReportsRowsByLineAndWritesNothing) {
  Tab t = signed_in("sam@demo.nextcall");
  std::size_t before = t.get("/api/contacts?limit=1000").json.size();
  const std::string csv = "First Name,Last Name,Phone,Email\nAnn,Lee,+1 415 555 0142,ann@example.com\nBob,Roe,555-12,bob@example.com\n";
  Reply dry = t.send_raw("POST", "/api/import/contacts?dry_run=true&name=crm.csv", csv, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json["read"], 2);
  ASSERT_EQ(dry.json["problems"].size(), 1u);
  EXPECT_EQ(dry.json["problems"][0]["line"], 3);
  EXPECT_NE(dry.json["problems"][0]["text"].get<std::string>().find("crm.csv:3:"), std::string::npos);
  EXPECT_EQ(t.get("/api/contacts?limit=1000").json.size(), before);
  Reply real = t.send_raw("POST", "/api/import/contacts?skip_bad=true&name=crm.csv", csv, "text/csv");
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json["created"], 1);
  EXPECT_EQ(t.get("/api/contacts?limit=1000").json.size(), before + 1);
}

TEST_F(ApiTest, ChangesProduceTheirRecallList) {
  Tab t = signed_in("sam@demo.nextcall");
  Reply change = t.send("POST", "/api/changes",
                        {{"kind", "new_policy"}, {"title", "Minimum order is now 50 units"},
                         {"resolves", {"min_order_size:>=50"}}});
  ASSERT_EQ(change.status, 201) << change.body;
  EXPECT_TRUE(change.json["recall"].is_array());
  Reply bad = t.send("POST", "/api/changes", {{"kind", "new_policy"}, {"title", "x"}, {"resolves", {"min_order_size:>=fifty"}}});
  EXPECT_EQ(bad.status, 400);
  Reply again = t.get("/api/changes/" + std::to_string(change.json["id"].get<Id>()) + "/recall");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.json["recall"].size(), change.json["recall"].size());
}

TEST_F(ApiTest, BrainstormRoundAcrossTwoUsers) {
  Tab sam = signed_in("sam@demo.nextcall");
  Tab maria = signed_in("maria@demo.nextcall");
  Reply round = maria.send("POST", "/api/brainstorm/rounds", {{"title", "December reasons"}});
  ASSERT_EQ(round.status, 201) << round.body;
  Reply sub = sam.send("POST", "/api/brainstorm/submissions",
                       {{"text", "to show you how plants like yours cut unscheduled downtime by a fifth"},
                        {"category", "you_first"}});
  ASSERT_EQ(sub.status, 201) << sub.body;
  Id id = sub.json["id"];
  EXPECT_EQ(sam.send("POST", "/api/brainstorm/submissions/" + std::to_string(id) + "/score", {{"score", 5}}).status, 403);
  EXPECT_EQ(maria.send("POST", "/api/brainstorm/submissions/" + std::to_string(id) + "/score", {{"score", 9}}).status, 400);
  EXPECT_EQ(maria.send("POST", "/api/brainstorm/submissions/" + std::to_string(id) + "/score", {{"score", 4}}).status, 200);
  Reply board = sam.get("/api/brainstorm");
  ASSERT_EQ(board.status, 200);
  ASSERT_FALSE(board.json["board"]["reasons"].empty());
  EXPECT_EQ(board.json["board"]["reasons"][0]["mean"], 4.0);

  // Once closed, the round and its board are still what the panel shows.
  Reply closed = maria.send("POST", "/api/brainstorm/rounds/" + std::to_string(round.json["id"].get<Id>()) + "/close",
                            nlohmann::json::object());
  ASSERT_EQ(closed.status, 200) << closed.body;
  Reply after = sam.get("/api/brainstorm");
  ASSERT_EQ(after.status, 200);
  ASSERT_TRUE(after.json["round"].is_object()) << after.body;
  EXPECT_EQ(after.json["round"]["id"], round.json["id"]);
  EXPECT_FALSE(after.json["round"]["open"].get<bool>());
  ASSERT_FALSE(after.json["board"]["reasons"].empty());
  EXPECT_EQ(after.json["board"]["reasons"][0]["text"], sub.json["text"]);
}

TEST_F(ApiTest, AReasonIsRetiredAndRestoredByItsAuthorOrAManagerOnly) {
  Tab sam = signed_in("sam@demo.nextcall");
  Tab priya = signed_in("priya@demo.nextcall");
  Tab maria = signed_in("maria@demo.nextcall");
  Reply added = sam.send("POST", "/api/reasons",
                         {{"text", "your spring orders can now ship from the Denver depot in two days"},
                          {"category", "new_capability"}, {"force", true}});
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string path = "/api/reasons/" + std::to_string(added.json["id"].get<Id>());
  auto listed = [&](Tab& t) {
    const Reply list = t.get("/api/reasons");  // kept: the loop reads into it
    for (const auto& r : list.json["reasons"])
      if (r["id"] == added.json["id"]) return true;
    return false;
  };
  Reply refused = priya.send("POST", path + "/retire", nlohmann::json::object());
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_NE(refused.json["error"]["message"].get<std::string>().find("only its author or a manager"), std::string::npos);
  EXPECT_TRUE(listed(priya));
  EXPECT_EQ(sam.send("POST", path + "/retire", nlohmann::json::object()).status, 200);
  EXPECT_FALSE(listed(priya));
  EXPECT_EQ(priya.send("POST", path + "/restore", nlohmann::json::object()).status, 403);
  EXPECT_FALSE(listed(sam));
  Reply restored = sam.send("POST", path + "/restore", nlohmann::json::object());
  EXPECT_EQ(restored.status, 200) << restored.body;
  EXPECT_FALSE(restored.json["retired"].get<bool>());
  EXPECT_TRUE(listed(priya));
  EXPECT_EQ(maria.send("POST", path + "/retire", nlohmann::json::object()).status, 200);
  EXPECT_FALSE(listed(sam));
}

TEST(SignInLimitTest, RepeatedFailuresAreRefusedForAWhile) {
  ServerOptions o;
  o.sign_in_failures_allowed = 3;
  auto server = TestServer::start(o);
  ASSERT_NE(server, nullptr);
  Tab t(server->port);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(t.sign_in("sam@demo.nextcall", "guess" + std::to_string(i)).status, 401);
  Reply limited = t.sign_in("sam@demo.nextcall");  // even the right password, for now
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.header("Retry-After").empty());
  EXPECT_EQ(limited.json["error"]["code"], "too_many_requests");
  EXPECT_EQ(t.sign_in("priya@demo.nextcall").status, 200);  // other accounts are not locked out
}

}  // namespace
}  // namespace nextcall::web

namespace nextcall::web {
namespace {

TEST(SignInLimitTest, OneAddressGuessingManyAccountsIsSlowedDown) {
  ServerOptions o;
  o.sign_in_failures_allowed = 1;  // per e-mail; ten per address across e-mails
  auto server = testing::TestServer::start(o);
  ASSERT_NE(server, nullptr);
  testing::Tab t(server->port);
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(t.sign_in("guess" + std::to_string(i) + "@demo.nextcall", "password1").status, 401);
  testing::Reply limited = t.sign_in("sam@demo.nextcall");
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.header("Retry-After").empty());
}

}  // namespace
}  // namespace nextcall::web
