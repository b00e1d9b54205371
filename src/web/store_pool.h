// One Store per concurrent request: stores are opened on demand, lent to a request and
// taken back afterwards, so a busy server holds as many connections as it runs threads.
// A store whose connection to its database server is gone (a restart, a terminated
// backend, an idle timeout) is not taken back: the next request opens a fresh one.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "store/store.h"

namespace nextcall::web {

class StorePool {
 public:
  explicit StorePool(std::string url) : url_(std::move(url)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> s) : pool_(pool), store_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    Store& operator*() { return *store_; }
    Store* operator->() { return store_.get(); }
    // Closes the store instead of giving it back (its connection is broken).
    void discard() { store_.reset(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  // An idle store, else a newly opened one. Unavailable (with the cause, passwords
  // masked) when the database cannot be reached.
  Result<Lease> acquire();
  // Closes every idle store: after one connection was found broken, the others (opened
  // to the same server before it restarted) most likely are too.
  void drop_idle();
  // Opens a first store, waiting while the database is unreachable: tries again after
  // 0.5, 1, 2, 4 … seconds (at most 5 apart), saying so on `log`, for up to `limit`.
  // Returns the last failure when the time is up, or at once a failure that waiting
  // will not cure (a wrong password, a newer schema).
  Status wait_until_open(std::chrono::seconds limit, std::ostream& log);

 private:
  void give_back(std::unique_ptr<Store> s);

  std::string url_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace nextcall::web
