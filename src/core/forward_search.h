// The first element not less than `key` in the sorted range [from, end), searched forward
// from `from`: steps of 1, 2, 4, ... until one passes the key, then a binary search inside
// the last step. For keys that arrive in order (rows read in contact order, checked against
// a sorted list of contacts) the answer is a few elements on, and this costs a few
// comparisons on memory already in cache, where std::lower_bound over the rest of the list
// costs twenty halvings across it for every row.
#pragma once

#include <algorithm>
#include <functional>
#include <iterator>

namespace nextcall {

template <typename It, typename T, typename Less = std::less<>>
It lower_bound_forward(It from, It end, const T& key, Less less = {}) {
  using Diff = typename std::iterator_traits<It>::difference_type;
  Diff step = 1;
  It lo = from;  // every element before lo is less than key
  while (true) {
    Diff left = std::distance(lo, end);
    if (left == 0) return end;
    It probe = std::next(lo, std::min(step, left) - 1);
    if (!less(*probe, key)) return std::lower_bound(lo, probe, key, less);
    lo = std::next(probe);
    step *= 2;
  }
}

}  // namespace nextcall
