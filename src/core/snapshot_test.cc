// The snapshot's lookups after index(): each contact's rows, account and the contact by id,
// whatever order the rows were filled in.
#include "core/snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace nextcall {
namespace {

Contact contact(Id id, std::optional<Id> account) {
  Contact c;
  c.id = id;
  c.first_name = "C" + std::to_string(id);
  c.account_id = account;
  return c;
}

Account account(Id id, const std::string& name) {
  Account a;
  a.id = id;
  a.name = name;
  return a;
}

ContactHistory history_of(Id contact, int calls) {
  ContactHistory h;
  h.contact_id = contact;
  h.history.calls = calls;
  return h;
}

// A team plan lends every snapshot one list of histories holding other reps' contacts too.
TEST(SnapshotTest, ASharedListOfHistoriesIsSearchedForEachContact) {
  std::vector<ContactHistory> rows;
  for (Id id = 200; id >= 1; --id)  // out of order: the list sorts them
    if (id != 120) rows.push_back(history_of(id, static_cast<int>(id) * 10));
  const SharedHistories shared(std::move(rows));
  ASSERT_EQ(shared.ids().size(), 199u);
  EXPECT_TRUE(std::is_sorted(shared.ids().begin(), shared.ids().end()));
  for (std::size_t k = 0; k < shared.ids().size(); ++k)
    EXPECT_EQ(shared.ids()[k], shared.rows()[k].contact_id);
  Snapshot s;
  s.contacts = {contact(150, std::nullopt), contact(3, std::nullopt), contact(120, std::nullopt),
                contact(199, std::nullopt), contact(500, std::nullopt)};
  Attempt a;
  a.contact_id = 500;
  a.at = Instant{std::chrono::seconds{1'790'000'000}};
  a.outcome = Outcome::kNoAnswer;
  s.attempts = {a};  // no row in the list: summed up from its calls
  s.shared_histories = &shared;
  s.index();
  std::map<Id, int> calls;
  for (std::size_t i = 0; i < s.contacts.size(); ++i) calls[s.contacts[i].id] = s.history_of(i).calls;
  EXPECT_EQ(calls, (std::map<Id, int>{{3, 30}, {120, 0}, {150, 1500}, {199, 1990}, {500, 1}}));
  // Its own rows, when it has them, come first.
  Snapshot own;
  own.contacts = {contact(3, std::nullopt)};
  own.histories = {history_of(3, 7)};
  own.shared_histories = &shared;
  own.index();
  EXPECT_EQ(own.history_of(0).calls, 7);
}

TEST(SnapshotTest, LookupsFindEachContactsAccountAndRowsInAnyFillOrder) {
  Snapshot s;
  s.contacts = {contact(30, 7), contact(10, 5), contact(20, std::nullopt), contact(40, 99)};
  s.accounts = {account(7, "Seven"), account(5, "Five"), account(6, "Six")};
  Thread t;
  t.contact_id = 30;
  t.topic = "the new line";
  s.threads = {t};
  s.index();
  ASSERT_EQ(s.contacts.size(), 4u);
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    const Contact& c = s.contacts[i];
    const Account* a = s.account_of(i);
    if (c.id == 10) {
      ASSERT_NE(a, nullptr);
      EXPECT_EQ(a->name, "Five");
    } else if (c.id == 30) {
      ASSERT_NE(a, nullptr);
      EXPECT_EQ(a->name, "Seven");
      ASSERT_EQ(s.threads_of(i).size(), 1u);
      EXPECT_EQ(s.threads_of(i)[0].topic, "the new line");
    } else {
      EXPECT_EQ(a, nullptr) << c.id;  // none, or one not in the snapshot
      EXPECT_TRUE(s.threads_of(i).empty());
    }
    ASSERT_NE(s.contact_by_id(c.id), nullptr);
    EXPECT_EQ(s.contact_by_id(c.id)->first_name, c.first_name);
  }
  EXPECT_EQ(s.contact_by_id(15), nullptr);
  EXPECT_EQ(s.contact_by_id(41), nullptr);
  EXPECT_EQ(s.contact_by_id(1), nullptr);
}

// Each contact's history: the store's where it gave one (in any order, one for a contact
// not in the snapshot too), summed up from the calls where it gave none, else empty.
TEST(SnapshotTest, EachContactHasItsStoredHistoryOrOneSummedUpFromItsCalls) {
  Snapshot s;
  s.rep.timezone = "UTC";
  s.contacts = {contact(30, std::nullopt), contact(10, std::nullopt), contact(20, std::nullopt),
                contact(40, std::nullopt)};
  auto stored = [](Id contact_id, int calls) {
    ContactHistory h;
    h.contact_id = contact_id;
    h.history.calls = calls;
    return h;
  };
  s.histories = {stored(40, 4), stored(25, 99), stored(10, 1)};
  for (int k = 0; k < 3; ++k) {  // 30 has calls but no stored history
    Attempt a;
    a.contact_id = 30;
    a.at = Instant{std::chrono::seconds{1'790'000'000 + 3600 * k}};
    a.outcome = k == 2 ? Outcome::kConnected : Outcome::kNoAnswer;
    s.attempts.push_back(a);
  }
  s.index();
  for (std::size_t i = 0; i < s.contacts.size(); ++i) {
    const CallHistory& h = s.history_of(i);
    switch (s.contacts[i].id) {
      case 10: EXPECT_EQ(h.calls, 1); break;
      case 20: EXPECT_EQ(h.calls, 0); EXPECT_FALSE(h.last_at.has_value()); break;
      case 30:
        EXPECT_EQ(h.calls, 3);
        EXPECT_EQ(h.misses_since_connect, 0);
        ASSERT_TRUE(h.last_connect_at.has_value());
        break;
      case 40: EXPECT_EQ(h.calls, 4); break;
      default: ADD_FAILURE() << s.contacts[i].id;
    }
  }
}

}  // namespace
}  // namespace nextcall
