// For app tests: an in-memory SQLite store holding one workspace ("Alpha") and one rep,
// Sam Carter in Chicago with a callback number, and the Actor that is that rep.
#pragma once

#include <memory>
#include <utility>

#include "app/workspace_session.h"
#include "store/store.h"

namespace nextcall {

inline Result<std::pair<std::unique_ptr<Store>, Actor>> one_rep_workspace() {
  auto store = open_store(":memory:");
  if (!store.ok()) return store.status();
  Workspace w;
  w.name = "Alpha";
  auto ws = (*store)->create_workspace(w);
  if (!ws.ok()) return ws.status();
  w.id = *ws;
  User u;
  u.workspace_id = w.id;
  u.name = "Sam Carter";
  u.email = "sam@alpha.example";
  u.timezone = "America/Chicago";
  u.phone_e164 = "+13125550100";
  auto id = (*store)->create_user(u);
  if (!id.ok()) return id.status();
  u.id = *id;
  return std::make_pair(std::move(store.value()), Actor{w, u});
}

}  // namespace nextcall
