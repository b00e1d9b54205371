#include "io/call_sheet_text.h"

#include <cstdio>
#include <ostream>

#include "core/civil_time.h"
#include "core/close_ladder.h"
#include "core/local_time.h"

namespace nextcall {

void write_brief_text(std::ostream& out, const Brief& b, const std::string& rep_zone) {
  out << "── " << b.name << (b.title.empty() ? "" : ", " + b.title)
      << (b.company.empty() ? "" : " at " + b.company) << "  (#" << b.contact_id << ", " << b.role
      << ", " << b.stage << ", " << to_text(b.kind) << " call)\n";
  if (!b.has_window()) {
    out << "   Who & when   " << (b.phone_display.empty() ? "" : b.phone_display + "  ") << "no window today\n";
    for (const auto& d : b.due_because) out << "   " << d << "\n";
    return;
  }
  if (b.last_call) {
    const LastCall& l = *b.last_call;
    out << "   Last call    " << l.their_text << " (" << l.rep_text << "): " << l.outcome
        << (l.rung.empty() ? "" : ", agreed to " + rung_words(l.rung))
        << (l.note.empty() ? "" : "; \"" + l.note + "\"") << "\n";
    for (const auto& p : l.promises) out << "                promised: " << p << "\n";
  } else {
    out << "   Last call    never called\n";
  }
  out << "   Who & when   " << b.phone_display << "  " << b.window.local_text << " = " << b.window.rep_text
      << "\n                dial at " << format_local(b.slot, rep_zone) << " your time; " << b.window.why << "\n";
  out << "   Approach     " << b.approach << ": " << b.approach_why << "\n";
  if (b.attempt > 1) {
    out << "                try " << b.attempt << " since the last conversation";
    if (!b.tried_before.empty()) out << "; before:";
    out << "\n";
    for (const auto& t : b.tried_before) out << "                  " << t << "\n";
  }
  out << "   Reason       " << (b.reason.sentence.empty() ? "(none yet: add one to the library)" : b.reason.sentence)
      << "\n                (" << b.reason.why << ")\n";
  out << "   Opener       \"" << b.opener << "\"\n";
  if (!b.hot_button.empty()) out << "   Hot button   " << b.hot_button << "\n";
  for (const auto& q : b.qualifying_questions) out << "   Qualify      " << q << "\n";
  if (b.material)
    out << "   Material     have the " << b.material->title << " in front of you: " << b.material->location
        << " → " << b.material->serves << "\n";
  out << "   Close        " << rung_ask_phrase(b.close.rung) << " (" << b.close.ladder << " ladder"
      << (b.close.highest_agreed.empty() ? "" : "; highest agreed: " + rung_words(b.close.highest_agreed)) << ")\n"
      << "                " << b.close.ask << "\n";
  if (!b.close.why.empty()) {
    out << "                " << b.close.why << "\n";
  } else if (!b.close.fallbacks.empty()) {
    out << "                if not: ";
    for (std::size_t k = 0; k < b.close.fallbacks.size(); ++k) out << (k ? " → " : "") << rung_words(b.close.fallbacks[k]);
    out << "\n";
  }
  if (b.fallback_play) out << "   Fallback     " << *b.fallback_play << "\n";
  if (b.introduction_ask) out << "   Introduction " << *b.introduction_ask << "\n";
  out << "   Voicemail    \"" << b.voicemail.text << "\"\n                (" << b.voicemail.words
      << " words, about " << b.voicemail.seconds << " s of " << b.voicemail.budget_seconds
      << "; the time: " << b.voicemail.slot_why << ")\n";
  if (b.gatekeeper_script)
    for (std::size_t i = 0; i < b.gatekeeper_script->size(); ++i)
      out << (i == 0 ? "   Gatekeeper   " : "                ") << (*b.gatekeeper_script)[i] << "\n";
  for (std::size_t i = 0; i < b.due_because.size(); ++i)
    out << (i == 0 ? "   Why now      " : "                ") << b.due_because[i] << "\n";
  char total[32];
  std::snprintf(total, sizeof total, "%.1f", b.priority);
  out << "   Priority     " << total << " =";
  for (std::size_t i = 0; i < b.priority_parts.size(); ++i) {
    char pts[32];
    std::snprintf(pts, sizeof pts, "%.1f", b.priority_parts[i].points);
    out << (i ? " + " : " ") << b.priority_parts[i].name << " " << pts;
  }
  out << "\n";
}

void write_call_sheet_text(std::ostream& out, const CallSheet& s, bool with_briefs) {
  out << "Call sheet for " << s.rep_name << ", " << format_date(s.day) << " ("
      << (s.rep_timezone.empty() ? "UTC" : s.rep_timezone) << "): " << s.calls.size() << " call"
      << (s.calls.size() == 1 ? "" : "s") << " of a capacity of " << s.capacity << "\n\n";
  out << "  #  YOUR TIME         THEIR TIME        WHO                          CLOSE            REASON\n";
  int n = 0;
  Instant now_line = s.generated_at;
  bool now_shown = false;
  for (const Brief& b : s.calls) {
    if (!now_shown && b.slot >= now_line) {
      out << "  ── now " << format_local(now_line, s.rep_timezone) << " ──\n";
      now_shown = true;
    }
    char line[512];
    std::string who = b.name + (b.company.empty() ? "" : " (" + b.company + ")");
    if (who.size() > 28) who = who.substr(0, 27) + "…";
    std::string reason = b.reason.text;
    if (reason.size() > 60) reason = reason.substr(0, 57) + "...";
    std::snprintf(line, sizeof line, "%3d  %-16s  %-16s  %-28s %-16s %s\n", ++n,
                  format_local(b.slot, s.rep_timezone).c_str(),
                  format_local(b.slot, b.contact_timezone.empty() ? s.rep_timezone : b.contact_timezone).c_str(),
                  who.c_str(), b.close.rung.c_str(), reason.c_str());
    out << line;
  }
  if (with_briefs) {
    out << "\n";
    for (const Brief& b : s.calls) {
      write_brief_text(out, b, s.rep_timezone);
      out << "\n";
    }
  }
  if (!s.overflow.empty()) {
    out << "\nOverflow (" << s.overflow.size() << ", over capacity):\n";
    for (const OverflowCall& b : s.overflow) {
      char pts[32];
      std::snprintf(pts, sizeof pts, "%.1f", b.priority);
      out << "  #" << b.contact_id << " " << b.name << " — priority " << pts << "\n";
    }
  }
  auto list = [&](const char* title, const std::vector<SheetEntry>& v) {
    if (v.empty()) return;
    out << "\n" << title << " (" << v.size() << "):\n";
    for (const auto& e : v) out << "  #" << e.contact_id << " " << e.name << " — " << e.why << "\n";
  };
  list("Needs a reason", s.needs_reason);
  list("Snoozed", s.snoozed);
  list("Not planned", s.skipped);
}

}  // namespace nextcall
