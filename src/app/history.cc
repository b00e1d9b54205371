#include "app/history.h"

#include <algorithm>

#include "core/civil_time.h"
#include "core/model_text.h"

namespace nextcall {
namespace {

void add_dated(std::vector<HistoryEntry>* out, const std::optional<Date>& d, const char* kind, Id id,
               std::string text) {
  if (!d) return;
  HistoryEntry e;
  e.when = Instant{*d};
  e.dated_only = true;
  e.kind = kind;
  e.id = id;
  e.text = std::move(text);
  out->push_back(std::move(e));
}

}  // namespace

std::vector<HistoryEntry> build_history(const ContactMemory& m) {
  std::vector<HistoryEntry> out;
  for (const Attempt& a : m.attempts) {
    std::string text(to_text(a.outcome));
    if (!a.rung.empty()) text += ", agreed to " + a.rung;
    if (!a.reason.empty()) text += "; reason: " + a.reason;
    if (!a.note.empty()) text += "; note: " + a.note;
    if (a.next_on) text += "; next call " + format_date(*a.next_on);
    out.push_back({a.at, false, "call", a.id, text});
  }
  for (const Thread& t : m.threads)
    add_dated(&out, t.mentioned_on, "thread", t.id,
              std::string(to_text(t.kind)) + ": " + t.topic + (t.open ? "" : " (closed)"));
  for (const Objection& o : m.objections)
    add_dated(&out, o.recorded_on, "objection", o.id,
              o.code + (o.detail.empty() ? "" : ": " + o.detail) +
                  (o.status == ObjectionStatus::kAnswered ? " (answered)" : ""));
  for (const Material& mat : m.materials)
    add_dated(&out, mat.sent_on, "material", mat.id, "sent " + mat.title);
  for (const Commitment& c : m.commitments)
    add_dated(&out, c.created_on, "commitment", c.id,
              std::string(to_text(c.owner)) + " promised: " + c.what +
                  (c.due_on ? " by " + format_date(*c.due_on) : "") + " (" +
                  std::string(to_text(c.status)) + ")");
  for (const Referral& r : m.referrals)
    add_dated(&out, r.introduced_on, "referral", r.id, "introduced by " + r.referrer_name);
  for (const Appointment& a : m.appointments)
    out.push_back({a.starts_at, false, "appointment", a.id,
                   std::string(to_text(a.status)) + (a.place.empty() ? "" : " at " + a.place)});
  std::stable_sort(out.begin(), out.end(),
                   [](const HistoryEntry& a, const HistoryEntry& b) { return a.when < b.when; });
  return out;
}

}  // namespace nextcall
