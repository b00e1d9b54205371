// When to call: the workspace's local call windows (seed 003: before 8, at lunch and
// after 5 the screeners are out) placed on the plan day in the contact's zone, within
// quiet hours, never on their weekend or a holiday, and a learned estimate of which
// window connects best for this contact.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/call_history.h"
#include "core/model.h"
#include "core/settings.h"

namespace nextcall {

struct CandidateWindow {
  std::size_t index = 0;  // into Settings::windows
  Date local_date{};      // the contact's date for this window
  Instant start{}, end{};
};

// The windows a contact in `contact_zone` can be called in during the rep's plan day
// (the rep's local `day` in `rep_zone`), clipped to quiet hours, starting no earlier than
// `now`, in time order. Windows are taken from the contact's local dates that overlap the
// rep's day, so a rep in Los Angeles calling Auckland gets Auckland's morning of the
// next calendar date. Empty zone: the rep's zone.
std::vector<CandidateWindow> windows_for(const Settings& s, const std::string& contact_zone,
                                         const std::string& rep_zone, Date day, Instant now);

// The window (index into Settings::windows) a local time falls in; -1 when none.
int window_at(const Settings& s, int local_minute);

// window_at for every minute of the day, worked out once (the planner asks it for every
// minute a contact was ever called at).
class WindowTable {
 public:
  explicit WindowTable(const Settings& s);
  int at(int local_minute) const {
    return local_minute >= 0 && local_minute < 1440 ? window_[static_cast<std::size_t>(local_minute)] : -1;
  }

 private:
  std::vector<std::int8_t> window_;
};

struct WindowCounts {
  int attempts = 0;
  int connects = 0;
};

// Counts per window of the given attempts, classified by the contact's local time.
std::vector<WindowCounts> count_by_window(const Settings& s, std::span<const Attempt> attempts,
                                          const std::string& zone);

// The same from a call history's per-minute counts.
std::vector<WindowCounts> count_by_window(const Settings& s, std::span<const MinuteCount> minutes);
// The same into `out` (resized to the number of windows), so a loop over contacts reuses
// one buffer.
void count_by_window(const WindowTable& table, std::size_t windows, std::span<const MinuteCount> minutes,
                     std::vector<WindowCounts>* out);

// Beta–Bernoulli estimate of the connect rate in each window: the workspace's rate per
// window is the prior (with `strength` pseudo-attempts), this contact's counts the data.
double connect_estimate(const WindowCounts& contact, const WindowCounts& workspace,
                        double strength = 4.0);

}  // namespace nextcall
