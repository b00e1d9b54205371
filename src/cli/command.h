// The command table: every `nextcall` command is one row, like ninja's kTools. Each row
// names an install function that adds the command's options and subcommands to CLI11 and
// sets a callback which parses nothing more, calls one app/ use case and renders.
#pragma once

#include <vector>

namespace CLI {
class App;
}

namespace nextcall::cli {

class Runtime;

struct CommandSpec {
  const char* name;         // "contact"
  const char* description;  // one line for `nextcall --help`
  bool read_only;           // true: never writes to the store
  void (*install)(CLI::App& command, Runtime& rt);
};

// All commands, in the order `nextcall --help` lists them.
const std::vector<CommandSpec>& command_table();

}  // namespace nextcall::cli
