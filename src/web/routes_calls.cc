// Routes: the day's call sheet, the brief for one call, and logging a call (with all that
// happened on it, in one request and one transaction: app/log_call.h).
#include <algorithm>

#include "app/date_input.h"
#include "app/log_call.h"
#include "app/logged_call_json.h"
#include "app/plan_day.h"
#include "app/team_today.h"
#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "io/call_sheet_json.h"
#include "io/model_json.h"
#include "web/api.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

// The most commitments and promises one call may record (a body is bounded, and a call is
// not a bulk import).
constexpr std::size_t kMaxItems = 50;

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

// The calls the rep logged on `day` (their zone), oldest first, each with the contact's
// name and company: the sheet shows them done after a reload, since a contact called is
// not planned again that day.
Result<nlohmann::json> calls_done(Ctx& c, const Actor& a, Date day) {
  const std::string zone = a.rep.timezone.empty() ? "UTC" : a.rep.timezone;
  Filter f;
  f.since = zoned_instant(day, 0, zone);
  f.until = zoned_instant(day + std::chrono::days{1}, 0, zone);
  auto attempts = c.store.list_attempts(a.workspace.id, f);
  if (!attempts.ok()) return attempts.status();
  std::vector<Attempt> mine;
  for (const Attempt& at : *attempts)
    if (at.rep_id && *at.rep_id == a.rep.id) mine.push_back(at);
  std::sort(mine.begin(), mine.end(), [](const Attempt& x, const Attempt& y) {
    return x.at != y.at ? x.at < y.at : x.id < y.id;
  });
  nlohmann::json done = nlohmann::json::array();
  for (const Attempt& at : mine) {
    auto contact = c.store.get_contact(a.workspace.id, at.contact_id);
    if (!contact.ok()) continue;  // removed since: nothing to show
    nlohmann::json j = at;
    j["name"] = contact->full_name();
    j["company"] = "";
    if (contact->account_id) {
      auto account = c.store.get_account(a.workspace.id, *contact->account_id);
      if (account.ok()) j["company"] = account->name;
    }
    done.push_back(std::move(j));
  }
  return done;
}

Result<std::optional<Date>> day_param(Ctx& c, const Actor& a) {
  const std::string d = c.query("date");
  if (d.empty()) return std::optional<Date>();
  auto day = parse_date_arg(d, today_for(a, c.now), "date");
  if (!day.ok()) return day.status();
  return std::optional<Date>(*day);
}

nlohmann::json tally_json(const RepTally& t) {
  return {{"dials", t.dials},         {"contacts", t.contacts}, {"connects", t.connects},
          {"voicemails", t.voicemails}, {"rungs", t.rungs},       {"advances", t.advances}};
}

nlohmann::json user_json(const User& u) {
  return {{"id", u.id}, {"name", u.name}, {"role", std::string(to_text(u.role))}, {"timezone", u.timezone}};
}

}  // namespace

