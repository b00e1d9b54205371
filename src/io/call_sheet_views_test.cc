// Golden tests of the call sheet's views: a fixed snapshot is planned and rendered as
// text, JSON, HTML and iCalendar, and compared with tests/golden/. To accept a deliberate
// change of format: NEXTCALL_UPDATE_GOLDEN=1 build/io_tests --gtest_filter='CallSheetViews*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/civil_time.h"
#include "core/planner.h"
#include "io/call_sheet_html.h"
#include "io/call_sheet_ics.h"
#include "io/call_sheet_json.h"
#include "io/call_sheet_text.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

Snapshot fixed_snapshot() {
  Snapshot s;
  s.rep.id = 1;
  s.rep.name = "Maria Alvarez";
  s.rep.timezone = "America/Chicago";
  s.rep_phone_display = "(312) 555-0142";
  s.day = *parse_date("2026-11-24");
  s.now = *parse_instant("2026-11-24T12:00:00Z");
  Account acme;
  acme.id = 1;
  acme.name = "Acme <Fabrication> & Sons";  // escaped in HTML
  acme.industry = "manufacturing";
  s.accounts.push_back(acme);
  Contact ann;
  ann.id = 10;
  ann.account_id = 1;
  ann.first_name = "Ann";
  ann.last_name = "Lee";
  ann.title = "VP Operations";
  ann.timezone = "America/New_York";
  ann.phones = {{"+12125550100", "work"}};
  ann.hot_button = "cutting the cost of unscheduled maintenance";
  s.contacts.push_back(ann);
  Contact bob = ann;
  bob.id = 11;
  bob.first_name = "Bob";
  bob.timezone = "America/Los_Angeles";
  bob.phones = {{"+14155552671", "work"}};
  bob.stage = Stage::kCustomer;
  bob.cadence = {Cadence::Kind::kWeekly, 0};
  s.contacts.push_back(bob);
  Thread t{1, 0, 10, "setting up the new manufacturing line", ThreadKind::kBusiness, true, parse_date("2026-11-10"),
           "worried about the schedule"};
  s.threads.push_back(t);
  Material m;
  m.id = 3;
  m.contact_id = 10;
  m.title = "Model 40 spec sheet";
  m.pointers = {{"page 4", "unscheduled maintenance"}};
  s.materials.push_back(m);
  Commitment k;
  k.id = 4;
  k.contact_id = 10;
  k.what = "review the specs";
  k.due_on = parse_date("2026-11-23");
  k.material_id = 3;
  s.commitments.push_back(k);
  Reason r;
  r.id = 5;
  r.text = "you can now get same-day rush orders, so a breakdown no longer stops your line";
  r.category = ReasonCategory::kNewCapability;
  s.reasons.push_back(r);
  Attempt a;
  a.id = 6;
  a.contact_id = 11;
  a.at = *parse_instant("2026-11-13T16:00:00Z");
  a.outcome = Outcome::kConnected;
  a.rung = "send_info";
  s.attempts.push_back(a);
  s.index();
  return s;
}

CallSheet fixed_sheet() {
  CallSheet sheet = plan_day(fixed_snapshot());
  for (Brief& b : sheet.calls) b.phone_display = format_phone_national(b.phone_e164);
  return sheet;
}

