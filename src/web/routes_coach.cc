// Routes: the dashboard's numbers, and the coach (a transcript or recording uploaded,
// findings and the memory to keep returned; applied with the items the rep ticked).
#include <chrono>

#include "app/coach_call.h"
#include "app/dashboard.h"
#include "app/date_input.h"
#include "core/civil_time.h"
#include "io/coach_report_json.h"
#include "io/dashboard_json.h"
#include "web/api.h"
#include "web/temp_upload.h"

namespace nextcall::web {
namespace {

Result<Id> numeric(const std::string& text, const std::string& field) {
  if (text.empty()) return Status::InvalidArgument(field + ": is required");
  return parse_id(text, field);
}

}  // namespace

void install_coach_routes(Routes& r) {
  // ?rep=me (default for reps) | team (managers' default) | ID (managers); ?days=N (30).
  r.add("GET", "/api/dashboard", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    std::string who = c.query("rep");
    if (who.empty()) who = c.is_manager() ? "team" : "me";
    std::optional<Id> rep;
    if (who == "me") {
      rep = c.actor().rep.id;
    } else if (who != "team" || !c.is_manager()) {
      if (who == "team") return Status::PermissionDenied("rep: only a manager sees the team's dashboard");
      auto id = numeric(who, "rep");
      if (!id.ok()) return id.status();
      if (*id != c.actor().rep.id && !c.is_manager())
        return Status::PermissionDenied("rep: only a manager sees another rep's dashboard");
      rep = *id;
    }
    long days = 30;
    if (!c.query("days").empty()) {
      auto d = numeric(c.query("days"), "days");
      if (!d.ok()) return d.status();
      if (*d < 1 || *d > 3660) return Status::InvalidArgument("days: must be between 1 and 3660");
      days = *d;
    }
    Instant until = c.now + std::chrono::seconds(1);
    Instant since = until - std::chrono::days(days);
    auto d = team_dashboard(c.store, c.actor().workspace.id, rep, since, until);
    if (!d.ok()) return d.status();
    nlohmann::json j = dashboard_json(*d);
    j["days"] = days;
    j["scope"] = rep ? "rep" : "team";
    return j;
  });

  // Body: the file. Query: name, format (auto|text|vtt|srt|json|wav), rep_speaker,
  // rep_channel (left|right), date (the call's), contact_id; apply=true with keep=1,0,1…
  // writes the ticked memory items to the contact.
  r.add("POST", "/api/coach", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    if (c.req.body.empty()) return Status::InvalidArgument("body: send the transcript or recording as the body");
    TempUpload upload;
    NEXTCALL_RETURN_IF_ERROR(upload.write(c.req.body));
    const std::string name = c.query("name").empty() ? "upload" : c.query("name");
    CoachOptions o;
    o.path = upload.path();
    o.format = c.query("format");
    o.rep_speaker = c.query("rep_speaker");
    if (!c.query("rep_channel").empty()) o.rep_channel = c.query("rep_channel");
    if (o.rep_channel != "left" && o.rep_channel != "right")
      return Status::InvalidArgument("rep_channel: is not one of left|right");
    o.call_date = today_for(c.actor(), c.now);
    if (!c.query("date").empty()) {
      auto d = parse_date_arg(c.query("date"), o.call_date, "date");
      if (!d.ok()) return d.status();
      o.call_date = *d;
    }
    std::optional<Id> contact;
    if (!c.query("contact_id").empty()) {
      auto id = numeric(c.query("contact_id"), "contact_id");
      if (!id.ok()) return id.status();
      auto found = c.store.get_contact(c.actor().workspace.id, *id);
      if (!found.ok()) return found.status();
      contact = *id;
      o.contact_id = *id;
    }
    auto users = c.store.list_users(c.actor().workspace.id);
    if (users.ok())
      for (const auto& u : *users) o.user_names.push_back(u.name);
    auto result = coach_file(o);
    if (!result.ok()) return Status(result.status().code(), upload.rename_in(result.status().message(), name));
    nlohmann::json j = nlohmann::json::parse(render_coach_json(result->transcript, result->report));
    j["memory_items"] = memory_item_count(result->report.memory);
    j["applied"] = false;
    if (c.query("apply") == "true") {
      if (!contact) return Status::InvalidArgument("contact_id: apply needs the contact whose memory to write");
      std::vector<bool> keep;
      const std::string k = c.query("keep");
      for (char ch : k) {
        if (ch == '1') keep.push_back(true);
        else if (ch == '0') keep.push_back(false);
        else if (ch != ',') return Status::InvalidArgument("keep: a list of 1 and 0, one per memory item");
      }
      NEXTCALL_RETURN_IF_ERROR(apply_memory(c.store, c.actor().workspace.id, *contact, result->report.memory, keep));
      j["applied"] = true;
    }
    return j;
  });
}

}  // namespace nextcall::web
