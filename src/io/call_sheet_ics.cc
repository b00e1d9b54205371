#include "io/call_sheet_ics.h"

#include <libical/ical.h>

#include <sstream>

#include "core/civil_time.h"
#include "io/call_sheet_text.h"

namespace nextcall {
namespace {

icaltimetype utc_time(Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

}  // namespace

std::string call_sheet_ics(const CallSheet& s, int call_minutes) {
  icalcomponent* cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
                                           icalproperty_new_prodid("-//nextcall//call sheet//EN"),
                                           static_cast<void*>(nullptr));
  for (const Brief& b : s.calls) {
    if (!b.has_window()) continue;  // no time to put it at (never the epoch)
    std::ostringstream text;
    write_brief_text(text, b, s.rep_timezone);
    std::string uid = "call-" + format_date(s.day) + "-" + std::to_string(s.rep_id) + "-" +
                      std::to_string(b.contact_id) + "@nextcall";
    std::string summary = "Call " + b.name + (b.company.empty() ? "" : " (" + b.company + ")") + " — ask for " +
                          b.close.rung;
    icalcomponent* ev = icalcomponent_vanew(
        ICAL_VEVENT_COMPONENT, icalproperty_new_uid(uid.c_str()),
        icalproperty_new_dtstamp(utc_time(s.generated_at)), icalproperty_new_dtstart(utc_time(b.slot)),
        icalproperty_new_dtend(utc_time(b.slot + std::chrono::minutes{call_minutes})),
        icalproperty_new_summary(summary.c_str()), icalproperty_new_description(text.str().c_str()),
        icalproperty_new_location(("tel:" + b.phone_e164).c_str()), static_cast<void*>(nullptr));
    icalcomponent_add_component(cal, ev);
  }
  // The rep's coming appointments: meetings and callbacks agreed, and the times left on
  // voicemails, held as tentative until the contact confirms or the time passes.
  for (const SheetAppointment& sa : s.appointments) {
    const Appointment& ap = sa.appointment;
    bool tentative = ap.status == AppointmentStatus::kProposed;
    std::string uid = "appointment-" + std::to_string(ap.id) + "@nextcall";
    std::string summary = (ap.is_callback ? "Call back " : tentative ? "Proposed, to confirm: " : "Meeting: ") +
                          sa.contact_name + (ap.place.empty() || ap.place == "phone" ? "" : " at " + ap.place);
    icalcomponent* ev = icalcomponent_vanew(
        ICAL_VEVENT_COMPONENT, icalproperty_new_uid(uid.c_str()),
        icalproperty_new_dtstamp(utc_time(s.generated_at)), icalproperty_new_dtstart(utc_time(ap.starts_at)),
        icalproperty_new_dtend(utc_time(ap.starts_at + std::chrono::minutes{ap.duration_minutes})),
        icalproperty_new_summary(summary.c_str()),
        icalproperty_new_status(tentative ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED),
        static_cast<void*>(nullptr));
    if (!ap.place.empty()) icalcomponent_add_property(ev, icalproperty_new_location(ap.place.c_str()));
    icalcomponent_add_component(cal, ev);
  }
  char* out = icalcomponent_as_ical_string_r(cal);
  std::string result = out ? out : "";
  free(out);
  icalcomponent_free(cal);
  return result;
}

Result<std::vector<IcsEvent>> read_ics_events(const std::string& text) {
  icalcomponent* cal = icalparser_parse_string(text.c_str());
  if (!cal) return Status::InvalidArgument("not an iCalendar file");
  std::vector<IcsEvent> out;
  for (icalcomponent* ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
    IcsEvent e;
    if (const char* uid = icalcomponent_get_uid(ev)) e.uid = uid;
    if (const char* sum = icalcomponent_get_summary(ev)) e.summary = sum;
    if (const char* d = icalcomponent_get_description(ev)) e.description = d;
    icaltimetype start = icalcomponent_get_dtstart(ev);
    e.start = Instant{std::chrono::seconds{icaltime_as_timet_with_zone(start, icaltimezone_get_utc_timezone())}};
    out.push_back(std::move(e));
  }
  icalcomponent_free(cal);
  return out;
}

}  // namespace nextcall
