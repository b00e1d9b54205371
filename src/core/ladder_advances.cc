#include "core/ladder_advances.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/close_ladder.h"

namespace nextcall {

std::vector<RepTally> tally_reps(std::span<const Attempt> history, const Settings& settings,
                                 Instant since, Instant until) {
  std::vector<const Attempt*> order;
  order.reserve(history.size());
  for (const Attempt& a : history)
    if (a.at < until) order.push_back(&a);
  std::sort(order.begin(), order.end(), [](const Attempt* x, const Attempt* y) {
    return x->at != y->at ? x->at < y->at : x->id < y->id;
  });
  // The best rank (0 = highest) each contact has agreed to so far, per ladder.
  std::map<std::pair<Id, bool>, int> best;
  std::map<Id, RepTally> by_rep;
  std::map<Id, std::set<Id>> dialled;
  for (const Attempt* a : order) {
    const bool gatekeeper = a->ladder == "gatekeeper";
    const Ladder& ladder = gatekeeper ? settings.gatekeeper_ladder : settings.contact_ladder;
    const int rank = a->rung.empty() ? -1 : rung_rank(ladder, a->rung);
    const auto key = std::make_pair(a->contact_id, gatekeeper);
    auto it = best.find(key);
    const bool advance = rank >= 0 && (it == best.end() || rank < it->second);
    if (rank >= 0) {
      if (it == best.end())
        best.emplace(key, rank);
      else
        it->second = std::min(it->second, rank);
    }
    if (!a->rep_id || a->at < since) continue;
    RepTally& t = by_rep[*a->rep_id];
    t.rep_id = *a->rep_id;
    ++t.dials;
    t.connects += a->outcome == Outcome::kConnected;
    t.voicemails += a->outcome == Outcome::kVoicemail;
    t.rungs += rank >= 0;
    t.advances += advance;
    dialled[*a->rep_id].insert(a->contact_id);
  }
  std::vector<RepTally> out;
  for (auto& [id, t] : by_rep) {
    t.contacts = static_cast<long>(dialled[id].size());
    out.push_back(t);
  }
  return out;
}

}  // namespace nextcall