void install_call_routes(Routes& r) {
  // The manager's Team screen: each rep's day so far.
  r.add("GET", "/api/team/today", Access::kManager, [](Ctx& c) -> Result<nlohmann::json> {
    auto days = team_today(c.store, c.actor().workspace, c.now);
    if (!days.ok()) return days.status();
    nlohmann::json reps = nlohmann::json::array();
    for (const RepDay& d : *days) {
      nlohmann::json j = user_json(d.rep);
      j["day"] = format_date(d.day);
      j["planned"] = d.planned;
      j["left"] = d.left;
      j["done"] = d.tally.contacts;
      j.update(tally_json(d.tally));
      reps.push_back(std::move(j));
    }
    return nlohmann::json{{"now", format_instant(c.now)}, {"reps", std::move(reps)}};
  }, Caching::kUntilWrite);
  // The week's leaderboard by advances up the close ladder; ?week= any day of the week
  // (default: this week), Monday to Sunday in the caller's zone.
  r.add("GET", "/api/team/leaderboard", Access::kManager, [](Ctx& c) -> Result<nlohmann::json> {
    const Date today = today_for(c.actor(), c.now);
    Date day = today;
    if (!c.query("week").empty()) {
      auto d = parse_date_arg(c.query("week"), today, "week");
      if (!d.ok()) return d.status();
      day = *d;
    }
    auto board = week_leaderboard(c.store, c.actor().workspace, day, c.actor().rep.timezone);
    if (!board.ok()) return board.status();
    nlohmann::json rows = nlohmann::json::array();
    for (const WeekLeaderRow& row : board->rows) {
      nlohmann::json j = user_json(row.rep);
      j.update(tally_json(row.tally));
      rows.push_back(std::move(j));
    }
    return nlohmann::json{{"week", format_date(board->monday)},
                          {"since", format_instant(board->since)},
                          {"until", format_instant(board->until)},
                          {"rows", std::move(rows)}};
  }, Caching::kUntilWrite);
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
    auto done = calls_done(c, *a, sheet->day);
    if (!done.ok()) return done.status();
    j["done"] = std::move(*done);
    return j;
  }, Caching::kUntilWrite);
  r.add("GET", "/api/contacts/{id}/brief", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto a = planning_actor(c);
    if (!a.ok()) return a.status();
    auto day = day_param(c, *a);
    if (!day.ok()) return day.status();
    auto brief = brief_for(c.store, *a, *id, *day, c.now);
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
    // A call is logged by the rep who made it: a manager watching a rep's sheet reads it.
    const std::string rep = c.query("rep");
    if (!rep.empty() && rep != "me" && rep != std::to_string(c.actor().rep.id))
      return Status::PermissionDenied("rep: a call is logged by the rep who made it, not for another rep");
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(
        c.req.body, {"outcome", "rung", "reason", "reason_id", "note", "next_on", "at",
                     "duration_seconds", "approach", "confirms_change", "callback_at", "meeting",
                     "commitments", "promises", "proposed_at", "no_proposed_time", "direct_line"});
    if (!b.ok()) return b.status();
    const Date today = today_for(c.actor(), c.now);
    Status bad;  // the first date or time that does not parse
    auto date_of = [&](Body& from, const std::string& field,
                       const std::string& name) -> std::optional<Date> {
      auto text = from.text(field, false, 40);
      if (!text || text->empty()) return std::nullopt;
      auto d = parse_date_arg(*text, today, name);
      if (!d.ok()) {
        if (bad.ok()) bad = d.status();
        return std::nullopt;
      }
      return *d;
    };
    // Times without an offset are the rep's clock, as `at` is.
    auto time_of = [&](Body& from, const std::string& field, const std::string& name,
                       bool required = false) -> std::optional<Instant> {
      auto text = from.text(field, required, 40);
      if (!text || text->empty()) return std::nullopt;
      auto t = parse_time_arg(*text, c.actor().rep.timezone, name);
      if (!t.ok()) {
        if (bad.ok()) bad = t.status();
        return std::nullopt;
      }
      return *t;
    };
    CallLog log;
    log.outcome = b->text("outcome", true, 20).value_or("");
    log.rung = b->text("rung", false, 60).value_or("");
    log.reason = b->text("reason", false, 2000).value_or("");
    if (auto rid = b->integer("reason_id", false, 1)) log.reason_id = *rid;
    log.note = b->text("note", false, 20000).value_or("");
    log.next_on = date_of(*b, "next_on", "next_on");
    log.at = time_of(*b, "at", "at");
    log.duration_seconds = static_cast<int>(b->integer("duration_seconds", false, 0, 24 * 3600).value_or(0));
    log.approach = b->text("approach", false, 20).value_or("");
    std::optional<Id> confirms;
    if (auto ch = b->integer("confirms_change", false, 1)) confirms = *ch;
    log.callback_at = time_of(*b, "callback_at", "callback_at");
    if (auto meeting = b->object("meeting", {"at", "place", "minutes"})) {
      log.meeting_at = time_of(*meeting, "at", "meeting.at", true);
      log.meeting_place = meeting->text("place", false, 500).value_or("");
      log.meeting_minutes =
          static_cast<int>(meeting->integer("minutes", false, 1, 24 * 60).value_or(30));
    }
    if (auto items = b->objects("commitments", {"id", "outcome", "due_on"}, kMaxItems)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        Body& item = (*items)[i];
        CommitmentOutcome o;
        o.commitment_id = item.integer("id", true, 1).value_or(0);
        o.outcome = item.text("outcome", true, 20).value_or("");
        o.new_due_on = date_of(item, "due_on", "commitments[" + std::to_string(i) + "].due_on");
        log.commitments.push_back(std::move(o));
      }
    }
    if (auto items =
            b->objects("promises", {"owner", "what", "due_on", "material_id"}, kMaxItems)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        Body& item = (*items)[i];
        NewPromise p;
        std::string owner = item.text("owner", true, 20).value_or("contact");
        if (auto party = parse_party(owner))
          p.owner = *party;
        else
          item.problem("owner", "'" + owner + "' is not contact or rep");
        p.what = item.text("what", true, 1000).value_or("");
        p.due_on = date_of(item, "due_on", "promises[" + std::to_string(i) + "].due_on");
        if (auto m = item.integer("material_id", false, 1)) p.material_id = *m;
        log.promises.push_back(std::move(p));
      }
    }
    log.proposed_at = time_of(*b, "proposed_at", "proposed_at");
    log.no_proposed_time = b->boolean("no_proposed_time").value_or(false);
    log.direct_line = b->text("direct_line", false, 40).value_or("");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    NEXTCALL_RETURN_IF_ERROR(bad);
    if (log.proposed_at && log.no_proposed_time)
      return Status::InvalidArgument(
          "proposed_at: not with no_proposed_time (the message proposed a time or it did not)");
    auto logged = log_call_confirming(c.store, c.actor(), *id, log, confirms, c.now);
    if (!logged.ok())
      return rename_fields(logged.status(),
                           {{"meeting_at", "meeting.at"}, {"meeting_minutes", "meeting.minutes"}});
    c.status = 201;
    return logged_call_json(*logged);
  });
}

}  // namespace nextcall::web
