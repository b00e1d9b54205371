// A realistic, deterministic demo workspace: reps, accounts and contacts across North
// American, European and Asia-Pacific time zones with the whole memory the seeds call
// for, a few weeks of call history and a starter reason library — so every feature has
// something real to show.
#pragma once

#include <cstdint>
#include <string>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

struct DemoOptions {
  int contacts = 200;
  std::uint64_t seed = 1;
  std::string workspace_name = "Demo Sales Team";
  // Every demo user's password, hashed for each with a salt of its own (empty: they cannot
  // sign in). A demo password is printed for all to read: see hash_demo_password.
  std::string password;
};

struct DemoSummary {
  Id workspace_id = 0;
  long contacts = 0, accounts = 0, attempts = 0, reasons = 0, users = 0;
};

// Builds the workspace in one transaction. The same seed and `now` give the same data.
// AlreadyExists when a workspace of that name exists.
Result<DemoSummary> build_demo(Store& store, const DemoOptions& o, Instant now);

}  // namespace nextcall
