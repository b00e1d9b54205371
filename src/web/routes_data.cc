// Routes: importing a CRM export, exporting contacts, and the workspace's settings.
#include <fstream>
#include <sstream>

#include "app/export_contacts.h"
#include "app/import_contacts.h"
#include "app/import_report_json.h"
#include "store/settings_json.h"
#include "web/api.h"
#include "web/json_body.h"
#include "web/temp_upload.h"

namespace nextcall::web {


void install_data_routes(Routes& r) {
  // Body: the CSV file itself. Query: dry_run=true, on_duplicate=fail|skip|update,
  // skip_bad=true, map=Column=field (repeatable), name=the file's name for messages.
  r.add("POST", "/api/import/contacts", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    if (c.req.body.empty()) return Status::InvalidArgument("body: send the CSV file as the request body");
    TempUpload upload, rejects;
    NEXTCALL_RETURN_IF_ERROR(upload.write(c.req.body));
    if (rejects.path().empty()) return Status::Io("cannot create a temporary file");
    ImportOptions o;
    o.path = upload.path();
    o.dry_run = c.query("dry_run") == "true";
    const std::string dup = c.query("on_duplicate");
    if (dup.empty() || dup == "fail") o.on_duplicate = OnDuplicate::kFail;
    else if (dup == "skip") o.on_duplicate = OnDuplicate::kSkip;
    else if (dup == "update") o.on_duplicate = OnDuplicate::kUpdate;
    else return Status::InvalidArgument("on_duplicate: '" + dup + "' is not one of fail|skip|update");
    // A dry run writes the rows a real run would leave out too, so the page can offer them
    // as a CSV (with a reason column) to fix and send again.
    if (c.query("skip_bad") == "true" || o.dry_run) o.skip_bad_path = rejects.path();
    auto maps = c.req.params.equal_range("map");
    for (auto it = maps.first; it != maps.second; ++it) o.mappings.push_back(it->second);
    o.preview_rows = 10;
    // Every line names the file as the rep knows it, never the upload's own name.
    std::string name = c.query("name").empty() ? "upload.csv" : c.query("name");
    o.display_name = name;
    auto report = import_contacts(c.store, c.actor(), o, c.now);
    if (!report.ok()) return Status(report.status().code(), upload.rename_in(report.status().message(), name));
    nlohmann::json j = import_report_json(*report, name, o.dry_run);
    if (!report->problems.empty()) {
      std::ifstream in(rejects.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      j["rejected_csv"] = text.str();
    }
    return j;
  });
  r.add("GET", "/api/export/contacts", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    const std::string format = c.query("format").empty() ? "csv" : c.query("format");
    if (format != "csv" && format != "json") return Status::InvalidArgument("format: is not one of csv|json");
    std::ostringstream out;
    NEXTCALL_RETURN_IF_ERROR(
        export_contacts(c.store, c.actor(), format == "csv" ? ExportFormat::kCsv : ExportFormat::kJson, out));
    c.res.set_header("Content-Disposition", "attachment; filename=\"contacts." + format + "\"");
    c.res.set_header("Cache-Control", "no-store");
    c.res.set_content(out.str(), format == "csv" ? "text/csv; charset=utf-8" : "application/json");
    c.replied = true;
    return nlohmann::json();
  });

  r.add("GET", "/api/settings", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto s = c.store.get_settings(c.actor().workspace.id);
    if (!s.ok()) return s.status();
    return nlohmann::json::parse(settings_to_json(*s));
  });
  // A partial document: the fields given replace the current ones.
  r.add("PATCH", "/api/settings", Access::kManager, [](Ctx& c) -> Result<nlohmann::json> {
    auto parsed = parse_json_body(c.req.body);  // depth-limited: see json_body.h
    if (!parsed.ok()) return parsed.status();
    const nlohmann::json& patch = *parsed;
    if (!patch.is_object()) return Status::InvalidArgument("body: must be a JSON object");
    auto s = c.store.get_settings(c.actor().workspace.id);
    if (!s.ok()) return s.status();
    auto current = nlohmann::json::parse(settings_to_json(*s));
    for (const auto& [key, value] : patch.items())
      if (!current.contains(key)) return Status::InvalidArgument(key + ": unknown setting");
    merge_json_patch(current, patch);  // a loop, not nlohmann's recursion
    auto updated = settings_from_json(current.dump());
    if (!updated.ok()) return updated.status();
    NEXTCALL_RETURN_IF_ERROR(c.store.put_settings(c.actor().workspace.id, *updated));
    return nlohmann::json::parse(settings_to_json(*updated));
  });
}

}  // namespace nextcall::web
