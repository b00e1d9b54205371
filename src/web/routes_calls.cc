// Routes: the day's call sheet, the brief for one call, and logging a call.
#include "app/date_input.h"
#include "app/log_call.h"
#include "app/plan_day.h"
#include "io/call_sheet_json.h"
#include "io/model_json.h"
#include "web/api.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

// The rep a request plans for: the caller, or (managers only) ?rep=ID of the same workspace.
Result<Actor> planning_actor(Ctx& c) {
  const std::string rep = c.query("rep");
  if (rep.empty() || rep == "me" || rep == std::to_string(c.actor().rep.id)) return c.actor();
  if (!c.is_manager()) return Status::PermissionDenied("rep: only a manager may see another rep's sheet");
  auto id = parse_id(rep, "rep");
  if (!id.ok()) return Status::InvalidArgument("rep: must be a user id or 'me'");
  auto user = c.store.get_user(c.actor().workspace.id, *id);
  if (!user.ok()) return user.status();
  return Actor{c.actor().workspace, *user};
}

Result<std::optional<Date>> day_param(Ctx& c, const Actor& a) {
  const std::string d = c.query("date");
  if (d.empty()) return std::optional<Date>();
  auto day = parse_date_arg(d, today_for(a, c.now), "date");
  if (!day.ok()) return day.status();
  return std::optional<Date>(*day);
}

}  // namespace

void install_call_routes(Routes& r) {
  r.add("GET", "/api/plan", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto a = planning_actor(c);
    if (!a.ok()) return a.status();
    auto day = day_param(c, *a);
    if (!day.ok()) return day.status();
    auto sheet = plan_day(c.store, *a, *day, c.now);
    if (!sheet.ok()) return sheet.status();
    nlohmann::json j = call_sheet_json(*sheet);
    j["now"] = c.now.time_since_epoch().count();
    j["rep"] = {{"id", a->rep.id}, {"name", a->rep.name}, {"timezone", a->rep.timezone}};
    return j;
  }, Caching::kUntilWrite);
  r.add("GET", "/api/contacts/{id}/brief", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto day = day_param(c, c.actor());
    if (!day.ok()) return day.status();
    auto brief = brief_for(c.store, c.actor(), *id, *day, c.now);
    if (!brief.ok()) return brief.status();
    return brief_json(*brief);
  }, Caching::kUntilWrite);
  r.add("GET", "/api/contacts/{id}/calls", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto contact = c.store.get_contact(c.actor().workspace.id, *id);
    if (!contact.ok()) return contact.status();
    Filter f;
    f.contact_id = *id;
    auto calls = c.store.list_attempts(c.actor().workspace.id, f);
    if (!calls.ok()) return calls.status();
    return nlohmann::json(*calls);
  });
  r.add("POST", "/api/contacts/{id}/calls", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"outcome", "rung", "reason", "reason_id", "note", "next_on", "at",
                                      "duration_seconds", "approach", "confirms_change"});
    if (!b.ok()) return b.status();
    CallLog log;
    log.outcome = b->text("outcome", true, 20).value_or("");
    log.rung = b->text("rung", false, 60).value_or("");
    log.reason = b->text("reason", false, 2000).value_or("");
    if (auto rid = b->integer("reason_id", false, 1)) log.reason_id = *rid;
    log.note = b->text("note", false, 20000).value_or("");
    auto next = b->text("next_on", false, 40);
    auto at = b->text("at", false, 40);
    log.duration_seconds = static_cast<int>(b->integer("duration_seconds", false, 0, 24 * 3600).value_or(0));
    log.approach = b->text("approach", false, 20).value_or("");
    std::optional<Id> confirms;
    if (auto ch = b->integer("confirms_change", false, 1)) confirms = *ch;
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    if (next && !next->empty()) {
      auto d = parse_date_arg(*next, today_for(c.actor(), c.now), "next_on");
      if (!d.ok()) return d.status();
      log.next_on = *d;
    }
    if (at && !at->empty()) {
      auto t = parse_time_arg(*at, c.actor().rep.timezone, "at");
      if (!t.ok()) return t.status();
      log.at = *t;
    }
    auto logged = log_call_confirming(c.store, c.actor(), *id, log, confirms, c.now);
    if (!logged.ok()) return logged.status();
    c.status = 201;
    nlohmann::json j = logged->attempt;
    j["objections_answered"] = logged->objections_answered;
    return j;
  });
}

}  // namespace nextcall::web
