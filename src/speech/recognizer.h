// Recordings to transcripts with PocketSphinx (offline, Debian's en-us model). On a
// two-channel recording each channel is one side of the call; words are grouped into turns by
// their timings. On mono the whole call is one speaker and the talk ratio is unavailable.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "core/transcript.h"
#include "speech/wav_reader.h"

namespace nextcall {

struct RecognizeOptions {
  std::string rep_channel = "left";      // left|right: which channel is the rep
  std::function<void(double)> progress;  // fraction done, 0..1, called per speech segment
  std::string model_dir;                 // empty: NEXTCALL_POCKETSPHINX_MODEL
};

// Errors: Unavailable when built without PocketSphinx or the model is missing;
// InvalidArgument for a bad rep_channel.
Result<Transcript> transcribe(const Audio& audio, const RecognizeOptions& opt);

// True iff this build can transcribe (PocketSphinx and its model were found).
bool recognizer_available();

}  // namespace nextcall
