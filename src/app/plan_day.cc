#include "app/plan_day.h"

#include "core/local_time.h"
#include "core/planner.h"
#include "core/snapshot.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

template <typename T>
Status take(Result<std::vector<T>> r, std::vector<T>* into) {
  if (!r.ok()) return r.status();
  *into = std::move(r.value());
  return Status::Ok();
}

// Loads what the planner may read about the contacts `f` selects.
Result<Snapshot> load_snapshot(Store& store, const Actor& actor, const Filter& f,
                               std::optional<Date> day, Instant now) {
  Snapshot s;
  Id ws = actor.workspace.id;
  auto settings = store.get_settings(ws);
  if (!settings.ok()) return settings.status();
  s.settings = *settings;
  if (s.settings.company_name.empty()) s.settings.company_name = actor.workspace.name;
  s.rep = actor.rep;
  s.now = now;
  s.day = day.value_or(local_date(now, actor.rep.timezone));
  if (!actor.rep.phone_e164.empty()) s.rep_phone_display = format_phone_national(actor.rep.phone_e164);
  NEXTCALL_RETURN_IF_ERROR(take(store.list_contacts(ws, f), &s.contacts));
  if (f.contact_id) {
    // One contact's brief needs one account, not the workspace's thousands.
    for (const Contact& c : s.contacts)
      if (c.account_id) {
        auto a = store.get_account(ws, *c.account_id);
        if (!a.ok()) return a.status();
        s.accounts.push_back(*a);
      }
  } else {
    NEXTCALL_RETURN_IF_ERROR(take(store.list_accounts(ws, {}), &s.accounts));
  }
  NEXTCALL_RETURN_IF_ERROR(take(store.list_threads(ws, f), &s.threads));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_objections(ws, f), &s.objections));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_materials(ws, f), &s.materials));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_commitments(ws, f), &s.commitments));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_referrals(ws, f), &s.referrals));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_appointments(ws, f), &s.appointments));
  // The calls come summed up, one history a contact (core/call_history.h).
  NEXTCALL_RETURN_IF_ERROR(take(store.list_call_histories(ws, f), &s.histories));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_reasons(ws), &s.reasons));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_changes(ws), &s.changes));
  std::vector<Appointment> all;
  Filter everyone;
  everyone.since = now - std::chrono::days{1};
  NEXTCALL_RETURN_IF_ERROR(take(store.list_appointments(ws, everyone), &all));
  for (Appointment& a : all)
    if (a.rep_id && *a.rep_id == actor.rep.id) s.rep_appointments.push_back(std::move(a));
  s.index();
  // The record of each library reason on the team's calls, for Thompson sampling.
  std::vector<ReasonRecord> results;
  NEXTCALL_RETURN_IF_ERROR(take(store.list_reason_results(ws), &results));
  // The calls added by hand: by contact, not by the entry's rep (the contact may have
  // changed hands since); entries of contacts not loaded are never looked up.
  std::vector<QueuedCall> queued;
  Filter by_contact;
  by_contact.contact_id = f.contact_id;
  NEXTCALL_RETURN_IF_ERROR(take(store.list_queued_calls(ws, by_contact), &queued));
  for (QueuedCall& q : queued) s.queued.emplace(q.contact_id, std::move(q));
  for (const ReasonRecord& r : results) s.reason_record[r.reason_id] = {r.tries, r.advances};
  // The prior for each window's connect rate: the whole team's calls.
  NEXTCALL_RETURN_IF_ERROR(take(store.list_minute_counts(ws), &s.workspace_minutes));
  return s;
}

void add_display_phones(Brief* b) { b->phone_display = format_phone_national(b->phone_e164); }

// The note of each brief's last call: the planner reads call histories, which keep no
// notes; the few briefs written get theirs from the calls themselves.
Status add_last_notes(Store& store, Id ws, std::vector<Brief*> briefs) {
  for (Brief* b : briefs) {
    if (!b->last_call) continue;
    Filter f;
    f.contact_id = b->contact_id;
    f.since = b->last_call->at;
    f.until = b->last_call->at + std::chrono::seconds{1};
    auto calls = store.list_attempts(ws, f);
    if (!calls.ok()) return calls.status();
    if (!calls->empty()) b->last_call->note = calls->back().note;
  }
  return Status::Ok();
}

}  // namespace

Result<CallSheet> plan_day(Store& store, const Actor& actor, std::optional<Date> day, Instant now) {
  Filter f;
  f.owner_id = actor.rep.id;
  auto snapshot = load_snapshot(store, actor, f, day, now);
  if (!snapshot.ok()) return snapshot.status();
  CallSheet sheet = nextcall::plan_day(*snapshot);
  std::vector<Brief*> briefs;
  for (Brief& b : sheet.calls) {
    add_display_phones(&b);
    briefs.push_back(&b);
  }
  NEXTCALL_RETURN_IF_ERROR(add_last_notes(store, actor.workspace.id, std::move(briefs)));
  // Overflow rows show a name and why they were cut, not a number to dial.
  return sheet;
}

Result<Brief> brief_for(Store& store, const Actor& actor, Id contact_id, std::optional<Date> day,
                        Instant now) {
  // The brief of a call on the rep's sheet is that call's, word for word and time for
  // time: the proposed voicemail times are dealt out over the whole sheet.
  auto sheet = plan_day(store, actor, day, now);
  if (!sheet.ok()) return sheet.status();
  for (Brief& b : sheet->calls)
    if (b.contact_id == contact_id) return std::move(b);
  Filter f;
  f.contact_id = contact_id;
  auto snapshot = load_snapshot(store, actor, f, day, now);
  if (!snapshot.ok()) return snapshot.status();
  for (const Brief& b : sheet->calls) snapshot->taken_slots.push_back(b.voicemail.proposed_slot);
  auto brief = nextcall::brief_for(*snapshot, contact_id);
  if (!brief) return Status::NotFound("no contact with id " + std::to_string(contact_id));
  add_display_phones(&*brief);
  NEXTCALL_RETURN_IF_ERROR(add_last_notes(store, actor.workspace.id, {&*brief}));
  return *brief;
}

}  // namespace nextcall
