// One Store per concurrent request: stores are opened on demand, lent to a request and
// taken back afterwards. At most `size` are open at once (serve --db-pool): a request that
// finds them all lent waits in line for one up to `wait` (then Busy: 503 with Retry-After),
// so a server never holds more connections than its pool, however many threads it runs,
// and a role's connection limit leaves room for the CLI and the other servers. A store
// idle for `idle` is closed. A store whose connection to its database server is gone (a
// restart, a terminated backend, an idle timeout) is not taken back: the next request
// opens a fresh one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace nextcall::web {

struct PoolLimits {
  int size = 8;                                          // stores open at once; 0: no limit
  std::chrono::milliseconds wait{5000};                  // how long a request waits for one
  std::chrono::seconds idle = std::chrono::minutes(5);  // an idle store is closed after this; 0: never
};

class StorePool {
 public:
  using SteadyClock = std::chrono::steady_clock;

  explicit StorePool(std::string url, PoolLimits limits = {});
  ~StorePool();
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> s) : pool_(pool), store_(std::move(s)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), store_(std::move(o.store_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }
    // Closes the store instead of giving it back (its connection is broken).
    void discard() {
      if (!store_) return;
      store_.reset();
      pool_->forget_one();
    }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // An idle store, else a newly opened one while fewer than `size` are open, else the first
  // one given back within `wait`. Unavailable (with the cause, passwords masked) when the
  // database cannot be reached; busy() is true of the Status when the wait ran out.
  Result<Lease> acquire();
  // True of the Status acquire() returns when every store stayed lent for the whole wait.
  static bool busy(const Status& s);
  // Closes every idle store: after one connection was found broken, the others (opened
  // to the same server before it restarted) most likely are too.
  void drop_idle();
  // Closes the stores idle since before `now - idle`; returns how many. A thread of the
  // pool calls it every so often; tests call it with a later `now`.
  std::size_t close_idle(SteadyClock::time_point now);
  // Stores open (lent or idle), and requests waiting for one.
  std::size_t open_count();
  std::size_t waiting_count();
  const PoolLimits& limits() const { return limits_; }
  // Opens a first store, waiting while the database is unreachable: tries again after
  // 0.5, 1, 2, 4 … seconds (at most 5 apart), saying so on `log`, for up to `limit`.
  // Returns the last failure when the time is up, or at once a failure that waiting
  // will not cure (a wrong password, a newer schema).
  Status wait_until_open(std::chrono::seconds limit, std::ostream& log);

 private:
  struct Idle {
    std::unique_ptr<Store> store;
    SteadyClock::time_point since;
  };
  void give_back(std::unique_ptr<Store> s);
  void forget_one();  // a lent store was closed
  void reap();        // the idle-closing thread

  std::string url_;
  PoolLimits limits_;
  std::mutex mu_;
  std::condition_variable freed_;  // a store was given back or closed
  std::vector<Idle> idle_;         // the most recently used last
  std::size_t open_ = 0;           // lent + idle (+ being opened)
  std::size_t waiting_ = 0;
  bool stopping_ = false;
  std::condition_variable stop_;
  std::thread reaper_;
};

}  // namespace nextcall::web
