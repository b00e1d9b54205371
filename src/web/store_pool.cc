#include "web/store_pool.h"

#include <algorithm>

#include "store/db_secrets.h"

namespace nextcall::web {

namespace {

constexpr const char* kBusy = "every database connection of this server stayed in use for ";

}  // namespace

StorePool::StorePool(std::string url, PoolLimits limits) : url_(std::move(url)), limits_(limits) {
  if (limits_.idle.count() > 0) reaper_ = std::thread([this] { reap(); });
}

StorePool::~StorePool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  stop_.notify_all();
  if (reaper_.joinable()) reaper_.join();
}

bool StorePool::busy(const Status& s) {
  return s.code() == Code::kUnavailable && s.message().rfind(kBusy, 0) == 0;
}

Result<StorePool::Lease> StorePool::acquire() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    const auto limit = static_cast<std::size_t>(std::max(limits_.size, 0));
    auto can_go = [&] { return !idle_.empty() || limit == 0 || open_ < limit; };
    if (!can_go()) {
      ++waiting_;
      const bool got = freed_.wait_for(lock, limits_.wait, can_go);
      --waiting_;
      if (!got)
        return Status::Unavailable(std::string(kBusy) + std::to_string(limits_.wait.count()) + " ms (" +
                                   std::to_string(limit) + " open; see serve --db-pool and --db-pool-wait-ms)");
    }
    if (!idle_.empty()) {
      auto s = std::move(idle_.back().store);
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
    ++open_;  // this slot is taken while the store opens, outside the lock
  }
  auto s = open_store(url_);
  if (!s.ok()) {
    forget_one();
    return Status(s.status().code(), mask_db_secrets(s.status().message(), url_));
  }
  return Lease(this, std::move(*s));
}

void StorePool::drop_idle() {
  std::vector<Idle> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    dropped.swap(idle_);
    open_ -= dropped.size();
  }
  freed_.notify_all();
  // Closed outside the lock: closing may wait on the network.
}

std::size_t StorePool::close_idle(SteadyClock::time_point now) {
  if (limits_.idle.count() <= 0) return 0;
  std::vector<Idle> closed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    // The least recently used come first; those idle long enough go.
    auto keep = std::find_if(idle_.begin(), idle_.end(), [&](const Idle& i) { return now - i.since < limits_.idle; });
    closed.assign(std::make_move_iterator(idle_.begin()), std::make_move_iterator(keep));
    idle_.erase(idle_.begin(), keep);
    open_ -= closed.size();
  }
  if (!closed.empty()) freed_.notify_all();
  return closed.size();
}

std::size_t StorePool::open_count() {
  std::lock_guard<std::mutex> lock(mu_);
  return open_;
}

std::size_t StorePool::waiting_count() {
  std::lock_guard<std::mutex> lock(mu_);
  return waiting_;
}

void StorePool::reap() {
  // Looks a few times per idle period, at most every 30 s.
  const auto every = std::min<std::chrono::milliseconds>(limits_.idle / 4, std::chrono::seconds(30));
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_.wait_for(lock, std::max(every, std::chrono::milliseconds(100)), [this] { return stopping_; })) {
    lock.unlock();
    close_idle(SteadyClock::now());
    lock.lock();
  }
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
  if (s->connection_lost()) {  // closed here; the next request opens a fresh one
    s.reset();
    return forget_one();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back({std::move(s), SteadyClock::now()});
  }
  freed_.notify_one();
}

void StorePool::forget_one() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
  }
  freed_.notify_one();
}

}  // namespace nextcall::web
