#include "core/forward_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

namespace nextcall {
namespace {

TEST(LowerBoundForwardTest, FindsWhatLowerBoundFindsFromAnyPlace) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::int64_t> sorted(rng() % 40);
    for (auto& v : sorted) v = static_cast<std::int64_t>(rng() % 60);
    std::sort(sorted.begin(), sorted.end());  // duplicates kept: the first of a run is the answer
    for (std::size_t from = 0; from <= sorted.size(); ++from) {
      for (std::int64_t key = -1; key <= 61; ++key) {
        auto start = sorted.begin() + static_cast<std::ptrdiff_t>(from);
        auto want = std::lower_bound(start, sorted.end(), key);
        EXPECT_EQ(lower_bound_forward(start, sorted.end(), key), want)
            << "from " << from << " key " << key << " size " << sorted.size();
      }
    }
  }
}

TEST(LowerBoundForwardTest, WalksARisingRunOfKeysAndTakesAComparison) {
  std::vector<std::pair<int, char>> rows = {{2, 'a'}, {3, 'b'}, {5, 'c'}, {8, 'd'}, {13, 'e'}};
  auto less = [](const std::pair<int, char>& r, int key) { return r.first < key; };
  auto at = rows.begin();
  std::string seen;
  for (int key : {1, 3, 4, 8, 9, 13, 20}) {
    at = lower_bound_forward(at, rows.end(), key, less);
    seen += at == rows.end() ? '-' : at->second;
  }
  EXPECT_EQ(seen, "abcdee-");
}

}  // namespace
}  // namespace nextcall
