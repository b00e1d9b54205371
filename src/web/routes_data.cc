// Routes: importing a CRM export, exporting contacts, and the workspace's settings.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/export_contacts.h"
#include "app/import_contacts.h"
#include "app/import_report_json.h"
#include "store/settings_json.h"
#include "web/api.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

// The upload, in a private temporary file for the length of the request (the importer
// reads files, so the CLI and the API share one code path and one set of messages).
class TempUpload {
 public:
  TempUpload() {
    std::string pattern = (std::filesystem::temp_directory_path() / "nextcall-upload-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd >= 0) {
      close(fd);
      path_ = buf.data();
    }
  }
  ~TempUpload() {
    if (!path_.empty()) std::filesystem::remove(path_);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

void install_data_routes(Routes& r) {
  // Body: the CSV file itself. Query: dry_run=true, on_duplicate=fail|skip|update,
  // skip_bad=true, map=Column=field (repeatable), name=the file's name for messages.
  r.add("POST", "/api/import/contacts", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    if (c.req.body.empty()) return Status::InvalidArgument("body: send the CSV file as the request body");
    TempUpload upload, rejects;
    if (upload.path().empty() || rejects.path().empty()) return Status::Io("cannot create a temporary file");
    {
      std::ofstream out(upload.path(), std::ios::binary);
      out.write(c.req.body.data(), static_cast<std::streamsize>(c.req.body.size()));
      if (!out) return Status::Io("cannot write a temporary file");
    }
    ImportOptions o;
    o.path = upload.path();
    o.dry_run = c.query("dry_run") == "true";
    const std::string dup = c.query("on_duplicate");
    if (dup.empty() || dup == "fail") o.on_duplicate = OnDuplicate::kFail;
    else if (dup == "skip") o.on_duplicate = OnDuplicate::kSkip;
    else if (dup == "update") o.on_duplicate = OnDuplicate::kUpdate;
    else return Status::InvalidArgument("on_duplicate: '" + dup + "' is not one of fail|skip|update");
    if (c.query("skip_bad") == "true") o.skip_bad_path = rejects.path();
    auto maps = c.req.params.equal_range("map");
    for (auto it = maps.first; it != maps.second; ++it) o.mappings.push_back(it->second);
    o.preview_rows = 10;
    std::string name = c.query("name").empty() ? "upload.csv" : c.query("name");
    auto report = import_contacts(c.store, c.actor(), o, c.now);
    if (!report.ok()) {
      // The importer names the temporary path; the user knows the file by its own name.
      std::string m = report.status().message();
      for (std::size_t at; (at = m.find(upload.path())) != std::string::npos;) m.replace(at, upload.path().size(), name);
      return Status(report.status().code(), m);
    }
    return import_report_json(*report, name, o.dry_run);
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
    nlohmann::json patch;
    try {
      patch = nlohmann::json::parse(c.req.body);
    } catch (const nlohmann::json::parse_error& e) {
      return Status::InvalidArgument("body: not valid JSON (at byte " + std::to_string(e.byte) + ")");
    }
    if (!patch.is_object()) return Status::InvalidArgument("body: must be a JSON object");
    auto s = c.store.get_settings(c.actor().workspace.id);
    if (!s.ok()) return s.status();
    auto current = nlohmann::json::parse(settings_to_json(*s));
    for (const auto& [key, value] : patch.items())
      if (!current.contains(key)) return Status::InvalidArgument(key + ": unknown setting");
    current.merge_patch(patch);
    auto updated = settings_from_json(current.dump());
    if (!updated.ok()) return updated.status();
    NEXTCALL_RETURN_IF_ERROR(c.store.put_settings(c.actor().workspace.id, *updated));
    return nlohmann::json::parse(settings_to_json(*updated));
  });
}

}  // namespace nextcall::web
