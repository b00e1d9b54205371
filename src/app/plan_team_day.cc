#include "app/plan_team_day.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "app/side_thread.h"
#include "app/team_dealing.h"
#include "app/team_reads.h"
#include "core/local_time.h"
#include "core/planner.h"
#include "core/snapshot.h"
#include "io/phone_numbers.h"

namespace nextcall {
namespace {

using team::deal;
using team::free_where_read;
using team::kReadHistories;
using team::kReadThreads;
using team::ReadTask;
using team::RepOfContact;
using team::run_reads;

template <typename T>
Status take(Result<std::vector<T>> r, std::vector<T>* into) {
  if (!r.ok()) return r.status();
  *into = std::move(r.value());
  return Status::Ok();
}

// Everything a team plan reads about the contacts that may be due, but the contacts
// themselves (which are dealt as they are read): whole lists, dealt after the load, but
// the call histories, which every snapshot borrows as they are.
struct ContactRows {
  std::vector<Account> accounts;
  std::vector<Thread> threads;
  std::vector<Thread> threads_upper;  // when read in two halves, one on each connection
  std::vector<Objection> objections;
  std::vector<Material> materials;
  std::vector<Commitment> commitments;
  std::vector<Referral> referrals;
  std::vector<Appointment> appointments;
  std::vector<ContactHistory> histories;
};

// The days being planned, with bounds for what can make a contact due in them.
DueWindow due_window(const std::vector<Snapshot>& snapshots, const std::vector<Change>& changes, Instant now) {
  DueWindow w;
  w.first_day = w.last_day = snapshots.empty() ? local_date(now, "UTC") : snapshots.front().day;
  for (const Snapshot& s : snapshots) {
    w.first_day = std::min(w.first_day, s.day);
    w.last_day = std::max(w.last_day, s.day);
  }
  // The planner reads the reps' calendars from a day before now, and the day's
  // appointments from the start of the earliest local day (up to 14 hours before UTC's).
  w.calendar_from = std::min(now, Instant{std::chrono::sys_days{w.first_day}}) - std::chrono::days{1};
  for (const Change& ch : changes)
    if (!ch.effective_on || *ch.effective_on <= w.last_day)
      w.change_cutoff = w.change_cutoff ? std::max(*w.change_cutoff, ch.created_at) : ch.created_at;
  return w;
}

}  // namespace

Result<std::vector<CallSheet>> plan_team_day(Store& store, const Workspace& workspace, std::optional<Date> day,
                                             Instant now, int threads, const OpenReader& open_reader) {
  Id ws = workspace.id;
  auto users = store.list_users(ws);
  if (!users.ok()) return users.status();
  auto settings = store.get_settings(ws);
  if (!settings.ok()) return settings.status();
  std::vector<Reason> reasons;
  std::vector<Change> changes;
  std::vector<ReasonRecord> records;
  NEXTCALL_RETURN_IF_ERROR(take(store.list_reasons(ws), &reasons));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_changes(ws), &changes));
  NEXTCALL_RETURN_IF_ERROR(take(store.list_reason_results(ws), &records));
  std::vector<MinuteCount> minutes;  // the team's calls per minute: every rep's prior
  NEXTCALL_RETURN_IF_ERROR(take(store.list_minute_counts(ws), &minutes));
  std::vector<QueuedCall> queued;  // the calls added by hand: few, every snapshot gets them
  NEXTCALL_RETURN_IF_ERROR(take(store.list_queued_calls(ws, {}), &queued));

  std::vector<Snapshot> snapshots(users->size());
  std::unordered_map<Id, std::size_t> rep_index;
  for (std::size_t r = 0; r < users->size(); ++r) {
    Snapshot& s = snapshots[r];
    const User& u = (*users)[r];
    rep_index[u.id] = r;
    s.settings = *settings;
    if (s.settings.company_name.empty()) s.settings.company_name = workspace.name;
    s.rep = u;
    s.now = now;
    s.day = day.value_or(local_date(now, u.timezone));
    s.reasons = reasons;
    s.changes = changes;
    s.workspace_minutes = minutes;
    for (const ReasonRecord& rr : records) s.reason_record[rr.reason_id] = {rr.tries, rr.advances};
    for (const QueuedCall& q : queued) s.queued.emplace(q.contact_id, q);
  }

  // Only the contacts that may be due today are read (and the rows about them): in a big
  // book most are not — a prospect called last week with nothing promised waits. (A store
  // that does not narrow gives every contact; the planner sorts them out.) With a second
  // connection, each checks half the contacts, split at an id read once: the lower half
  // from id 0, the upper up to the highest there can be, so a contact added meanwhile is in
  // one of them.
  DueWindow window = due_window(snapshots, changes, now);
  window.prospect_recall_days = settings->prospect_recall_days;
  window.new_contacts_per_day = settings->new_contacts_per_day;
  using MaybeIds = std::optional<std::vector<Id>>;
  // One side thread for the whole plan (side_thread.h): the rows it reads are freed on it.
  std::optional<SideThread> side_thread;
  if (threads > 1) side_thread.emplace();
  SideThread* const helper = side_thread ? &*side_thread : nullptr;
  std::unique_ptr<Store> side;  // the second connection, when there is one
  Result<MaybeIds> may_be_due = MaybeIds();
  std::vector<std::vector<Id>> halves;  // the lower and upper halves' ids, when both narrow
  Id halves_split = 0;                  // the upper half's first id
  if (open_reader && side_thread) {
    auto in_use = store.contact_ids_in_use();
    if (!in_use.ok()) return in_use.status();
    IdSpan lower, upper_span;
    if (*in_use) {
      lower.last = (*in_use)->first + ((*in_use)->last - (*in_use)->first) / 2;
      upper_span.first = lower.last + 1;
      halves_split = upper_span.first;
    } else {
      upper_span.first = 1, upper_span.last = 0;  // nothing to split: the upper half is empty
    }
    Result<MaybeIds> upper = MaybeIds();
    side_thread->both([&] { may_be_due = store.contacts_that_may_be_due(ws, window, lower); },
                      [&] {
                        auto opened = open_reader();
                        if (!opened.ok()) {
                          upper = opened.status();
                          return;
                        }
                        side = std::move(opened.value());
                        upper = side->contacts_that_may_be_due(ws, window, upper_span);
                      });
    if (!upper.ok()) return upper.status();
    if (may_be_due.ok()) {
      MaybeIds& ids = may_be_due.value();
      if (ids && upper.value()) {  // both narrow: the lower half's ids, then the upper's
        halves.emplace_back(*ids);  // kept apart too: the threads are read by halves
        ids->insert(ids->end(), upper.value()->begin(), upper.value()->end());
        halves.emplace_back(std::move(*upper.value()));
      } else {
        ids.reset();
      }
    }
  } else {
    may_be_due = store.contacts_that_may_be_due(ws, window);
  }
  if (!may_be_due.ok()) return may_be_due.status();
  // A contact added by hand is due whatever its dates say: the narrowed read takes it too
  // (in the half its id falls in, for the reads split by halves).
  if (may_be_due.value() && !queued.empty()) {
    auto add_sorted = [](std::vector<Id>& v, Id id) {
      auto at = std::lower_bound(v.begin(), v.end(), id);
      if (at == v.end() || *at != id) v.insert(at, id);
    };
    for (const QueuedCall& q : queued) {
      add_sorted(*may_be_due.value(), q.contact_id);
      if (halves.size() == 2) add_sorted(q.contact_id < halves_split ? halves[0] : halves[1], q.contact_id);
    }
  }
  const MaybeIds ids = std::move(may_be_due.value());
  const std::vector<Id>* only = ids ? &*ids : nullptr;

  // Contacts in storage order, dealt to their owners as they are read (400,000 of them are
  // not gathered in one list first). Each rep's list is sized for an even share and a
  // quarter more: most books fit, a bigger one grows once or twice.
  Filter some;
  some.contact_ids = only;
  RepOfContact rep_of_contact;
  std::unordered_map<Id, std::vector<std::size_t>> reps_of_account;
  if (ids && !snapshots.empty()) {
    rep_of_contact.reserve(ids->size());
    std::size_t share = ids->size() / snapshots.size();
    for (Snapshot& s : snapshots) s.contacts.reserve(share + share / 4 + 16);
  }
  ContactRows rows;
  // Longest first (kReadContacts, kReadHistories, kReadThreads, then the rest). Referrals
  // and appointments are few and read whole: the reps' calendars need every coming
  // appointment. With two halves, the threads are read in two, one half on each
  // connection as it finishes its first read, for the two to end together.
  Filter lower_half, upper_half;
  if (halves.size() == 2) lower_half.contact_ids = &halves[0], upper_half.contact_ids = &halves[1];
  const Filter& threads_filter = halves.size() == 2 ? lower_half : some;
  std::vector<ReadTask> reads = {
      [&](Store& st) {
        return st.each_contact(ws, some, [&](Contact&& c) {
          if (!c.owner_id) return;
          auto it = rep_index.find(*c.owner_id);
          if (it == rep_index.end()) return;
          rep_of_contact.add(c.id, static_cast<std::uint32_t>(it->second));
          if (c.account_id) reps_of_account[*c.account_id].push_back(it->second);
          snapshots[it->second].contacts.push_back(std::move(c));
        });
      },
      [&](Store& st) { return take(st.list_call_histories(ws, some), &rows.histories); },
      [&](Store& st) { return take(st.list_threads(ws, threads_filter), &rows.threads); },
      [&](Store& st) { return take(st.list_commitments(ws, some), &rows.commitments); },
      [&](Store& st) { return take(st.list_objections(ws, some), &rows.objections); },
      [&](Store& st) { return take(st.list_materials(ws, some), &rows.materials); },
      [&](Store& st) { return take(st.list_accounts(ws, {}), &rows.accounts); },
      [&](Store& st) { return take(st.list_referrals(ws, {}), &rows.referrals); },
      [&](Store& st) { return take(st.list_appointments(ws, {}), &rows.appointments); },
  };
  if (halves.size() == 2)
    reads.insert(reads.begin() + kReadThreads + 1,
                 [&](Store& st) { return take(st.list_threads(ws, upper_half), &rows.threads_upper); });
  std::vector<int> ran_on;  // which thread read what: it frees it too
  NEXTCALL_RETURN_IF_ERROR(run_reads(store, side.get(), helper, reads, &ran_on));

  const int histories_on = ran_on[kReadHistories];

  // The thread that read the call histories lends them to the snapshots while the other
  // deals the rest: each snapshot field is written by one thread.
  rep_of_contact.done_adding();
  auto deal_rest = [&] {
    // Each account to the reps who own its contacts, once each.
    for (const Account& a : rows.accounts) {
      auto it = reps_of_account.find(a.id);
      if (it == reps_of_account.end()) continue;
      std::size_t last = SIZE_MAX;
      for (std::size_t r : it->second)
        if (r != last) snapshots[r].accounts.push_back(a), last = r;
    }
    // Accounts were pushed once per contact run; keep one copy each.
    for (Snapshot& s : snapshots) {
      std::sort(s.accounts.begin(), s.accounts.end(), [](const Account& a, const Account& b) { return a.id < b.id; });
      s.accounts.erase(std::unique(s.accounts.begin(), s.accounts.end(),
                                   [](const Account& a, const Account& b) { return a.id == b.id; }),
                       s.accounts.end());
    }
    // The lower half's threads, then the upper's: each rep's stay in contact order.
    for (std::vector<Thread>* part : {&rows.threads, &rows.threads_upper})
      deal(*part, rep_of_contact, [](const Thread& t) { return t.contact_id; }, snapshots, &Snapshot::threads);
    deal(rows.objections, rep_of_contact, [](const Objection& t) { return t.contact_id; }, snapshots,
         &Snapshot::objections);
    deal(rows.materials, rep_of_contact, [](const Material& t) { return t.contact_id; }, snapshots,
         &Snapshot::materials);
    deal(rows.commitments, rep_of_contact, [](const Commitment& t) { return t.contact_id; }, snapshots,
         &Snapshot::commitments);
    deal(rows.referrals, rep_of_contact, [](const Referral& t) { return t.referred_contact_id; }, snapshots,
         &Snapshot::referrals);
    // The reps' own calendars (free slots, nearness), from a day before now.
    Instant from = now - std::chrono::days{1};
    for (const Appointment& a : rows.appointments) {
      if (!a.rep_id || a.starts_at < from) continue;
      auto it = rep_index.find(*a.rep_id);
      if (it != rep_index.end()) snapshots[it->second].rep_appointments.push_back(a);
    }
    deal(rows.appointments, rep_of_contact, [](const Appointment& t) { return t.contact_id; }, snapshots,
         &Snapshot::appointments);
  };
  // The call histories are not dealt: every snapshot borrows the one list read, which saves
  // copying 400,000 of them out (87 MB of fresh memory on the benchmark's workspace).
  SharedHistories histories;
  auto deal_on = [&](int who) {
    if (who == histories_on) {
      histories = SharedHistories(std::move(rows.histories));
      for (Snapshot& s : snapshots) s.shared_histories = &histories;
    } else {
      deal_rest();
    }
  };
  run_both(helper, [&] { deal_on(0); }, [&] { deal_on(1); });

  // Plan the reps' days side by side: the planner is pure, each snapshot its own. This
  // thread and the side thread, and more when asked for.
  std::vector<CallSheet> sheets(snapshots.size());
  std::atomic<std::size_t> next{0};
  auto plan_reps = [&] {
    for (std::size_t r = next++; r < snapshots.size(); r = next++) {
      Snapshot& s = snapshots[r];
      if (!s.rep.phone_e164.empty()) s.rep_phone_display = format_phone_national(s.rep.phone_e164);
      s.index();
      sheets[r] = plan_day(s);
      for (Brief& b : sheets[r].calls) b.phone_display = format_phone_national(b.phone_e164);
    }
  };
  run_both(
      helper,
      [&] {
        std::vector<std::thread> more;
        for (int t = 2; t < std::min(threads, static_cast<int>(snapshots.size())); ++t) more.emplace_back(plan_reps);
        plan_reps();
        for (std::thread& t : more) t.join();
      },
      plan_reps);

  free_where_read(snapshots, histories, ran_on, helper, side);
  return sheets;
}

}  // namespace nextcall
