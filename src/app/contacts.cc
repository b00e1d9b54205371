#include "app/contacts.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <set>

#include "app/plan_day.h"
#include "core/civil_time.h"
#include "core/model_text.h"
#include "core/time_zones.h"
#include "io/phone_numbers.h"
#include "io/zone_table.h"

namespace nextcall {
namespace {

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool plausible_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size()) return false;
  if (e.find('@', at + 1) != std::string::npos) return false;
  if (e.find(' ') != std::string::npos) return false;
  auto dot = e.find('.', at + 2);
  return dot != std::string::npos && dot + 1 < e.size();
}

Status field_error(const char* field, const std::string& message) {
  return Status::InvalidArgument(std::string(field) + ": " + message);
}

// Finds or creates the account named `company` inside the current transaction.
Result<std::optional<Id>> account_for(Store& store, Id ws, const std::string& company) {
  std::string name = trim(company);
  if (name.empty()) return std::optional<Id>();
  auto found = store.find_account_by_name(ws, name);
  if (!found.ok()) return found.status();
  if (*found) return std::optional<Id>((*found)->id);
  Account a;
  a.workspace_id = ws;
  a.name = name;
  auto id = store.create_account(a);
  if (!id.ok()) return id.status();
  return std::optional<Id>(*id);
}

Status check_unique(Store& store, const Contact& c) {
  for (const Phone& p : c.phones) {
    auto other = store.find_contact_by_phone(c.workspace_id, p.e164);
    if (!other.ok()) return other.status();
    if (*other && (*other)->id != c.id)
      return Status::AlreadyExists("phone: " + p.e164 + " already belongs to " +
                                   (*other)->full_name() + " (#" + std::to_string((*other)->id) +
                                   ")");
  }
  if (!c.email.empty()) {
    auto other = store.find_contact_by_email(c.workspace_id, c.email);
    if (!other.ok()) return other.status();
    if (*other && (*other)->id != c.id)
      return Status::AlreadyExists("email: " + c.email + " already belongs to " +
                                   (*other)->full_name() + " (#" + std::to_string((*other)->id) +
                                   ")");
  }
  return Status::Ok();
}

Status apply_owner(Store& store, const Actor& actor, const ContactFields& f, Contact* c) {
  if (!f.owner) return Status::Ok();
  std::string owner = trim(*f.owner);
  if (owner.empty()) {
    c->owner_id.reset();
    return Status::Ok();
  }
  auto users = store.list_users(actor.workspace.id);
  if (!users.ok()) return users.status();
  for (const User& u : *users) {
    if (u.email == owner || u.name == owner || std::to_string(u.id) == owner) {
      c->owner_id = u.id;
      return Status::Ok();
    }
  }
  return field_error("owner", "no rep '" + owner + "' in this workspace (see: nextcall user list)");
}

}  // namespace

namespace {

// Yes or no as CRMs write a do-not-call flag: "true", "Yes", "1", "X", "DNC", "Do Not Call",
// "Opted out"; "false", "No", "0" or empty.
std::optional<bool> do_not_call_flag(std::string_view typed) {
  std::string key;
  for (char ch : typed)
    if (std::isalnum(static_cast<unsigned char>(ch))) key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  for (std::string_view yes : {"true", "yes", "y", "1", "x", "dnc", "donotcall", "optedout", "optout", "on"})
    if (key == yes) return true;
  for (std::string_view no : {"", "false", "no", "n", "0", "off", "ok", "callable"})
    if (key == no) return false;
  return std::nullopt;
}

Status apply_do_not_call(const ContactFields& f, Contact* c) {
  bool on = c->do_not_call;
  const bool flag_given = f.do_not_call && !trim(*f.do_not_call).empty();
  if (flag_given) {
    auto flag = do_not_call_flag(*f.do_not_call);
    if (!flag)
      return field_error("do_not_call", "'" + *f.do_not_call + "' is not yes or no (true/false, 1/0, X or empty)");
    on = on || *flag;
  }
  std::optional<Date> since;
  if (f.do_not_call_since && !trim(*f.do_not_call_since).empty()) {
    std::string d = trim(*f.do_not_call_since);
    since = parse_date(d.substr(0, 10));  // "2026-11-03" or "2026-11-03T09:12:00Z"
    if (!since) return field_error("do_not_call_since", "'" + d + "' is not a date (write it as YYYY-MM-DD)");
  }
  std::string reason = f.do_not_call_reason ? trim(*f.do_not_call_reason) : "";
  // A date or a reason alone says as much as the flag: someone asked, then.
  if (!flag_given && (since || !reason.empty())) on = true;
  if (!on) return Status::Ok();
  c->do_not_call = true;
  if (since) c->do_not_call_since = since;
  if (!reason.empty()) c->do_not_call_reason = reason;
  return Status::Ok();
}

}  // namespace

