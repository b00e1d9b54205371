#include "core/thompson.h"

#include <cmath>
#include <cstdio>

namespace nextcall {
namespace {

std::uint64_t splitmix(std::uint64_t* x) {
  std::uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (auto& s : s_) s = splitmix(&seed);
}

std::uint64_t Rng::next() {
  std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

double Rng::normal() {
  while (true) {
    double u = 2 * uniform() - 1, v = 2 * uniform() - 1;
    double s = u * u + v * v;
    if (s > 0 && s < 1) return u * std::sqrt(-2 * std::log(s) / s);
  }
}

double Rng::gamma(double shape) {
  if (shape < 1) return gamma(shape + 1) * std::pow(uniform(), 1 / shape);
  double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
  while (true) {
    double x = normal(), v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    double u = uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
  }
}

double Rng::beta(double a, double b) {
  double x = gamma(a), y = gamma(b);
  return x / (x + y);
}

ThompsonPick thompson_pick(const std::vector<Arm>& arms, std::uint64_t seed) {
  Rng rng(seed);
  ThompsonPick pick;
  for (std::size_t i = 0; i < arms.size(); ++i) {
    const Arm& a = arms[i];
    double s = rng.beta(static_cast<double>(a.successes) + 1, static_cast<double>(a.tries - a.successes) + 1);
    pick.samples.push_back(s);
    if (s > pick.samples[pick.index]) pick.index = i;
  }
  const Arm& chosen = arms[pick.index];
  char buf[160];
  std::snprintf(buf, sizeof buf, "advanced %ld of %ld calls; Thompson sample %.2f, the best of %zu fitting reasons",
                chosen.successes, chosen.tries, pick.samples[pick.index], arms.size());
  pick.why = buf;
  return pick;
}

}  // namespace nextcall
