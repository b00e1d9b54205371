// The day's calls as an iCalendar file (RFC 5545, written with libical): one event per
// call at its dial time, the brief in the description, for the rep's calendar.
#pragma once

#include <string>

#include "core/brief.h"
#include "core/status.h"

namespace nextcall {

std::string call_sheet_ics(const CallSheet& s, int call_minutes);

// Reads back the events of an iCalendar text: (UID, DTSTART as UTC, SUMMARY). For tests
// and for importing a calendar. InvalidArgument when it is not iCalendar.
struct IcsEvent {
  std::string uid, summary, description;
  Instant start{};
};
Result<std::vector<IcsEvent>> read_ics_events(const std::string& text);

}  // namespace nextcall
