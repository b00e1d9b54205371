// `nextcall lint`: findings with file:line:column, exit codes 0/1/2, team rules, JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_test_util.h"

namespace nextcall::testing {
namespace {

TEST(LintCliTest, FindingsNameFileLineColumnAndExitOne) {
  TempDir dir;
  std::string script = dir.write("script.txt", "Hi Pat,\nI'm just checking in to touch base.\n");
  RunResult r = run_nextcall({"lint", script});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(script + ":2:5: check_in: \"just checking in\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(script + ":2:25: touch_base: \"touch base\""), std::string::npos) << r.out;
}

TEST(LintCliTest, CleanTextExitsZero) {
  RunResult r = run_nextcall({"lint", "-"}, "The reason I'm calling is we cut lead times to two days.\n");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(LintCliTest, UnreadableFileOrBadRulesExitTwo) {
  TempDir dir;
  EXPECT_EQ(run_nextcall({"lint", dir.file("missing.txt")}).exit_code, 2);
  std::string rules = dir.write("team.rules", "rule x\n  colour red\n");
  RunResult r = run_nextcall({"lint", "--rules", rules, "-"}, "hello\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("team.rules:2: unknown key 'colour'"), std::string::npos) << r.err;
}

TEST(LintCliTest, TeamRulesAndJson) {
  TempDir dir;
  std::string rules = dir.write("team.rules", "rule no_honestly\n  why Sounds like the rest was not honest.\n"
                                              "  instead Drop it.\n  phrase to be honest\n");
  RunResult r = run_nextcall({"lint", "--rules", rules, "--format", "json", "-"}, "To be honest, it's cheaper.\n");
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["rule"], "no_honestly");
  EXPECT_EQ(j["findings"][0]["words"], "To be honest");
}

TEST(LintCliTest, VoicemailFilesAreCheckedForStructure) {
  TempDir dir;
  std::string vm = dir.write("voicemail.txt", "Hi, it's Sam. Call me back.\n");
  RunResult r = run_nextcall({"lint", vm});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("voicemail_no_time"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("voicemail_no_number"), std::string::npos) << r.out;
}

TEST(LintCliTest, LargeInputStreamsAcrossChunksWithCorrectLines) {
  // 20 MiB of clean notes with a finding near the end: line numbers survive the chunking.
  std::string text;
  std::string line = "Called about the lead times, they liked page 4 of the spec sheet.\n";
  while (text.size() < (20u << 20)) text += line;
  std::size_t lines = text.size() / line.size();
  text += "Ann said: just checking in from her side.\n";
  RunResult r = run_nextcall({"lint", "--kind", "note", "-"}, text);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("<stdin>:" + std::to_string(lines + 1) + ":11: check_in"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

}  // namespace
}  // namespace nextcall::testing
