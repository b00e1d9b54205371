// libFuzzer target for the WAV reader: malformed headers give a Status, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "speech/wav_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)nextcall::parse_wav(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
  return 0;
}
