// Rate limit on failed sign-ins, per key (the address and the e-mail): after `allowed`
// failures within `window`, further attempts are refused until the oldest failure ages
// out. A successful sign-in forgets the key's failures.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/model.h"

namespace nextcall::web {

class SignInLimiter {
 public:
  SignInLimiter(int allowed, std::chrono::seconds window) : allowed_(allowed), window_(window) {}

  // Seconds to wait before the next attempt for `key`; 0 when it may go ahead.
  long wait_seconds(const std::string& key, Instant now);
  void failed(const std::string& key, Instant now);
  void succeeded(const std::string& key);

 private:
  void expire(std::deque<Instant>& q, Instant now) const;

  int allowed_;
  std::chrono::seconds window_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<Instant>> failures_;
};

}  // namespace nextcall::web
