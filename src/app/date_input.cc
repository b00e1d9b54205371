#include "app/date_input.h"

#include "core/civil_time.h"
#include "core/local_time.h"

namespace nextcall {

Date today_for(const Actor& actor, Instant now) { return local_date(now, actor.rep.timezone); }

Result<Date> parse_date_arg(const std::string& text, Date today, const std::string& option) {
  auto d = parse_relative_date(text, today);
  if (!d)
    return Status::InvalidArgument(option + ": '" + text +
                                   "' is not a date (use 2026-12-03, today, tomorrow, +3d, +2w "
                                   "or a weekday such as friday)");
  return *d;
}

Result<Instant> parse_time_arg(const std::string& text, const std::string& zone,
                               const std::string& option) {
  bool has_offset = text.size() > 16 && (text.back() == 'Z' || text.back() == 'z' ||
                                         text.find_first_of("+-", 16) != std::string::npos);
  if (has_offset) {
    if (auto t = parse_instant(text)) return *t;
  } else if (text.size() >= 16) {
    auto day = parse_date(text.substr(0, 10));
    auto minutes = parse_clock_minutes(text.substr(11, 5));
    if (day && minutes && (text[10] == ' ' || text[10] == 'T') && text.size() <= 19)
      return zoned_instant(*day, *minutes, zone);
  }
  // Which part is impossible, when the shape is right: a day the calendar does not have
  // (2026-02-30) or an hour the clock does not (25:00).
  std::string why = "is not a time";
  if (text.size() >= 16 && (text[10] == ' ' || text[10] == 'T') && text[4] == '-' && text[7] == '-' &&
      text[13] == ':') {
    if (!parse_date(text.substr(0, 10)))
      why = "has no such day (" + text.substr(0, 10) + " is not on the calendar)";
    else if (!parse_clock_minutes(text.substr(11, 5)))
      why = "has no such time of day (" + text.substr(11, 5) + ": hours 00-23, minutes 00-59)";
  }
  return Status::InvalidArgument(option + ": '" + text + "' " + why +
                                 " (use '2026-12-03 10:00' in the contact's local "
                                 "time, or ISO 8601 with an offset)");
}

}  // namespace nextcall
