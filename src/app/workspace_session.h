// Which workspace and which rep a command acts for, resolved once per command.
//
// On a laptop there is usually one workspace and one rep: the first workspace in the
// store (created as "My team" with a local rep on first use) and its first user. A team
// server names them explicitly (web sign-in, or --workspace / --rep on the CLI).
#pragma once

#include <string>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct Actor {
  Workspace workspace;
  User rep;
};

// Resolves the workspace by name (empty: the first one, created when the store has none)
// and the rep by e-mail (empty: the first user of the workspace, created when it has none).
// Returns NotFound naming what was asked for when a named workspace or rep does not exist.
Result<Actor> resolve_actor(Store& store, const std::string& workspace_name,
                            const std::string& rep_email);

}  // namespace nextcall
