#include "app/memory.h"

#include <algorithm>
#include <cctype>

#include "core/model_text.h"

namespace nextcall {
namespace {

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

template <typename T, typename List>
Result<T> one(List result, const char* what, Id id) {
  if (!result.ok()) return result.status();
  if (result->empty()) return Status::NotFound(std::string("no ") + what + " with id " + std::to_string(id));
  return result->front();
}

Filter by_id(Id id) {
  Filter f;
  f.id = id;
  return f;
}

}  // namespace

Result<Thread> add_thread(Store& store, const Actor& actor, Id contact_id,
                          const std::string& topic, const std::string& kind,
                          const std::string& detail, Date today) {
  Thread t;
  t.workspace_id = actor.workspace.id;
  t.contact_id = contact_id;
  t.topic = trim(topic);
  if (t.topic.empty()) return Status::InvalidArgument("topic: say what they talked about");
  auto k = parse_thread_kind(kind.empty() ? "business" : kind);
  if (!k) return Status::InvalidArgument("kind: '" + kind + "' is not business or personal");
  t.kind = *k;
  t.detail = trim(detail);
  t.mentioned_on = today;
  auto id = store.add_thread(t);
  if (!id.ok()) return id.status();
  t.id = *id;
  return t;
}

Result<Thread> set_thread_open(Store& store, const Actor& actor, Id thread_id, bool open) {
  auto t = one<Thread>(store.list_threads(actor.workspace.id, by_id(thread_id)), "thread", thread_id);
  if (!t.ok()) return t;
  t->open = open;
  NEXTCALL_RETURN_IF_ERROR(store.update_thread(*t));
  return t;
}

Result<Objection> add_objection(Store& store, const Actor& actor, Id contact_id,
                                const std::string& code, const std::string& detail,
                                std::optional<double> amount, Date today) {
  Objection o;
  o.workspace_id = actor.workspace.id;
  o.contact_id = contact_id;
  o.code = trim(code);
  std::transform(o.code.begin(), o.code.end(), o.code.begin(), ::tolower);
  std::replace(o.code.begin(), o.code.end(), '-', '_');
  bool valid = !o.code.empty() && std::all_of(o.code.begin(), o.code.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
  if (!valid) {
    auto settings = store.get_settings(actor.workspace.id);
    std::string known;
    if (settings.ok())
      for (const auto& c : settings->objection_codes) known += (known.empty() ? "" : "|") + c;
    return Status::InvalidArgument("code: '" + code + "' is not a code (use " + known +
                                   " or your team's own, in lower_case_with_underscores)");
  }
  o.detail = trim(detail);
  o.amount = amount;
  o.recorded_on = today;
  auto id = store.add_objection(o);
  if (!id.ok()) return id.status();
  o.id = *id;
  return o;
}

Result<Objection> answer_objection(Store& store, const Actor& actor, Id objection_id,
                                   std::optional<Id> change_id) {
  auto o = one<Objection>(store.list_objections(actor.workspace.id, by_id(objection_id)),
                          "objection", objection_id);
  if (!o.ok()) return o;
  if (change_id) NEXTCALL_RETURN_IF_ERROR(store.get_change(actor.workspace.id, *change_id).status());
  o->status = ObjectionStatus::kAnswered;
  o->answered_by_change_id = change_id;
  NEXTCALL_RETURN_IF_ERROR(store.update_objection(*o));
  return o;
}

static Result<Pointer> parse_pointer(const std::string& text) {
  auto eq = text.find('=');
  if (eq == std::string::npos)
    return Status::InvalidArgument("pointer: '" + text +
                                   "' should be LOCATION=HOT BUTTON, e.g. 'page 4=unscheduled maintenance'");
  Pointer p{trim(text.substr(0, eq)), trim(text.substr(eq + 1))};
  if (p.location.empty() || p.hot_button.empty())
    return Status::InvalidArgument("pointer: '" + text + "' needs both a location and a hot button");
  return p;
}

Result<Material> add_material(Store& store, const Actor& actor, Id contact_id,
                              const std::string& title, std::optional<Date> sent_on,
                              const std::string& link, const std::vector<std::string>& pointers) {
  Material m;
  m.workspace_id = actor.workspace.id;
  m.contact_id = contact_id;
  m.title = trim(title);
  if (m.title.empty()) return Status::InvalidArgument("title: name what was sent");
  m.sent_on = sent_on;
  m.link = trim(link);
  for (const auto& text : pointers) {
    auto p = parse_pointer(text);
    if (!p.ok()) return p.status();
    m.pointers.push_back(*p);
  }
  auto id = store.add_material(m);
  if (!id.ok()) return id.status();
  m.id = *id;
  return m;
}

Result<Material> add_pointer(Store& store, const Actor& actor, Id material_id,
                             const std::string& location, const std::string& hot_button) {
  auto m = one<Material>(store.list_materials(actor.workspace.id, by_id(material_id)), "material",
                         material_id);
  if (!m.ok()) return m;
  auto p = parse_pointer(location + "=" + hot_button);
  if (!p.ok()) return p.status();
  m->pointers.push_back(*p);
  NEXTCALL_RETURN_IF_ERROR(store.update_material(*m));
  return m;
}

Result<Commitment> add_commitment(Store& store, const Actor& actor, Id contact_id,
                                  const std::string& owner, const std::string& what,
                                  std::optional<Date> due_on, std::optional<Id> material_id,
                                  Date today) {
  Commitment c;
  c.workspace_id = actor.workspace.id;
  c.contact_id = contact_id;
  auto party = parse_party(owner.empty() ? "contact" : owner);
  if (!party) {
    if (owner == "me" || owner == "us") party = Party::kRep;
    else if (owner == "them" || owner == "they") party = Party::kContact;
    else return Status::InvalidArgument("by: '" + owner + "' is not contact or rep");
  }
  c.owner = *party;
  c.what = trim(what);
  if (c.what.empty()) return Status::InvalidArgument("what: say what was promised");
  c.due_on = due_on;
  c.created_on = today;
  if (material_id) {
    auto m = one<Material>(store.list_materials(actor.workspace.id, by_id(*material_id)),
                           "material", *material_id);
    if (!m.ok()) return m.status();
    if (m->contact_id != contact_id)
      return Status::InvalidArgument("material: #" + std::to_string(*material_id) +
                                     " was sent to another contact");
    c.material_id = material_id;
  }
  auto id = store.add_commitment(c);
  if (!id.ok()) return id.status();
  c.id = *id;
  return c;
}

Result<Commitment> set_commitment_status(Store& store, const Actor& actor, Id commitment_id,
                                         CommitmentStatus status) {
  auto c = one<Commitment>(store.list_commitments(actor.workspace.id, by_id(commitment_id)),
                           "commitment", commitment_id);
  if (!c.ok()) return c;
  c->status = status;
  NEXTCALL_RETURN_IF_ERROR(store.update_commitment(*c));
  return c;
}

Result<Referral> add_referral(Store& store, const Actor& actor, Id referred_contact_id,
                              const std::string& referrer, bool introduced, Date today) {
  Referral r;
  r.workspace_id = actor.workspace.id;
  r.referred_contact_id = referred_contact_id;
  std::string name = trim(referrer);
  if (name.empty()) return Status::InvalidArgument("referrer: say who referred them");
  // "#12" names a contact; anything else is the referrer's name as said.
  if (name[0] == '#') {
    auto c = store.get_contact(actor.workspace.id, std::atol(name.c_str() + 1));
    if (!c.ok()) return c.status();
    r.referrer_contact_id = c->id;
    r.referrer_name = c->full_name();
  } else {
    r.referrer_name = name;
  }
  r.introduced = introduced;
  if (introduced) r.introduced_on = today;
  auto id = store.add_referral(r);
  if (!id.ok()) return id.status();
  r.id = *id;
  return r;
}

Result<Referral> mark_introduced(Store& store, const Actor& actor, Id referral_id, Date today) {
  auto r = one<Referral>(store.list_referrals(actor.workspace.id, by_id(referral_id)), "referral",
                         referral_id);
  if (!r.ok()) return r;
  r->introduced = true;
  r->introduced_on = today;
  NEXTCALL_RETURN_IF_ERROR(store.update_referral(*r));
  return r;
}

Result<Appointment> add_appointment(Store& store, const Actor& actor, Id contact_id,
                                    Instant starts_at, int duration_minutes,
                                    const std::string& status, const std::string& place,
                                    bool is_callback) {
  Appointment a;
  a.workspace_id = actor.workspace.id;
  a.contact_id = contact_id;
  a.rep_id = actor.rep.id;
  a.starts_at = starts_at;
  if (duration_minutes <= 0 || duration_minutes > 24 * 60)
    return Status::InvalidArgument("minutes: must be between 1 and 1440");
  a.duration_minutes = duration_minutes;
  auto s = parse_appointment_status(status.empty() ? "proposed" : status);
  if (!s) return Status::InvalidArgument("status: '" + status + "' is not proposed or confirmed");
  a.status = *s;
  a.place = trim(place);
  a.is_callback = is_callback;
  auto contact = store.get_contact(actor.workspace.id, contact_id);
  if (!contact.ok()) return contact.status();
  a.location = contact->location;
  if (!a.location && contact->account_id) {
    auto account = store.get_account(actor.workspace.id, *contact->account_id);
    if (account.ok()) a.location = account->location;
  }
  auto id = store.add_appointment(a);
  if (!id.ok()) return id.status();
  a.id = *id;
  return a;
}

Result<Appointment> set_appointment_status(Store& store, const Actor& actor, Id appointment_id,
                                           AppointmentStatus status) {
  auto a = one<Appointment>(store.list_appointments(actor.workspace.id, by_id(appointment_id)),
                            "appointment", appointment_id);
  if (!a.ok()) return a;
  a->status = status;
  NEXTCALL_RETURN_IF_ERROR(store.update_appointment(*a));
  return a;
}

Result<Appointment> release_appointment(Store& store, const Actor& actor, Id appointment_id) {
  Appointment out;
  NEXTCALL_RETURN_IF_ERROR(store.transaction([&]() -> Status {
    auto a = one<Appointment>(store.list_appointments(actor.workspace.id, by_id(appointment_id)),
                              "appointment", appointment_id);
    if (!a.ok()) return a.status();
    if (a->status != AppointmentStatus::kProposed)
      return Status::InvalidArgument("appointment: #" + std::to_string(appointment_id) + " is " +
                                     std::string(to_text(a->status)) +
                                     ", not tentative (only a tentative one is released; "
                                     "cancel a confirmed one)");
    a->status = AppointmentStatus::kCancelled;
    NEXTCALL_RETURN_IF_ERROR(store.update_appointment(*a));
    out = *a;
    return Status::Ok();
  }));
  return out;
}

Result<Contact> set_do_not_call(Store& store, const Actor& actor, Id contact_id, bool on,
                                const std::string& reason, Date today, Instant now) {
  auto c = store.get_contact(actor.workspace.id, contact_id);
  if (!c.ok()) return c;
  c->do_not_call = on;
  c->do_not_call_since = on ? std::optional<Date>(today) : std::nullopt;
  c->do_not_call_reason = on ? trim(reason) : "";
  c->updated_at = now;
  NEXTCALL_RETURN_IF_ERROR(store.update_contact(*c));
  return c;
}

Result<Contact> snooze_contact(Store& store, const Actor& actor, Id contact_id,
                               std::optional<Date> until, const std::string& why, Instant now) {
  auto c = store.get_contact(actor.workspace.id, contact_id);
  if (!c.ok()) return c;
  c->snoozed_until = until;
  c->snooze_reason = until ? trim(why) : "";
  c->updated_at = now;
  NEXTCALL_RETURN_IF_ERROR(store.update_contact(*c));
  return c;
}

}  // namespace nextcall
