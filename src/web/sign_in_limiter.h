// The limit on failed sign-ins, shared by every server process on the database (the counts
// are rows of the store, so a team running several servers counts once).
//
// Three counts, each on a key of its own (a hash: the table holds no address or e-mail):
// - one account from one address (a forgotten password; a guesser at one account);
// - one address across every account (one machine guessing many accounts);
// - one account across the addresses that have failed (a guesser that moves around).
// After `free` failures a key waits before its next try, twice as long after each further
// failure (1 s, 2 s, 4 s... at most the window), and a window without failures forgets it.
//
// Each try is counted as a failure BEFORE the password is checked, with an atomic add
// that returns the count with it: tries made at the same time get 1, 2, 3..., so parallel
// tries cannot pass the limit together. A right password takes its count back.
//
// An address that has not failed is never refused: its first tries are limited by nothing
// another address did, so nobody can lock a user out from elsewhere.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "core/model.h"
#include "core/status.h"
#include "store/store.h"

namespace nextcall::web {

struct SignInPolicy {
  int per_pair = 5;       // failures of one account from one address before the waits
  int per_address = 50;   // failures from one address, any account
  int per_account = 10;   // failures of one account, from addresses that failed
  std::chrono::seconds window = std::chrono::minutes(10);  // forgets after; the longest wait
  std::chrono::seconds first_wait = std::chrono::seconds(1);

  // The policy for `allowed` failures per account and address (ServerOptions): ten times
  // as many per address, twice as many per account.
  static SignInPolicy from(int allowed, std::chrono::seconds window);
};

class SignInLimiter {
 public:
  explicit SignInLimiter(SignInPolicy p) : p_(p) {}

  // One try, counted before its check. wait_seconds > 0: refused, try again then.
  struct Try {
    long wait_seconds = 0;
    std::string pair_key, address_key, account_key;
  };
  // `address` is the client's (see client_address); `account` the e-mail as typed.
  Result<Try> begin(Store& store, const std::string& address, const std::string& account, Instant now);
  // The password was right: the try was no failure (the pair's earlier ones are forgotten).
  Status succeeded(Store& store, const Try& t);

  // The wait after `failures` failures of a key allowed `free` of them.
  std::chrono::seconds wait_after(long failures, int free) const;

 private:
  SignInPolicy p_;
  std::atomic<unsigned> tries_{0};
};

// The address a request came from: the peer's, or behind a reverse proxy that is trusted
// (--trust-proxy), the last address of X-Forwarded-For (the one the proxy itself added; the
// ones before it are the client's word).
std::string client_address(const std::string& peer, const std::string& forwarded_for, bool trust_proxy);

}  // namespace nextcall::web
