// Routes: contacts and accounts, with the whole memory and the history of each contact.
#include <map>

#include "app/contact_json.h"
#include "app/contacts.h"
#include "app/history.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "web/api.h"
#include "web/json_body.h"

namespace nextcall::web {
namespace {

const std::vector<std::string> kContactFields = {
    "first_name", "last_name", "title",  "email",   "company",    "role",  "stage",
    "timezone",   "city",      "region", "country", "hot_button", "cadence", "owner",
    "phones",     "deal_value", "latitude", "longitude"};

Result<ContactFields> contact_fields(const std::string& body) {
  auto b = Body::parse(body, kContactFields);
  if (!b.ok()) return b.status();
  ContactFields f;
  f.first_name = b->text("first_name", false, 200);
  f.last_name = b->text("last_name", false, 200);
  f.title = b->text("title", false, 200);
  f.email = b->text("email", false, 254);
  f.company = b->text("company", false, 300);
  f.role = b->text("role", false, 40);
  f.stage = b->text("stage", false, 40);
  f.timezone = b->text("timezone", false, 64);
  f.city = b->text("city", false, 200);
  f.region = b->text("region", false, 200);
  f.country = b->text("country", false, 200);
  f.hot_button = b->text("hot_button", false, 500);
  f.cadence = b->text("cadence", false, 40);
  f.owner = b->text("owner", false, 254);
  f.phones = b->texts("phones");
  f.deal_value = b->number("deal_value");
  f.latitude = b->number("latitude");
  f.longitude = b->number("longitude");
  NEXTCALL_RETURN_IF_ERROR(b->finish());
  return f;
}

int bounded(const std::string& text, int fallback, int max) {
  if (text.empty()) return fallback;
  try {
    int v = std::stoi(text);
    return v < 0 ? 0 : (v > max ? max : v);
  } catch (...) {
    return fallback;
  }
}

// GET /api/contacts's query: q, owner, stage, do_not_call, never_called, missing_timezone,
// sort, order, limit, offset. A value it cannot read is an error naming the parameter.
Result<Filter> contacts_filter(Ctx& c) {
  Filter f;
  f.text = c.query("q");
  f.limit = bounded(c.query("limit"), 100, 1000);
  f.offset = bounded(c.query("offset"), 0, 1 << 30);
  const std::string owner = c.query("owner");
  if (owner == "me") {
    f.owner_id = c.actor().rep.id;
  } else if (!owner.empty()) {
    auto id = parse_id(owner, "owner");
    if (!id.ok()) return Status::InvalidArgument("owner: must be a user id or 'me'");
    f.owner_id = *id;
  }
  const std::string stage = c.query("stage");
  if (!stage.empty()) {
    auto s = parse_stage(stage);
    if (!s) return Status::InvalidArgument("stage: '" + stage + "' is not a stage; use prospect or customer");
    f.stage = std::string(to_text(*s));
  }
  auto flag = [&c](const std::string& name) -> Result<std::optional<bool>> {
    const std::string v = c.query(name);
    if (v.empty()) return std::optional<bool>();
    if (v == "1" || v == "true" || v == "yes") return std::optional<bool>(true);
    if (v == "0" || v == "false" || v == "no") return std::optional<bool>(false);
    return Status::InvalidArgument(name + ": must be 1 or 0");
  };
  auto dnc = flag("do_not_call");
  if (!dnc.ok()) return dnc.status();
  f.do_not_call = *dnc;
  auto never = flag("never_called");
  if (!never.ok()) return never.status();
  f.never_called = never->value_or(false);
  auto no_zone = flag("missing_timezone");
  if (!no_zone.ok()) return no_zone.status();
  f.missing_timezone = no_zone->value_or(false);
  const std::string sort = c.query("sort");
  if (!sort.empty() && sort != "name" && sort != "company" && sort != "stage" && sort != "created")
    return Status::InvalidArgument("sort: '" + sort + "' is not a column; use name, company, stage or created");
  f.sort = sort == "created" ? "" : sort;
  const std::string order = c.query("order");
  if (!order.empty() && order != "asc" && order != "desc")
    return Status::InvalidArgument("order: must be asc or desc");
  f.descending = order == "desc";
  return f;
}

}  // namespace

void install_contact_routes(Routes& r) {
  r.add("GET", "/api/contacts", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto f = contacts_filter(c);
    if (!f.ok()) return f.status();
    const Id ws = c.actor().workspace.id;
    auto list = c.store.list_contacts(ws, *f);
    if (!list.ok()) return list.status();
    if (c.query("with_total") != "1") return nlohmann::json(*list);
    // The page with what the Contacts screen shows beside each contact (company, owner)
    // and how many match in all.
    auto total = c.store.count_matching_contacts(ws, *f);
    if (!total.ok()) return total.status();
    auto users = c.store.list_users(ws);
    if (!users.ok()) return users.status();
    std::map<Id, std::string> owner_names;
    for (const User& u : *users) owner_names[u.id] = u.name;
    std::map<Id, std::string> companies;
    nlohmann::json rows = nlohmann::json::array();
    for (const Contact& ct : *list) {
      nlohmann::json j = ct;
      std::string company;
      if (ct.account_id) {
        auto known = companies.find(*ct.account_id);
        if (known == companies.end()) {
          auto a = c.store.get_account(ws, *ct.account_id);
          known = companies.emplace(*ct.account_id, a.ok() ? a->name : std::string()).first;
        }
        company = known->second;
      }
      j["company"] = company;
      j["owner"] = ct.owner_id && owner_names.count(*ct.owner_id) ? owner_names[*ct.owner_id] : "";
      rows.push_back(std::move(j));
    }
    return nlohmann::json{{"contacts", rows}, {"total", *total}, {"limit", f->limit}, {"offset", f->offset}};
  });
  r.add("POST", "/api/contacts", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto f = contact_fields(c.req.body);
    if (!f.ok()) return f.status();
    auto added = add_contact(c.store, c.actor(), *f, c.now);
    if (!added.ok()) return added.status();
    auto m = load_memory(c.store, c.actor().workspace.id, added->id);
    if (!m.ok()) return m.status();
    c.status = 201;
    return memory_json(*m);
  });
  r.add("GET", "/api/contacts/{id}", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto m = load_memory(c.store, c.actor().workspace.id, *id);
    if (!m.ok()) return m.status();
    nlohmann::json j = memory_json(*m);
    j["history"] = history_json(build_history(*m));
    return j;
  });
  r.add("PATCH", "/api/contacts/{id}", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto f = contact_fields(c.req.body);
    if (!f.ok()) return f.status();
    auto edited = edit_contact(c.store, c.actor(), *id, *f, c.now);
    if (!edited.ok()) return edited.status();
    auto m = load_memory(c.store, c.actor().workspace.id, *id);
    if (!m.ok()) return m.status();
    return memory_json(*m);
  });
  r.add("GET", "/api/contacts/{id}/history", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto m = load_memory(c.store, c.actor().workspace.id, *id);
    if (!m.ok()) return m.status();
    return nlohmann::json{{"contact", m->contact}, {"history", history_json(build_history(*m))}};
  });

  r.add("GET", "/api/accounts", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    Filter f;
    f.text = c.query("q");
    auto list = c.store.list_accounts(c.actor().workspace.id, f);
    if (!list.ok()) return list.status();
    return nlohmann::json(*list);
  });
  r.add("GET", "/api/accounts/{id}", Access::kSignedIn, [](Ctx& c) -> Result<nlohmann::json> {
    auto id = c.path_id();
    if (!id.ok()) return id.status();
    auto a = c.store.get_account(c.actor().workspace.id, *id);
    if (!a.ok()) return a.status();
    Filter f;
    f.account_id = *id;
    auto contacts = c.store.list_contacts(c.actor().workspace.id, f);
    if (!contacts.ok()) return contacts.status();
    nlohmann::json j = *a;
    j["contacts"] = *contacts;
    return j;
  });
}

}  // namespace nextcall::web
