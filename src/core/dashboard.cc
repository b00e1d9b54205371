#include "core/dashboard.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/close_ladder.h"
#include "core/local_time.h"

namespace nextcall {
namespace {

bool on_gatekeeper_ladder(const Attempt& a, const Contact* c) {
  if (a.ladder == "gatekeeper") return true;
  if (a.ladder.empty()) return c && c->role == Role::kGatekeeper;
  return false;
}

// The best rank (0 = highest) per contact -> how many contacts reached each rung or higher.
std::vector<FunnelStep> funnel(const Ladder& ladder, const std::unordered_map<Id, int>& best, long of) {
  std::vector<long> at_rank(ladder.rungs.size(), 0);
  for (const auto& [contact, rank] : best) ++at_rank[static_cast<std::size_t>(rank)];
  std::vector<FunnelStep> out;
  long cumulative = 0;
  for (std::size_t i = 0; i < ladder.rungs.size(); ++i) {
    cumulative += at_rank[i];
    out.push_back({ladder.rungs[i], cumulative, of});
  }
  return out;
}

std::optional<double> ratio(double num, long den) {
  if (den == 0) return std::nullopt;
  return num / static_cast<double>(den);
}

}  // namespace

Dashboard compute_dashboard(std::span<const Attempt> attempts, std::span<const Contact> contacts,
                            const Settings& settings, std::span<const Reason> reasons,
                            Instant since, Instant until) {
  Dashboard d;
  d.since = since;
  d.until = until;
  d.planning_minutes_per_attempt = settings.planning_minutes_per_attempt;
  for (int h = 0; h < 24; ++h) d.reach_by_hour[static_cast<std::size_t>(h)].hour = h;

  std::unordered_map<Id, const Contact*> contact_by_id;
  for (const Contact& c : contacts) contact_by_id.emplace(c.id, &c);
  std::unordered_map<Id, const Reason*> reason_by_id;
  for (const Reason& r : reasons) reason_by_id.emplace(r.id, &r);

  std::set<Id> touched;
  std::unordered_map<Id, int> best_contact_rung, best_gatekeeper_rung;
  std::set<Id> called_on_contact_ladder, called_on_gatekeeper_ladder;  // called on each ladder
  // Reasons keyed by library id, or by the text as said.
  std::map<Id, ReasonEffect> by_id;
  std::map<std::string, ReasonEffect> by_text;

  for (const Attempt& a : attempts) {
    if (a.at < since || a.at >= until) continue;
    auto cit = contact_by_id.find(a.contact_id);
    const Contact* c = cit == contact_by_id.end() ? nullptr : cit->second;
    bool connected = a.outcome == Outcome::kConnected;

    DashboardTotals& t = d.totals;
    ++t.attempts;
    t.connects += connected;
    t.voicemails += a.outcome == Outcome::kVoicemail;
    t.gatekeepers += a.outcome == Outcome::kGatekeeper;
    touched.insert(a.contact_id);

    // An empty or unknown zone reads as UTC (core/local_time.h).
    int hour = local_minute_of_day(a.at, c ? c->timezone : std::string()) / 60;
    HourReach& hr = d.reach_by_hour[static_cast<std::size_t>(hour)];
    ++hr.attempts;
    hr.connects += connected;

    bool gatekeeper = on_gatekeeper_ladder(a, c);
    const Ladder& ladder = gatekeeper ? settings.gatekeeper_ladder : settings.contact_ladder;
    (gatekeeper ? called_on_gatekeeper_ladder : called_on_contact_ladder).insert(a.contact_id);
    int rank = a.rung.empty() ? -1 : rung_rank(ladder, a.rung);
    if (rank >= 0) {
      auto& best = gatekeeper ? best_gatekeeper_rung : best_contact_rung;
      auto [it, inserted] = best.emplace(a.contact_id, rank);
      if (!inserted) it->second = std::min(it->second, rank);
    }

    ReasonEffect* e = nullptr;
    if (a.reason_id) {
      e = &by_id[*a.reason_id];
      if (e->attempts == 0) {
        e->reason_id = a.reason_id;
        auto rit = reason_by_id.find(*a.reason_id);
        e->text = rit != reason_by_id.end() ? rit->second->text : a.reason;
      }
    } else if (!a.reason.empty()) {
      e = &by_text[a.reason];
      e->text = a.reason;
    }
    if (e) {
      ++e->attempts;
      e->connects += connected;
      e->advanced += rank >= 0;
    }
  }

  for (HourReach& hr : d.reach_by_hour) hr.rate = ratio(static_cast<double>(hr.connects), hr.attempts);

  const DashboardTotals& t = d.totals;
  d.totals.contacts_touched = static_cast<long>(touched.size());
  long missed = t.attempts - t.connects;
  long minutes = settings.planning_minutes_per_attempt;
  d.attempts_per_connect = ratio(static_cast<double>(t.attempts), t.connects);
  d.wasted_planning_minutes = missed * minutes;
  d.planning_minutes_per_connect = ratio(static_cast<double>(t.attempts * minutes), t.connects);
  d.wasted_planning_minutes_per_connect = ratio(static_cast<double>(missed * minutes), t.connects);

  d.contact_funnel = funnel(settings.contact_ladder, best_contact_rung,
                            static_cast<long>(called_on_contact_ladder.size()));
  d.gatekeeper_funnel = funnel(settings.gatekeeper_ladder, best_gatekeeper_rung,
                               static_cast<long>(called_on_gatekeeper_ladder.size()));

  for (auto& [id, e] : by_id) d.reasons.push_back(std::move(e));
  for (auto& [text, e] : by_text) d.reasons.push_back(std::move(e));
  for (ReasonEffect& e : d.reasons) {
    e.connect_rate = static_cast<double>(e.connects) / static_cast<double>(e.attempts);
    e.advance_rate = static_cast<double>(e.advanced) / static_cast<double>(e.attempts);
  }
  // Most used first; ties by connects, then text, then id, so the order is stable.
  std::sort(d.reasons.begin(), d.reasons.end(), [](const ReasonEffect& x, const ReasonEffect& y) {
    if (x.attempts != y.attempts) return x.attempts > y.attempts;
    if (x.connects != y.connects) return x.connects > y.connects;
    if (x.text != y.text) return x.text < y.text;
    return x.reason_id.value_or(-1) < y.reason_id.value_or(-1);
  });
  if (d.reasons.size() > kDashboardMaxReasons) d.reasons.resize(kDashboardMaxReasons);
  return d;
}

}  // namespace nextcall
