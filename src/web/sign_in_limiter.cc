#include "web/sign_in_limiter.h"

namespace nextcall::web {

void SignInLimiter::expire(std::deque<Instant>& q, Instant now) const {
  while (!q.empty() && q.front() + window_ <= now) q.pop_front();
}

long SignInLimiter::wait_seconds(const std::string& key, Instant now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  expire(it->second, now);
  if (static_cast<int>(it->second.size()) < allowed_) return 0;
  return (it->second.front() + window_ - now).count();
}

void SignInLimiter::failed(const std::string& key, Instant now) {
  std::lock_guard<std::mutex> lock(mu_);
  // Bound the memory an attacker can make us use with made-up e-mails.
  if (failures_.size() > 100000) failures_.clear();
  auto& q = failures_[key];
  expire(q, now);
  q.push_back(now);
}

void SignInLimiter::succeeded(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  failures_.erase(key);
}

}  // namespace nextcall::web
