#include "core/snapshot.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/forward_search.h"

namespace nextcall {
namespace {

// Stable-sorts rows by `less`, moving each row once: the rows are big (strings), so
// their indices are sorted and the rows moved into place at the end. Rows already in
// order are left alone.
template <typename T, typename Less>
void sort_rows(std::vector<T>& rows, Less less) {
  if (std::is_sorted(rows.begin(), rows.end(), less)) return;
  std::vector<std::uint32_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return less(rows[a], rows[b]); });
  std::vector<T> sorted;
  sorted.reserve(rows.size());
  for (std::uint32_t i : order) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
}

// Sorts rows by their contact (then keeps their order) and sets each contact's range.
template <typename T, typename Key, typename Set>
void group(std::vector<T>& rows, const std::vector<Contact>& contacts, Key key, Set set) {
  sort_rows(rows, [&](const T& a, const T& b) { return key(a) < key(b); });
  std::size_t r = 0;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    Id id = contacts[i].id;
    while (r < rows.size() && key(rows[r]) < id) ++r;
    std::size_t begin = r;
    while (r < rows.size() && key(rows[r]) == id) ++r;
    set(i, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(r));
  }
}

}  // namespace

const CallHistory Snapshot::kNeverCalled{};

SharedHistories::SharedHistories(std::vector<ContactHistory> rows) : rows_(std::move(rows)) {
  sort_rows(rows_, [](const ContactHistory& a, const ContactHistory& b) {
    return a.contact_id < b.contact_id;
  });
  ids_.reserve(rows_.size());
  for (const ContactHistory& h : rows_) ids_.push_back(h.contact_id);
}

void Snapshot::index() {
  sort_rows(contacts, [](const Contact& a, const Contact& b) { return a.id < b.id; });
  sort_rows(accounts, [](const Account& a, const Account& b) { return a.id < b.id; });
  ranges_.assign(contacts.size(), {});
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const std::optional<Id>& account = contacts[i].account_id;
    if (!account) continue;
    auto it = std::lower_bound(accounts.begin(), accounts.end(), *account,
                               [](const Account& a, Id id) { return a.id < id; });
    if (it != accounts.end() && it->id == *account)
      ranges_[i].account = static_cast<std::uint32_t>(it - accounts.begin());
  }
  group(threads, contacts, [](const Thread& t) { return t.contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].threads = {b, e}; });
  group(objections, contacts, [](const Objection& t) { return t.contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].objections = {b, e}; });
  group(materials, contacts, [](const Material& t) { return t.contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].materials = {b, e}; });
  group(commitments, contacts, [](const Commitment& t) { return t.contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].commitments = {b, e}; });
  group(referrals, contacts, [](const Referral& t) { return t.referred_contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].referrals = {b, e}; });
  group(appointments, contacts, [](const Appointment& t) { return t.contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].appointments = {b, e}; });
  // Attempts: by contact, then by time (the planner reads the last ones).
  sort_rows(attempts, [](const Attempt& a, const Attempt& b) {
    return a.contact_id != b.contact_id ? a.contact_id < b.contact_id : a.at < b.at;
  });
  group(attempts, contacts, [](const Attempt& t) { return t.contact_id; },
        [&](std::size_t i, std::uint32_t b, std::uint32_t e) { ranges_[i].attempts = {b, e}; });
  // Histories: the store's where it gave one, else summed up from the calls here.
  // A shared list holds other snapshots' contacts between these: its ids are searched
  // forward (a few steps, then halving) from the last one found rather than walked one by one.
  sort_rows(histories, [](const ContactHistory& a, const ContactHistory& b) { return a.contact_id < b.contact_id; });
  const std::vector<ContactHistory>& rows = history_rows();
  summarized_.clear();
  auto find_each = [&](auto first, auto last, auto id_of) {
    auto at = first;
    for (std::size_t i = 0; i < contacts.size(); ++i) {
      Id id = contacts[i].id;
      at = lower_bound_forward(at, last, id,
                               [&](const auto& row, Id key) { return id_of(row) < key; });
      if (at != last && id_of(*at) == id) {
        ranges_[i].history = static_cast<std::uint32_t>(at - first);
      } else if (ranges_[i].attempts.end > ranges_[i].attempts.begin) {
        ranges_[i].history = static_cast<std::uint32_t>(rows.size() + summarized_.size());
        summarized_.push_back(summarize_calls(attempts_of(i), zone_of(i), settings));
      }
    }
  };
  if (&rows == &histories) {
    find_each(rows.begin(), rows.end(), [](const ContactHistory& h) { return h.contact_id; });
  } else {
    const std::vector<Id>& ids = shared_histories->ids();
    find_each(ids.begin(), ids.end(), [](Id id) { return id; });
  }
}

const Account* Snapshot::account_of(std::size_t i) const {
  if (i >= ranges_.size()) return nullptr;  // not indexed yet
  std::uint32_t a = ranges_[i].account;
  return a == kNoAccount ? nullptr : &accounts[a];
}

const Contact* Snapshot::contact_by_id(Id id) const {
  auto it = std::lower_bound(contacts.begin(), contacts.end(), id, [](const Contact& c, Id key) { return c.id < key; });
  return it != contacts.end() && it->id == id ? &*it : nullptr;
}

}  // namespace nextcall