Status apply_contact_fields(const ContactFields& f, const std::string& default_region,
                            Contact* c) {
  // Every field is checked, so a bad row or form lists all of its problems at once.
  std::vector<std::string> errors;
  auto fail = [&](const Status& e) { errors.push_back(e.message()); };
  if (f.first_name) c->first_name = trim(*f.first_name);
  if (f.last_name) c->last_name = trim(*f.last_name);
  if (f.title) c->title = trim(*f.title);
  if (f.email) {
    std::string e = trim(*f.email);
    if (!e.empty() && !plausible_email(e)) fail(field_error("email", "'" + e + "' is not an e-mail address"));
    else c->email = e;
  }
  if (f.role) {
    auto r = parse_role(trim(*f.role));
    if (!r) fail(field_error("role", "'" + *f.role + "' is not one of " + names_of_roles()));
    else c->role = *r;
  }
  if (f.stage) {
    auto s = parse_stage(trim(*f.stage));
    if (!s) fail(field_error("stage", "'" + *f.stage + "' is not one of " + names_of_stages()));
    else c->stage = *s;
  }
  if (f.cadence) {
    auto cad = parse_cadence(*f.cadence);
    if (!cad)
      fail(field_error("cadence", "'" + *f.cadence + "' is not daily, weekly, monthly, none or 'every N days'"));
    else c->cadence = *cad;
  }
  if (f.city) c->city = trim(*f.city);
  if (f.region) c->region = trim(*f.region);
  if (f.country) c->country = trim(*f.country);
  if (f.hot_button) c->hot_button = trim(*f.hot_button);
  if (f.deal_value) {
    if (*f.deal_value < 0) fail(field_error("deal_value", "must not be negative"));
    else c->deal_value = *f.deal_value;
  }
  if (f.latitude || f.longitude) {
    if (!f.latitude || !f.longitude)
      fail(field_error("location", "give both latitude and longitude"));
    else if (*f.latitude < -90 || *f.latitude > 90 || *f.longitude < -180 || *f.longitude > 180)
      fail(field_error("location", "latitude must be within ±90 and longitude within ±180"));
    else c->location = GeoPoint{*f.latitude, *f.longitude};
  }
  std::string phone_region;
  if (f.phones) {
    c->phones.clear();
    for (const std::string& raw : *f.phones) {
      if (trim(raw).empty()) continue;
      std::string region = default_region;
      if (std::string cc = country_code(c->country); !cc.empty()) region = cc;
      auto p = parse_phone(raw, region);
      if (!p.ok()) {
        fail(field_error("phone", p.status().message()));
        continue;
      }
      bool dup = std::any_of(c->phones.begin(), c->phones.end(),
                             [&](const Phone& q) { return q.e164 == p->e164; });
      if (!dup) c->phones.push_back({p->e164, c->phones.empty() ? "work" : "other"});
      if (phone_region.empty()) phone_region = p->region;
    }
  }
  if (f.timezone) {
    std::string z = trim(*f.timezone);
    if (z.empty()) {
      c->timezone.clear();
    } else {
      auto canonical = canonical_zone(z);
      if (!canonical)
        fail(field_error("timezone", "'" + z +
                                         "' is not an IANA time zone (for example "
                                         "America/Chicago or Europe/London)"));
      else c->timezone = *canonical;
    }
  }
  if (c->timezone.empty()) {
    // No zone given: derive it from the place, then from the phone's country.
    std::string country = c->country.empty() ? phone_region : c->country;
    if (auto z = derive_zone(country, c->region, region_zones())) c->timezone = *z;
  }
  if (c->timezone.empty() && !c->phones.empty() && c->region.empty()) {
    // Still unknown (a US number with no state, say): the area code's place ("Chicago,
    // IL", "California", "Washington State") names the state.
    std::string place = phone_place(c->phones.front().e164);
    std::size_t comma = place.rfind(", ");
    std::string state = comma == std::string::npos ? place : place.substr(comma + 2);
    if (state.size() > 6 && state.compare(state.size() - 6, 6, " State") == 0) state.resize(state.size() - 6);
    std::string region;
    if (auto p = parse_phone(c->phones.front().e164, "ZZ"); p.ok()) region = p->region;
    if (!state.empty() && (c->country.empty() || country_code(c->country) == region))
      if (auto z = derive_zone(region, state, region_zones())) c->timezone = *z;
  }
  if (f.do_not_call || f.do_not_call_since || f.do_not_call_reason)
    if (Status d = apply_do_not_call(f, c); !d.ok()) fail(d);
  if (c->first_name.empty() && c->last_name.empty())
    fail(field_error("name", "a contact needs a first or last name"));
  if (errors.empty()) return Status::Ok();
  // One problem a line ("field: what is wrong"), in the order of the fields.
  std::string all;
  for (const std::string& e : errors) all += (all.empty() ? "" : "\n") + e;
  return Status::InvalidArgument(all);
}

