// `nextcall demo`: builds the demo workspace.
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "app/demo_workspace.h"
#include "cli/json_output.h"
#include "cli/runtime.h"

namespace nextcall::cli {

void install_demo(CLI::App& cmd, Runtime& rt) {
  auto o = std::make_shared<DemoOptions>();
  cmd.add_option("--contacts", o->contacts, "How many contacts")->default_val(200);
  cmd.add_option("--seed", o->seed, "Same seed, same workspace")->default_val(1);
  cmd.add_option("--name", o->workspace_name, "Workspace name")->default_val("Demo Sales Team");
  auto password = std::make_shared<std::string>();
  cmd.add_option("--password", *password, "The demo reps' password for the web app (a demo only)")
      ->default_val("nextcall-demo");
  cmd.callback([&rt, o, password] {
    rt.finish([&]() -> Status {
      auto store = rt.store(SchemaUse::kMigrate);
      if (!store.ok()) return store.status();
      if (!password->empty()) {
        NEXTCALL_RETURN_IF_ERROR(check_password_strength(*password));
        o->password = *password;
      }
      auto sum = build_demo(**store, *o, rt.now());
      if (!sum.ok()) return sum.status();
      if (rt.json()) {
        print_json(rt, {{"workspace_id", sum->workspace_id}, {"contacts", sum->contacts},
                        {"accounts", sum->accounts}, {"attempts", sum->attempts},
                        {"reasons", sum->reasons}, {"users", sum->users}});
      } else {
        rt.out() << "Built '" << o->workspace_name << "': " << sum->contacts << " contacts at "
                 << sum->accounts << " accounts, " << sum->attempts << " past calls, "
                 << sum->reasons << " reasons, " << sum->users << " reps (maria@, sam@ and "
                 << "priya@demo.nextcall)\n";
        if (!password->empty())
          rt.out() << "Web sign-in: maria@demo.nextcall (manager), sam@demo.nextcall or priya@demo.nextcall, "
                   << "password '" << *password << "'\n";
      }
      return Status::Ok();
    }());
  });
}

}  // namespace nextcall::cli
