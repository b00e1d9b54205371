#include "store/call_histories.h"

#include <map>
#include <unordered_map>

#include "core/local_time.h"

namespace nextcall {
namespace {

// The zone a contact's clock is read in, as the planner reads it: theirs, else their
// owner's.
std::string zone_for(const Contact& c, const std::unordered_map<Id, std::string>& user_zones) {
  if (!c.timezone.empty() || !c.owner_id) return c.timezone;
  auto it = user_zones.find(*c.owner_id);
  return it == user_zones.end() ? std::string() : it->second;
}

Result<std::unordered_map<Id, std::string>> user_zones(Store& store, Id ws) {
  auto users = store.list_users(ws);
  if (!users.ok()) return users.status();
  std::unordered_map<Id, std::string> zones;
  for (const User& u : *users) zones[u.id] = u.timezone;
  return zones;
}

}  // namespace

Status record_call_in_history(Store& store, const Attempt& call, Id id) {
  Id ws = call.workspace_id;
  auto contact = store.get_contact(ws, call.contact_id);
  if (!contact.ok()) return contact.status();
  auto settings = store.get_settings(ws);
  if (!settings.ok()) return settings.status();
  std::string zone = contact->timezone;
  if (zone.empty() && contact->owner_id) {
    auto owner = store.get_user(ws, *contact->owner_id);
    if (owner.ok()) zone = owner->timezone;
  }
  Filter f;
  f.contact_id = call.contact_id;
  auto stored = store.list_call_histories(ws, f);
  if (!stored.ok()) return stored.status();
  CallHistory h;
  bool advanced = false;
  bool in_order = !stored->empty() && (!stored->front().history.last_at || call.at >= *stored->front().history.last_at);
  if (in_order) {
    h = std::move(stored->front().history);
    advanced = fold_call(h, call, zone, *settings);
  } else {
    // Out of order (or no history yet): all of the contact's calls again, this one among them.
    NEXTCALL_RETURN_IF_ERROR(store.for_each_attempt(ws, f, [&](const Attempt& a) {
      bool adv = fold_call(h, a, zone, *settings);
      if (a.id == id) advanced = adv;
      return Status::Ok();
    }));
  }
  NEXTCALL_RETURN_IF_ERROR(store.put_call_history(ws, call.contact_id, h));
  // The team's calls per minute gain this one (at the contact's clock).
  NEXTCALL_RETURN_IF_ERROR(store.add_minute_counts(
      ws, {MinuteCount{local_minute_of_day(call.at, zone), 1, call.outcome == Outcome::kConnected ? 1 : 0}}));
  if (call.reason_id) NEXTCALL_RETURN_IF_ERROR(store.add_reason_result(ws, *call.reason_id, 1, advanced ? 1 : 0));
  return Status::Ok();
}

Status rebuild_call_histories(Store& store, Id ws, std::optional<Id> contact) {
  return store.transaction([&]() -> Status {
    auto settings = store.get_settings(ws);
    if (!settings.ok()) return settings.status();
    auto users = user_zones(store, ws);
    if (!users.ok()) return users.status();
    Filter f;
    f.contact_id = contact;
    auto contacts = store.list_contacts(ws, f);
    if (!contacts.ok()) return contacts.status();
    std::unordered_map<Id, std::string> zones;
    zones.reserve(contacts->size());
    for (const Contact& c : *contacts) zones[c.id] = zone_for(c, *users);
    contacts->clear();
    contacts->shrink_to_fit();
    std::unordered_map<Id, ReasonRecord> reasons;
    // Per minute: what the histories summed up again add, less what they had (one contact),
    // or everything (the workspace, counted afresh).
    std::map<int, MinuteCount> minutes;
    auto count_minutes = [&](const CallHistory& history, int sign) {
      for (const MinuteCount& m : history.minutes) {
        MinuteCount& total = minutes[m.minute];
        total.minute = m.minute;
        total.attempts += sign * m.attempts;
        total.connects += sign * m.connects;
      }
    };
    if (contact) {
      auto old = store.list_call_histories(ws, f);
      if (!old.ok()) return old.status();
      for (const ContactHistory& o : *old) count_minutes(o.history, -1);
    }
    Id current = 0;
    CallHistory h;
    const std::string* zone = nullptr;
    static const std::string kNoZone;
    auto flush = [&]() -> Status {
      if (current == 0 || h.calls == 0) return Status::Ok();
      count_minutes(h, +1);
      return store.put_call_history(ws, current, h);
    };
    NEXTCALL_RETURN_IF_ERROR(store.for_each_attempt(ws, f, [&](const Attempt& a) -> Status {
      if (a.contact_id != current) {
        NEXTCALL_RETURN_IF_ERROR(flush());
        current = a.contact_id;
        h = CallHistory{};
        auto it = zones.find(current);
        zone = it == zones.end() ? &kNoZone : &it->second;
      }
      bool advanced = fold_call(h, a, *zone, *settings);
      if (a.reason_id && !contact) {
        ReasonRecord& r = reasons[*a.reason_id];
        r.reason_id = *a.reason_id;
        ++r.tries;
        r.advances += advanced ? 1 : 0;
      }
      return Status::Ok();
    }));
    NEXTCALL_RETURN_IF_ERROR(flush());
    std::vector<MinuteCount> changed;
    for (const auto& [minute, m] : minutes)
      if (m.attempts != 0 || m.connects != 0) changed.push_back(m);
    if (contact) return store.add_minute_counts(ws, changed);
    NEXTCALL_RETURN_IF_ERROR(store.clear_minute_counts(ws));
    NEXTCALL_RETURN_IF_ERROR(store.add_minute_counts(ws, changed));
    NEXTCALL_RETURN_IF_ERROR(store.clear_reason_results(ws));
    for (const auto& [id, r] : reasons)
      NEXTCALL_RETURN_IF_ERROR(store.add_reason_result(ws, id, r.tries, r.advances));
    return Status::Ok();
  });
}

}  // namespace nextcall
