// Which contact field each column of a CRM export holds. Headers of the common exports
// (HubSpot, Salesforce, Pipedrive, plain spreadsheets) are recognised whatever their case
// and punctuation; `--map "Column=field"` settles the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nextcall {

enum class ContactField {
  kIgnore, kFirstName, kLastName, kFullName, kCompany, kPhone, kMobile, kEmail, kTimezone,
  kStage, kTitle, kCity, kState, kCountry, kIndustry, kRole, kHotButton, kOwner, kLatitude,
  kLongitude, kDealValue, kCadence, kDoNotCall, kDoNotCallSince, kDoNotCallReason,
};

// "first_name", "phone", ... as written in --map and shown by --dry-run.
std::string_view field_name(ContactField f);
// All field names, "first_name|last_name|...", for error messages.
std::string field_names();

struct ColumnMapping {
  std::vector<ContactField> fields;  // one per header column
  std::vector<std::string> unmapped;  // headers that map to nothing (ignored)
};

// Maps each header to a field. `overrides` are "Column=field" (field may be "ignore").
// InvalidArgument for a malformed override, an override naming a column the header does
// not have, or an unknown field name.
Result<ColumnMapping> map_columns(const std::vector<std::string>& header,
                                  const std::vector<std::string>& overrides);

// A lifecycle stage as CRMs write it -> "prospect" or "customer" ("Lead",
// "Marketing Qualified Lead", "Opportunity" -> prospect; "Customer", "Evangelist" ->
// customer); empty when unrecognised.
std::string stage_from_lifecycle(std::string_view text);

// The role a job title suggests, as a role name ("decision_maker", "influencer",
// "gatekeeper"); empty when the title says nothing (an import then keeps the default rather
// than guess). "Executive Assistant to the CEO" -> gatekeeper; "Assistant Vice President",
// "Plant Manager", "Owner" -> decision_maker; "Process Engineer", "Buyer" -> influencer.
std::string role_from_title(std::string_view title);

}  // namespace nextcall
