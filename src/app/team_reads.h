// A team plan's reads on one or two connections, and the freeing of what they read on the
// thread that read it (app/plan_team_day.cc).
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "app/side_thread.h"
#include "core/snapshot.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall::team {

using ReadTask = std::function<Status(Store&)>;

// The first reads of a team plan, in this order: who starts with which, and the freeing
// goes by who read them.
enum FirstReads : std::size_t { kReadContacts, kReadHistories, kReadThreads, kFirstShared = kReadThreads };

// Runs the reads in `tasks`, on this thread with `first` and, when there is a second
// connection, on the side thread with it, each connection taking the next read as it
// finishes one. The two longest start side by side: the call histories on `first`, whose
// page cache the earlier reads have already allocated (a new connection allocates and
// faults in its own as it fills), the contacts on the second, which is new for each plan.
// The rest go to whichever is free first, so neither waits on a split fixed in advance (the
// shares depend on the book: threads, objections, ...). Each connection reads in its own
// transaction, so a call logged in between may show in one read and not another: the same
// plan as one made a moment later. `ran_on[k]` is 0 when read k ran on this thread.
Status run_reads(Store& first, Store* second, SideThread* side, const std::vector<ReadTask>& tasks,
                 std::vector<int>* ran_on);

// Frees the snapshots once every rep is planned, each kind of row on the thread that read
// it (`ran_on`, from run_reads; see FirstReads), and the second connection on the side
// thread that opened it. Memory freed on another thread than its owner's goes back on a
// list the owner walks the next time it allocates there; freed rep by rep on the planning
// threads, that walk (one pointer a block, for 1,700,000 blocks of call history alone) was
// the top entry of a team plan's profile. The price is
// the peak: the rows and the sheets are held together for a moment. The thread that read
// the call histories frees each snapshot once the other has freed the contacts and threads
// it read there, and then the call histories the snapshots shared (`histories`). (Threads
// read in two halves are freed by the reader of the lower half; the upper half's strings go
// back to their reader's list, a fraction of the blocks.)
void free_where_read(std::vector<Snapshot>& snapshots, SharedHistories& histories,
                     const std::vector<int>& ran_on, SideThread* side_thread,
                     std::unique_ptr<Store>& side);

}  // namespace nextcall::team
