// The table of commands. To add a command: write cli/cmd_NAME.cc with an install
// function, declare it here and add its row.
#include "cli/command.h"

namespace nextcall::cli {

void install_workspace(CLI::App& cmd, Runtime& rt);
void install_version(CLI::App& cmd, Runtime& rt);
void install_reason(CLI::App& cmd, Runtime& rt);
void install_reasons(CLI::App& cmd, Runtime& rt);
void install_brainstorm(CLI::App& cmd, Runtime& rt);
void install_change(CLI::App& cmd, Runtime& rt);
void install_coach(CLI::App& cmd, Runtime& rt);
void install_lint(CLI::App& cmd, Runtime& rt);
void install_plan(CLI::App& cmd, Runtime& rt);
void install_brief(CLI::App& cmd, Runtime& rt);
void install_demo(CLI::App& cmd, Runtime& rt);
void install_import(CLI::App& cmd, Runtime& rt);
void install_export(CLI::App& cmd, Runtime& rt);
void install_log(CLI::App& cmd, Runtime& rt);
void install_history(CLI::App& cmd, Runtime& rt);
void install_ladder(CLI::App& cmd, Runtime& rt);
void install_settings(CLI::App& cmd, Runtime& rt);
void install_contact(CLI::App& cmd, Runtime& rt);
void install_account(CLI::App& cmd, Runtime& rt);
void install_thread(CLI::App& cmd, Runtime& rt);
void install_hot_button(CLI::App& cmd, Runtime& rt);
void install_objection(CLI::App& cmd, Runtime& rt);
void install_material(CLI::App& cmd, Runtime& rt);
void install_commitment(CLI::App& cmd, Runtime& rt);
void install_referral(CLI::App& cmd, Runtime& rt);
void install_appointment(CLI::App& cmd, Runtime& rt);
void install_cadence(CLI::App& cmd, Runtime& rt);
void install_dnc(CLI::App& cmd, Runtime& rt);
void install_snooze(CLI::App& cmd, Runtime& rt);
void install_serve(CLI::App& cmd, Runtime& rt);
void install_db(CLI::App& cmd, Runtime& rt);
void install_user(CLI::App& cmd, Runtime& rt);

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> kCommands = {
      {"workspace", "List, create and show workspaces (one team's data each)", false,
       &install_workspace},
      {"plan", "The day's call sheet: who to call, when, why, and what to ask for", true, &install_plan},
      {"brief", "Everything needed for one call", true, &install_brief},
      {"contact", "Add, edit, show, list and find contacts", false, &install_contact},
      {"account", "Add, edit, show and list accounts (companies)", false, &install_account},
      {"thread", "Remember topics to ask about next time (business or personal)", false, &install_thread},
      {"hot-button", "Set or clear a contact's hot button (primary interest)", false, &install_hot_button},
      {"objection", "Record and answer coded objections", false, &install_objection},
      {"material", "Record materials sent and the pages to point at", false, &install_material},
      {"commitment", "Record promises by either side, with due dates", false, &install_commitment},
      {"referral", "Record who referred a contact and whether they introduced you", false, &install_referral},
      {"appointment", "Record proposed and confirmed appointments", false, &install_appointment},
      {"cadence", "Set how often a customer is called", false, &install_cadence},
      {"dnc", "Put a contact on or off the do-not-call list", false, &install_dnc},
      {"snooze", "Plan nothing for a contact until a date", false, &install_snooze},
      {"log", "Log a call: outcome, the rung agreed, reason, note, next date", false, &install_log},
      {"history", "Show a contact's calls and memory as a timeline", true, &install_history},
      {"ladder", "Show or edit the close ladders", false, &install_ladder},
      {"settings", "Show or change the workspace's settings", false, &install_settings},
      {"import", "Import contacts from a CRM export (CSV), all or nothing", false, &install_import},
      {"export", "Export contacts as CSV or JSON", true, &install_export},
      {"demo", "Build a realistic demo workspace to try everything on", false, &install_demo},
      {"reason", "The team's reason library: add, edit, list, show, retire, check", false, &install_reason},
      {"reasons", "Which reasons work: attempts, connects and advances", true, &install_reasons},
      {"brainstorm", "A round of \"The reason I'm calling is ___\": submit, score, leaderboard", false,
       &install_brainstorm},
      {"change", "Company changes and the recall lists they produce", false, &install_change},
      {"lint", "Find weak phrasing in scripts, voicemails, notes and e-mails", true, &install_lint},
      {"version", "Print the version and the database's schema version", true, &install_version},
      {"db", "Check the tables summed up from the calls, and rebuild them", false, &install_db},
      {"serve", "Serve the web app and the HTTP API", false, &install_serve},
      {"user", "Add users, set passwords and issue API tokens", false, &install_user},
      {"coach", "Coach one call from a transcript or recording; --apply keeps its memory", false,
       &install_coach},
  };
  return kCommands;
}

}  // namespace nextcall::cli
