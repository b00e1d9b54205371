#include "web/store_pool.h"

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
  if (!s.ok()) return s.status();
  return Lease(this, std::move(*s));
}

void StorePool::give_back(std::unique_ptr<Store> s) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
}

}  // namespace nextcall::web
