#include "app/db_check.h"

#include <map>
#include <unordered_map>

#include "core/call_history.h"
#include "core/civil_time.h"
#include "store/call_histories.h"

namespace nextcall {
namespace {

struct Derived {
  std::map<Id, CallHistory> histories;
  std::map<int, MinuteCount> minutes;
  std::map<Id, ReasonRecord> reasons;
};

Result<Derived> read_derived(Store& store, Id ws) {
  Derived d;
  auto histories = store.list_call_histories(ws, {});
  if (!histories.ok()) return histories.status();
  for (ContactHistory& h : *histories) d.histories[h.contact_id] = std::move(h.history);
  auto minutes = store.list_minute_counts(ws);
  if (!minutes.ok()) return minutes.status();
  for (const MinuteCount& m : *minutes)
    if (m.attempts != 0 || m.connects != 0) d.minutes[m.minute] = m;
  auto reasons = store.list_reason_results(ws);
  if (!reasons.ok()) return reasons.status();
  for (const ReasonRecord& r : *reasons)
    if (r.tries != 0 || r.advances != 0) d.reasons[r.reason_id] = r;
  return d;
}

std::string clock(int minute) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60 % 24, minute % 60);
  return text;
}

std::string history_difference(const CallHistory& stored, const CallHistory& logged) {
  if (stored.calls != logged.calls)
    return "history has " + std::to_string(stored.calls) + " calls, " + std::to_string(logged.calls) + " logged";
  if (stored.follow_up_on != logged.follow_up_on)
    return "follow-up date " + (stored.follow_up_on ? format_date(*stored.follow_up_on) : std::string("none")) +
           " in the history, " + (logged.follow_up_on ? format_date(*logged.follow_up_on) : std::string("none")) +
           " from the calls";
  if (stored.agreed.size() != logged.agreed.size()) return "the rungs agreed differ from the calls'";
  return "history differs from its calls";
}

void compare(Store& store, Id ws, const Derived& stored, const Derived& logged, std::vector<std::string>* out) {
  std::unordered_map<Id, std::string> names;
  auto contacts = store.list_contacts(ws, {});
  if (contacts.ok())
    for (const Contact& c : *contacts) names[c.id] = c.full_name();
  auto who = [&](Id id) { return "contact #" + std::to_string(id) + (names.count(id) ? " " + names[id] : ""); };
  for (const auto& [id, h] : logged.histories) {
    auto it = stored.histories.find(id);
    if (it == stored.histories.end())
      out->push_back(who(id) + ": no history, " + std::to_string(h.calls) + " calls logged");
    else if (encode_call_history(it->second) != encode_call_history(h))
      out->push_back(who(id) + ": " + history_difference(it->second, h));
  }
  for (const auto& [id, h] : stored.histories)
    if (!logged.histories.count(id) && h.calls > 0)
      out->push_back(who(id) + ": history has " + std::to_string(h.calls) + " calls, none logged");
  std::map<int, std::pair<MinuteCount, MinuteCount>> minutes;  // stored, logged
  for (const auto& [m, c] : stored.minutes) minutes[m].first = c;
  for (const auto& [m, c] : logged.minutes) minutes[m].second = c;
  for (const auto& [m, pair] : minutes)
    if (pair.first.attempts != pair.second.attempts || pair.first.connects != pair.second.connects)
      out->push_back("calls at " + clock(m) + ": " + std::to_string(pair.first.attempts) + " counted (" +
                     std::to_string(pair.first.connects) + " reached), " + std::to_string(pair.second.attempts) +
                     " logged (" + std::to_string(pair.second.connects) + " reached)");
  std::map<Id, std::pair<ReasonRecord, ReasonRecord>> reasons;
  for (const auto& [id, r] : stored.reasons) reasons[id].first = r;
  for (const auto& [id, r] : logged.reasons) reasons[id].second = r;
  for (const auto& [id, pair] : reasons)
    if (pair.first.tries != pair.second.tries || pair.first.advances != pair.second.advances)
      out->push_back("reason #" + std::to_string(id) + ": " + std::to_string(pair.first.tries) + " tries and " +
                     std::to_string(pair.first.advances) + " advances counted, " + std::to_string(pair.second.tries) +
                     " and " + std::to_string(pair.second.advances) + " logged");
}

}  // namespace

Result<std::vector<DerivedCheck>> check_derived_tables(Store& store, bool repair) {
  auto workspaces = store.list_workspaces();
  if (!workspaces.ok()) return workspaces.status();
  std::vector<DerivedCheck> checks;
  // The check's own transaction ends with this status, which rolls it back; it is not an
  // error of the check.
  const std::string kRollBack = "db check: rolled back";
  for (const Workspace& w : *workspaces) {
    DerivedCheck check;
    check.workspace = w;
    Status s = store.transaction([&]() -> Status {
      auto stored = read_derived(store, w.id);
      if (!stored.ok()) return stored.status();
      NEXTCALL_RETURN_IF_ERROR(rebuild_call_histories(store, w.id));
      auto logged = read_derived(store, w.id);
      if (!logged.ok()) return logged.status();
      check.histories = static_cast<long>(logged->histories.size());
      check.minutes = static_cast<long>(logged->minutes.size());
      check.reasons = static_cast<long>(logged->reasons.size());
      compare(store, w.id, *stored, *logged, &check.differences);
      if (repair && !check.differences.empty()) {
        check.repaired = true;
        return Status::Ok();
      }
      return Status::Conflict(kRollBack);
    });
    if (!s.ok() && s.message() != kRollBack) return s;
    checks.push_back(std::move(check));
  }
  return checks;
}

}  // namespace nextcall
