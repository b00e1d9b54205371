// Black-box tests of `nextcall import contacts` and `export contacts`, including the
// SIGKILL-in-the-middle test: the database stays readable with all or none of an import.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

const char* kHubSpot =
    "\xEF\xBB\xBF"
    "First Name,Last Name,Company Name,Phone Number,Email,Time Zone,Lifecycle Stage,"
    "State/Region,Country,Favourite Colour\r\n"
    "Ann,Lee,\"Acme, Inc.\",(415) 555-2671,ann@acme.example,,Customer,CA,US,blue\r\n"
    "Björn,Ek,Nordic AB,+46 8 123 456 78,bjorn@nordic.example,Europe/Stockholm,Lead,,Sweden,red\r\n";

class ImportCliTest : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args) { return run_on(db_, std::move(args)); }
  size_t count() {
    RunResult r = run({"contact", "list", "--format", "json"});
    return nlohmann::json::parse(r.out).size();
  }
  TempDir dir_;
  std::string db_ = dir_.file("t.db");
};

TEST_F(ImportCliTest, HubSpotExportMapsItsHeadersAndKeepsNonAsciiNames) {
  std::string file = dir_.write("hubspot.csv", kHubSpot);
  RunResult r = run({"import", "contacts", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 rows read: 2 created"), std::string::npos) << r.out;
  auto j = nlohmann::json::parse(run({"contact", "show", "Björn", "--format", "json"}).out);
  EXPECT_EQ(j["phones"][0]["e164"], "+46812345678");
  EXPECT_EQ(j["timezone"], "Europe/Stockholm");
  EXPECT_EQ(j["stage"], "prospect");
  auto ann = nlohmann::json::parse(run({"contact", "show", "ann", "--format", "json"}).out);
  EXPECT_EQ(ann["stage"], "customer");
  EXPECT_EQ(ann["account"]["name"], "Acme, Inc.");
  EXPECT_EQ(ann["timezone"], "America/Los_Angeles");
}

TEST_F(ImportCliTest, ExcelOnWindowsSemicolonsAndWindows1252AreReadAsTheUserSeesThem) {
  // What Excel writes as "CSV" where the comma is the decimal mark: ';' between fields and
  // Windows-1252 text ("Müller", "Böblingen").
  std::string file = dir_.write("excel.csv",
                                "Vorname;Nachname;Firma;Telefon;E-Mail;Ort;Land\r\n"
                                "Hans;M\xFCller;Beispiel GmbH;+49 30 1234567;hans@beispiel.example;B\xF6" "blingen;Germany\r\n");
  RunResult dry = run({"import", "contacts", file, "--dry-run", "--map", "Vorname=first_name", "--map",
                       "Nachname=last_name", "--map", "Firma=company", "--map", "Telefon=phone", "--map",
                       "E-Mail=email", "--map", "Ort=city", "--map", "Land=country"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err << dry.out;
  EXPECT_NE(dry.out.find("Read as Windows-1252, fields separated by ';'"), std::string::npos) << dry.out;
  RunResult r = run({"import", "contacts", file, "--map", "Vorname=first_name", "--map", "Nachname=last_name",
                     "--map", "Firma=company", "--map", "Telefon=phone", "--map", "E-Mail=email", "--map",
                     "Ort=city", "--map", "Land=country"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(run({"contact", "show", "hans", "--format", "json"}).out);
  EXPECT_EQ(j["last_name"], "Müller");
  EXPECT_EQ(j["city"], "Böblingen");
  EXPECT_EQ(j["phones"][0]["e164"], "+49301234567");
  EXPECT_EQ(j["timezone"], "Europe/Berlin");
}

TEST_F(ImportCliTest, ALargeFileReportsEveryBadRowInLineOrderWithItsColumn) {
  // Thousands of rows are validated in batches on several threads: the report must still
  // read like a single pass over the file.
  std::string csv = "First Name,Last Name,Phone,Email\n";
  for (int i = 0; i < 9000; ++i) {
    std::string phone = "+1 415 555 " + std::to_string(1000 + i % 9000).substr(0, 4);
    if (i == 1500 || i == 7000) phone = "555-12";
    csv += "P" + std::to_string(i) + ",Q,\"" + phone + "\",p" + std::to_string(i) + "@example.com\n";
  }
  // A duplicate phone of row 2 (line 3), far away in another batch.
  csv += "Dup,Q,+1 415 555 1001,dup@example.com\n";
  std::string file = dir_.write("big.csv", csv);
  RunResult r = run({"import", "contacts", file, "--format", "json"});
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["problems"].size(), 3u) << r.out.substr(0, 2000);
  EXPECT_EQ(j["problems"][0]["line"], 1502);
  EXPECT_EQ(j["problems"][0]["column"], 9);  // "P1500,Q," then the phone
  EXPECT_EQ(j["problems"][0]["field"], "phone");
  EXPECT_EQ(j["problems"][1]["line"], 7002);
  EXPECT_EQ(j["problems"][2]["line"], 9002);
  EXPECT_EQ(j["problems"][2]["field"], "duplicate");
  EXPECT_EQ(j["read"], 9001);
  EXPECT_FALSE(j["written"]);
}

TEST_F(ImportCliTest, TabSeparatedUtf16FromExcelUnicodeText) {
  std::string utf8 = "First Name\tLast Name\tPhone\nZoë\tAdams\t(415) 555-2671\n";
  std::string utf16 = "\xFF\xFE";
  for (std::size_t i = 0; i < utf8.size();) {  // UTF-8 to UTF-16LE, for the BMP
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    if (c >= 0xC0) {
      cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
      i += 2;
    } else {
      ++i;
    }
    utf16.push_back(static_cast<char>(cp & 0xFF));
    utf16.push_back(static_cast<char>(cp >> 8));
  }
  std::string file = dir_.write("unicode.txt", utf16);
  RunResult r = run({"import", "contacts", file});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto j = nlohmann::json::parse(run({"contact", "show", "Zoë", "--format", "json"}).out);
  EXPECT_EQ(j["first_name"], "Zoë");
  EXPECT_EQ(j["phones"][0]["e164"], "+14155552671");
}

TEST_F(ImportCliTest, OutlookAndGoogleContactExportsMapWithoutHelp) {
  std::string outlook = dir_.write("outlook.csv",
      "First Name,Middle Name,Last Name,E-mail Address,Home Phone,Business Phone,Mobile Phone,Job Title,"
      "Company,Business City,Business State,Business Country/Region\n"
      "Sara,,Ng,sara@ng.example,,+1 206 555 0173,,Buyer,Ng Supply,Seattle,WA,United States\n");
  std::string google = dir_.write("google.csv",
      "Name,Given Name,Family Name,Organization 1 - Name,Organization 1 - Title,E-mail 1 - Value,"
      "Phone 1 - Value,Address 1 - City,Address 1 - Region,Address 1 - Country\n"
      "Omar Haddad,Omar,Haddad,Gulf Metals,COO,omar@gulf.example,+1 713 555 0199,Houston,TX,US\n");
  ASSERT_EQ(run({"import", "contacts", outlook}).exit_code, 0);
  ASSERT_EQ(run({"import", "contacts", google}).exit_code, 0);
  auto sara = nlohmann::json::parse(run({"contact", "show", "sara", "--format", "json"}).out);
  EXPECT_EQ(sara["title"], "Buyer");
  EXPECT_EQ(sara["account"]["name"], "Ng Supply");
  EXPECT_EQ(sara["timezone"], "America/Los_Angeles");
  auto omar = nlohmann::json::parse(run({"contact", "show", "omar", "--format", "json"}).out);
  EXPECT_EQ(omar["title"], "COO");
  EXPECT_EQ(omar["account"]["name"], "Gulf Metals");
  EXPECT_EQ(omar["phones"][0]["e164"], "+17135550199");
  EXPECT_EQ(omar["timezone"], "America/Chicago");
}

TEST_F(ImportCliTest, FullNamesLeadStatusesExtensionsAndAreaCodes) {
  std::string file = dir_.write("leads.csv",
      "Full Name,Phone,Lead Status,Country\n"
      "\"Dr. Ann Lee, PhD\",(312) 555-0148 x204,Open - Not Contacted,US\n"
      "Ana de la Cruz,(312) 555-0148 ext. 205,Closed Won,US\n"
      "\"Nguyen, Bao\",415.555.0142 / 415.555.0143,Working - Contacted,\n");
  RunResult r = run({"import", "contacts", file});
  ASSERT_EQ(r.exit_code, 0) << r.err << r.out;
  auto ann = nlohmann::json::parse(run({"contact", "show", "Ann Lee", "--format", "json"}).out);
  EXPECT_EQ(ann["first_name"], "Ann");
  EXPECT_EQ(ann["last_name"], "Lee");
  EXPECT_EQ(ann["stage"], "prospect");
  EXPECT_EQ(ann["phones"][0]["e164"], "+13125550148;ext=204");
  EXPECT_EQ(ann["timezone"], "America/Chicago");  // from the area code: no state was given
  auto ana = nlohmann::json::parse(run({"contact", "show", "Cruz", "--format", "json"}).out);
  EXPECT_EQ(ana["last_name"], "de la Cruz");
  EXPECT_EQ(ana["stage"], "customer");
  auto bao = nlohmann::json::parse(run({"contact", "show", "Bao", "--format", "json"}).out);
  EXPECT_EQ(bao["last_name"], "Nguyen");
  ASSERT_EQ(bao["phones"].size(), 2u);
  EXPECT_EQ(bao["timezone"], "America/Los_Angeles");
}

TEST_F(ImportCliTest, SalesforceHeadersAndMapOverride) {
  std::string file = dir_.write("sf.csv",
                                "Account Name,Full Name,Mobile Phone,Title,Mailing Country,Mood\n"
                                "Globex,\"Stone, Bob\",+44 20 7946 0958,Buyer,UK,gatekeeper\n");
  RunResult r = run({"import", "contacts", file, "--map", "Mood=role"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(run({"contact", "show", "Bob", "--format", "json"}).out);
  EXPECT_EQ(j["first_name"], "Bob");
  EXPECT_EQ(j["last_name"], "Stone");
  EXPECT_EQ(j["role"], "gatekeeper");
  EXPECT_EQ(j["timezone"], "Europe/London");
}

// No role column: the title decides where it tells, and otherwise the role stays unknown
// (a contact nobody said decides is not taken for a decision maker). Each import is
// recorded, and lists what it added: a second import's contacts are not the first's.
TEST_F(ImportCliTest, RolesComeFromTheTitleOrStayUnknownAndEachImportListsItsContacts) {
  std::string first = dir_.write("leads.csv",
                                 "Name,Phone,Title\n"
                                 "Ann Lee,+1 415 555 2671,Receptionist\n"
                                 "Bob Stone,+1 415 555 2672,Plant Manager\n"
                                 "Cy Park,+1 415 555 2673,Team Member\n"
                                 "Di Moss,+1 415 555 2674,\n");
  RunResult r = run({"import", "contacts", first});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> roles;
  for (const auto& c : nlohmann::json::parse(run({"contact", "list", "--format", "json"}).out))
    roles[c["name"].get<std::string>()] = c["role"].get<std::string>();
  EXPECT_EQ(roles["Ann Lee"], "gatekeeper");
  EXPECT_EQ(roles["Bob Stone"], "decision_maker");
  EXPECT_EQ(roles["Cy Park"], "unknown");
  EXPECT_EQ(roles["Di Moss"], "unknown");
  // The import says its number, and the list by that number is exactly its contacts.
  auto at = r.out.find("contact list --import ");
  ASSERT_NE(at, std::string::npos) << r.out;
  std::string batch = r.out.substr(at + 21, r.out.find('`', at) - at - 21);
  std::string second = dir_.write("more.csv", "Name,Phone,Role\nEd Fox,+1 415 555 2675,influencer\n");
  RunResult r2 = run({"import", "contacts", second, "--format", "json"});
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  auto report = nlohmann::json::parse(r2.out);
  ASSERT_TRUE(report["import_id"].is_number()) << r2.out;
  EXPECT_NE(std::to_string(report["import_id"].get<long>()), batch);
  auto listed = nlohmann::json::parse(run({"contact", "list", "--import", batch, "--format", "json"}).out);
  std::set<std::string> names;
  for (const auto& c : listed) names.insert(c["name"].get<std::string>());
  EXPECT_EQ(names, (std::set<std::string>{"Ann Lee", "Bob Stone", "Cy Park", "Di Moss"}));
  auto ed = nlohmann::json::parse(run({"contact", "list", "--import", std::to_string(report["import_id"].get<long>()),
                                       "--format", "json"}).out);
  ASSERT_EQ(ed.size(), 1u);
  EXPECT_EQ(ed[0]["role"], "influencer");
  // Exported and imported again, "unknown" reads back as unknown.
  RunResult csv = run({"export", "contacts"});
  EXPECT_NE(csv.out.find(",unknown,"), std::string::npos) << csv.out;
}

TEST_F(ImportCliTest, OneBadRowAndNothingIsWrittenWithEveryProblemByLineAndColumn) {
  std::string file = dir_.write(
      "bad.csv",
      "First Name,Last Name,Phone Number,Time Zone\n"
      "Ann,Lee,(415) 555-2671,\n"
      "Bad,Phone,555-12,\n"
      "No,Zone,+1 212 555 0100,Mars/Olympus\n"
      ",,+1 212 555 0101,\n");
  RunResult r = run({"import", "contacts", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "bad.csv:3:11: phone: '555-12' is not a valid phone number for region US\n"
            "bad.csv:4:25: timezone: 'Mars/Olympus' is not an IANA time zone (for example "
            "America/Chicago or Europe/London)\n"
            "bad.csv:5:1: name: a contact needs a first or last name\n");
  EXPECT_EQ(count(), 0u);
}

TEST_F(ImportCliTest, ARowWithSeveralProblemsListsThemAllAndARowWithoutAPhoneIsWarnedAbout) {
  std::string file = dir_.write(
      "many.csv",
      "First Name,Last Name,Phone Number,Email,Time Zone,Lifecycle Stage\n"
      "Ann,Lee,(415) 555-2671,ann@acme.example,,\n"
      "Bad,Row,555-12,not-an-email,Mars/Olympus,Lead\n"
      "Nora,Phoneless,,nora@acme.example,America/Denver,\n");
  RunResult r = run({"import", "contacts", file, "--dry-run"});
  EXPECT_EQ(r.exit_code, 1);
  // Every problem of line 3, in the order of the fields, each with its column.
  EXPECT_NE(r.err.find("many.csv:3:16: email: 'not-an-email' is not an e-mail address\n"
                       "many.csv:3:9: phone: '555-12' is not a valid phone number for region US\n"
                       "many.csv:3:29: timezone: 'Mars/Olympus' is not an IANA time zone"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warning: many.csv:4: Nora Phoneless has no phone number"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("3 rows read: 2 created, 0 updated, 0 skipped, 1 rejected"), std::string::npos) << r.out;

  std::string rejects = dir_.file("rejects.csv");
  RunResult lenient = run({"import", "contacts", file, "--skip-bad", rejects});
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_EQ(count(), 2u);
  std::ifstream in(rejects);
  std::stringstream text;
  text << in.rdbuf();
  // One line for the row, its reason naming all three problems.
  EXPECT_NE(text.str().find("Bad,Row,555-12,not-an-email,Mars/Olympus,Lead,many.csv:3:16: email:"),
            std::string::npos) << text.str();
  for (const char* field : {"; many.csv:3:9: phone:", "; many.csv:3:29: timezone:"})
    EXPECT_NE(text.str().find(field), std::string::npos) << field << "\n" << text.str();
}

TEST_F(ImportCliTest, MalformedQuotingIsReportedAndSkipBadWritesTheRejects) {
  std::string file = dir_.write("q.csv",
                                "First Name,Phone Number\n"
                                "Ann,(415) 555-2671\n"
                                "Br\"oken,+1 212 555 0100\n"
                                "Cy,+1 212 555 0101\n");
  RunResult strict = run({"import", "contacts", file});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("q.csv:3:3: quoting: a quote inside an unquoted field"), std::string::npos)
      << strict.err;
  EXPECT_EQ(count(), 0u);
  std::string rejects = dir_.file("rejects.csv");
  RunResult lenient = run({"import", "contacts", file, "--skip-bad", rejects});
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_EQ(count(), 2u);
  std::ifstream in(rejects);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("First Name,Phone Number,reason"), std::string::npos) << text.str();
  EXPECT_NE(text.str().find("q.csv:3:3: quoting:"), std::string::npos) << text.str();
}

TEST_F(ImportCliTest, DuplicatesFailSkipOrUpdate) {
  std::string file = dir_.write("hubspot.csv", kHubSpot);
  ASSERT_EQ(run({"import", "contacts", file}).exit_code, 0);
  std::string again = dir_.write("again.csv",
                                 "First Name,Last Name,Phone Number,Title\n"
                                 "Ann,Lee,415-555-2671,COO\n"
                                 "New,Person,+1 212 555 0100,Buyer\n"
                                 "Newer,Person,212.555.0100,Buyer\n");
  RunResult fail = run({"import", "contacts", again});
  EXPECT_EQ(fail.exit_code, 1);
  EXPECT_NE(fail.err.find("again.csv:2:1: duplicate: same phone +14155552671 as stored contact #1 Ann Lee"),
            std::string::npos)
      << fail.err;
  EXPECT_NE(fail.err.find("again.csv:4:1: duplicate: same phone +12125550100 as line 3"),
            std::string::npos)
      << fail.err;
  EXPECT_EQ(count(), 2u);
  RunResult skip = run({"import", "contacts", again, "--on-duplicate", "skip"});
  ASSERT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_EQ(count(), 3u);
  RunResult update = run({"import", "contacts", again, "--on-duplicate", "update"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  auto ann = nlohmann::json::parse(run({"contact", "show", "1", "--format", "json"}).out);
  EXPECT_EQ(ann["title"], "COO");
  EXPECT_EQ(count(), 3u);
}

// Someone who asked not to be called stays on the list through a CRM's export: the
// flag in its everyday spellings, with its date and reason; an unreadable flag is an error
// naming line, column and field; and an old file saying "no" takes nobody off the list.
TEST_F(ImportCliTest, DoNotCallColumnsAreReadAndNeverTakeAnyoneOffTheList) {
  std::string file = dir_.write("dnc.csv",
                                "First Name,Last Name,Phone Number,DoNotCall,Do Not Call Date,DNC Reason\n"
                                "Ann,Lee,(415) 555-2671,Yes,2026-11-03,asked on the phone\n"
                                "Bob,Roe,+1 212 555 0100,X,,\n"
                                "Cy,Poe,+1 212 555 0101,false,,\n"
                                "Di,Moe,+1 212 555 0102,,2026-10-01T09:00:00Z,unsubscribed by e-mail\n");
  RunResult r = run({"import", "contacts", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto list = nlohmann::json::parse(run({"contact", "list", "--format", "json"}).out);
  ASSERT_EQ(list.size(), 4u);
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& c : list) by_name[c["first_name"].get<std::string>()] = c;
  EXPECT_EQ(by_name["Ann"]["do_not_call"], true);
  EXPECT_EQ(by_name["Ann"]["do_not_call_since"], "2026-11-03");
  EXPECT_EQ(by_name["Ann"]["do_not_call_reason"], "asked on the phone");
  EXPECT_EQ(by_name["Bob"]["do_not_call"], true);
  EXPECT_EQ(by_name["Cy"]["do_not_call"], false);
  EXPECT_EQ(by_name["Di"]["do_not_call"], true) << "a date and a reason say someone asked";
  EXPECT_EQ(by_name["Di"]["do_not_call_since"], "2026-10-01");

  // An older export says Ann may be called: she stays on the list.
  std::string old = dir_.write("old.csv",
                               "First Name,Last Name,Phone Number,Do Not Call,Title\n"
                               "Ann,Lee,415-555-2671,No,COO\n");
  RunResult update = run({"import", "contacts", old, "--on-duplicate", "update"});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  auto ann = nlohmann::json::parse(run({"contact", "show", "1", "--format", "json"}).out);
  const auto& contact = ann.contains("contact") ? ann["contact"] : ann;
  EXPECT_EQ(contact["title"], "COO");
  EXPECT_EQ(contact["do_not_call"], true);
  EXPECT_EQ(contact["do_not_call_reason"], "asked on the phone");

  std::string bad = dir_.write("bad.csv",
                               "First Name,Phone Number,Do Not Call,Do Not Call Since\n"
                               "Ed,+1 212 555 0103,maybe,\n"
                               "Flo,+1 212 555 0104,yes,last tuesday\n");
  RunResult rejected = run({"import", "contacts", bad});
  EXPECT_EQ(rejected.exit_code, 1);
  EXPECT_NE(rejected.err.find("bad.csv:2:20: do_not_call: 'maybe' is not yes or no"), std::string::npos)
      << rejected.err;
  EXPECT_NE(rejected.err.find("bad.csv:3:25: do_not_call_since: 'last tuesday' is not a date"), std::string::npos)
      << rejected.err;
  EXPECT_EQ(count(), 4u);
}

TEST_F(ImportCliTest, DryRunShowsMappingAndRowsAndWritesNothing) {
  std::string file = dir_.write("hubspot.csv", kHubSpot);
  RunResult r = run({"import", "contacts", file, "--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Phone Number -> phone"), std::string::npos);
  EXPECT_NE(r.out.find("Favourite Colour -> (ignored)"), std::string::npos);
  EXPECT_NE(r.out.find("+46812345678"), std::string::npos);
  EXPECT_NE(r.out.find("dry run: nothing written"), std::string::npos);
  EXPECT_EQ(count(), 0u);
}

TEST_F(ImportCliTest, HeaderOnlyAndEmptyFiles) {
  RunResult header_only = run({"import", "contacts", dir_.write("h.csv", "First Name,Phone Number\n")});
  EXPECT_EQ(header_only.exit_code, 0) << header_only.err;
  EXPECT_NE(header_only.out.find("0 rows read"), std::string::npos);
  RunResult empty = run({"import", "contacts", dir_.write("e.csv", "")});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("e.csv: the file is empty"), std::string::npos) << empty.err;
  RunResult missing = run({"import", "contacts", dir_.file("nope.csv")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read the file"), std::string::npos);
}

TEST_F(ImportCliTest, ExportRoundTripsThroughImport) {
  ASSERT_EQ(run({"demo", "--contacts", "40"}).exit_code, 0);
  RunResult dnc = run({"dnc", "on", "3", "--reason", "asked not to be called, twice"});
  ASSERT_EQ(dnc.exit_code, 0) << dnc.err;
  std::string out = dir_.file("out.csv");
  ASSERT_EQ(run({"export", "contacts", "-o", out}).exit_code, 0);
  TempDir other;
  std::string db2 = other.file("b.db");
  ASSERT_EQ(run_on(db2, {"demo", "--contacts", "1", "--name", "Other"}).exit_code, 0);
  // The owners of the demo exist in the first database only: map that column away.
  RunResult r = run_on(db2, {"import", "contacts", out, "--map", "Contact Owner=ignore"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto a = nlohmann::json::parse(run({"export", "contacts", "--as", "json"}).out);
  auto b = nlohmann::json::parse(run_on(db2, {"export", "contacts", "--as", "json"}).out);
  ASSERT_EQ(b.size(), a.size() + 1);
  int on_the_list = 0;
  for (const auto& c : a) on_the_list += c["do_not_call"].get<bool>();
  EXPECT_GT(on_the_list, 0) << "the demo has someone on the do-not-call list";
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (const char* field : {"first_name", "last_name", "email", "timezone", "stage", "role",
                              "hot_button", "cadence", "company", "title", "do_not_call",
                              "do_not_call_since", "do_not_call_reason"})
      EXPECT_EQ(a[i][field], b[i + 1][field]) << field << " of row " << i;
    EXPECT_EQ(a[i]["phones"][0]["e164"], b[i + 1]["phones"][0]["e164"]);
  }
}

// OWASP CSV injection: a name or company that starts like a formula is exported with a
// quote in front (a spreadsheet shows it as text), and import reads it back as typed.
TEST_F(ImportCliTest, ExportGuardsFormulasAndImportReadsThemBackUnchanged) {
  std::string in = dir_.write("formulas.csv",
                              "First Name,Last Name,Company Name,Phone Number,Title\r\n"
                              "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Lee,"
                              "\"=cmd|' /C calc'!A0\",+1 415 555 2671,@SUM(A1)\r\n"
                              "+Plus,-Minus,@Acme,+1 415 555 2672,'=guarded already\r\n"
                              "'Neil,O'Brien,Plain Co,+1 415 555 2673,\r\n");
  RunResult r = run({"import", "contacts", in});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = dir_.file("out.csv");
  ASSERT_EQ(run({"export", "contacts", "-o", out}).exit_code, 0);
  std::ifstream f(out);
  std::stringstream text;
  text << f.rdbuf();
  const std::string csv = text.str();
  EXPECT_NE(csv.find("\"'=HYPERLINK("), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("'+Plus,'-Minus,'@Acme,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'@SUM(A1),"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'=guarded already,"), std::string::npos) << csv;  // read as "=guarded already"
  EXPECT_NE(csv.find("\r\n'Neil,O'Brien,Plain Co,"), std::string::npos) << csv;  // not a formula: as is
  // No cell of the export starts with a formula character (but the phone numbers' +).
  for (const char* bad : {",=", ",-", ",@", "\n=", "\n+", "\n-", "\n@", ",\"=", ",\"+", ",\"-", ",\"@"})
    EXPECT_EQ(csv.find(bad), std::string::npos) << bad << " in " << csv;
  // The API's export is the same function; import reads the export back unchanged.
  TempDir other;
  std::string db2 = other.file("b.db");
  ASSERT_EQ(run_on(db2, {"import", "contacts", out, "--map", "Contact Owner=ignore"}).exit_code, 0);
  auto a = nlohmann::json::parse(run({"export", "contacts", "--as", "json"}).out);
  auto b = nlohmann::json::parse(run_on(db2, {"export", "contacts", "--as", "json"}).out);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(a[0]["first_name"], "=HYPERLINK(\"http://evil.example\",\"x\")");
  EXPECT_EQ(a[0]["company"], "=cmd|' /C calc'!A0");
  EXPECT_EQ(a[1]["title"], "=guarded already");
  EXPECT_EQ(a[2]["first_name"], "'Neil");
  for (std::size_t i = 0; i < a.size(); ++i)
    for (const char* field : {"first_name", "last_name", "company", "title"})
      EXPECT_EQ(a[i][field], b[i][field]) << field << " of row " << i;
}

// Kill -9 during a large import: the file must stay readable and hold none or all of it.
TEST_F(ImportCliTest, SigkillMidImportLeavesNoneOrAll) {
  std::string big = dir_.file("big.csv");
  {
    std::ofstream out(big);
    out << "First Name,Last Name,Phone Number,Email\n";
    for (int i = 0; i < 60000; ++i)
      out << "P" << i << ",Load," << "+1 312 555 " << (1000 + i % 9000) << ","
          << "p" << i << "@load.example\n";
  }
  // Phones repeat every 9,000 rows: --on-duplicate skip keeps the import going.
  ASSERT_EQ(run({"workspace", "add", "Load"}).exit_code, 0);
  pid_t pid = fork();
  if (pid == 0) {
    execl(NEXTCALL_BINARY, NEXTCALL_BINARY, "--db", db_.c_str(), "import", "contacts", big.c_str(),
          "--on-duplicate", "skip", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the import has started writing (the WAL grows), then kill it.
  std::string wal = db_ + "-wal";
  bool killed_mid_way = false;
  for (int i = 0; i < 4000; ++i) {
    struct stat st {};
    if (stat(wal.c_str(), &st) == 0 && st.st_size > 64 * 1024) {
      kill(pid, SIGKILL);
      killed_mid_way = true;
      break;
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  size_t n = count();
  EXPECT_TRUE(n == 0 || n == 9000) << n;
  std::printf("import %s; %zu contacts stored\n", killed_mid_way ? "killed mid-way" : "finished first", n);
  if (killed_mid_way) {
    EXPECT_TRUE(WIFSIGNALED(status));
  }
  RunResult check = run({"contact", "list", "--limit", "1"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  // The import can be run again and completes.
  RunResult again = run({"import", "contacts", big, "--on-duplicate", "skip"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(count(), 9000u);
}

}  // namespace
}  // namespace nextcall::testing
