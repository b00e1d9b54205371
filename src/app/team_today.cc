#include "app/team_today.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/plan_team_day.h"
#include "core/local_time.h"

namespace nextcall {
namespace {

// Up to this many contacts have their history read one by one; more, and every attempt
// before the period's end is listed once.
constexpr std::size_t kHistoriesByIdLimit = 64;

const std::string& zone_of(const User& u) {
  static const std::string kUtc = "UTC";
  return u.timezone.empty() ? kUtc : u.timezone;
}

// The attempts made in [since, until) and every earlier attempt of the same contacts.
Result<std::vector<Attempt>> history_of_period(Store& store, Id ws, Instant since, Instant until) {
  Filter period;
  period.since = since;
  period.until = until;
  auto in_period = store.list_attempts(ws, period);
  if (!in_period.ok()) return in_period.status();
  std::set<Id> contacts;
  for (const Attempt& a : *in_period) contacts.insert(a.contact_id);
  if (contacts.size() > kHistoriesByIdLimit) {
    Filter before;
    before.until = until;
    return store.list_attempts(ws, before);
  }
  std::vector<Attempt> out;
  for (Id id : contacts) {
    Filter f;
    f.contact_id = id;
    f.until = until;
    auto rows = store.list_attempts(ws, f);
    if (!rows.ok()) return rows.status();
    for (Attempt& a : *rows) out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<std::vector<RepDay>> team_today(Store& store, const Workspace& workspace, Instant now) {
  auto users = store.list_users(workspace.id);
  if (!users.ok()) return users.status();
  auto settings = store.get_settings(workspace.id);
  if (!settings.ok()) return settings.status();
  auto sheets = plan_team_day(store, workspace, std::nullopt, now, 1);
  if (!sheets.ok()) return sheets.status();
  std::map<Id, const CallSheet*> sheet_of;
  for (const CallSheet& s : *sheets) sheet_of[s.rep_id] = &s;

  // The reps' days differ by zone: read from the earliest start to the latest end.
  std::vector<RepDay> out;
  Instant since = now, until = now;
  for (const User& u : *users) {
    RepDay d;
    d.rep = u;
    d.day = local_date(now, zone_of(u));
    d.tally.rep_id = u.id;
    since = std::min(since, zoned_instant(d.day, 0, zone_of(u)));
    until = std::max(until, zoned_instant(d.day + std::chrono::days{1}, 0, zone_of(u)));
    out.push_back(std::move(d));
  }
  auto history = history_of_period(store, workspace.id, since, until);
  if (!history.ok()) return history.status();
  for (RepDay& d : out) {
    const Instant start = zoned_instant(d.day, 0, zone_of(d.rep));
    const Instant end = zoned_instant(d.day + std::chrono::days{1}, 0, zone_of(d.rep));
    for (const RepTally& t : tally_reps(*history, *settings, start, end))
      if (t.rep_id == d.rep.id) d.tally = t;
    std::set<Id> called;
    for (const Attempt& a : *history)
      if (a.at >= start && a.at < end && a.rep_id && *a.rep_id == d.rep.id) called.insert(a.contact_id);
    auto it = sheet_of.find(d.rep.id);
    if (it != sheet_of.end())
      for (const Brief& b : it->second->calls) d.left += !called.count(b.contact_id);
    d.planned = d.left + static_cast<long>(called.size());
  }
  return out;
}

Result<WeekLeaderboard> week_leaderboard(Store& store, const Workspace& workspace, Date day,
                                     const std::string& zone) {
  const std::string z = zone.empty() ? "UTC" : zone;
  if (!is_valid_zone(z)) return Status::InvalidArgument("zone: '" + z + "' is not a time zone");
  WeekLeaderboard board;
  board.monday = day - (std::chrono::weekday(day) - std::chrono::Monday);
  board.since = zoned_instant(board.monday, 0, z);
  board.until = zoned_instant(board.monday + std::chrono::days{7}, 0, z);
  auto users = store.list_users(workspace.id);
  if (!users.ok()) return users.status();
  auto settings = store.get_settings(workspace.id);
  if (!settings.ok()) return settings.status();
  auto history = history_of_period(store, workspace.id, board.since, board.until);
  if (!history.ok()) return history.status();
  std::map<Id, RepTally> by_rep;
  for (const RepTally& t : tally_reps(*history, *settings, board.since, board.until)) by_rep[t.rep_id] = t;
  for (const User& u : *users) {
    WeekLeaderRow row{u, {}};
    row.tally.rep_id = u.id;
    if (auto it = by_rep.find(u.id); it != by_rep.end()) row.tally = it->second;
    board.rows.push_back(std::move(row));
  }
  std::stable_sort(board.rows.begin(), board.rows.end(), [](const WeekLeaderRow& a, const WeekLeaderRow& b) {
    if (a.tally.advances != b.tally.advances) return a.tally.advances > b.tally.advances;
    if (a.tally.rungs != b.tally.rungs) return a.tally.rungs > b.tally.rungs;
    return a.rep.name < b.rep.name;
  });
  return board;
}

}  // namespace nextcall