Result<Contact> add_contact(Store& store, const Actor& actor, const ContactFields& f,
                            Instant now) {
  Contact c;
  c.workspace_id = actor.workspace.id;
  c.owner_id = actor.rep.id;
  c.created_at = c.updated_at = now;
  NEXTCALL_RETURN_IF_ERROR(apply_contact_fields(f, actor.workspace.default_region, &c));
  Status s = store.transaction([&]() -> Status {
    NEXTCALL_RETURN_IF_ERROR(apply_owner(store, actor, f, &c));
    if (f.company) {
      auto account = account_for(store, c.workspace_id, *f.company);
      if (!account.ok()) return account.status();
      c.account_id = *account;
    }
    NEXTCALL_RETURN_IF_ERROR(check_unique(store, c));
    auto id = store.create_contact(c);
    if (!id.ok()) return id.status();
    c.id = *id;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return c;
}

Result<Contact> edit_contact(Store& store, const Actor& actor, Id contact_id,
                             const ContactFields& f, Instant now) {
  Contact c;
  Status s = store.transaction([&]() -> Status {
    auto current = store.get_contact(actor.workspace.id, contact_id);
    if (!current.ok()) return current.status();
    c = *current;
    // A new place without a new zone re-derives the zone from the place; when the new
    // place says nothing about the zone, the old one stays.
    std::string old_zone = c.timezone;
    bool place_changed = !f.timezone && (f.country || f.region);
    if (place_changed) c.timezone.clear();
    NEXTCALL_RETURN_IF_ERROR(apply_contact_fields(f, actor.workspace.default_region, &c));
    if (place_changed && c.timezone.empty()) c.timezone = old_zone;
    NEXTCALL_RETURN_IF_ERROR(apply_owner(store, actor, f, &c));
    if (f.company) {
      auto account = account_for(store, c.workspace_id, *f.company);
      if (!account.ok()) return account.status();
      c.account_id = *account;
    }
    c.updated_at = now;
    NEXTCALL_RETURN_IF_ERROR(check_unique(store, c));
    return store.update_contact(c);
  });
  if (!s.ok()) return s;
  return c;
}

Result<Contact> resolve_contact(Store& store, const Actor& actor, const std::string& raw) {
  Id ws = actor.workspace.id;
  std::string ref = trim(raw);
  if (ref.empty()) return Status::InvalidArgument("no contact named (give an id, e-mail, phone or name)");
  std::string digits_only = ref[0] == '#' ? ref.substr(1) : ref;
  if (!digits_only.empty() && digits_only.size() < 10 &&
      std::all_of(digits_only.begin(), digits_only.end(),
                  [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
    auto c = store.get_contact(ws, std::stol(digits_only));
    if (c.ok() || ref[0] == '#') return c;
  }
  if (ref.find('@') != std::string::npos) {
    auto c = store.find_contact_by_email(ws, ref);
    if (!c.ok()) return c.status();
    if (*c) return **c;
  }
  if (auto p = parse_phone(ref, actor.workspace.default_region); p.ok()) {
    auto c = store.find_contact_by_phone(ws, p->e164);
    if (!c.ok()) return c.status();
    if (*c) return **c;
  }
  Filter f;
  f.text = ref;
  f.limit = 6;
  auto found = store.list_contacts(ws, f);
  if (!found.ok()) return found.status();
  if (found->empty())
    return Status::NotFound("no contact matches '" + ref + "' (try: nextcall contact find " + ref +
                            ")");
  // An exact full-name match wins over fragments ("Ann Lee" vs "Ann Leeds").
  std::vector<Contact> exact;
  for (const Contact& c : *found) {
    std::string a = c.full_name(), b = ref;
    std::transform(a.begin(), a.end(), a.begin(), ::tolower);
    std::transform(b.begin(), b.end(), b.begin(), ::tolower);
    if (a == b) exact.push_back(c);
  }
  if (exact.size() == 1) return exact.front();
  if (found->size() == 1) return found->front();
  std::string names;
  for (std::size_t i = 0; i < found->size() && i < 5; ++i) {
    if (!names.empty()) names += ", ";
    names += (*found)[i].full_name() + " (#" + std::to_string((*found)[i].id) + ")";
  }
  return Status::InvalidArgument("'" + ref + "' matches several contacts: " + names +
                                 (found->size() > 5 ? ", ..." : "") + "; name one by id");
}

Result<ContactMemory> load_memory(Store& store, Id ws, Id contact_id) {
  ContactMemory m;
  auto c = store.get_contact(ws, contact_id);
  if (!c.ok()) return c.status();
  m.contact = *c;
  if (m.contact.account_id) {
    auto a = store.get_account(ws, *m.contact.account_id);
    if (a.ok()) m.account = *a;
  }
  Filter f;
  f.contact_id = contact_id;
  auto load = [&](auto result, auto* into) -> Status {
    if (!result.ok()) return result.status();
    *into = std::move(result.value());
    return Status::Ok();
  };
  NEXTCALL_RETURN_IF_ERROR(load(store.list_threads(ws, f), &m.threads));
  NEXTCALL_RETURN_IF_ERROR(load(store.list_objections(ws, f), &m.objections));
  NEXTCALL_RETURN_IF_ERROR(load(store.list_materials(ws, f), &m.materials));
  NEXTCALL_RETURN_IF_ERROR(load(store.list_commitments(ws, f), &m.commitments));
  NEXTCALL_RETURN_IF_ERROR(load(store.list_referrals(ws, f), &m.referrals));
  NEXTCALL_RETURN_IF_ERROR(load(store.list_appointments(ws, f), &m.appointments));
  NEXTCALL_RETURN_IF_ERROR(load(store.list_attempts(ws, f), &m.attempts));
  return m;
}

Result<ContactsPage> find_contacts(Store& store, const Actor& actor, const Filter& f, bool due_today, bool count,
                                   Instant now) {
  const Id ws = actor.workspace.id;
  ContactsPage page;
  if (!due_today) {
    auto list = store.list_contacts(ws, f);
    if (!list.ok()) return list.status();
    page.contacts = std::move(*list);
    if (count) {
      auto total = store.count_matching_contacts(ws, f);
      if (!total.ok()) return total.status();
      page.total = *total;
    }
    return page;
  }
  auto sheet = plan_day(store, actor, std::nullopt, now);
  if (!sheet.ok()) return sheet.status();
  std::set<Id> due;
  for (const Brief& b : sheet->calls) due.insert(b.contact_id);
  for (const OverflowCall& o : sheet->overflow) due.insert(o.contact_id);
  for (const SheetEntry& e : sheet->needs_reason) due.insert(e.contact_id);
  Filter all = f;
  all.owner_id = actor.rep.id;
  all.limit = 0;
  all.offset = 0;
  auto list = store.list_contacts(ws, all);
  if (!list.ok()) return list.status();
  std::vector<Contact> kept;
  for (Contact& c : *list)
    if (due.count(c.id)) kept.push_back(std::move(c));
  page.total = static_cast<long>(kept.size());
  auto from = std::min(kept.size(), static_cast<std::size_t>(f.offset));
  auto to = f.limit > 0 ? std::min(kept.size(), from + static_cast<std::size_t>(f.limit)) : kept.size();
  page.contacts.assign(std::make_move_iterator(kept.begin() + static_cast<std::ptrdiff_t>(from)),
                       std::make_move_iterator(kept.begin() + static_cast<std::ptrdiff_t>(to)));
  return page;
}

}  // namespace nextcall
