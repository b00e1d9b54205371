#include "io/contact_columns.h"

#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>
#include <utility>

namespace nextcall {
namespace {

constexpr std::pair<ContactField, std::string_view> kNames[] = {
    {ContactField::kIgnore, "ignore"},       {ContactField::kFirstName, "first_name"},
    {ContactField::kLastName, "last_name"},  {ContactField::kFullName, "name"},
    {ContactField::kCompany, "company"},     {ContactField::kPhone, "phone"},
    {ContactField::kMobile, "mobile"},       {ContactField::kEmail, "email"},
    {ContactField::kTimezone, "timezone"},   {ContactField::kStage, "stage"},
    {ContactField::kTitle, "title"},         {ContactField::kCity, "city"},
    {ContactField::kState, "state"},         {ContactField::kCountry, "country"},
    {ContactField::kIndustry, "industry"},   {ContactField::kRole, "role"},
    {ContactField::kHotButton, "hot_button"}, {ContactField::kOwner, "owner"},
    {ContactField::kLatitude, "latitude"},   {ContactField::kLongitude, "longitude"},
    {ContactField::kDealValue, "deal_value"}, {ContactField::kCadence, "cadence"},
    {ContactField::kDoNotCall, "do_not_call"}, {ContactField::kDoNotCallSince, "do_not_call_since"},
    {ContactField::kDoNotCallReason, "do_not_call_reason"},
};

// Headers reduced to lower-case letters and digits ("State/Region" -> "stateregion").
constexpr std::pair<std::string_view, ContactField> kHeaders[] = {
    {"firstname", ContactField::kFirstName},     {"first", ContactField::kFirstName},
    {"givenname", ContactField::kFirstName},     {"contactfirstname", ContactField::kFirstName},
    {"lastname", ContactField::kLastName},       {"last", ContactField::kLastName},
    {"surname", ContactField::kLastName},        {"familyname", ContactField::kLastName},
    {"contactlastname", ContactField::kLastName},
    {"name", ContactField::kFullName},           {"fullname", ContactField::kFullName},
    {"contactname", ContactField::kFullName},    {"contact", ContactField::kFullName},
    {"company", ContactField::kCompany},         {"companyname", ContactField::kCompany},
    {"accountname", ContactField::kCompany},     {"account", ContactField::kCompany},
    {"organization", ContactField::kCompany},    {"organisation", ContactField::kCompany},
    {"organizationname", ContactField::kCompany},
    {"phone", ContactField::kPhone},             {"phonenumber", ContactField::kPhone},
    {"businessphone", ContactField::kPhone},     {"workphone", ContactField::kPhone},
    {"directphone", ContactField::kPhone},       {"officephone", ContactField::kPhone},
    {"telephone", ContactField::kPhone},         {"tel", ContactField::kPhone},
    {"mobile", ContactField::kMobile},           {"mobilephone", ContactField::kMobile},
    {"mobilephonenumber", ContactField::kMobile}, {"cell", ContactField::kMobile},
    {"cellphone", ContactField::kMobile},
    {"email", ContactField::kEmail},             {"emailaddress", ContactField::kEmail},
    {"email1", ContactField::kEmail},            {"workemail", ContactField::kEmail},
    {"timezone", ContactField::kTimezone},       {"tz", ContactField::kTimezone},
    {"ianatimezone", ContactField::kTimezone},
    {"lifecyclestage", ContactField::kStage},    {"stage", ContactField::kStage},
    {"leadstatus", ContactField::kStage},        {"status", ContactField::kStage},
    {"title", ContactField::kTitle},             {"jobtitle", ContactField::kTitle},
    {"position", ContactField::kTitle},
    {"city", ContactField::kCity},               {"mailingcity", ContactField::kCity},
    {"town", ContactField::kCity},
    {"state", ContactField::kState},             {"stateregion", ContactField::kState},
    {"region", ContactField::kState},            {"province", ContactField::kState},
    {"stateprovince", ContactField::kState},     {"mailingstate", ContactField::kState},
    {"mailingstateprovince", ContactField::kState},
    {"country", ContactField::kCountry},         {"countryregion", ContactField::kCountry},
    {"mailingcountry", ContactField::kCountry},
    {"industry", ContactField::kIndustry},
    {"role", ContactField::kRole},               {"buyingrole", ContactField::kRole},
    {"contactrole", ContactField::kRole},
    {"hotbutton", ContactField::kHotButton},     {"primaryinterest", ContactField::kHotButton},
    {"owner", ContactField::kOwner},             {"contactowner", ContactField::kOwner},
    {"accountowner", ContactField::kOwner},      {"salesrep", ContactField::kOwner},
    {"latitude", ContactField::kLatitude},       {"lat", ContactField::kLatitude},
    {"longitude", ContactField::kLongitude},     {"lon", ContactField::kLongitude},
    {"lng", ContactField::kLongitude},
    {"dealvalue", ContactField::kDealValue},     {"amount", ContactField::kDealValue},
    {"annualrevenue", ContactField::kIgnore},
    {"cadence", ContactField::kCadence},         {"callfrequency", ContactField::kCadence},
    // Outlook's and Google's contact exports, Salesforce's billing address, HubSpot's owner.
    {"businesscity", ContactField::kCity},       {"workcity", ContactField::kCity},
    {"billingcity", ContactField::kCity},        {"address1city", ContactField::kCity},
    {"businessstate", ContactField::kState},     {"workstate", ContactField::kState},
    {"billingstate", ContactField::kState},      {"billingstateprovince", ContactField::kState},
    {"address1region", ContactField::kState},
    {"businesscountryregion", ContactField::kCountry}, {"businesscountry", ContactField::kCountry},
    {"billingcountry", ContactField::kCountry},  {"mailingcountryregion", ContactField::kCountry},
    {"address1country", ContactField::kCountry}, {"workcountry", ContactField::kCountry},
    {"primaryphone", ContactField::kPhone},      {"phone1value", ContactField::kPhone},
    {"companymainphone", ContactField::kIgnore},
    {"contactstimezone", ContactField::kTimezone}, {"timezonename", ContactField::kTimezone},
    {"hubspotowner", ContactField::kOwner},      {"owneremail", ContactField::kOwner},
    {"contactowneremail", ContactField::kOwner},
    {"emailaddress1", ContactField::kEmail},     {"email1value", ContactField::kEmail},
    {"primaryemail", ContactField::kEmail},
    {"organization1name", ContactField::kCompany}, {"organization1title", ContactField::kTitle},
    // Do-not-call: Salesforce's DoNotCall, HubSpot's and Pipedrive's custom columns, ours.
    {"donotcall", ContactField::kDoNotCall},     {"dnc", ContactField::kDoNotCall},
    {"donotphone", ContactField::kDoNotCall},    {"donotcallflag", ContactField::kDoNotCall},
    {"donotcalllist", ContactField::kDoNotCall}, {"optedoutofcalls", ContactField::kDoNotCall},
    {"donotcallsince", ContactField::kDoNotCallSince}, {"donotcalldate", ContactField::kDoNotCallSince},
    {"dncdate", ContactField::kDoNotCallSince},  {"dncsince", ContactField::kDoNotCallSince},
    {"donotcallreason", ContactField::kDoNotCallReason}, {"dncreason", ContactField::kDoNotCallReason},
};

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::string_view field_name(ContactField f) {
  for (const auto& [field, name] : kNames)
    if (field == f) return name;
  return "ignore";
}

std::string field_names() {
  std::string out;
  for (const auto& [field, name] : kNames) out += (out.empty() ? "" : "|") + std::string(name);
  return out;
}

Result<ColumnMapping> map_columns(const std::vector<std::string>& header,
                                  const std::vector<std::string>& overrides) {
  ColumnMapping m;
  m.fields.assign(header.size(), ContactField::kIgnore);
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string key = squeeze(header[i]);
    bool found = false;
    for (const auto& [h, f] : kHeaders) {
      if (key == h) {
        m.fields[i] = f;
        found = true;
        break;
      }
    }
    if (!found) m.unmapped.push_back(header[i]);
  }
  for (const std::string& o : overrides) {
    auto eq = o.rfind('=');
    if (eq == std::string::npos)
      return Status::InvalidArgument("--map '" + o + "': write it as \"Column=field\"");
    std::string column = trim(o.substr(0, eq)), field = trim(o.substr(eq + 1));
    std::size_t index = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
      if (trim(header[i]) == column) index = i;
    if (index == header.size())
      return Status::InvalidArgument("--map '" + o + "': the file has no column '" + column + "'");
    bool known = false;
    for (const auto& [f, name] : kNames) {
      if (name == field) {
        m.fields[index] = f;
        known = true;
      }
    }
    if (!known)
      return Status::InvalidArgument("--map '" + o + "': '" + field + "' is not a field (" +
                                     field_names() + ")");
    std::erase(m.unmapped, header[index]);
  }
  return m;
}

std::string stage_from_lifecycle(std::string_view text) {
  std::string key = squeeze(text);
  if (key.empty()) return "";
  // CRMs name many stages (HubSpot lifecycle stages, Salesforce lead statuses, deal stages);
  // for the plan only one question matters: do they buy from us already?
  for (std::string_view buying : {"customer", "client", "closedwon", "won", "evangelist", "active",
                                  "renewal", "repeat", "account"})
    if (key.find(buying) != std::string::npos && key.find("notconverted") == std::string::npos &&
        key.find("lost") == std::string::npos && key.find("inactive") == std::string::npos &&
        key.find("former") == std::string::npos)
      return "customer";
  return "prospect";
}

std::string role_from_title(std::string_view title) {
  std::vector<std::string> words;
  std::string word;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  auto has = [&](std::initializer_list<std::string_view> any) {
    for (const std::string& w : words)
      for (std::string_view a : any)
        if (w == a) return true;
    return false;
  };
  // Someone who signs: the owner, an officer, a vice president, a director, a head, a manager
  // of a function. Checked first, so an "Assistant Vice President" is not a screener.
  const bool senior = has({"owner", "founder", "cofounder", "president", "ceo", "cfo", "coo", "cto", "cio",
                           "cmo", "cpo", "chief", "vp", "svp", "evp", "avp", "director", "head", "partner",
                           "principal", "proprietor", "gm", "superintendent", "chairman", "chair"}) ||
                      (has({"managing"}) && has({"director", "partner", "member"}));
  // The people who answer and pass calls on.
  const bool screener = has({"receptionist", "reception", "secretary", "frontdesk", "operator", "switchboard"}) ||
                        (has({"front"}) && has({"desk", "office"})) ||
                        (has({"assistant", "pa"}) && (!senior || has({"to"}))) ||  // "Assistant to the CEO"
                        (has({"office"}) && has({"manager", "administrator", "coordinator"}) && !senior);
  if (screener) return "gatekeeper";
  if (senior || has({"manager", "mgr"})) return "decision_maker";
  if (has({"engineer", "analyst", "specialist", "coordinator", "supervisor", "technician", "associate",
           "consultant", "lead", "planner", "buyer", "administrator", "representative", "rep", "officer",
           "accountant", "scientist", "designer", "architect", "foreman", "controller", "agent", "clerk"}))
    return "influencer";
  return "";
}

}  // namespace nextcall
