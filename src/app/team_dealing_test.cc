#include "app/team_dealing.h"

#include <gtest/gtest.h>

namespace nextcall::team {
namespace {

TEST(RepOfContactTest, FindsEachContactsRepForwardBackwardAndMissing) {
  RepOfContact reps;
  for (Id id : {3, 5, 8, 13, 21}) reps.add(id, static_cast<std::uint32_t>(id % 4));
  reps.done_adding();
  std::size_t at = 0;
  EXPECT_EQ(reps.find(5, at), 1);
  EXPECT_EQ(reps.find(13, at), 1);
  EXPECT_EQ(reps.find(14, at), -1);  // not read
  EXPECT_EQ(reps.find(21, at), 1);
  EXPECT_EQ(reps.find(3, at), 3);  // behind the place: searched again from the start
  EXPECT_EQ(reps.find(8, at), 0);
  EXPECT_EQ(reps.find(99, at), -1);
  EXPECT_EQ(reps.find(1, at), -1);
}

TEST(RepOfContactTest, ContactsAddedOutOfOrderAreSortedBeforeTheFirstFind) {
  RepOfContact reps;
  for (Id id : {40, 10, 30, 20}) reps.add(id, static_cast<std::uint32_t>(id / 10));
  reps.done_adding();
  std::size_t at = 0;
  for (Id id : {10, 20, 30, 40}) EXPECT_EQ(reps.find(id, at), id / 10) << id;
}


TEST(DealTest, EachRowGoesToItsContactsRepInOrderAndUnownedRowsStayBehind) {
  RepOfContact reps;
  reps.add(1, 0);
  reps.add(2, 1);
  reps.add(4, 0);
  reps.done_adding();
  std::vector<Snapshot> snapshots(2);
  snapshots[1].threads.push_back(Thread{});  // a part dealt before: kept, the rest added after
  std::vector<Thread> rows;
  for (auto [contact, topic] : std::vector<std::pair<Id, const char*>>{
           {1, "a"}, {1, "b"}, {2, "c"}, {3, "nobody's"}, {4, "d"}, {5, "nobody's"}}) {
    Thread& t = rows.emplace_back();
    t.contact_id = contact;
    t.topic = topic;
  }
  deal(rows, reps, [](const Thread& t) { return t.contact_id; }, snapshots, &Snapshot::threads);
  EXPECT_TRUE(rows.empty());
  ASSERT_EQ(snapshots[0].threads.size(), 3u);
  EXPECT_EQ(snapshots[0].threads[0].topic, "a");
  EXPECT_EQ(snapshots[0].threads[1].topic, "b");
  EXPECT_EQ(snapshots[0].threads[2].topic, "d");
  ASSERT_EQ(snapshots[1].threads.size(), 2u);
  EXPECT_EQ(snapshots[1].threads[1].topic, "c");
}

}  // namespace
}  // namespace nextcall::team
