#include "app/team_reads.h"

#include <atomic>
#include <thread>

namespace nextcall::team {

Status run_reads(Store& first, Store* second, SideThread* side, const std::vector<ReadTask>& tasks,
                 std::vector<int>* ran_on) {
  std::atomic<std::size_t> next{second ? std::size_t{kFirstShared} : 0};
  std::vector<Status> status(tasks.size());
  ran_on->assign(tasks.size(), 0);
  std::atomic<bool> failed{false};
  auto run = [&](Store& store, int who, std::size_t k) {
    (*ran_on)[k] = who;
    status[k] = tasks[k](store);
    if (!status[k].ok()) failed = true;
  };
  auto work = [&](Store& store, int who) {
    if (second) run(store, who, who == 0 ? kReadHistories : kReadContacts);
    for (std::size_t k = next++; k < tasks.size() && !failed; k = next++) run(store, who, k);
  };
  run_both(second ? side : nullptr, [&] { work(first, 0); }, [&] {
    if (second) work(*second, 1);
  });
  for (const Status& st : status)
    if (!st.ok()) return st;
  return Status::Ok();
}

void free_where_read(std::vector<Snapshot>& snapshots, SharedHistories& histories,
                     const std::vector<int>& ran_on, SideThread* side_thread,
                     std::unique_ptr<Store>& side) {
  const int contacts_on = ran_on[kReadContacts], histories_on = ran_on[kReadHistories],
            threads_on = ran_on[kReadThreads];
  const int other = 1 - histories_on;
  const bool other_frees = contacts_on == other || threads_on == other;  // only with a side thread
  std::atomic<std::size_t> other_done{other_frees ? 0 : snapshots.size()};
  auto free_on = [&](int who) {
    for (std::size_t r = 0; r < snapshots.size(); ++r) {
      Snapshot& s = snapshots[r];
      if (contacts_on == who) std::vector<Contact>().swap(s.contacts);
      if (threads_on == who) std::vector<Thread>().swap(s.threads);
      if (who == other) {
        if (other_frees) other_done.store(r + 1, std::memory_order_release);
      } else {
        while (other_done.load(std::memory_order_acquire) <= r) std::this_thread::yield();
        s = Snapshot{};
      }
    }
    if (who == histories_on) histories = SharedHistories();
    if (who == 1) side.reset();
  };
  run_both(side_thread, [&] { free_on(0); }, [&] { free_on(1); });
}

}  // namespace nextcall::team
