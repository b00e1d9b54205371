// Routes: the memory of a contact, item by item (threads, objections, materials and
// their page pointers, commitments, referrals, appointments), do-not-call and snooze.
// Each writes through app/memory.h, which validates and writes in one transaction.
#include "app/date_input.h"
#include "app/memory.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "web/api.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

Date today(const Ctx& c) { return today_for(c.actor(), c.now); }

// An optional date field typed as a user would ("2026-12-03", "friday", "+3d").
std::optional<Date> date_field(Body& b, const std::string& field, Date today, Status* bad) {
  auto text = b.text(field, false, 40);
  if (!text || text->empty()) return std::nullopt;
  auto d = parse_date_arg(*text, today, field);
  if (!d.ok()) {
    *bad = d.status();
    return std::nullopt;
  }
  return *d;
}

template <typename T>
Result<nlohmann::json> created(Ctx& c, const Result<T>& r) {
  if (!r.ok()) return r.status();
  c.status = 201;
  return nlohmann::json(*r);
}

template <typename T>
Result<nlohmann::json> updated(const Result<T>& r) {
  if (!r.ok()) return r.status();
  return nlohmann::json(*r);
}

// PATCH {"status": NAME} of an item whose status is one of `names`: parse(NAME) gives the
// value, set(ctx, id, value) stores it.
template <typename Parse, typename Set>
Handler status_update(const char* names, Parse parse, Set set) {
  return [names, parse, set](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"status"});
    if (!b.ok()) return b.status();
    auto status = b->text("status", true, 20);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    auto value = parse(*status);
    if (!value) return Status::InvalidArgument("status: '" + *status + "' is not one of " + names);
    return updated(set(c, *id, *value));
  };
}

}  // namespace

void install_memory_routes(Routes& r) {
  r.add("POST", "/api/contacts/{id}/threads", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"topic", "kind", "detail"});
    if (!b.ok()) return b.status();
    auto topic = b->text("topic", true, 500);
    auto kind = b->text("kind", false, 20);
    auto detail = b->text("detail", false, 2000);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    return created(c, add_thread(c.store, c.actor(), *id, *topic, kind.value_or("business"),
                                 detail.value_or(""), today(c)));
  });
  r.add("PATCH", "/api/threads/{id}", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"open"});
    if (!b.ok()) return b.status();
    auto open = b->boolean("open", true);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    return updated(set_thread_open(c.store, c.actor(), *id, *open));
  });

  r.add("POST", "/api/contacts/{id}/objections", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"code", "detail", "amount"});
    if (!b.ok()) return b.status();
    auto code = b->text("code", true, 60);
    auto detail = b->text("detail", false, 2000);
    auto amount = b->number("amount");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    return created(c, add_objection(c.store, c.actor(), *id, *code, detail.value_or(""), amount, today(c)));
  });
  r.add("POST", "/api/objections/{id}/answer", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"change_id"});
    if (!b.ok()) return b.status();
    auto change = b->integer("change_id", false, 1);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    std::optional<Id> change_id;
    if (change) change_id = *change;
    return updated(answer_objection(c.store, c.actor(), *id, change_id));
  });

  r.add("POST", "/api/contacts/{id}/materials", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"title", "sent_on", "link", "pointers"});
    if (!b.ok()) return b.status();
    Status bad;
    auto title = b->text("title", true, 500);
    auto sent = date_field(*b, "sent_on", today(c), &bad);
    auto link = b->text("link", false, 2000);
    auto pointers = b->texts("pointers");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    NEXTCALL_RETURN_IF_ERROR(bad);
    return created(c, add_material(c.store, c.actor(), *id, *title, sent, link.value_or(""),
                                   pointers.value_or(std::vector<std::string>{})));
  });
  r.add("POST", "/api/materials/{id}/pointers", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"location", "hot_button"});
    if (!b.ok()) return b.status();
    auto location = b->text("location", true, 200);
    auto hot = b->text("hot_button", true, 500);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    return created(c, add_pointer(c.store, c.actor(), *id, *location, *hot));
  });

  r.add("POST", "/api/contacts/{id}/commitments", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"owner", "what", "due_on", "material_id"});
    if (!b.ok()) return b.status();
    Status bad;
    auto owner = b->text("owner", true, 20);
    auto what = b->text("what", true, 1000);
    auto due = date_field(*b, "due_on", today(c), &bad);
    auto material = b->integer("material_id", false, 1);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    NEXTCALL_RETURN_IF_ERROR(bad);
    std::optional<Id> material_id;
    if (material) material_id = *material;
    return created(c, add_commitment(c.store, c.actor(), *id, *owner, *what, due, material_id, today(c)));
  });
  r.add("PATCH", "/api/commitments/{id}", Access::kSignedIn,
        status_update("open|kept|broken", parse_commitment_status, [](Ctx& c, Id id, CommitmentStatus v) {
          return set_commitment_status(c.store, c.actor(), id, v);
        }));

  r.add("POST", "/api/contacts/{id}/referrals", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"referrer", "introduced"});
    if (!b.ok()) return b.status();
    auto referrer = b->text("referrer", true, 300);
    auto introduced = b->boolean("introduced");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    return created(c, add_referral(c.store, c.actor(), *id, *referrer, introduced.value_or(false), today(c)));
  });
  r.add("POST", "/api/referrals/{id}/introduced", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    return updated(mark_introduced(c.store, c.actor(), *id, today(c)));
  });

  r.add("POST", "/api/contacts/{id}/appointments", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"starts_at", "duration_minutes", "status", "place", "is_callback"});
    if (!b.ok()) return b.status();
    auto starts = b->text("starts_at", true, 40);
    auto minutes = b->integer("duration_minutes", false, 1, 24 * 60);
    auto status = b->text("status", false, 20);
    auto place = b->text("place", false, 500);
    auto callback = b->boolean("is_callback");
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    auto contact = c.store.get_contact(c.actor().workspace.id, *id);
    if (!contact.ok()) return contact.status();
    auto at = parse_time_arg(*starts, contact->timezone, "starts_at");
    if (!at.ok()) return at.status();
    return created(c, add_appointment(c.store, c.actor(), *id, *at, static_cast<int>(minutes.value_or(30)),
                                      status.value_or("proposed"), place.value_or(""), callback.value_or(false)));
  });
  r.add("PATCH", "/api/appointments/{id}", Access::kSignedIn,
        status_update("proposed|confirmed|cancelled|done", parse_appointment_status,
                      [](Ctx& c, Id id, AppointmentStatus v) { return set_appointment_status(c.store, c.actor(), id, v); }));

  r.add("POST", "/api/contacts/{id}/do-not-call", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"on", "reason"});
    if (!b.ok()) return b.status();
    auto on = b->boolean("on", true);
    auto reason = b->text("reason", false, 500);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    return updated(set_do_not_call(c.store, c.actor(), *id, *on, reason.value_or(""), today(c), c.now));
  });
  r.add("POST", "/api/contacts/{id}/snooze", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto b = Body::parse(c.req.body, {"until", "why"});
    if (!b.ok()) return b.status();
    Status bad;
    auto until = date_field(*b, "until", today(c), &bad);
    auto why = b->text("why", false, 500);
    NEXTCALL_RETURN_IF_ERROR(b->finish());
    NEXTCALL_RETURN_IF_ERROR(bad);
    return updated(snooze_contact(c.store, c.actor(), *id, until, why.value_or(""), c.now));
  });
}

}  // namespace nextcall::web
