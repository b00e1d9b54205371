// `nextcall db migrate`: the schema brought to this nextcall's version. `nextcall db check`
// and `nextcall db repair`: the tables summed up from the calls, checked against them and
// rebuilt (app/db_check.h).
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/db_check.h"
#include "cli/json_output.h"
#include "cli/runtime.h"

namespace nextcall::cli {
namespace {

Status run_check(Runtime& rt, bool repair) {
  auto store = rt.store();
  if (!store.ok()) return store.status();
  auto checks = check_derived_tables(**store, repair);
  if (!checks.ok()) return checks.status();
  bool differs = false;
  nlohmann::json j = nlohmann::json::array();
  for (const DerivedCheck& c : *checks) {
    differs |= !c.differences.empty();
    j.push_back({{"workspace", c.workspace.name},
                 {"call_histories", c.histories},
                 {"minutes", c.minutes},
                 {"reasons", c.reasons},
                 {"differences", c.differences},
                 {"repaired", c.repaired}});
    if (rt.json()) continue;
    rt.out() << c.workspace.name << ": " << c.histories << " call histories, " << c.minutes
             << " minutes of the day with calls, " << c.reasons << " reasons' records: ";
    if (c.differences.empty()) {
      rt.out() << "all match the calls\n";
      continue;
    }
    rt.out() << c.differences.size() << (c.differences.size() == 1 ? " difference" : " differences")
             << (c.repaired ? ", rebuilt from the calls" : "") << "\n";
    constexpr std::size_t kShown = 20;
    for (std::size_t i = 0; i < c.differences.size() && i < kShown; ++i) rt.out() << "  " << c.differences[i] << "\n";
    if (c.differences.size() > kShown) rt.out() << "  … and " << c.differences.size() - kShown << " more\n";
  }
  if (rt.json()) print_json(rt, j);
  if (differs && !repair) {
    if (!rt.json()) rt.out() << "Run `nextcall db repair` to rebuild them from the calls.\n";
    rt.set_exit_code(1);
  }
  return Status::Ok();
}

Status run_migrate(Runtime& rt) {
  auto store = rt.store(SchemaUse::kAsIs);
  if (!store.ok()) return store.status();
  auto from = (*store)->migrate();
  if (!from.ok()) return from.status();
  const int to = (*store)->schema_version();
  if (rt.json()) {
    print_json(rt, nlohmann::json{{"from", *from}, {"to", to}, {"applied", to - *from}});
  } else if (*from == to) {
    rt.out() << "The database is at schema version " << to << " already; nothing to do.\n";
  } else {
    rt.out() << "Migrated the database from schema version " << *from << " to " << to << ".\n";
  }
  return Status::Ok();
}

}  // namespace

void install_db(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto* migrate = cmd.add_subcommand(
      "migrate", "Bring the database's schema to this nextcall's version (run it once on each upgrade)");
  migrate->callback([&rt] { rt.finish(run_migrate(rt)); });
  auto* check = cmd.add_subcommand("check", "Check what is summed up from the calls against the calls; change nothing");
  check->callback([&rt] { rt.finish(run_check(rt, false)); });
  auto* repair = cmd.add_subcommand("repair", "Rebuild what is summed up from the calls where it differs");
  repair->callback([&rt] { rt.finish(run_check(rt, true)); });
}

}  // namespace nextcall::cli
