// nextcall's main(): reads the global options, installs the commands of the table in
// cli/commands.cc, runs the one the user named and turns its Status into an exit code.
//
// Exit codes: 0 success; 1 the command failed (the reason is one line on stderr);
// 2 the command line itself was wrong. A command may set its own (lint: 1 = findings).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "app/clock.h"
#include "cli/allocator.h"
#include "cli/command.h"
#include "cli/runtime.h"
#include "core/civil_time.h"
#include "store/db_secrets.h"

namespace {

std::unique_ptr<nextcall::Clock> make_clock() {
  // $NEXTCALL_NOW fixes "now" (ISO 8601), so scripted runs and tests are reproducible.
  if (const char* fixed = std::getenv("NEXTCALL_NOW"); fixed && *fixed) {
    if (auto t = nextcall::parse_instant(fixed)) return std::make_unique<nextcall::FixedClock>(*t);
    std::cerr << "nextcall: error: NEXTCALL_NOW='" << fixed
              << "' is not an ISO 8601 time such as 2026-11-24T14:00:00Z\n";
    std::exit(2);
  }
  return std::make_unique<nextcall::SystemClock>();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace nextcall;
  cli::tune_allocator();
  cli::Runtime rt(std::cout, std::cerr, make_clock());
  if (const char* db = std::getenv("NEXTCALL_DB"); db && *db) rt.db_url = db;
  if (rt.db_url.empty()) rt.db_url = "nextcall.db";

  CLI::App app{
      "nextcall plans a salesperson's calls and remembers what every contact said.\n"
      "Data: --db PATH (a SQLite file, created on first use) or a postgres:// URL (a team server),\n"
      "else $NEXTCALL_DB, else ./nextcall.db.",
      "nextcall"};
  app.option_defaults()->always_capture_default();
  app.add_option("--db", rt.db_url, "Database: a SQLite file path or a postgres://user@host/db URL")
      ->envname("NEXTCALL_DB");
  app.add_option("--workspace", rt.workspace_name, "Workspace name (default: the first)");
  app.add_option("--rep", rt.rep_email, "Act as the rep with this e-mail (default: the first)");
  app.add_option("--format", rt.format_name, "Output format")
      ->check(CLI::IsMember({"table", "json", "text", "csv", "html", "ics"}));
  app.require_subcommand(1);
  app.fallthrough();

  for (const auto& spec : cli::command_table()) {
    CLI::App* cmd = app.add_subcommand(spec.name, spec.description);
    cmd->fallthrough();
    spec.install(*cmd, rt);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "nextcall: error: " << nextcall::mask_db_secrets(e.what()) << " (see: nextcall --help)\n";
    return 2;
  } catch (const std::exception& e) {
    // A library threw past the edge that should have converted it: a bug, reported plainly.
    std::cerr << "nextcall: internal error: " << e.what() << "\n";
    return 1;
  }
  if (!rt.status().ok()) {
    // A database URL or a libpq message in it never shows a password.
    std::cerr << "nextcall: error: " << nextcall::mask_db_secrets(rt.status().message(), rt.db_url) << "\n";
    return rt.status().code() == Code::kInvalidArgument ? 2 : 1;
  }
  return rt.exit_code();
}
