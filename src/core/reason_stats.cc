#include "core/reason_stats.h"

#include <unordered_map>

#include "core/close_ladder.h"
#include "core/model_text.h"

namespace nextcall {

ReasonStats reason_stats(const std::vector<Attempt>& attempts, const std::vector<Reason>& reasons,
                         const Settings& settings) {
  std::unordered_map<Id, std::string> category;
  for (const Reason& r : reasons) category[r.id] = std::string(to_text(r.category));
  ReasonStats stats;
  Id contact = -1;
  int best = 1 << 20;  // rank of the highest rung agreed so far (lower is higher)
  for (const Attempt& a : attempts) {
    if (a.contact_id != contact) {
      contact = a.contact_id;
      best = 1 << 20;
    }
    const Ladder& ladder = a.ladder == "gatekeeper" ? settings.gatekeeper_ladder : settings.contact_ladder;
    int rank = a.rung.empty() ? -1 : rung_rank(ladder, a.rung);
    bool advanced = rank >= 0 && rank < best && a.ladder != "gatekeeper";
    if (advanced) best = rank;
    if (!a.reason_id && a.reason.empty()) continue;
    ReasonCounts* counts[2] = {nullptr, nullptr};
    if (a.reason_id) {
      counts[0] = &stats.by_reason[*a.reason_id];
      auto it = category.find(*a.reason_id);
      if (it != category.end()) counts[1] = &stats.by_category[it->second];
    } else {
      counts[0] = &stats.by_text[a.reason];
    }
    for (ReasonCounts* c : counts) {
      if (!c) continue;
      ++c->attempts;
      c->connects += a.outcome == Outcome::kConnected;
      c->advances += advanced;
    }
  }
  return stats;
}

}  // namespace nextcall
