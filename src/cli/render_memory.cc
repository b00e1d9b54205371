#include "cli/render_memory.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/civil_time.h"
#include "core/local_time.h"
#include "core/model_text.h"
#include "io/model_json.h"
#include "io/phone_numbers.h"

namespace nextcall::cli {

std::string contact_line(const Contact& c, const std::optional<Account>& account) {
  std::string s = c.full_name();
  if (!c.title.empty()) s += ", " + c.title;
  if (account) s += ", " + account->name;
  return s;
}

namespace {

std::string opt_date(const std::optional<Date>& d) { return d ? format_date(*d) : "no date"; }

// How an appointment stands, said: "tentative, left on voicemail:", "confirmed callback", "done".
std::string appointment_words(const Appointment& a) {
  if (a.status == AppointmentStatus::kProposed) {
    if (a.is_callback) return "tentative callback";
    if (a.place == "phone") return "tentative, left on voicemail:";
    return "tentative";
  }
  return std::string(to_text(a.status)) + (a.is_callback ? " callback" : "");
}

}  // namespace

void print_memory(std::ostream& out, const ContactMemory& m) {
  const Contact& c = m.contact;
  out << "#" << c.id << "  " << contact_line(c, m.account) << "\n";
  out << "  " << to_text(c.role) << ", " << to_text(c.stage);
  if (c.cadence.kind != Cadence::Kind::kNone) out << ", called " << to_text(c.cadence);
  out << "\n";
  for (const Phone& p : c.phones)
    out << "  phone     " << format_phone_national(p.e164) << "  (" << p.e164 << ", " << p.kind
        << ")\n";
  if (!c.email.empty()) out << "  e-mail    " << c.email << "\n";
  out << "  zone      " << (c.timezone.empty() ? "unknown (set with: nextcall contact edit " +
                                                      std::to_string(c.id) + " --timezone ZONE)"
                                                : c.timezone)
      << "\n";
  std::string place = c.city;
  if (!c.region.empty()) place += (place.empty() ? "" : ", ") + c.region;
  if (!c.country.empty()) place += (place.empty() ? "" : ", ") + c.country;
  if (!place.empty()) out << "  place     " << place << "\n";
  if (c.do_not_call)
    out << "  DO NOT CALL since " << opt_date(c.do_not_call_since) << ": " << c.do_not_call_reason
        << "\n";
  if (c.snoozed_until)
    out << "  snoozed until " << format_date(*c.snoozed_until) << ": " << c.snooze_reason << "\n";
  out << "  hot button  " << (c.hot_button.empty() ? "unknown — qualify before any follow-up"
                                                     : c.hot_button)
      << "\n";
  if (!m.threads.empty()) {
    out << "\nThreads\n";
    for (const Thread& t : m.threads)
      out << "  [" << t.id << "] " << (t.open ? "open  " : "closed") << " " << to_text(t.kind)
          << ": " << t.topic << (t.detail.empty() ? "" : " — " + t.detail)
          << (t.mentioned_on ? " (" + format_date(*t.mentioned_on) + ")" : "") << "\n";
  }
  if (!m.objections.empty()) {
    out << "\nObjections\n";
    for (const Objection& o : m.objections) {
      out << "  [" << o.id << "] " << to_text(o.status) << " " << o.code;
      if (o.amount) out << " (" << *o.amount << ")";
      if (!o.detail.empty()) out << ": " << o.detail;
      if (o.answered_by_change_id) out << " — answered by change " << *o.answered_by_change_id;
      out << "\n";
    }
  }
  if (!m.materials.empty()) {
    out << "\nMaterials\n";
    for (const Material& mat : m.materials) {
      out << "  [" << mat.id << "] " << mat.title << " sent " << opt_date(mat.sent_on)
          << (mat.link.empty() ? "" : " (" + mat.link + ")") << "\n";
      for (const Pointer& p : mat.pointers)
        out << "        " << p.location << " -> " << p.hot_button << "\n";
    }
  }
  if (!m.commitments.empty()) {
    out << "\nCommitments\n";
    for (const Commitment& k : m.commitments)
      out << "  [" << k.id << "] " << to_text(k.status) << " " << to_text(k.owner) << ": "
          << k.what << ", due " << opt_date(k.due_on) << "\n";
  }
  if (!m.referrals.empty()) {
    out << "\nReferrals\n";
    for (const Referral& r : m.referrals)
      out << "  [" << r.id << "] referred by " << r.referrer_name
          << (r.introduced ? ", introduction made" : ", not introduced yet") << "\n";
  }
  if (!m.appointments.empty()) {
    out << "\nAppointments\n";
    for (const Appointment& a : m.appointments)
      out << "  [" << a.id << "] " << appointment_words(a) << " "
          << format_local(a.starts_at, c.timezone) << " their time"
          << (a.place.empty() || a.place == "phone" ? "" : " at " + a.place) << "\n";
  }
  if (!m.attempts.empty()) {
    out << "\nLast calls\n";
    std::size_t from = m.attempts.size() > 5 ? m.attempts.size() - 5 : 0;
    for (std::size_t i = from; i < m.attempts.size(); ++i) {
      const Attempt& a = m.attempts[i];
      out << "  " << format_local(a.at, c.timezone) << " their time, " << to_text(a.outcome)
          << (a.rung.empty() ? "" : ", agreed to " + a.rung)
          << (a.note.empty() ? "" : " — " + a.note) << "\n";
    }
  }
}


}  // namespace nextcall::cli