void check_golden(const std::string& name, const std::string& actual) {
  std::string path = std::string(NEXTCALL_SOURCE_DIR) + "/tests/golden/" + name;
  if (std::getenv("NEXTCALL_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (NEXTCALL_UPDATE_GOLDEN=1 writes it)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "the " << name << " view changed";
}

TEST(CallSheetViewsTest, TextMatchesTheGolden) {
  std::ostringstream out;
  write_call_sheet_text(out, fixed_sheet(), true);
  check_golden("call_sheet.txt", out.str());
}

TEST(CallSheetViewsTest, JsonMatchesTheGolden) {
  check_golden("call_sheet.json", call_sheet_json(fixed_sheet()).dump(2) + "\n");
}

// `plan --team --format json` writes the sheets one at a time, and their overflow rows
// itself: the same text as the whole array dumped at once, to the byte, whatever the
// strings hold (quotes, line breaks, control characters, UTF-8) and whatever the numbers.
TEST(CallSheetViewsTest, SheetsWrittenOneByOneAreTheArrayDumpedWhole) {
  CallSheet cut = fixed_sheet();
  cut.capacity = 2;
  const std::vector<std::string> names = {"Cy \"Cut\"\nSecond line",
                                          "Zoë Ærø, 東京",
                                          "tab\there\\back\x01\x7f",
                                          "",
                                          "unit\x1f"
                                          "bell\x07",
                                          "tab\tonly"};
  const std::vector<double> numbers = {0.1,  25.0, 1e-7,         1e20, 0.22023134260303623,
                                       -3.5, 0.0,  123456789.125};
  for (std::size_t k = 0; k < 8; ++k) {
    OverflowCall& row = cut.overflow.emplace_back();
    row.contact_id = 77 + static_cast<Id>(k) * 1'000'000'007LL;
    row.name = names[k % names.size()];
    row.company = names[(k + 1) % names.size()];
    row.role = "decision_maker";
    row.stage = k % 2 ? "customer" : "prospect";
    row.phone_e164 = "+1212555010" + std::to_string(k);
    row.kind = k % 2 ? CallKind::kCadence : CallKind::kFollowUp;
    row.window_name = k % 3 ? "early" : "lunch \"hour\"";
    row.window_start = Instant{std::chrono::seconds{1'795'000'000 + static_cast<long>(k) * 600}};
    row.window_end = row.window_start + std::chrono::minutes{30};
    row.connect_estimate = numbers[k];
    row.due_because = k == 3 ? std::vector<std::string>{}
                             : std::vector<std::string>{"one", names[k % names.size()]};
    row.priority = numbers[(k + 3) % numbers.size()];
    for (std::size_t p = 0; p < k % 3; ++p)
      row.priority_parts.push_back({p ? "stage" : "deal_value", numbers[(p + k) % numbers.size()]});
  }
  CallSheet empty;
  empty.rep_name = "Nobody yet";
  for (const std::vector<CallSheet>& sheets :
       {std::vector<CallSheet>{}, std::vector<CallSheet>{empty},
        std::vector<CallSheet>{fixed_sheet(), cut, empty}}) {
    nlohmann::json whole = nlohmann::json::array();
    for (const CallSheet& s : sheets) whole.push_back(call_sheet_json(s));
    std::ostringstream out;
    write_call_sheets_json(out, sheets);
    EXPECT_EQ(out.str(), whole.dump(2)) << sheets.size() << " sheets";
  }
}

TEST(CallSheetViewsTest, HtmlMatchesTheGoldenAndEscapes) {
  std::string html = call_sheet_html(fixed_sheet());
  EXPECT_NE(html.find("Acme &lt;Fabrication&gt; &amp; Sons"), std::string::npos);
  EXPECT_EQ(html.find("<Fabrication>"), std::string::npos);
  EXPECT_NE(html.find("href=\"tel:+12125550100\""), std::string::npos);
  check_golden("call_sheet.html", html);
}

// A cut call says why it is due, then why the capacity cut it: the JSON as its last
// reason, the HTML as the line in the overflow list.
TEST(CallSheetViewsTest, OverflowSaysWhyTheCapacityCutIt) {
  CallSheet sheet = fixed_sheet();
  sheet.capacity = 60;
  OverflowCall& cut = sheet.overflow.emplace_back();
  cut.contact_id = 77;
  cut.name = "Cy Cut";
  cut.due_because = {"follow-up set for 2026-11-20 on the call of 2026-11-13"};
  cut.priority = 12.34;
  const std::string why = "daily capacity of 60 calls reached; priority 12.3 is below the cut";
  nlohmann::json j = call_sheet_json(sheet);
  ASSERT_EQ(j["overflow"].size(), 1u);
  EXPECT_EQ(j["overflow"][0]["due_because"],
            nlohmann::json({"follow-up set for 2026-11-20 on the call of 2026-11-13", why}));
  EXPECT_NE(call_sheet_html(sheet).find(why), std::string::npos);
}

TEST(CallSheetViewsTest, IcsHasOneEventPerCallAtItsSlot) {
  CallSheet sheet = fixed_sheet();
  ASSERT_EQ(sheet.calls.size(), 2u);
  std::string ics = call_sheet_ics(sheet, 5);
  auto events = read_ics_events(ics);
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].start, sheet.calls[0].slot);
  EXPECT_NE((*events)[0].summary.find("Call Ann Lee"), std::string::npos) << (*events)[0].summary;
  EXPECT_NE((*events)[0].description.find("The reason I'm calling is"), std::string::npos);
  EXPECT_EQ((*events)[0].uid, "call-2026-11-24-1-10@nextcall");
}

// The text of the VEVENT with this UID, from BEGIN to END; empty when there is none.
std::string ics_event(const std::string& ics, const std::string& uid) {
  std::size_t at = ics.find("UID:" + uid);
  if (at == std::string::npos) return "";
  std::size_t begin = ics.rfind("BEGIN:VEVENT", at);
  std::size_t end = ics.find("END:VEVENT", at);
  if (begin == std::string::npos || end == std::string::npos) return "";
  return ics.substr(begin, end - begin);
}

TEST(CallSheetViewsTest, IcsHoldsTheTimesLeftOnVoicemailAsTentative) {
  CallSheet sheet = fixed_sheet();
  Appointment held;
  held.id = 41;
  held.contact_id = 10;
  held.rep_id = 1;
  held.starts_at = *parse_instant("2026-11-26T15:00:00Z");
  held.duration_minutes = 30;
  held.status = AppointmentStatus::kProposed;
  held.place = "phone";
  Appointment meeting;
  meeting.id = 42;
  meeting.contact_id = 11;
  meeting.rep_id = 1;
  meeting.starts_at = *parse_instant("2026-11-30T19:00:00Z");
  meeting.duration_minutes = 60;
  meeting.status = AppointmentStatus::kConfirmed;
  meeting.place = "their plant";
  sheet.appointments = {{held, "Ann Lee"}, {meeting, "Bob Lee"}};

  std::string ics = call_sheet_ics(sheet, 5);
  std::string held_event = ics_event(ics, "appointment-41@nextcall");
  std::string meeting_event = ics_event(ics, "appointment-42@nextcall");
  ASSERT_FALSE(held_event.empty()) << ics;
  ASSERT_FALSE(meeting_event.empty()) << ics;
  EXPECT_NE(held_event.find("STATUS:TENTATIVE"), std::string::npos) << held_event;
  EXPECT_EQ(held_event.find("STATUS:CONFIRMED"), std::string::npos) << held_event;
  EXPECT_NE(meeting_event.find("STATUS:CONFIRMED"), std::string::npos) << meeting_event;
  EXPECT_EQ(meeting_event.find("STATUS:TENTATIVE"), std::string::npos) << meeting_event;

  auto events = read_ics_events(ics);
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), sheet.calls.size() + 2);
  int found = 0;
  for (const IcsEvent& e : *events) {
    if (e.uid == "appointment-41@nextcall") {
      ++found;
      EXPECT_EQ(e.start, held.starts_at);
      EXPECT_NE(e.summary.find("Ann Lee"), std::string::npos) << e.summary;
    } else if (e.uid == "appointment-42@nextcall") {
      ++found;
      EXPECT_EQ(e.start, meeting.starts_at);
      EXPECT_NE(e.summary.find("Bob Lee"), std::string::npos) << e.summary;
    }
  }
  EXPECT_EQ(found, 2);

  nlohmann::json j = call_sheet_json(sheet);
  ASSERT_TRUE(j.contains("appointments"));
  ASSERT_EQ(j["appointments"].size(), 2u);
  EXPECT_EQ(j["appointments"][0]["id"], 41);
  EXPECT_EQ(j["appointments"][0]["contact"], "Ann Lee");
  EXPECT_EQ(j["appointments"][0]["starts_at"], "2026-11-26T15:00:00Z");
  EXPECT_EQ(j["appointments"][0]["tentative"], true);
  EXPECT_EQ(j["appointments"][0]["status"], "proposed");
  EXPECT_EQ(j["appointments"][1]["id"], 42);
  EXPECT_EQ(j["appointments"][1]["contact"], "Bob Lee");
  EXPECT_EQ(j["appointments"][1]["starts_at"], "2026-11-30T19:00:00Z");
  EXPECT_EQ(j["appointments"][1]["tentative"], false);
  EXPECT_EQ(j["appointments"][1]["status"], "confirmed");
}

