#include "app/changes.h"

#include <unordered_map>

#include "core/change_condition.h"
#include "core/model_text.h"

namespace nextcall {

Result<Change> add_change(Store& store, const Actor& actor, const ChangeInput& in, Instant now) {
  Change c;
  c.workspace_id = actor.workspace.id;
  auto kind = parse_change_kind(in.kind);
  if (!kind) return Status::InvalidArgument("kind: '" + in.kind + "' is not one of " + names_of_change_kinds());
  c.kind = *kind;
  c.title = in.title;
  if (c.title.empty()) return Status::InvalidArgument("title: say what changed");
  c.description = in.description;
  for (const std::string& r : in.resolves) {
    auto colon = r.find(':');
    ObjectionCondition oc{r.substr(0, colon), colon == std::string::npos ? "" : r.substr(colon + 1)};
    if (oc.code.empty()) return Status::InvalidArgument("--resolves '" + r + "': name the objection code first");
    auto cond = parse_amount_condition(oc.condition);
    if (!cond.ok()) return Status::InvalidArgument("--resolves '" + r + "': " + cond.status().message());
    c.resolves.push_back(oc);
  }
  c.serves = in.serves;
  c.industries = in.industries;
  if (c.resolves.empty() && c.serves.empty())
    return Status::InvalidArgument("a change must resolve an objection (--resolves) or serve a hot button (--serves)");
  c.effective_on = in.effective_on;
  c.created_at = now;
  auto id = store.add_change(c);
  if (!id.ok()) return id.status();
  c.id = *id;
  return c;
}

Result<std::vector<RecallEntry>> recall_list(Store& store, const Actor& actor, Id change_id) {
  auto change = store.get_change(actor.workspace.id, change_id);
  if (!change.ok()) return change.status();
  Id ws = actor.workspace.id;
  auto contacts = store.list_contacts(ws, {});
  if (!contacts.ok()) return contacts.status();
  auto objections = store.list_objections(ws, {});
  if (!objections.ok()) return objections.status();
  auto accounts = store.list_accounts(ws, {});
  if (!accounts.ok()) return accounts.status();
  std::unordered_map<Id, const Account*> account_of;
  for (const Account& a : *accounts) account_of[a.id] = &a;
  std::unordered_map<Id, std::vector<Objection>> by_contact;
  for (const Objection& o : *objections) by_contact[o.contact_id].push_back(o);
  std::vector<RecallEntry> out;
  for (const Contact& c : *contacts) {
    if (c.do_not_call) continue;
    const Account* a = c.account_id && account_of.count(*c.account_id) ? account_of[*c.account_id] : nullptr;
    const auto& mine = by_contact[c.id];
    ChangeFit fit = change_fit(*change, c, mine, a ? a->industry : "");
    if (!fit.fits) continue;
    out.push_back({c, a ? a->name : "", fit});
  }
  return out;
}

Result<int> confirm_change(Store& store, const Actor& actor, Id contact_id, Id change_id) {
  int marked = 0;
  Status s = store.transaction([&]() -> Status {
    auto change = store.get_change(actor.workspace.id, change_id);
    if (!change.ok()) return change.status();
    Filter f;
    f.contact_id = contact_id;
    auto objections = store.list_objections(actor.workspace.id, f);
    if (!objections.ok()) return objections.status();
    for (Objection& o : *objections) {
      if (o.status != ObjectionStatus::kOpen) continue;
      for (const ObjectionCondition& r : change->resolves) {
        auto cond = parse_amount_condition(r.condition);
        if (r.code != o.code || !cond.ok() || !satisfies(*cond, o.amount)) continue;
        o.status = ObjectionStatus::kAnswered;
        o.answered_by_change_id = change_id;
        NEXTCALL_RETURN_IF_ERROR(store.update_objection(o));
        ++marked;
        break;
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return marked;
}

}  // namespace nextcall
