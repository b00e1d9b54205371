#include "app/workspace_session.h"

namespace nextcall {
namespace {

Result<Workspace> resolve_workspace(Store& store, const std::string& name) {
  if (!name.empty()) {
    auto found = store.find_workspace_by_name(name);
    if (!found.ok()) return found.status();
    if (!*found)
      return Status::NotFound("no workspace named '" + name +
                              "' (see: nextcall workspace list)");
    return **found;
  }
  auto all = store.list_workspaces();
  if (!all.ok()) return all.status();
  if (!all->empty()) return all->front();
  Workspace w;
  w.name = "My team";
  auto id = store.create_workspace(w);
  if (!id.ok()) return id.status();
  w.id = *id;
  return w;
}

}  // namespace

Result<Actor> resolve_actor(Store& store, const std::string& workspace_name,
                            const std::string& rep_email) {
  Actor actor;
  Status s = store.transaction([&]() -> Status {
    auto ws = resolve_workspace(store, workspace_name);
    if (!ws.ok()) return ws.status();
    actor.workspace = *ws;
    if (!rep_email.empty()) {
      auto u = store.find_user_by_email(rep_email);
      if (!u.ok()) return u.status();
      if (!*u || (*u)->workspace_id != actor.workspace.id)
        return Status::NotFound("no rep with e-mail '" + rep_email + "' in workspace '" +
                                actor.workspace.name + "' (see: nextcall user list)");
      actor.rep = **u;
      return Status::Ok();
    }
    auto users = store.list_users(actor.workspace.id);
    if (!users.ok()) return users.status();
    for (const User& u : *users) {
      if (u.role == UserRole::kRep || u.role == UserRole::kManager) {
        actor.rep = u;
        return Status::Ok();
      }
    }
    if (!users->empty()) {
      actor.rep = users->front();
      return Status::Ok();
    }
    User me;
    me.workspace_id = actor.workspace.id;
    me.name = "Me";
    me.email = "me@" + std::to_string(actor.workspace.id) + ".local";
    me.role = UserRole::kManager;
    auto id = store.create_user(me);
    if (!id.ok()) return id.status();
    me.id = *id;
    actor.rep = me;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return actor;
}

}  // namespace nextcall
