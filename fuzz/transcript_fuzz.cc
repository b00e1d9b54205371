// libFuzzer target for the transcript parsers: every input must give a Transcript or a
// Status, never a crash, and a parsed transcript must survive the coach.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/civil_time.h"
#include "core/coach.h"
#include "io/transcript_format.h"
#include "io/transcript_json.h"
#include "io/transcript_srt.h"
#include "io/transcript_text.h"
#include "io/transcript_vtt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  using namespace nextcall;
  (void)parse_transcript_text(in, "fuzz");
  (void)parse_transcript_vtt(in, "fuzz");
  (void)parse_transcript_srt(in, "fuzz");
  (void)parse_transcript_json(in, "fuzz");
  auto t = parse_transcript(in, "fuzz");
  if (t.ok() && assign_rep(*t, "", {}).ok()) {
    (void)coach_call(*t, *parse_date("2026-11-24"));
  }
  return 0;
}
