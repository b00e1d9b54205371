// Dealing a team plan's rows to the reps: which rep owns each contact read, and each list
// of rows moved to the snapshot of the rep who owns its contact (app/plan_team_day.cc).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/forward_search.h"
#include "core/model.h"
#include "core/snapshot.h"

namespace nextcall::team {

// The rep who owns each contact read, by contact id. Contacts arrive in id order, and so do
// most rows about them: a lookup searches on from the last one found (as ContactGate does
// in the SQLite store), so no hash of 400,000 ids is built. Once every contact is added,
// lists are dealt side by side, each with a place of its own.
class RepOfContact {
 public:
  void reserve(std::size_t n) { reps_.reserve(n); }
  void add(Id contact, std::uint32_t rep) {
    if (!reps_.empty() && contact <= reps_.back().first) sorted_ = false;  // a store reading in another order
    reps_.emplace_back(contact, rep);
  }
  // After the last add, before the first find.
  void done_adding() {
    if (!sorted_) std::sort(reps_.begin(), reps_.end()), sorted_ = true;
  }
  // The rep's index; -1 when the contact was not read or nobody owns it. `at` is the
  // caller's place: on from the last one found when the rows go forward, else from the start.
  std::int64_t find(Id contact, std::size_t& at) const {
    std::size_t from = at < reps_.size() && reps_[at].first <= contact ? at : 0;
    auto it = lower_bound_forward(reps_.begin() + static_cast<std::ptrdiff_t>(from), reps_.end(), contact,
                                  [](const std::pair<Id, std::uint32_t>& r, Id id) { return r.first < id; });
    at = static_cast<std::size_t>(it - reps_.begin());
    if (it == reps_.end() || it->first != contact) return -1;
    return it->second;
  }

 private:
  std::vector<std::pair<Id, std::uint32_t>> reps_;
  bool sorted_ = true;
};

// Moves each row to the snapshot of the rep who owns its contact; rows of contacts
// nobody owns stay behind.
template <typename T, typename Key, typename Field>
void deal(std::vector<T>& rows, const RepOfContact& rep_of_contact, Key key, std::vector<Snapshot>& snapshots,
          Field field) {
  // Each row's rep found once; counted first so each rep's rows are moved once, not again
  // as their vector grows.
  std::vector<std::int32_t> rep(rows.size());
  std::vector<std::size_t> count(snapshots.size());
  std::size_t at = 0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    rep[k] = static_cast<std::int32_t>(rep_of_contact.find(key(rows[k]), at));
    if (rep[k] >= 0) ++count[static_cast<std::size_t>(rep[k])];
  }
  for (std::size_t r = 0; r < snapshots.size(); ++r) {
    auto& into = snapshots[r].*field;
    into.reserve(into.size() + count[r]);  // a list read in parts is dealt part by part
  }
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (rep[k] >= 0) (snapshots[static_cast<std::size_t>(rep[k])].*field).push_back(std::move(rows[k]));
  rows.clear();
  rows.shrink_to_fit();
}

}  // namespace nextcall::team
