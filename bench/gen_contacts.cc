// Writes an N-row contact CSV as a HubSpot export would: valid phone numbers in several
// countries, time zones, quoted company names with commas. Deterministic.
//   gen_contacts OUT_FILE [ROWS=1000000] [SEED=1]
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

const char* kFirst[] = {"Ann", "Bob", "Carla", "Dev", "Elena", "Frank", "Grace", "Hiro", "Ines", "Jamal", "Zoë", "Björn"};
const char* kLast[] = {"Lee", "Stone", "Garcia", "Patel", "Novak", "Müller", "Okafor", "Tanaka", "O'Brien", "Chen"};
const char* kCompany[] = {"Acme Fabrication", "\"Harbor Foods, Inc.\"", "Summit Logistics", "\"Ironclad Tools, LLC\"",
                          "Evergreen Dairy", "Orion Electronics"};
const char* kStage[] = {"Lead", "Customer", "Marketing Qualified Lead", "Opportunity", "Subscriber"};

struct Region {
  const char* country;
  const char* state;
  const char* zone;
  int kind;  // 0: NANP, 1: UK London, 2: Germany Berlin, 3: Australia Sydney
};
const Region kRegions[] = {{"US", "CA", "", 0}, {"US", "NY", "America/New_York", 0}, {"US", "TX", "", 0},
                           {"CA", "ON", "Eastern Time (US & Canada)", 0}, {"United Kingdom", "", "Europe/London", 1},
                           {"Germany", "", "", 2}, {"Australia", "NSW", "Australia/Sydney", 3}};
const char* kNanpAreas[] = {"415", "212", "312", "303", "416", "617", "206", "512", "404", "305"};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_contacts OUT_FILE [ROWS=1000000] [SEED=1]\n");
    return 2;
  }
  long rows = argc > 2 ? std::atol(argv[2]) : 1000000;
  state = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  std::FILE* out = std::fopen(argv[1], "wb");
  if (!out) {
    std::perror(argv[1]);
    return 1;
  }
  std::fputs("First Name,Last Name,Company Name,Phone Number,Email,Time Zone,Lifecycle Stage,State/Region,Country\r\n", out);
  for (long i = 0; i < rows; ++i) {
    std::uint64_t r = next();
    const Region& g = kRegions[r % 7];
    char phone[40];
    // Unique per row: the row number spread over the local digits.
    long u = i;
    switch (g.kind) {
      case 0: std::snprintf(phone, sizeof phone, "(%s) %03ld-%04ld", kNanpAreas[u % 10], 200 + (u / 10000) % 800, u % 10000); break;
      case 1: std::snprintf(phone, sizeof phone, "+44 20 7%03ld %04ld", (u / 10000) % 1000, u % 10000); break;
      case 2: std::snprintf(phone, sizeof phone, "+49 30 %04ld%04ld", 2000 + (u / 10000) % 8000, u % 10000); break;
      default: std::snprintf(phone, sizeof phone, "+61 2 9%03ld %04ld", (u / 10000) % 1000, u % 10000); break;
    }
    std::fprintf(out, "%s,%s,%s,%s,person%ld@example.com,%s,%s,%s,%s\r\n", kFirst[(r >> 8) % 12],
                 kLast[(r >> 16) % 10], kCompany[(r >> 24) % 6], phone, i, g.zone, kStage[(r >> 32) % 5], g.state,
                 g.country);
  }
  std::fclose(out);
  return 0;
}
