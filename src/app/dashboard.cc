#include "app/dashboard.h"

#include <set>

namespace nextcall {
namespace {

// Up to this many contacts are read one by one; more, and the workspace's contacts are
// listed once.
constexpr std::size_t kContactsByIdLimit = 64;

Result<std::vector<Contact>> load_contacts(Store& store, Id ws, const std::set<Id>& ids) {
  std::vector<Contact> out;
  if (ids.size() <= kContactsByIdLimit) {
    for (Id id : ids) {
      auto c = store.get_contact(ws, id);
      if (c.ok()) {
        out.push_back(std::move(c.value()));
      } else if (c.status().code() != Code::kNotFound) {
        return c.status();
      }  // a contact gone since the call: its attempts count under their UTC hour
    }
    return out;
  }
  auto all = store.list_contacts(ws, {});
  if (!all.ok()) return all.status();
  for (Contact& c : all.value())
    if (ids.count(c.id)) out.push_back(std::move(c));
  return out;
}

}  // namespace

Result<Dashboard> team_dashboard(Store& store, Id workspace_id, std::optional<Id> rep_id,
                                 Instant since, Instant until) {
  if (until < since) return Status::InvalidArgument("the period ends before it starts");
  auto ws = store.get_workspace(workspace_id);
  if (!ws.ok()) return ws.status();
  if (rep_id) {
    auto rep = store.get_user(workspace_id, *rep_id);
    if (!rep.ok()) return rep.status();
  }
  auto settings = store.get_settings(workspace_id);
  if (!settings.ok()) return settings.status();

  Filter f;
  f.since = since;
  f.until = until;
  auto listed = store.list_attempts(workspace_id, f);
  if (!listed.ok()) return listed.status();
  std::vector<Attempt> attempts;
  attempts.reserve(listed->size());
  for (Attempt& a : listed.value())
    if (!rep_id || a.rep_id == rep_id) attempts.push_back(std::move(a));

  std::set<Id> contact_ids;
  for (const Attempt& a : attempts) contact_ids.insert(a.contact_id);
  auto contacts = load_contacts(store, workspace_id, contact_ids);
  if (!contacts.ok()) return contacts.status();
  auto reasons = store.list_reasons(workspace_id);
  if (!reasons.ok()) return reasons.status();

  Dashboard d = compute_dashboard(attempts, *contacts, *settings, *reasons, since, until);
  d.rep_id = rep_id;
  return d;
}

}  // namespace nextcall
