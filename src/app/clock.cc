#include "app/clock.h"

#include <chrono>

namespace nextcall {

Instant SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace nextcall
