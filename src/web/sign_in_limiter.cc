#include "web/sign_in_limiter.h"

#include <algorithm>
#include <cctype>

#include "app/auth.h"

namespace nextcall::web {
namespace {

std::string lowered(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::string trimmed(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

SignInPolicy SignInPolicy::from(int allowed, std::chrono::seconds window) {
  SignInPolicy p;
  p.per_pair = std::max(1, allowed);
  p.per_address = std::max(1, allowed * 10);
  p.per_account = std::max(1, allowed * 2);
  p.window = window;
  return p;
}

std::chrono::seconds SignInLimiter::wait_after(long failures, int free) const {
  if (failures < free) return std::chrono::seconds(0);
  const long doublings = std::min<long>(failures - free, 30);
  const long long wait = static_cast<long long>(p_.first_wait.count()) << doublings;
  return std::chrono::seconds(std::min<long long>(wait, p_.window.count()));
}

Result<SignInLimiter::Try> SignInLimiter::begin(Store& store, const std::string& address,
                                                const std::string& account, Instant now) {
  Try t;
  const std::string who = lowered(account);
  t.pair_key = secret_hash("sign-in pair\n" + address + "\n" + who);
  t.address_key = secret_hash("sign-in address\n" + address);
  t.account_key = secret_hash("sign-in account\n" + who);
  // Now and then, forget the keys of the window before (made-up e-mails add up).
  if (++tries_ % 256 == 0) (void)store.purge_sign_in_failures(now - p_.window);

  auto wait_of = [&](const SignInFailures& f, int free) -> long {
    if (f.failures < free) return 0;
    return std::max<long>(0, (f.last + wait_after(f.failures, free) - now).count());
  };
  // First a look, which refuses without counting (retrying early does not make it longer).
  auto pair = store.get_sign_in_failures(t.pair_key, now, p_.window);
  if (!pair.ok()) return pair.status();
  auto addr = store.get_sign_in_failures(t.address_key, now, p_.window);
  if (!addr.ok()) return addr.status();
  const bool address_failed = pair->failures > 0 || addr->failures > 0;
  long wait = std::max(wait_of(*pair, p_.per_pair), wait_of(*addr, p_.per_address));
  if (address_failed) {
    auto acct = store.get_sign_in_failures(t.account_key, now, p_.window);
    if (!acct.ok()) return acct.status();
    wait = std::max(wait, wait_of(*acct, p_.per_account));
  }
  if (wait > 0) {
    t.wait_seconds = wait;
    return t;
  }
  // Then the count, before the check: each try learns its own place among tries made at
  // the same time, and goes ahead only if its place was free when the one before it came.
  auto place = [&](const SignInFailures& f, int free) -> long {
    const long before = f.failures - 1;
    if (before < free) return 0;
    return std::max<long>(0, (f.previous + wait_after(before, free) - now).count());
  };
  auto pair_n = store.add_sign_in_failure(t.pair_key, now, p_.window);
  if (!pair_n.ok()) return pair_n.status();
  auto addr_n = store.add_sign_in_failure(t.address_key, now, p_.window);
  if (!addr_n.ok()) return addr_n.status();
  auto acct_n = store.add_sign_in_failure(t.account_key, now, p_.window);
  if (!acct_n.ok()) return acct_n.status();
  wait = std::max(place(*pair_n, p_.per_pair), place(*addr_n, p_.per_address));
  if (address_failed) wait = std::max(wait, place(*acct_n, p_.per_account));
  t.wait_seconds = wait;
  return t;
}

Status SignInLimiter::succeeded(Store& store, const Try& t) {
  NEXTCALL_RETURN_IF_ERROR(store.remove_sign_in_failures(t.pair_key, true));
  NEXTCALL_RETURN_IF_ERROR(store.remove_sign_in_failures(t.address_key, false));
  return store.remove_sign_in_failures(t.account_key, false);
}

std::string client_address(const std::string& peer, const std::string& forwarded_for, bool trust_proxy) {
  if (!trust_proxy || forwarded_for.empty()) return peer;
  const std::size_t comma = forwarded_for.rfind(',');
  std::string last = trimmed(comma == std::string::npos ? forwarded_for : forwarded_for.substr(comma + 1));
  if (last.empty() || last.size() > 64) return peer;
  return last;
}

}  // namespace nextcall::web
