#include "web/idempotency.h"

#include <sodium.h>

namespace nextcall::web {

Result<std::optional<IdempotencyKey>> read_idempotency_key(const httplib::Request& req) {
  if (!req.has_header(kIdempotencyHeader)) return std::optional<IdempotencyKey>();
  std::string key = req.get_header_value(kIdempotencyHeader);
  bool printable = !key.empty() && key.size() <= kIdempotencyKeyMaxLength;
  for (char ch : key) printable = printable && ch >= 0x20 && ch <= 0x7e;
  if (!printable)
    return Status::InvalidArgument(std::string(kIdempotencyHeader) + ": give 1 to " +
                                   std::to_string(kIdempotencyKeyMaxLength) +
                                   " printable ASCII characters (a new UUID for each request, say)");
  const std::string what = req.method + " " + req.target + "\n" + req.body;
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(what.data()), what.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return std::optional<IdempotencyKey>(IdempotencyKey{std::move(key), hex});
}

}  // namespace nextcall::web
