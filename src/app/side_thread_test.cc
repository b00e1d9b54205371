#include "app/side_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace nextcall {
namespace {

TEST(SideThreadTest, RunsEachPartOnTheSameSecondThreadAndWaitsForBoth) {
  SideThread side;
  std::vector<std::thread::id> theirs, mine;
  for (int k = 0; k < 50; ++k) {
    std::atomic<int> done{0};
    side.both([&] { mine.push_back(std::this_thread::get_id()), ++done; },
              [&] {
                std::this_thread::yield();
                theirs.push_back(std::this_thread::get_id());
                ++done;
              });
    ASSERT_EQ(done, 2) << "returned before both parts were done";
  }
  for (std::size_t k = 0; k < theirs.size(); ++k) {
    EXPECT_EQ(mine[k], std::this_thread::get_id());
    EXPECT_EQ(theirs[k], theirs[0]) << "part " << k << " ran on another side thread";
    EXPECT_NE(theirs[k], std::this_thread::get_id());
  }
}

TEST(SideThreadTest, AFailureOnEitherSideIsThrownOnceBothAreDone) {
  SideThread side;
  bool theirs_done = false;
  EXPECT_THROW(side.both([] { throw std::runtime_error("mine"); },
                         [&] {
                           std::this_thread::sleep_for(std::chrono::milliseconds(20));
                           theirs_done = true;
                         }),
               std::runtime_error);
  EXPECT_TRUE(theirs_done);
  bool mine_done = false;
  EXPECT_THROW(side.both([&] { mine_done = true; }, [] { throw std::logic_error("theirs"); }), std::logic_error);
  EXPECT_TRUE(mine_done);
  // Still usable afterwards.
  int sum = 0;
  side.both([&] { sum += 1; }, [&] { sum += 2; });
  EXPECT_EQ(sum, 3);
}

}  // namespace
}  // namespace nextcall
