// Requests a client may send again: a state-changing request signed in with an
// `Idempotency-Key` header (1 to 200 printable ASCII characters; the web app sends a new
// UUID per save, and the same one when it sends that save again) is applied once. Its
// answer is kept a day under the workspace, the user and the key, written in the
// transaction of the request's own writes, so a server killed between its commit and its
// reply still has it. The same key again:
//   with the same method, path and body: the kept answer, with `Idempotent-Replayed: true`;
//   with another: 422 naming the header;
//   while the first is still being served: 409 with Retry-After.
#pragma once

#include <httplib.h>

#include <chrono>
#include <optional>
#include <string>

#include "core/status.h"

namespace nextcall::web {

inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";
inline constexpr std::size_t kIdempotencyKeyMaxLength = 200;
// How long an answer is kept under its key.
inline constexpr std::chrono::hours kIdempotencyKeyLifetime{24};
// A key still in flight after this long was left by a server that died serving it (a
// finished request records its answer in its own transaction): it is claimed anew.
inline constexpr std::chrono::minutes kIdempotencyKeyStale{10};

struct IdempotencyKey {
  std::string key;
  std::string fingerprint;  // SHA-256 of the method, the path with its query and the body, in hex
};

// The request's key: nullopt without the header; InvalidArgument naming the header when
// it is empty, longer than 200 characters or holds anything but printable ASCII.
Result<std::optional<IdempotencyKey>> read_idempotency_key(const httplib::Request& req);

}  // namespace nextcall::web
