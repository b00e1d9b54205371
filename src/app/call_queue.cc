#include "app/call_queue.h"

#include <set>

#include "core/civil_time.h"
#include "core/local_time.h"

namespace nextcall {
namespace {

bool is_manager(const User& u) { return u.role == UserRole::kManager || u.role == UserRole::kAdmin; }

}  // namespace

Result<QueueReport> add_to_calls(Store& store, const Actor& actor, const std::vector<Id>& contact_ids,
                                 QueuePriority priority, Instant now) {
  if (contact_ids.size() > kMaxQueuedAtOnce)
    return Status::InvalidArgument("contact_ids: at most " + std::to_string(kMaxQueuedAtOnce) +
                                   " contacts at once (a day holds a few dozen calls); narrow the list");
  const Id ws = actor.workspace.id;
  const bool manager = is_manager(actor.rep);
  const Date today = local_date(now, actor.rep.timezone);
  QueueReport report;
  Status s = store.transaction([&]() -> Status {
    auto users = store.list_users(ws);
    if (!users.ok()) return users.status();
    auto owner_name = [&](Id id) {
      for (const User& u : *users)
        if (u.id == id) return u.name;
      return std::string("another rep");
    };
    std::set<Id> seen;
    for (Id id : contact_ids) {
      if (!seen.insert(id).second) continue;
      auto c = store.get_contact(ws, id);
      if (!c.ok()) {
        if (c.status().code() == Code::kNotFound)
          return Status::NotFound("contact_ids: no contact with id " + std::to_string(id));
        return c.status();
      }
      QueueReport::Row row{c->id, c->full_name(), ""};
      if (c->do_not_call) {
        row.why = "on the do-not-call list";
      } else if (c->snoozed_until && *c->snoozed_until > today) {
        row.why = "snoozed until " + format_date(*c->snoozed_until) + ": take the snooze off first";
      } else if (c->phones.empty()) {
        row.why = "no phone number: add one first";
      } else if (!c->owner_id && manager) {
        row.why = "no owner: give the contact to a rep first";
      } else if (c->owner_id && *c->owner_id != actor.rep.id && !manager) {
        row.why = "owned by " + owner_name(*c->owner_id) + ": ask a manager to give it to you";
      }
      if (!row.why.empty()) {
        report.skipped.push_back(std::move(row));
        continue;
      }
      if (!c->owner_id) {  // a rep takes an unowned contact: it is on their calls from now
        Contact taken = *c;
        taken.owner_id = actor.rep.id;
        taken.updated_at = now;
        NEXTCALL_RETURN_IF_ERROR(store.update_contact(taken));
      }
      QueuedCall q;
      q.workspace_id = ws;
      q.contact_id = c->id;
      q.rep_id = c->owner_id.value_or(actor.rep.id);
      q.priority = priority;
      q.added_by = actor.rep.id;
      q.added_at = now;
      NEXTCALL_RETURN_IF_ERROR(store.queue_call(q));
      report.added.push_back(std::move(row));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return report;
}

Status remove_from_calls(Store& store, const Actor& actor, Id contact_id) {
  const Id ws = actor.workspace.id;
  return store.transaction([&]() -> Status {
    auto c = store.get_contact(ws, contact_id);
    if (!c.ok()) return c.status();
    if (!is_manager(actor.rep) && c->owner_id && *c->owner_id != actor.rep.id)
      return Status::PermissionDenied("contact " + std::to_string(contact_id) +
                                      " is another rep's: only they or a manager take it off their calls");
    return store.unqueue_call(ws, contact_id);
  });
}

}  // namespace nextcall
