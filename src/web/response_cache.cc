#include "web/response_cache.h"

namespace nextcall::web {

std::optional<std::string> ResponseCache::get(Id workspace, const std::string& key, Instant now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.generation != generation_[workspace] || it->second.stored + ttl_ <= now) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.body;
}

std::uint64_t ResponseCache::generation(Id workspace) {
  std::lock_guard<std::mutex> lock(mu_);
  return generation_[workspace];
}

void ResponseCache::put(Id workspace, const std::string& key, std::string body, Instant now,
                        std::uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_[workspace]) return;  // a write landed meanwhile
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = Entry{generation, now, std::move(body)};
}

void ResponseCache::invalidate(Id workspace) {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_[workspace];
}

}  // namespace nextcall::web
