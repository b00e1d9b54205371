#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/civil_time.h"
#include "io/coach_report_html.h"
#include "io/coach_report_json.h"
#include "io/coach_report_text.h"
#include "io/transcript_format.h"

namespace nextcall {
namespace {

struct Coached {
  Transcript t;
  CoachReport r;
};

Coached SeedCall() {
  auto t = parse_transcript("[00:00:01] Salesperson: I'm following up on the specs I sent you.\n"
                            "[00:00:05] Prospect: I have your information but I haven't taken a look at it yet. <b>\n"
                            "[00:00:10] Salesperson: How about I give you a call back in a few days.\n",
                            "seed.txt");
  EXPECT_TRUE(t.ok());
  EXPECT_TRUE(assign_rep(*t, "", {}).ok());
  CoachReport r = coach_call(*t, *parse_date("2026-11-24"));
  return {*t, r};
}

TEST(CoachReportTest, TextShowsTheMomentWhyAndInstead) {
  auto c = SeedCall();
  std::string s = render_coach_text(c.t, c.r);
  EXPECT_NE(s.find("[missed_walk_through] at 00:10"), std::string::npos) << s;
  EXPECT_NE(s.find("instead: \"That's OK."), std::string::npos) << s;
}

TEST(CoachReportTest, JsonCarriesFindingsAndMemory) {
  auto c = SeedCall();
  auto j = nlohmann::json::parse(render_coach_json(c.t, c.r));
  bool walk = false;
  for (const auto& f : j["findings"]) walk = walk || f["rule"] == "missed_walk_through";
  EXPECT_TRUE(walk);
  EXPECT_EQ(j["turns"].size(), 3u);
  EXPECT_TRUE(j["memory"]["hot_button"].is_null());
}

TEST(CoachReportTest, HtmlHighlightsFlaggedTurnsAndEscapes) {
  auto c = SeedCall();
  std::string h = render_coach_html(c.t, c.r);
  EXPECT_NE(h.find("class=\"turn rep flagged\" id=\"turn-3\""), std::string::npos) << h;
  EXPECT_NE(h.find("class=\"turn\" id=\"turn-2\""), std::string::npos) << h;
  EXPECT_NE(h.find("&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(h.find("<b>\n"), std::string::npos);
}

}  // namespace
}  // namespace nextcall
