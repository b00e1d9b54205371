// Contacts and accounts: adding, editing, naming and reading a contact's whole memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

// What a user gives for a contact. Unset fields are left alone by edit_contact and take
// defaults in add_contact. Text as typed: validation happens in apply_contact_fields.
struct ContactFields {
  std::optional<std::string> first_name, last_name, title, email, company, role, stage;
  std::optional<std::string> timezone, city, region, country, hot_button, cadence, owner;
  std::optional<std::vector<std::string>> phones;  // as typed; first is primary
  std::optional<double> deal_value, latitude, longitude;
  // Do-not-call as a CRM export carries it (import only): "yes" puts the contact on the
  // list, with the date and reason when given; "no" or empty never takes anyone off it (an
  // old export must not undo a request not to be called: `nextcall dnc off` does that).
  std::optional<std::string> do_not_call, do_not_call_since, do_not_call_reason;
};

// Applies `f` to `c`, validating each field: phones parsed to E.164 with default_region,
// the zone made canonical (or derived from state/country when none is known), role,
// stage and cadence by name. InvalidArgument names the field: "phone: '555-12' is not a
// valid phone number for region US". Does not touch the account (see add_contact).
Status apply_contact_fields(const ContactFields& f, const std::string& default_region,
                            Contact* c);

// Creates the contact (and its account by company name when new) in one transaction.
// AlreadyExists when the phone or e-mail belongs to another contact.
Result<Contact> add_contact(Store& store, const Actor& actor, const ContactFields& f,
                            Instant now);
Result<Contact> edit_contact(Store& store, const Actor& actor, Id contact_id,
                             const ContactFields& f, Instant now);

// Finds the contact a user means by `ref`: an id ("42" or "#42"), an exact e-mail, a
// phone number in any form, or a fragment of the name, company or title that matches
// exactly one contact. NotFound or InvalidArgument (ambiguous, listing up to five
// candidates) otherwise.
Result<Contact> resolve_contact(Store& store, const Actor& actor, const std::string& ref);

// Everything remembered about one contact.
struct ContactMemory {
  Contact contact;
  std::optional<Account> account;
  std::vector<Thread> threads;
  std::vector<Objection> objections;
  std::vector<Material> materials;
  std::vector<Commitment> commitments;
  std::vector<Referral> referrals;
  std::vector<Appointment> appointments;
  std::vector<Attempt> attempts;
};
Result<ContactMemory> load_memory(Store& store, Id ws, Id contact_id);

// One page of the contacts `f` finds, and (when `count`) how many it finds in all. With
// `due_today`: only the actor's contacts due today (on the sheet, cut by capacity, or
// waiting for a reason), found by planning the day, then filtered and paged by `f`.
struct ContactsPage {
  std::vector<Contact> contacts;
  long total = 0;
};
Result<ContactsPage> find_contacts(Store& store, const Actor& actor, const Filter& f, bool due_today, bool count,
                                   Instant now);

}  // namespace nextcall
