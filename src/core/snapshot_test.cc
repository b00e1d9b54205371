// The snapshot's lookups after index(): each contact's rows, account and the contact by id,
// whatever order the rows were filled in.
#include "core/snapshot.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace nextcall
