#include "core/call_windows.h"

#include <algorithm>

#include "core/local_time.h"

namespace nextcall {

int window_at(const Settings& s, int local_minute) {
  for (std::size_t i = 0; i < s.windows.size(); ++i)
    if (local_minute >= s.windows[i].start_minute && local_minute < s.windows[i].end_minute)
      return static_cast<int>(i);
  return -1;
}

std::vector<CandidateWindow> windows_for(const Settings& s, const std::string& contact_zone,
                                         const std::string& rep_zone, Date day, Instant now) {
  const std::string& zone = contact_zone.empty() ? rep_zone : contact_zone;
  Instant day_start = zoned_instant(day, 0, rep_zone);
  Instant day_end = zoned_instant(day + std::chrono::days{1}, 0, rep_zone);
  std::vector<CandidateWindow> out;
  for (int delta = -1; delta <= 1; ++delta) {
    Date local = day + std::chrono::days{delta};
    std::chrono::weekday wd{local};
    if (!s.call_weekends && (wd == std::chrono::Saturday || wd == std::chrono::Sunday)) continue;
    if (std::find(s.holidays.begin(), s.holidays.end(), local) != s.holidays.end()) continue;
    for (std::size_t i = 0; i < s.windows.size(); ++i) {
      int from = std::max(s.windows[i].start_minute, s.quiet_before_minute);
      int to = std::min(s.windows[i].end_minute, s.quiet_after_minute);
      if (to <= from) continue;
      Instant start = zoned_instant(local, from, zone);
      Instant end = zoned_instant(local, to, zone);
      start = std::max({start, day_start, now});
      end = std::min(end, day_end);
      if (end - start < std::chrono::minutes{5}) continue;
      out.push_back({i, local, start, end});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const CandidateWindow& a, const CandidateWindow& b) { return a.start < b.start; });
  return out;
}

std::vector<WindowCounts> count_by_window(const Settings& s, std::span<const Attempt> attempts,
                                          const std::string& zone) {
  std::vector<WindowCounts> counts(s.windows.size());
  for (const Attempt& a : attempts) {
    int w = window_at(s, local_minute_of_day(a.at, zone));
    if (w < 0) continue;
    ++counts[static_cast<std::size_t>(w)].attempts;
    if (a.outcome == Outcome::kConnected) ++counts[static_cast<std::size_t>(w)].connects;
  }
  return counts;
}

WindowTable::WindowTable(const Settings& s) : window_(1440, -1) {
  // Windows are few (fewer than 128); an int8 per minute.
  for (int m = 0; m < 1440; ++m) window_[static_cast<std::size_t>(m)] = static_cast<std::int8_t>(window_at(s, m));
}

void count_by_window(const WindowTable& table, std::size_t windows, std::span<const MinuteCount> minutes,
                     std::vector<WindowCounts>* out) {
  out->assign(windows, WindowCounts{});
  for (const MinuteCount& m : minutes) {
    int w = table.at(m.minute);
    if (w < 0) continue;
    (*out)[static_cast<std::size_t>(w)].attempts += m.attempts;
    (*out)[static_cast<std::size_t>(w)].connects += m.connects;
  }
}

std::vector<WindowCounts> count_by_window(const Settings& s, std::span<const MinuteCount> minutes) {
  std::vector<WindowCounts> counts;
  count_by_window(WindowTable(s), s.windows.size(), minutes, &counts);
  return counts;
}

double connect_estimate(const WindowCounts& contact, const WindowCounts& workspace,
                        double strength) {
  // Prior mean from the workspace (with a weak 1/3 default when it has no data, seed 002:
  // "one in three, maybe?"), worth `strength` attempts.
  double prior_mean = workspace.attempts > 0
                          ? (workspace.connects + 1.0) / (workspace.attempts + 3.0)
                          : 1.0 / 3.0;
  double alpha = prior_mean * strength + contact.connects;
  double beta = (1.0 - prior_mean) * strength + (contact.attempts - contact.connects);
  return alpha / (alpha + beta);
}

}  // namespace nextcall
