#include "speech/recognizer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <vector>

#ifdef NEXTCALL_HAVE_POCKETSPHINX
#include <pocketsphinx.h>
#endif

namespace nextcall {

namespace {

struct Word {
  std::string text;
  double start = 0, end = 0;
  int channel = 0;
};

struct Segment {
  size_t begin = 0, end = 0;  // samples
};

// Energy-based speech segments: 30 ms frames above a threshold, joined across gaps shorter
// than 0.6 s, padded by 0.5 s. Decoding segment by segment keeps memory flat on long calls.
std::vector<Segment> speech_segments(const std::vector<int16_t>& s, int rate) {
  const size_t frame = static_cast<size_t>(rate) * 30 / 1000;
  std::vector<Segment> out;
  if (s.size() < frame) return out;
  double peak = 0;
  std::vector<double> energy;
  for (size_t i = 0; i + frame <= s.size(); i += frame) {
    double e = 0;
    for (size_t j = i; j < i + frame; ++j) e += static_cast<double>(s[j]) * s[j];
    e = std::sqrt(e / frame);
    energy.push_back(e);
    peak = std::max(peak, e);
  }
  double threshold = std::max(200.0, peak * 0.05);
  const size_t gap = 20, pad = 17;  // frames
  size_t i = 0;
  while (i < energy.size()) {
    if (energy[i] < threshold) { ++i; continue; }
    size_t b = i, last = i;
    while (i < energy.size() && i - last <= gap) {
      if (energy[i] >= threshold) last = i;
      ++i;
    }
    size_t fb = b > pad ? b - pad : 0;
    size_t fe = std::min(energy.size(), last + pad + 1);
    out.push_back({fb * frame, std::min(s.size(), fe * frame)});
  }
  return out;
}

}  // namespace

#ifdef NEXTCALL_HAVE_POCKETSPHINX

bool recognizer_available() {
  return std::filesystem::exists(std::string(NEXTCALL_POCKETSPHINX_MODEL) + "/en-us/mdef");
}

Result<Transcript> transcribe(const Audio& audio, const RecognizeOptions& opt) {
  if (opt.rep_channel != "left" && opt.rep_channel != "right")
    return Status::InvalidArgument("rep channel '" + opt.rep_channel + "': use left|right");
  std::string model = opt.model_dir.empty() ? NEXTCALL_POCKETSPHINX_MODEL : opt.model_dir;
  std::string hmm = model + "/en-us", lm = model + "/en-us.lm.bin",
              dict = model + "/cmudict-en-us.dict";
  if (!std::filesystem::exists(hmm + "/mdef"))
    return Status::Unavailable("speech model not found at " + model +
                               "; install the pocketsphinx-en-us package");
  cmd_ln_t* config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.c_str(), "-lm", lm.c_str(),
                                 "-dict", dict.c_str(), "-logfn", "/dev/null", nullptr);
  if (!config) return Status::Unavailable("PocketSphinx could not read its configuration");
  ps_decoder_t* ps = ps_init(config);
  if (!ps) {
    cmd_ln_free_r(config);
    return Status::Unavailable("PocketSphinx could not load the model at " + model);
  }
  std::vector<std::vector<int16_t>> chans;
  for (const auto& c : audio.channels) chans.push_back(resample(c, audio.sample_rate, 16000));
  std::vector<std::vector<Segment>> segs;
  size_t total = 0, done = 0;
  for (const auto& c : chans) {
    segs.push_back(speech_segments(c, 16000));
    for (const auto& s : segs.back()) total += s.end - s.begin;
  }
  std::vector<Word> words;
  for (size_t ch = 0; ch < chans.size(); ++ch) {
    for (const Segment& sg : segs[ch]) {
      ps_start_utt(ps);
      ps_process_raw(ps, chans[ch].data() + sg.begin, sg.end - sg.begin, FALSE, TRUE);
      ps_end_utt(ps);
      for (ps_seg_t* it = ps_seg_iter(ps); it; it = ps_seg_next(it)) {
        std::string w = ps_seg_word(it);
        if (w.empty() || w[0] == '<' || w[0] == '[' || w == "(NULL)") continue;
        if (auto p = w.find('('); p != std::string::npos) w.erase(p);
        int sf = 0, ef = 0;
        ps_seg_frames(it, &sf, &ef);
        double base = static_cast<double>(sg.begin) / 16000;
        words.push_back({w, base + sf / 100.0, base + (ef + 1) / 100.0, static_cast<int>(ch)});
      }
      done += sg.end - sg.begin;
      if (opt.progress && total > 0) opt.progress(static_cast<double>(done) / total);
    }
  }
  ps_free(ps);
  cmd_ln_free_r(config);
  std::stable_sort(words.begin(), words.end(),
                   [](const Word& a, const Word& b) { return a.start < b.start; });
  Transcript t;
  t.format = "speech";
  bool stereo = chans.size() == 2;
  int rep = opt.rep_channel == "right" ? 1 : 0;
  if (!stereo) {
    t.talk_ratio_available = false;
    t.warnings.push_back("mono recording: both sides are one speaker, so the talk ratio and the "
                         "rules that need the contact's words are not available; record in stereo");
  }
  for (const Word& w : words) {
    bool same = !t.turns.empty() && (stereo ? (t.turns.back().is_rep == (w.channel == rep)) : true) &&
                w.start - *t.turns.back().end < (stereo ? 1.5 : 2.0);
    if (!same) {
      Turn turn;
      turn.is_rep = !stereo || w.channel == rep;
      turn.speaker = !stereo ? "Speaker" : (turn.is_rep ? "Rep" : "Contact");
      turn.start = w.start;
      turn.end = w.end;
      turn.line = static_cast<int>(t.turns.size()) + 1;
      t.turns.push_back(std::move(turn));
    }
    Turn& cur = t.turns.back();
    if (!cur.text.empty()) cur.text += ' ';
    cur.text += w.text;
    cur.end = std::max(*cur.end, w.end);
  }
  if (t.turns.empty()) t.warnings.push_back("no speech was recognised in the recording");
  return t;
}

#else

bool recognizer_available() { return false; }

Result<Transcript> transcribe(const Audio&, const RecognizeOptions&) {
  return Status::Unavailable("this build has no speech recognizer; install libpocketsphinx-dev "
                             "and pocketsphinx-en-us and rebuild, or coach a transcript");
}

#endif

}  // namespace nextcall
