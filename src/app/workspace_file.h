// One workspace, complete, as a file: how a rep's months on a laptop (SQLite) move to the
// team's server (PostgreSQL), or back, or from one server to another.
//
// The file is JSON with a format version. It holds everything a team wrote: the
// workspace and its settings, users (with their password hashes, so they can sign in
// where it lands), accounts, the imports of contacts files, contacts (the do-not-call list
// and each one's import with them), threads, objections, materials, commitments, referrals,
// appointments, every call, the call queue, the reason library, company changes and
// brainstorm rounds (a file written before imports and the queue were kept loads without
// them). What is summed up from the calls (call
// histories, calls per minute, each reason's record) is not in it: loading the calls sums
// it up again. Sessions and API tokens stay behind: they belong to a server.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

inline constexpr int kWorkspaceFileVersion = 1;

// Writes workspace `ws` to `out`.
Status export_workspace(Store& store, Id ws, std::ostream& out);

struct WorkspaceImportOptions {
  std::string name;  // the new workspace's name; empty: the name in the file
  std::string into;  // load into this existing workspace instead of a new one
  bool dry_run = false;  // check everything, write nothing
};

struct WorkspaceImportReport {
  Workspace workspace;  // where it landed (id 0 on a dry run into a new workspace)
  bool created = false;  // a new workspace, not --into
  long users_added = 0, users_merged = 0;
  long accounts = 0, contacts = 0, calls = 0, other_rows = 0;
  std::vector<std::string> conflicts;  // when not empty, nothing was written
};

// Loads a file written by export_workspace into `store`, alongside the workspaces it has:
// ids are new, a user whose e-mail is already in the target workspace is that user. All or
// nothing: a malformed file is InvalidArgument naming the entry and field
// ("contacts[3].stage: 'lead' is not one of prospect|customer"); conflicts (the workspace
// name taken, a user's e-mail in another workspace, a contact's phone or e-mail already in
// the target workspace) are all listed in the report before anything is written.
Result<WorkspaceImportReport> import_workspace(Store& store, const std::string& file_name,
                                               const std::string& text,
                                               const WorkspaceImportOptions& options);

}  // namespace nextcall
