#include "app/export_contacts.h"

#include <nlohmann/json.hpp>
#include <ostream>
#include <unordered_map>

#include "core/civil_time.h"
#include "core/model_text.h"
#include "io/csv_reader.h"
#include "io/model_json.h"

namespace nextcall {

Status export_contacts(Store& store, const Actor& actor, ExportFormat format, std::ostream& out) {
  auto contacts = store.list_contacts(actor.workspace.id, {});
  if (!contacts.ok()) return contacts.status();
  auto accounts = store.list_accounts(actor.workspace.id, {});
  if (!accounts.ok()) return accounts.status();
  std::unordered_map<Id, const Account*> by_id;
  for (const Account& a : *accounts) by_id[a.id] = &a;
  auto users = store.list_users(actor.workspace.id);
  if (!users.ok()) return users.status();
  std::unordered_map<Id, std::string> owners;
  for (const User& u : *users) owners[u.id] = u.email;

  if (format == ExportFormat::kJson) {
    nlohmann::json j = nlohmann::json::array();
    for (const Contact& c : *contacts) {
      nlohmann::json row = c;
      row["company"] = c.account_id && by_id.count(*c.account_id) ? by_id[*c.account_id]->name : "";
      j.push_back(std::move(row));
    }
    out << j.dump(2) << "\n";
    return out ? Status::Ok() : Status::Io("cannot write the export");
  }
  const char* header[] = {"First Name", "Last Name", "Company Name", "Phone Number", "Mobile Phone",
                          "Email", "Time Zone", "Lifecycle Stage", "Title", "City", "State/Region",
                          "Country", "Industry", "Role", "Hot Button", "Cadence", "Deal Value",
                          "Latitude", "Longitude", "Contact Owner", "Do Not Call", "Do Not Call Since",
                          "Do Not Call Reason"};
  bool first = true;
  for (const char* h : header) {
    out << (first ? "" : ",") << h;
    first = false;
  }
  out << "\r\n";
  for (const Contact& c : *contacts) {
    const Account* a = c.account_id && by_id.count(*c.account_id) ? by_id[*c.account_id] : nullptr;
    char deal[32], lat[32] = "", lon[32] = "";
    std::snprintf(deal, sizeof deal, "%.2f", c.deal_value);
    if (c.location) {
      std::snprintf(lat, sizeof lat, "%.6f", c.location->latitude);
      std::snprintf(lon, sizeof lon, "%.6f", c.location->longitude);
    }
    std::string fields[] = {c.first_name,
                            c.last_name,
                            a ? a->name : "",
                            c.phones.size() > 0 ? c.phones[0].e164 : "",
                            c.phones.size() > 1 ? c.phones[1].e164 : "",
                            c.email,
                            c.timezone,
                            std::string(to_text(c.stage)),
                            c.title,
                            c.city,
                            c.region,
                            c.country,
                            a ? a->industry : "",
                            std::string(to_text(c.role)),
                            c.hot_button,
                            to_text(c.cadence),
                            deal,
                            lat,
                            lon,
                            c.owner_id && owners.count(*c.owner_id) ? owners[*c.owner_id] : "",
                            c.do_not_call ? "yes" : "",
                            c.do_not_call && c.do_not_call_since ? format_date(*c.do_not_call_since) : "",
                            c.do_not_call ? c.do_not_call_reason : ""};
    // Text a person typed (names, company, e-mail...) may start like a formula: guarded
    // with a quote (csv_cell). Phones, stage, numbers and the rest are written by us.
    static const bool kTyped[] = {true,  true,  true,  false, false, true,  false, false, true, true,
                                  true,  true,  true,  false, true,  false, false, false, false, true,
                                  false, false, true};
    static_assert(sizeof kTyped / sizeof kTyped[0] == sizeof fields / sizeof fields[0]);
    first = true;
    for (std::size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i) {
      out << (first ? "" : ",") << (kTyped[i] ? csv_cell(fields[i]) : csv_quote(fields[i]));
      first = false;
    }
    out << "\r\n";
  }
  return out ? Status::Ok() : Status::Io("cannot write the export");
}

}  // namespace nextcall
