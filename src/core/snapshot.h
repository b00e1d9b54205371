// The planner's input: everything it may read, gathered by app/plan_day.cc from the store,
// plus the plan date and "now". The planner reads nothing else — no clock, no database.
//
// Rows are kept in flat vectors; index() sorts them by contact and records, per contact,
// where its rows start and end, so the planner reaches a contact's memory in O(1) and a
// snapshot of a million contacts costs a few sorts, not a million small allocations.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "core/call_history.h"
#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

// Call histories several snapshots share: a team plan reads every rep's in one list and
// lends it to each rep rather than copying 400,000 of them out. It must outlive the
// snapshots' use.
class SharedHistories {
 public:
  SharedHistories() = default;
  // Sorts `rows` by contact when a store gave them in another order, and notes their ids.
  explicit SharedHistories(std::vector<ContactHistory> rows);
  const std::vector<ContactHistory>& rows() const { return rows_; }
  // rows()[k].contact_id, apart: each snapshot searches these (8 bytes each) for its
  // contacts, not the rows (208 bytes each). A rep's contacts lie about a hundred rows apart
  // in a team's list, so each search takes a dozen steps, each a cache miss on the rows.
  const std::vector<Id>& ids() const { return ids_; }

 private:
  std::vector<ContactHistory> rows_;
  std::vector<Id> ids_;
};

struct Snapshot {
  Settings settings;
  User rep;          // whose day is planned; rep.timezone decides the plan date's hours
  Date day{};        // the plan date, in the rep's zone
  Instant now{};     // nothing is planned before this instant
  std::string rep_phone_display;  // the callback number as said in a voicemail

  std::vector<Contact> contacts;
  std::vector<Account> accounts;
  std::vector<Thread> threads;
  std::vector<Objection> objections;
  std::vector<Material> materials;
  std::vector<Commitment> commitments;
  std::vector<Referral> referrals;       // by referred contact
  std::vector<Appointment> appointments;  // of the planned contacts
  std::vector<Appointment> rep_appointments;  // all of the rep's (free slots, nearness)
  // Times already proposed to other contacts today (a standalone brief must not offer a
  // time the day's sheet gives someone else).
  std::vector<Instant> taken_slots;
  // Past calls. The store gives each contact's history summed up (`histories`) and no
  // calls; a contact with no history row gets one summarized from its `attempts`. The
  // histories stay where they are, sorted by contact (400,000 of them in a team plan's
  // snapshots: not moved again into a list by contact).
  std::vector<Attempt> attempts;
  std::vector<ContactHistory> histories;
  // Or, when `histories` is empty, a list several snapshots share, holding (at least)
  // these contacts' histories. It must not change while the snapshot is in use.
  const SharedHistories* shared_histories = nullptr;
  std::vector<Attempt> workspace_attempts_sample;  // for the per-window prior; may be empty
  std::vector<Reason> reasons;
  std::vector<Change> changes;
  // Per library reason: calls that used it and how many advanced the contact (for
  // Thompson sampling among equally fitting reasons). Missing: never used.
  std::unordered_map<Id, std::pair<long, long>> reason_record;  // id -> {tries, advances}
  // The whole workspace's calls per local minute (the store keeps them), for the prior of
  // each window's connect rate. Empty: the prior is summed from the contacts here.
  std::vector<MinuteCount> workspace_minutes;
  // Contacts put on the rep's calls by hand ("add to today's calls"), by contact id. An
  // entry older than the contact's last call is spent (the call was made).
  std::unordered_map<Id, QueuedCall> queued;

  // Sorts the rows and builds the per-contact ranges. REQUIRES: called once after filling.
  void index();

  // The rows of contact i (index into contacts).
  std::span<const Thread> threads_of(std::size_t i) const { return range(threads, ranges_[i].threads); }
  std::span<const Objection> objections_of(std::size_t i) const { return range(objections, ranges_[i].objections); }
  std::span<const Material> materials_of(std::size_t i) const { return range(materials, ranges_[i].materials); }
  std::span<const Commitment> commitments_of(std::size_t i) const { return range(commitments, ranges_[i].commitments); }
  std::span<const Referral> referrals_of(std::size_t i) const { return range(referrals, ranges_[i].referrals); }
  std::span<const Appointment> appointments_of(std::size_t i) const { return range(appointments, ranges_[i].appointments); }
  std::span<const Attempt> attempts_of(std::size_t i) const { return range(attempts, ranges_[i].attempts); }
  const CallHistory& history_of(std::size_t i) const {
    std::uint32_t h = ranges_[i].history;
    if (h == kNoHistory) return kNeverCalled;
    const std::vector<ContactHistory>& rows = history_rows();
    return h < rows.size() ? rows[h].history : summarized_[h - rows.size()];
  }
  // The zone the contact's clock is read in: theirs, else the rep's.
  const std::string& zone_of(std::size_t i) const {
    return contacts[i].timezone.empty() ? rep.timezone : contacts[i].timezone;
  }
  const Account* account_of(std::size_t i) const;
  const Contact* contact_by_id(Id id) const;

 private:
  struct Range {
    std::uint32_t begin = 0, end = 0;
  };
  static constexpr std::uint32_t kNoAccount = UINT32_MAX;
  static constexpr std::uint32_t kNoHistory = UINT32_MAX;
  static const CallHistory kNeverCalled;
  struct Ranges {
    Range threads, objections, materials, commitments, referrals, appointments, attempts;
    std::uint32_t account = kNoAccount;  // the contact's account in `accounts`
    // The contact's history: in `histories` (the store's), past its end in `summarized_`
    // (summed up here from `attempts`), or none.
    std::uint32_t history = kNoHistory;
  };
  const std::vector<ContactHistory>& history_rows() const {
    return shared_histories && histories.empty() ? shared_histories->rows() : histories;
  }
  template <typename T>
  static std::span<const T> range(const std::vector<T>& v, Range r) {
    return std::span<const T>(v.data() + r.begin, r.end - r.begin);
  }
  std::vector<Ranges> ranges_;
  std::vector<CallHistory> summarized_;  // histories of contacts the store gave none for
  // No maps by id: contacts and accounts are sorted by id (a lookup is a binary search),
  // and each contact's account is found once, in index().
};

}  // namespace nextcall
