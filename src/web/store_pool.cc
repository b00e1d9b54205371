#include "web/store_pool.h"

#include <algorithm>
#include <thread>

#include "store/db_secrets.h"

namespace nextcall::web {

Result<StorePool::Lease> StorePool::acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  auto s = open_store(url_);
  if (!s.ok()) return Status(s.status().code(), mask_db_secrets(s.status().message(), url_));
  return Lease(this, std::move(*s));
}

void StorePool::drop_idle() {
  std::vector<std::unique_ptr<Store>> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    dropped.swap(idle_);
  }
  // Closed outside the lock: closing may wait on the network.
}

Status StorePool::wait_until_open(std::chrono::seconds limit, std::ostream& log) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + limit;
  auto pause = std::chrono::milliseconds(500);
  for (;;) {
    auto lease = acquire();
    if (lease.ok()) return Status::Ok();
    if (lease.status().code() != Code::kUnavailable) return lease.status();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left <= std::chrono::milliseconds(0))
      return Status(Code::kUnavailable, lease.status().message() + " (gave up after waiting " +
                                            std::to_string(limit.count()) + " s; see --db-wait)");
    pause = std::min({pause, left, std::chrono::milliseconds(5000)});
    log << "nextcall serve: the database is not reachable yet (" << lease.status().message()
        << "); trying again in " << pause.count() / 1000.0 << " s, for up to " << (left.count() + 999) / 1000
        << " s more\n"
        << std::flush;
    std::this_thread::sleep_for(pause);
    pause *= 2;
  }
}

void StorePool::give_back(std::unique_ptr<Store> s) {
  if (s->connection_lost()) return;  // closed here; the next request opens a fresh one
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

}  // namespace nextcall::web
