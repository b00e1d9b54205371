// WAV recordings: RIFF/WAVE, PCM 16-bit, 8 or 16 kHz, one or two channels. Anything else is
// refused with an error that names what was found and what is accepted.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nextcall {

struct Audio {
  int sample_rate = 16000;
  // One vector of samples per channel (1 or 2), all the same length.
  std::vector<std::vector<int16_t>> channels;
  double seconds() const {
    return channels.empty() ? 0 : static_cast<double>(channels[0].size()) / sample_rate;
  }
};

// Errors (InvalidArgument, prefixed by `source`): not RIFF/WAVE, no fmt or data chunk, an
// encoding other than PCM (code 1), bits other than 16, a rate other than 8000/16000, more
// than two channels, a chunk running past the end of the file.
Result<Audio> parse_wav(std::string_view data, std::string_view source);

// Linear-interpolation resampling of one channel (used for 8 kHz -> 16 kHz).
std::vector<int16_t> resample(const std::vector<int16_t>& in, int from_rate, int to_rate);

}  // namespace nextcall
