// A cache of the two answers a rep's screen asks for all day — the sheet and the briefs
// — which take milliseconds to plan but change only when something is written.
//
// Entries are keyed by the workspace, the user and the request, and stamped with the
// workspace's generation: every successful write through this server bumps it, so a
// reader never sees an answer older than the last write it could know of. Writes made
// by another process (the CLI on the same database) are picked up within `ttl`.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/model.h"

namespace nextcall::web {

class ResponseCache {
 public:
  explicit ResponseCache(std::chrono::seconds ttl, std::size_t max_entries = 20000)
      : ttl_(ttl), max_entries_(max_entries) {}

  std::optional<std::string> get(Id workspace, const std::string& key, Instant now);
  // The workspace's generation: read it before computing an answer and store the answer
  // with it, so a write that lands while the answer is computed makes it stale at once.
  std::uint64_t generation(Id workspace);
  void put(Id workspace, const std::string& key, std::string body, Instant now, std::uint64_t generation);
  // Something in the workspace changed: forget every answer about it.
  void invalidate(Id workspace);

 private:
  struct Entry {
    std::uint64_t generation = 0;
    Instant stored{};
    std::string body;
  };
  std::chrono::seconds ttl_;
  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<Id, std::uint64_t> generation_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace nextcall::web
