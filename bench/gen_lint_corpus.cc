// Writes a corpus of call notes, scripts and e-mail drafts for the linter benchmark:
// realistic sentences, with weak phrasing about once every few kilobytes.
//   gen_lint_corpus OUT_FILE [MEGABYTES=1024] [SEED=1]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

std::uint64_t state;
std::uint64_t next() {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

const char* kClean[] = {
    "Spoke with Ann about the Model 40 line; she liked the maintenance numbers on page 4.",
    "They are setting up a second shift in March and want the spare parts on one order.",
    "Sent the revised pricing for 100 units and a reference from a plant in Milwaukee.",
    "The reason I'm calling is we cut lead times on rush orders to two days.",
    "Her son's team made the playoffs; ask how the game went next time.",
    "Purchasing wants 60-day terms before they switch suppliers for the packaging line.",
    "Voicemail: If Thursday, June 6 at 10 a.m. won't work for you, please call me at 312-555-0142.",
    "We went through the spec sheet together and agreed on a proposal review Friday.",
    "The base price is fine; freight is what worries them this quarter.",
    "Checked the check-in desk schedule for the trade show booth with their events team.",
    "Asked who else weighs in on the decision; the plant manager and the CFO.",
    "They expect the ISO audit in February and need the calibration records by then.",
};
const char* kWeak[] = {
    "Just wanted to touch base and see how things are going.",
    "I'm just checking in on the order from last month.",
    "Thought I'd give you a courtesy call this week.",
    "Is there anything on your desk I can bid on?",
    "I was just going through my files and ran across your name.",
    "We have a new product and we think it's great.",
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_lint_corpus OUT_FILE [MEGABYTES=1024] [SEED=1]\n");
    return 2;
  }
  long long megabytes = argc > 2 ? std::atoll(argv[2]) : 1024;
  state = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  std::FILE* out = std::fopen(argv[1], "wb");
  if (!out) {
    std::perror(argv[1]);
    return 1;
  }
  long long target = megabytes << 20, written = 0;
  std::string buf;
  while (written < target) {
    buf.clear();
    while (buf.size() < (1 << 20)) {
      std::uint64_t r = next();
      const char* s = (r % 40 == 0) ? kWeak[(r >> 8) % 6] : kClean[(r >> 8) % 12];
      buf += s;
      buf += (r >> 20) % 4 == 0 ? "\n\n" : " ";
    }
    std::fwrite(buf.data(), 1, buf.size(), out);
    written += static_cast<long long>(buf.size());
  }
  std::fclose(out);
  return 0;
}
