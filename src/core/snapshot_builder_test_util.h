// A builder of planner snapshots for tests: a rep in Chicago planning Tuesday 2026-11-24,
// contacts and their memory added in a line each.
#pragma once

#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/snapshot.h"

namespace nextcall {

inline Date d(const char* s) { return *parse_date(s); }
inline Instant t(const char* s) { return *parse_instant(s); }

// Builds snapshots: a rep in Chicago planning Tuesday 2026-11-24 at 06:00 local.
class SnapshotBuilder {
 public:
  SnapshotBuilder() {
    s_.rep.id = 1;
    s_.rep.name = "Maria Alvarez";
    s_.rep.timezone = "America/Chicago";
    s_.rep_phone_display = "(312) 555-0142";
    s_.day = d("2026-11-24");
    s_.now = t("2026-11-24T12:00:00Z");
  }
  Contact& contact(const std::string& first, const std::string& zone = "America/New_York") {
    Contact c;
    c.id = next_id_++;
    c.first_name = first;
    c.last_name = "Lee";
    c.timezone = zone;
    c.phones = {{"+12125550100", "work"}};
    c.hot_button = "cutting the cost of unscheduled maintenance";
    s_.contacts.push_back(c);
    return s_.contacts.back();
  }
  Commitment& owes(Id contact, const char* what, const char* due, Party who = Party::kContact) {
    Commitment k;
    k.id = next_id_++;
    k.contact_id = contact;
    k.owner = who;
    k.what = what;
    k.due_on = d(due);
    s_.commitments.push_back(k);
    return s_.commitments.back();
  }
  Attempt& called(Id contact, const char* at, Outcome o, const std::string& rung = "") {
    Attempt a;
    a.id = next_id_++;
    a.contact_id = contact;
    a.at = t(at);
    a.outcome = o;
    a.rung = rung;
    s_.attempts.push_back(a);
    return s_.attempts.back();
  }
  Thread& thread(Id contact, const char* topic, ThreadKind kind = ThreadKind::kBusiness) {
    Thread th;
    th.id = next_id_++;
    th.contact_id = contact;
    th.topic = topic;
    th.kind = kind;
    th.mentioned_on = d("2026-11-10");
    s_.threads.push_back(th);
    return s_.threads.back();
  }
  Material& material(Id contact, const char* title, const char* page, const char* serves) {
    Material m;
    m.id = next_id_++;
    m.contact_id = contact;
    m.title = title;
    m.pointers = {{page, serves}};
    s_.materials.push_back(m);
    return s_.materials.back();
  }
  Reason& reason(const char* text, ReasonCategory cat = ReasonCategory::kNewCapability) {
    Reason r;
    r.id = next_id_++;
    r.text = text;
    r.category = cat;
    s_.reasons.push_back(r);
    return s_.reasons.back();
  }
  Appointment& appointment(Id contact, const char* at, AppointmentStatus status, bool callback = false) {
    Appointment a;
    a.id = next_id_++;
    a.contact_id = contact;
    a.rep_id = s_.rep.id;
    a.starts_at = t(at);
    a.status = status;
    a.is_callback = callback;
    a.place = "phone";
    s_.appointments.push_back(a);
    s_.rep_appointments.push_back(a);
    return s_.appointments.back();
  }
  Referral& referral(Id referred, const char* referrer, std::optional<Id> referrer_id = std::nullopt) {
    Referral r;
    r.id = next_id_++;
    r.referred_contact_id = referred;
    r.referrer_name = referrer;
    r.referrer_contact_id = referrer_id;
    s_.referrals.push_back(r);
    return s_.referrals.back();
  }
  Snapshot& snapshot() { return s_; }
  Snapshot build() {
    Snapshot copy = s_;
    copy.index();
    return copy;
  }

 private:
  Snapshot s_;
  Id next_id_ = 100;
};

}  // namespace nextcall
