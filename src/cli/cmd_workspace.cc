// `nextcall workspace list|add`: the example every command follows — options parsed into
// a struct, one app/ or store call, a table or JSON rendering, the Status handed to rt.
#include "cli/allocator.h"
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

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
}

void install_version(CLI::App& cmd, Runtime& rt) {
  cmd.callback([&rt] {
    rt.out() << "nextcall 0.1.0";
    if (auto store = rt.store(); store.ok())
      rt.out() << " (" << (*store)->backend() << " schema " << (*store)->schema_version() << ")";
    rt.out() << "\nallocator: " << allocator_in_use() << "\n";
    rt.finish(Status::Ok());
  });
}

}  // namespace nextcall::cli
