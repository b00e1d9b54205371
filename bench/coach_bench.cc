// Call coach speed: coach 1,000 generated one-hour transcripts, and transcribe a 10-minute
// synthesized two-channel recording (espeak-ng + sox at run time; skipped without them).
//   build/bench/coach_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/civil_time.h"
#include "core/coach.h"
#include "speech/recognizer.h"
#include "speech/wav_reader.h"

namespace {

using namespace nextcall;

// A one-hour call: ~9,000 words (150 a minute) in turns of 5-40 words, timed, with the
// patterns the rules look for sprinkled in.
Transcript one_hour_call(unsigned seed) {
  static const char* kRep[] = {
      "The reason I'm calling is our new maintenance program could cut your downtime.",
      "How many lines are you running on the night shift right now?",
      "That's OK, as long as you have it there, why don't you grab it and let's go through it together?",
      "Could we meet on Thursday at ten to look at the numbers with your plant manager?",
      "I'll send you the pricing tomorrow so you have it before the meeting.",
      "What would it mean for you if the unscheduled stops went away?"};
  static const char* kContact[] = {
      "We're setting up a new line in March and the schedule is tight.",
      "Honestly what we really need is to cut unscheduled maintenance.",
      "I have your information but I haven't taken a look at it yet.",
      "Your minimum order was too big for us last year.",
      "My son's playoff game is on Saturday so I'm out early Friday.",
      "Sure, that works for me. I'll look at the specs by Friday.",
      "We already have a supplier but they have been slow lately."};
  std::mt19937 rng(seed);
  Transcript t;
  t.format = "json";
  double now = 0;
  int words = 0;
  bool rep = true;
  while (words < 9000) {
    Turn turn;
    turn.speaker = rep ? "Rep" : "Prospect";
    turn.is_rep = rep;
    int sentences = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < sentences; ++i) {
      turn.text += (i ? " " : "");
      turn.text += rep ? kRep[rng() % 6] : kContact[rng() % 7];
    }
    int w = 1;
    for (char c : turn.text) w += c == ' ';
    words += w;
    turn.start = now;
    now += w * 0.4;
    turn.end = now;
    now += 0.5;
    t.turns.push_back(std::move(turn));
    rep = !rep;
  }
  return t;
}

void BM_CoachOneHourTranscripts(benchmark::State& state) {
  std::vector<Transcript> calls;
  for (unsigned i = 0; i < 1000; ++i) calls.push_back(one_hour_call(i));
  Date day = *parse_date("2026-11-24");
  size_t findings = 0;
  for (auto _ : state) {
    for (const auto& c : calls) {
      CoachReport r = coach_call(c, day);
      findings += r.findings.size() + r.memory.commitments.size();
    }
  }
  benchmark::DoNotOptimize(findings);
  state.counters["transcripts_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * calls.size(), benchmark::Counter::kIsRate);
  state.counters["s_per_transcript"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * calls.size(),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Transcribe10MinuteRecording(benchmark::State& state) {
  namespace fs = std::filesystem;
  if (!recognizer_available() || std::system("command -v espeak-ng >/dev/null && command -v sox >/dev/null") != 0) {
    state.SkipWithError("needs PocketSphinx, espeak-ng and sox");
    for (auto _ : state) {}
    return;
  }
  fs::path dir = fs::temp_directory_path() / "nextcall_coach_bench";
  fs::create_directories(dir);
  std::string script =
      "hello this is john from acme i am calling about the specs i sent you last week. "
      "we have a new maintenance program that could cut your downtime. "
      "could we meet on thursday at ten to go through the numbers together. ";
  std::string text;
  for (int i = 0; i < 30; ++i) text += script;
  std::string a = (dir / "a.wav").string(), a16 = (dir / "a16.wav").string(),
              call = (dir / "call.wav").string();
  std::ofstream(dir / "script.txt") << text;
  std::string cmd = "espeak-ng -s 150 -v en-us+f5 -f " + (dir / "script.txt").string() + " -w " + a +
                    " && sox " + a + " -r 16000 -c 1 -b 16 " + a16 + " && sox " + a16 + " " + a16 +
                    " " + (dir / "a20.wav").string() + " && sox " + (dir / "a20.wav").string() +
                    " " + call + " trim 0 600 && sox -M " + call + " " + call + " " +
                    (dir / "stereo.wav").string();
  if (std::system((cmd + " >/dev/null 2>&1").c_str()) != 0) {
    state.SkipWithError("could not synthesize the recording");
    for (auto _ : state) {}
    return;
  }
  std::ifstream in(dir / "stereo.wav", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto audio = parse_wav(ss.str(), "stereo.wav");
  if (!audio.ok()) {
    state.SkipWithError(audio.status().message().c_str());
    for (auto _ : state) {}
    return;
  }
  // One channel: the real-time factor per side (a stereo call costs twice this).
  audio->channels.resize(1);
  double seconds = audio->seconds();
  size_t words = 0;
  for (auto _ : state) {
    auto t = transcribe(*audio, {});
    for (const auto& turn : t->turns) words += turn.text.size();
  }
  benchmark::DoNotOptimize(words);
  state.counters["audio_s"] = seconds;
  state.counters["rtf"] = benchmark::Counter(static_cast<double>(state.iterations()) * seconds,
                                             benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  fs::remove_all(dir);
}

}  // namespace

BENCHMARK(BM_CoachOneHourTranscripts)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_Transcribe10MinuteRecording)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK_MAIN();
