// End to end: a short call synthesized with espeak-ng (one voice a channel, joined with sox),
// transcribed with PocketSphinx and coached. The audio is made in a temp dir at test time.
#include "speech/recognizer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/civil_time.h"
#include "core/coach.h"

namespace nextcall {
namespace {

namespace fs = std::filesystem;

bool Shell(const std::string& cmd) { return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0; }

class RecognizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!recognizer_available() || !Shell("command -v espeak-ng") || !Shell("command -v sox"))
      GTEST_SKIP() << "needs PocketSphinx with pocketsphinx-en-us, espeak-ng and sox";
    dir_ = fs::temp_directory_path() / ("nextcall_rec_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  // Speaks `text` with `voice` into a 16 kHz mono file.
  std::string Say(const std::string& name, const std::string& voice, const std::string& text) {
    std::string raw = (dir_ / (name + "_raw.wav")).string(), out = (dir_ / (name + ".wav")).string();
    EXPECT_TRUE(Shell("espeak-ng -s 120 -g 2 -v " + voice + " -w " + raw + " \"" + text + "\""));
    EXPECT_TRUE(Shell("sox -D " + raw + " -r 16000 -c 1 -b 16 " + out));
    return out;
  }
  std::string Silence(const std::string& name, double seconds) {
    std::string out = (dir_ / (name + ".wav")).string();
    EXPECT_TRUE(Shell("sox -D -n -r 16000 -c 1 -b 16 " + out + " trim 0 " + std::to_string(seconds)));
    return out;
  }
  double Length(const std::string& wav) {
    FILE* f = ::popen(("soxi -D " + wav).c_str(), "r");
    if (!f) return 0;
    double d = 0;
    if (std::fscanf(f, "%lf", &d) != 1) d = 0;
    ::pclose(f);
    return d;
  }
  fs::path dir_;
};

TEST_F(RecognizerTest, StereoCallKeepsTheMissedWalkThroughAndTheCommitment) {
  // Two voices (the rep on the left, the contact on the right), taking turns.
  // The rep on the left, the contact on the right, taking turns.
  std::vector<std::pair<bool, std::string>> script = {
      // Kept short and plain: the generic language model is weak on synthetic voices.
      {true, "hello this is john from acme did you look at the specs"},
      {false, "no i have not had a chance to look at it"},
      {true, "okay i will call you back next week"},
  };
  
  std::vector<std::string> lparts, rparts;
  int n = 0;
  for (const auto& [rep, text] : script) {
    std::string w = Say("t" + std::to_string(n), rep ? "en-us+f5 -p 50" : "en-us+f2 -p 70", text);
    std::string gap = Silence("g" + std::to_string(n), 0.8);
    std::string quiet = Silence("q" + std::to_string(n), Length(w));
    ++n;
    (rep ? lparts : rparts).push_back(w);
    (rep ? rparts : lparts).push_back(quiet);
    lparts.push_back(gap);
    rparts.push_back(gap);
  }
  auto cat = [&](const std::vector<std::string>& parts, const std::string& out) {
    std::string cmd = "sox -D";
    for (const auto& p : parts) cmd += " " + p;
    ASSERT_TRUE(Shell(cmd + " " + out));
  };
  std::string l = (dir_ / "left.wav").string(), r = (dir_ / "right.wav").string(),
              st = (dir_ / "call.wav").string();
  cat(lparts, l);
  cat(rparts, r);
  ASSERT_TRUE(Shell("sox -D -M " + l + " " + r + " " + st));
  std::ifstream in(st, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto audio = parse_wav(ss.str(), st);
  ASSERT_TRUE(audio.ok()) << audio.status().message();
  ASSERT_EQ(audio->channels.size(), 2u);
  int progress_calls = 0;
  RecognizeOptions opt;
  opt.progress = [&](double) { ++progress_calls; };
  auto t = transcribe(*audio, opt);
  ASSERT_TRUE(t.ok()) << t.status().message();
  std::string dump;
  for (const auto& turn : t->turns) dump += turn.speaker + ": " + turn.text + "\n";
  ASSERT_GE(t->turns.size(), 3u) << dump;
  EXPECT_TRUE(t->turns[0].is_rep) << dump;
  EXPECT_GT(progress_calls, 0);
  auto report = coach_call(*t, *parse_date("2026-11-24"));
  bool walk = false;
  for (const auto& f : report.findings) walk = walk || f.rule == "missed_walk_through";
  EXPECT_TRUE(walk) << dump;
  bool commitment = false;
  for (const auto& c : report.memory.commitments)
    commitment = commitment || (c.owner == Party::kRep && c.due_on &&
                                format_date(*c.due_on) == "2026-11-30");
  EXPECT_TRUE(commitment) << dump;
}

TEST_F(RecognizerTest, MonoRecordingWarnsThatTalkRatioIsUnavailable) {
  std::string w = Say("m", "en-us", "hello this is john from acme");
  std::ifstream in(w, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto audio = parse_wav(ss.str(), w);
  ASSERT_TRUE(audio.ok());
  auto t = transcribe(*audio, {});
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t->talk_ratio_available);
  ASSERT_FALSE(t->warnings.empty());
  EXPECT_NE(t->warnings[0].find("talk ratio"), std::string::npos);
}

TEST(RecognizerOptionsTest, BadRepChannelIsRejected) {
  Audio a;
  a.channels = {{0, 0}};
  RecognizeOptions opt;
  opt.rep_channel = "middle";
  auto t = transcribe(a, opt);
  EXPECT_FALSE(t.ok());
}

}  // namespace
}  // namespace nextcall
