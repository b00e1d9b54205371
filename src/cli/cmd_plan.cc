// `nextcall plan` (the day's call sheet) and `nextcall brief CONTACT`.
#include <CLI/CLI.hpp>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "app/contacts.h"
#include "app/plan_day.h"
#include "app/plan_team_day.h"
#include "cli/arguments.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "io/call_sheet_html.h"
#include "io/call_sheet_ics.h"
#include "io/call_sheet_json.h"
#include "io/call_sheet_text.h"

namespace nextcall::cli {
namespace {

struct PlanArgs {
  std::string date, output, contact;
  bool briefs = false;
  bool team = false;
};

Result<std::optional<Date>> day_of(Runtime& rt, const Actor& actor, const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  auto d = parse_date_arg(text, today_for(actor, rt.now()), "--date");
  if (!d.ok()) return d.status();
  return std::optional<Date>(*d);
}

// To standard output, or to the file at `path` when one is given.
Status write_out(Runtime& rt, const std::string& path,
                 const std::function<void(std::ostream&)>& write) {
  if (path.empty()) {
    write(rt.out());
    return Status::Ok();
  }
  std::ofstream f(path, std::ios::binary);
  write(f);
  if (!f) return Status::Io("cannot write " + path);
  rt.err() << "Wrote " << path << "\n";
  return Status::Ok();
}

Status write_out(Runtime& rt, const std::string& path, const std::string& text) {
  return write_out(rt, path, [&](std::ostream& out) { out << text; });
}

// Every rep's sheet: one after another in the table, an array in JSON.
Status write_team(Runtime& rt, Store& store, const Actor& actor, std::optional<Date> day, const PlanArgs& a) {
  if (rt.format_name != "json" && rt.format_name != "table")
    return Status::InvalidArgument("--team writes --format table or json; plan one rep (--rep) for " +
                                   rt.format_name);
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // A second connection reads half of the workspace side by side (not for an in-memory
  // database: another connection to ":memory:" would be another, empty, database).
  OpenReader open_reader;
  if (rt.db_url != ":memory:" && rt.db_url != "sqlite::memory:")
    open_reader = [url = rt.db_url] { return open_store(url); };
  auto sheets = plan_team_day(store, actor.workspace, day, rt.now(), threads, open_reader);
  if (!sheets.ok()) return sheets.status();
  if (rt.format_name == "json")  // sheet by sheet, not one JSON tree of them all
    return write_out(rt, a.output,
                     [&](std::ostream& out) { write_call_sheets_json(out, *sheets), out << "\n"; });
  return write_out(rt, a.output, [&](std::ostream& out) {
    for (std::size_t i = 0; i < sheets->size(); ++i) {
      if (i) out << "\n";
      write_call_sheet_text(out, (*sheets)[i], a.briefs);
    }
  });
}

Status run_plan(Runtime& rt, const PlanArgs& a) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    auto day = day_of(rt, actor, a.date);
    if (!day.ok()) return day.status();
    if (a.team) return write_team(rt, store, actor, *day, a);
    auto sheet = plan_day(store, actor, *day, rt.now());
    if (!sheet.ok()) return sheet.status();
    if (rt.format_name == "json") return write_out(rt, a.output, call_sheet_json(*sheet).dump(2) + "\n");
    if (rt.format_name == "html") return write_out(rt, a.output, call_sheet_html(*sheet));
    if (rt.format_name == "ics") {
      auto settings = store.get_settings(actor.workspace.id);
      return write_out(rt, a.output, call_sheet_ics(*sheet, settings.ok() ? settings->call_minutes : 5));
    }
    std::ostringstream text;
    write_call_sheet_text(text, *sheet, a.briefs);
    // After hours, on a weekend or a holiday, today's sheet is empty: the rep is preparing
    // the next day, so say how to plan it.
    if (a.date.empty() && sheet->calls.empty())
      text << "\nNo calls left to plan today. To prepare the next day: nextcall plan --date "
              "tomorrow\n";
    return write_out(rt, a.output, text.str());
  });
}

Status run_brief(Runtime& rt, const PlanArgs& a) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    auto c = resolve_contact(store, actor, a.contact);
    if (!c.ok()) return c.status();
    auto day = day_of(rt, actor, a.date);
    if (!day.ok()) return day.status();
    auto brief = brief_for(store, actor, c->id, *day, rt.now());
    if (!brief.ok()) return brief.status();
    if (rt.format_name == "json") return write_out(rt, a.output, brief_json(*brief).dump(2) + "\n");
    if (rt.format_name == "html") return write_out(rt, a.output, brief_html(*brief, actor.rep.timezone));
    std::ostringstream text;
    write_brief_text(text, *brief, actor.rep.timezone);
    return write_out(rt, a.output, text.str());
  });
}

}  // namespace

void install_plan(CLI::App& cmd, Runtime& rt) {
  auto a = std::make_shared<PlanArgs>();
  cmd.add_option("--date", a->date, "The day to plan (default today in your zone): 2026-12-03, tomorrow, friday");
  cmd.add_flag("--briefs", a->briefs, "With the table, print every brief in full");
  cmd.add_flag("--team", a->team, "Every rep's sheet at once (table or json), read in one pass");
  cmd.add_option("--output,-o", a->output, "Write to this file");
  cmd.footer("Formats: --format table (default), json, html (a printable page), ics (calendar events).");
  cmd.callback([&rt, a] { rt.finish(run_plan(rt, *a)); });
}

void install_brief(CLI::App& cmd, Runtime& rt) {
  auto a = std::make_shared<PlanArgs>();
  cmd.add_option("contact", a->contact, "Id, e-mail, phone or name")->required();
  cmd.add_option("--date", a->date, "The day of the call (default today)");
  cmd.add_option("--output,-o", a->output, "Write to this file");
  cmd.callback([&rt, a] { rt.finish(run_brief(rt, *a)); });
}

}  // namespace nextcall::cli
