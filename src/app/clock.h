// The clock, behind an interface so every use case can be run at a fixed "now" in tests.
// core/ never sees a clock: app/ reads it once and passes the instant down.
#pragma once

#include "core/model.h"

namespace nextcall {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

// The machine's clock, truncated to seconds.
class SystemClock : public Clock {
 public:
  Instant now() const override;
};

// Always the same instant: for tests and for $NEXTCALL_NOW.
class FixedClock : public Clock {
 public:
  explicit FixedClock(Instant t) : t_(t) {}
  Instant now() const override { return t_; }

 private:
  Instant t_;
};

}  // namespace nextcall
