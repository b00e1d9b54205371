// Thompson sampling over Beta posteriors: which of several reasons to try, balancing the
// one that has worked best so far against ones with too few tries to judge. Seeded, so
// the same inputs give the same choice (tests, and one plan a day per contact).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nextcall {

// xoshiro256** seeded through splitmix64: small, fast, identical on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  double uniform();  // in (0, 1)
  double normal();   // standard normal (Marsaglia polar method)
  double gamma(double shape);  // Marsaglia–Tsang, shape > 0
  double beta(double a, double b);

 private:
  std::uint64_t s_[4];
};

struct Arm {
  long tries = 0;
  long successes = 0;
};

struct ThompsonPick {
  std::size_t index = 0;
  std::vector<double> samples;  // one per arm
  std::string why;              // "advanced 3 of 5 calls; sampled 0.61, best of 4"
};

// Draws from Beta(successes + 1, tries - successes + 1) for each arm and picks the largest.
// REQUIRES: arms is not empty.
ThompsonPick thompson_pick(const std::vector<Arm>& arms, std::uint64_t seed);

}  // namespace nextcall
