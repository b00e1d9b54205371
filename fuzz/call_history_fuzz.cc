// libFuzzer target for the stored call-history text: any bytes give a history or nullopt,
// never a crash, and a history read back writes the same text again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/call_history.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace nextcall;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto h = decode_call_history(in);
  if (h) {
    std::string again = encode_call_history(*h);
    auto back = decode_call_history(again);
    if (!back || encode_call_history(*back) != again) std::abort();
  }
  return 0;
}
