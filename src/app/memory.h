// The memory of a contact, item by item: what the rep records after a call so the next
// call has something specific to open with (threads, seed 000), the interest to serve
// (hot button, seed 002), what stopped them (objections, seed 001), what was sent and
// where to point (materials, seed 002), who promised what (commitments), who referred
// them (referrals, seed 003) and when they meet (appointments, seed 003).
//
// Each function validates its input, writes in one transaction and returns the stored
// row. Items of another workspace read as NotFound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/workspace_session.h"
#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall {

Result<Thread> add_thread(Store& store, const Actor& actor, Id contact_id,
                          const std::string& topic, const std::string& kind,
                          const std::string& detail, Date today);
Result<Thread> set_thread_open(Store& store, const Actor& actor, Id thread_id, bool open);

// `code` is one of the workspace's objection codes or a team's own code ([a-z0-9_]+).
Result<Objection> add_objection(Store& store, const Actor& actor, Id contact_id,
                                const std::string& code, const std::string& detail,
                                std::optional<double> amount, Date today);
Result<Objection> answer_objection(Store& store, const Actor& actor, Id objection_id,
                                   std::optional<Id> change_id);

// Pointers as "LOCATION=HOT BUTTON" ("page 4=unscheduled maintenance").
Result<Material> add_material(Store& store, const Actor& actor, Id contact_id,
                              const std::string& title, std::optional<Date> sent_on,
                              const std::string& link, const std::vector<std::string>& pointers);
Result<Material> add_pointer(Store& store, const Actor& actor, Id material_id,
                             const std::string& location, const std::string& hot_button);

Result<Commitment> add_commitment(Store& store, const Actor& actor, Id contact_id,
                                  const std::string& owner, const std::string& what,
                                  std::optional<Date> due_on, std::optional<Id> material_id,
                                  Date today);
Result<Commitment> set_commitment_status(Store& store, const Actor& actor, Id commitment_id,
                                         CommitmentStatus status);

// The referrer is a contact reference (resolved) or a free name ("John Doe").
Result<Referral> add_referral(Store& store, const Actor& actor, Id referred_contact_id,
                              const std::string& referrer, bool introduced, Date today);
Result<Referral> mark_introduced(Store& store, const Actor& actor, Id referral_id, Date today);

Result<Appointment> add_appointment(Store& store, const Actor& actor, Id contact_id,
                                    Instant starts_at, int duration_minutes,
                                    const std::string& status, const std::string& place,
                                    bool is_callback);
Result<Appointment> set_appointment_status(Store& store, const Actor& actor, Id appointment_id,
                                           AppointmentStatus status);
// Cancels a tentative (proposed) appointment, such as the time a voicemail held.
// InvalidArgument when it is not tentative (a confirmed one is cancelled, not released).
Result<Appointment> release_appointment(Store& store, const Actor& actor, Id appointment_id);

Result<Contact> set_do_not_call(Store& store, const Actor& actor, Id contact_id, bool on,
                                const std::string& reason, Date today, Instant now);
Result<Contact> snooze_contact(Store& store, const Actor& actor, Id contact_id,
                               std::optional<Date> until, const std::string& why, Instant now);

}  // namespace nextcall
