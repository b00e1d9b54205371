// `nextcall import contacts FILE` and `nextcall export contacts`.
#include <CLI/CLI.hpp>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/export_contacts.h"
#include "app/import_contacts.h"
#include "app/import_report_json.h"
#include "cli/json_output.h"
#include "cli/runtime.h"
#include "cli/table.h"
#include "core/model_text.h"
#include "io/model_json.h"

namespace nextcall::cli {
namespace {

struct ImportArgs {
  ImportOptions options;
  std::string on_duplicate = "fail";
};

Status run_import(Runtime& rt, ImportArgs& a) {
  return rt.with_actor([&](Store& store, const Actor& actor) -> Status {
    a.options.on_duplicate = a.on_duplicate == "skip"     ? OnDuplicate::kSkip
                             : a.on_duplicate == "update" ? OnDuplicate::kUpdate
                                                          : OnDuplicate::kFail;
    auto report = import_contacts(store, actor, a.options, rt.now());
    if (!report.ok()) return report.status();
    std::string file = a.options.path.substr(a.options.path.find_last_of('/') + 1);
    if (rt.json()) {
      print_json(rt, import_report_json(*report, file, a.options.dry_run));
    } else {
      if (a.options.dry_run) {
        if (report->encoding != "UTF-8" || report->delimiter != ',')
          rt.out() << "Read as " << report->encoding << ", fields separated by "
                   << (report->delimiter == '\t' ? std::string("tabs") : "'" + std::string(1, report->delimiter) + "'")
                   << "\n";
        rt.out() << "Column mapping:\n";
        for (const auto& [h, f] : report->mapping)
          rt.out() << "  " << h << " -> " << (f == "ignore" ? "(ignored)" : f) << "\n";
        if (!report->preview.empty()) {
          rt.out() << "\nFirst rows as they will be stored:\n";
          Table t({"NAME", "TITLE", "PHONE", "EMAIL", "ZONE", "STAGE", "ROLE"});
          for (const Contact& c : report->preview)
            t.add({c.full_name(), c.title, c.phones.empty() ? "" : c.phones[0].e164, c.email,
                   c.timezone.empty() ? "unknown" : c.timezone, std::string(to_text(c.stage)),
                   std::string(to_text(c.role))});
          t.print(rt.out());
        }
        rt.out() << "\n";
      }
      for (const auto& p : report->problems) rt.err() << describe(p, file) << "\n";
      for (const auto& d : report->duplicates) rt.out() << d << "\n";
      for (const auto& w : report->warnings) rt.err() << "warning: " << w << "\n";
      rt.out() << report->read << " rows read: " << report->created << " created, "
               << report->updated << " updated, " << report->skipped << " skipped, "
               << report->rejected << " rejected"
               << (a.options.dry_run ? " (dry run: nothing written)" : "") << "\n";
      if (!report->problems.empty() && !report->written && !a.options.dry_run)
        rt.out() << "Nothing was imported. Fix the rows above, or import the good rows with "
                    "--skip-bad REJECTS.csv\n";
      if (report->import_id)
        rt.out() << "Import #" << *report->import_id << ": list its contacts with `nextcall contact list --import "
                 << *report->import_id << "`\n";
      if (!a.options.skip_bad_path.empty() && report->rejected > 0)
        rt.out() << "Rejected rows written to " << a.options.skip_bad_path << "\n";
    }
    if (!report->problems.empty() && !report->written && !a.options.dry_run) rt.set_exit_code(1);
    if (a.options.dry_run && !report->problems.empty()) rt.set_exit_code(1);
    return Status::Ok();
  });
}

}  // namespace

void install_import(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto a = std::make_shared<ImportArgs>();
  auto* contacts = cmd.add_subcommand("contacts", "Import contacts from a CRM export (CSV)");
  contacts->add_option("file", a->options.path, "The CSV file")->required();
  contacts->add_option("--map", a->options.mappings,
                       "\"Column=field\" for a column not recognised; repeat for more");
  contacts->add_flag("--dry-run", a->options.dry_run,
                     "Show the mapping, the first rows as they will be stored and every problem; "
                     "write nothing");
  contacts->add_option("--skip-bad", a->options.skip_bad_path,
                       "Import the good rows and write the bad ones, with a reason, to this CSV");
  contacts->add_option("--on-duplicate", a->on_duplicate,
                       "What to do with a row whose phone or e-mail is already known")
      ->check(CLI::IsMember({"fail", "skip", "update"}));
  contacts->callback([&rt, a] { rt.finish(run_import(rt, *a)); });
}

void install_export(CLI::App& cmd, Runtime& rt) {
  cmd.require_subcommand(1);
  auto output = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("csv");
  auto* contacts = cmd.add_subcommand("contacts", "Export contacts as CSV (re-importable) or JSON");
  contacts->add_option("--output,-o", *output, "Write to this file instead of standard output");
  contacts->add_option("--as", *format, "csv|json (or the global --format json)")
      ->check(CLI::IsMember({"csv", "json"}));
  contacts->callback([&rt, output, format] {
    rt.finish(rt.with_actor([&](Store& store, const Actor& actor) -> Status {
      ExportFormat f = (*format == "json" || rt.json()) ? ExportFormat::kJson : ExportFormat::kCsv;
      if (output->empty()) return export_contacts(store, actor, f, rt.out());
      std::ofstream out(*output, std::ios::binary);
      if (!out) return Status::Io("cannot write " + *output);
      NEXTCALL_RETURN_IF_ERROR(export_contacts(store, actor, f, out));
      rt.err() << "Exported to " << *output << "\n";
      return Status::Ok();
    }));
  });
}

}  // namespace nextcall::cli