// A brief asked for on a day without a call window (a Saturday) has no time to show: no
// view may print the unset instant as 1970-01-01 (or 31 Dec 1969 in the rep's zone).
TEST(CallSheetViewsTest, ABriefWithNoWindowLeftNeverShowsTheEpoch) {
  Snapshot s = fixed_snapshot();
  s.day = *parse_date("2026-11-28");
  s.now = *parse_instant("2026-11-28T15:00:00Z");
  std::optional<Brief> b = brief_for(s, 10);
  ASSERT_TRUE(b);
  ASSERT_FALSE(b->has_window());

  std::ostringstream text;
  write_brief_text(text, *b, "America/Chicago");
  std::string json_text = brief_json(*b).dump();
  std::string html = brief_html(*b, "America/Chicago");
  CallSheet sheet = fixed_sheet();
  sheet.calls.push_back(*b);
  std::string ics = call_sheet_ics(sheet, 5);
  for (const std::string& view : {text.str(), json_text, html, ics}) {
    EXPECT_EQ(view.find("1970"), std::string::npos) << view;
    EXPECT_EQ(view.find("1969"), std::string::npos) << view;
    EXPECT_EQ(view.find("31 Dec"), std::string::npos) << view;
  }
  EXPECT_NE(text.str().find("no window today"), std::string::npos) << text.str();
  EXPECT_NE(html.find("no window today"), std::string::npos) << html;
  nlohmann::json j = brief_json(*b);
  EXPECT_TRUE(j["slot"].is_null());
  EXPECT_TRUE(j["window"]["start"].is_null());
  EXPECT_TRUE(j["window"]["end"].is_null());
  EXPECT_TRUE(j["voicemail"]["proposed_slot"].is_null());
  auto events = read_ics_events(ics);
  ASSERT_TRUE(events.ok()) << events.status().message();
  EXPECT_EQ(events->size(), 2u);  // the two calls with a time, not the brief without one
}

}  // namespace
}  // namespace nextcall
