// `nextcall workspace list|add`: the example every command follows — options parsed into
// a struct, one app/ or store call, a table or JSON rendering, the Status handed to rt.
#include "cli/allocator.h"
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "app/workspace_file.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"

namespace nextcall::cli {
namespace {

Status list_workspaces(Runtime& rt) {
  auto store = rt.store();
  if (!store.ok()) return store.status();
  auto all = (*store)->list_workspaces();
  if (!all.ok()) return all.status();
  if (rt.json()) {
    nlohmann::json j = nlohmann::json::array();
    for (const Workspace& w : *all)
      j.push_back({{"id", w.id}, {"name", w.name}, {"default_region", w.default_region}});
    print_json(rt, j);
    return Status::Ok();
  }
  Table t({"ID", "NAME", "REGION"});
  for (const Workspace& w : *all) t.add({std::to_string(w.id), w.name, w.default_region});
  t.print(rt.out());
  return Status::Ok();
}

struct AddOptions {
  std::string name;
  std::string region = "US";
};

Status add_workspace(Runtime& rt, const AddOptions& o) {
  auto store = rt.store();
  if (!store.ok()) return store.status();
  Workspace w;
  w.name = o.name;
  w.default_region = o.region;
  auto id = (*store)->create_workspace(w);
  if (!id.ok()) return id.status();
  if (rt.json())
    print_json(rt, {{"id", *id}, {"name", w.name}, {"default_region", w.default_region}});
  else
    rt.out() << "Created workspace " << *id << " '" << w.name << "'\n";
  return Status::Ok();
}

// The workspace a command names with --workspace, or the first (without creating one).
Result<Workspace> named_workspace(Store& store, const std::string& name) {
  if (!name.empty()) {
    auto w = store.find_workspace_by_name(name);
    if (!w.ok()) return w.status();
    if (!*w) return Status::NotFound("no workspace '" + name + "' (see: nextcall workspace list)");
    return **w;
  }
  auto all = store.list_workspaces();
  if (!all.ok()) return all.status();
  if (all->empty()) return Status::NotFound("this database has no workspace to export");
  return all->front();
}

Status export_workspace_file(Runtime& rt, const std::string& path) {
  auto store = rt.store();
  if (!store.ok()) return store.status();
  auto w = named_workspace(**store, rt.workspace_name);
  if (!w.ok()) return w.status();
  if (path == "-") return export_workspace(**store, w->id, rt.out());
  // Written beside the target and renamed into place: a failed export leaves no half file.
  std::string part = path + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Io(path + ": cannot write here (check the directory and its permissions)");
    Status s = export_workspace(**store, w->id, out);
    out.close();
    if (!s.ok() || !out) {
      std::remove(part.c_str());
      return s.ok() ? Status::Io(path + ": the disk refused the write") : s;
    }
  }
  if (std::rename(part.c_str(), path.c_str()) != 0) return Status::Io(path + ": cannot rename " + part + " into place");
  rt.err() << "Exported workspace '" << w->name << "' to " << path << "\n";
  return Status::Ok();
}

struct ImportFileOptions {
  std::string path;
  WorkspaceImportOptions options;
};

Status import_workspace_file(Runtime& rt, const ImportFileOptions& o) {
  auto store = rt.store();
  if (!store.ok()) return store.status();
  std::ifstream in(o.path, std::ios::binary);
  if (!in) return Status::Io(o.path + ": cannot read the file (check the path)");
  std::stringstream text;
  text << in.rdbuf();
  std::string name = o.path.substr(o.path.find_last_of('/') + 1);
  auto report = import_workspace(**store, name, text.str(), o.options);
  if (!report.ok()) return report.status();
  if (rt.json()) {
    print_json(rt, {{"workspace", {{"id", report->workspace.id}, {"name", report->workspace.name}}},
                    {"created", report->created},
                    {"dry_run", o.options.dry_run},
                    {"written", report->conflicts.empty() && !o.options.dry_run},
                    {"users_added", report->users_added},
                    {"users_merged", report->users_merged},
                    {"accounts", report->accounts},
                    {"contacts", report->contacts},
                    {"calls", report->calls},
                    {"conflicts", report->conflicts}});
  } else {
    for (const std::string& c : report->conflicts) rt.err() << name << ": conflict: " << c << "\n";
    if (!report->conflicts.empty()) {
      rt.err() << "Nothing was imported: resolve the conflicts above and run it again.\n";
    } else {
      rt.out() << (o.options.dry_run ? "Would load" : "Loaded") << " into "
               << (report->created ? "new " : "") << "workspace '" << report->workspace.name << "'";
      if (report->workspace.id) rt.out() << " (#" << report->workspace.id << ")";
      rt.out() << ": " << report->users_added << " users added, " << report->users_merged << " merged by e-mail, "
               << report->accounts << " accounts, " << report->contacts << " contacts, " << report->calls
               << " calls" << (o.options.dry_run ? " (dry run: nothing written)" : "") << "\n";
    }
  }
  if (!report->conflicts.empty()) rt.set_exit_code(1);
  return Status::Ok();
}

}  // namespace

void install_workspace(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto* list = cmd.add_subcommand("list", "List the workspaces in this database");
  list->callback([&rt] { rt.finish(list_workspaces(rt)); });

  auto opts = std::make_shared<AddOptions>();
  auto* add = cmd.add_subcommand("add", "Create a workspace");
  add->add_option("name", opts->name, "Workspace name")->required();
  add->add_option("--region", opts->region,
                  "Default phone region (ISO 3166 code) for numbers without a country code");
  add->callback([&rt, opts] { rt.finish(add_workspace(rt, *opts)); });

  auto out_path = std::make_shared<std::string>();
  auto* exp = cmd.add_subcommand("export", "Write one workspace, complete, to a file (--workspace names it)");
  exp->add_option("file", *out_path, "The file to write (- for standard output)")->required();
  exp->callback([&rt, out_path] { rt.finish(export_workspace_file(rt, *out_path)); });

  auto in = std::make_shared<ImportFileOptions>();
  auto* imp = cmd.add_subcommand("import", "Load a workspace file into this database, all or nothing");
  imp->add_option("file", in->path, "A file written by nextcall workspace export")->required();
  imp->add_option("--name", in->options.name, "Name the new workspace (default: the name in the file)");
  imp->add_option("--into", in->options.into,
                  "Load into this existing workspace (users with the same e-mail are merged)");
  imp->add_flag("--dry-run", in->options.dry_run, "Check the file and list conflicts; write nothing");
  imp->callback([&rt, in] { rt.finish(import_workspace_file(rt, *in)); });
}

void install_version(CLI::App& cmd, Runtime& rt) {
  cmd.callback([&rt] {
    rt.out() << "nextcall 0.1.0";
    // The database as it is: a version other than this nextcall's is shown, not refused.
    if (auto store = rt.store(SchemaUse::kAsIs); store.ok()) {
      const int v = (*store)->schema_version();
      rt.out() << " (" << (*store)->backend() << " schema " << v;
      if (v != kSchemaVersion) rt.out() << "; this nextcall needs " << kSchemaVersion;
      rt.out() << ")";
    }
    rt.out() << "\nallocator: " << allocator_in_use() << "\n";
    rt.finish(Status::Ok());
  });
}

}  // namespace nextcall::cli
