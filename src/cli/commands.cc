// The table of commands. To add a command: write cli/cmd_NAME.cc with an install
// function, declare it here and add its row.
#include "cli/command.h"

namespace nextcall::cli {

void install_workspace(CLI::App& cmd, Runtime& rt);
void install_version(CLI::App& cmd, Runtime& rt);
void install_coach(CLI::App& cmd, Runtime& rt);

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> kCommands = {
      {"workspace", "List, create and show workspaces (one team's data each)", false,
       &install_workspace},
      {"version", "Print the version and the database's schema version", true, &install_version},
      {"coach", "Coach one call from a transcript or recording; --apply keeps its memory", false,
       &install_coach},
  };
  return kCommands;
}

}  // namespace nextcall::cli
