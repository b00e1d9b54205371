#include "io/coach_report_text.h"

#include <fmt/format.h>

#include "core/civil_time.h"
#include "core/model_text.h"

namespace nextcall {

std::string moment_text(const Finding& f) {
  if (!f.at) return f.turn < 0 ? "whole call" : fmt::format("turn {}", f.turn + 1);
  int s = static_cast<int>(*f.at);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{:02}:{:02}", s / 60, s % 60);
}

std::string render_coach_text(const Transcript& t, const CoachReport& r) {
  std::string o;
  for (const auto& w : r.warnings) o += "warning: " + w + "\n";
  o += fmt::format("Call: {} turns{}\n", t.turns.size(), r.voicemail ? " (voicemail)" : "");
  if (r.findings.empty()) o += "\nNo findings.\n";
  for (const auto& f : r.findings) {
    o += fmt::format("\n[{}] at {}\n  said:    \"{}\"\n  why:     {}\n  instead: {}\n", f.rule,
                     moment_text(f), f.words, f.why, f.instead);
    if (!f.detail.empty()) o += "  detail:  " + f.detail + "\n";
  }
  const TalkFigures& g = r.figures;
  o += "\nFigures\n";
  if (g.available)
    o += fmt::format("  rep share of talk: {:.0f}% (by {})\n", g.rep_share * 100, g.by_time ? "time" : "words");
  else
    o += "  rep share of talk: not available (one speaker)\n";
  o += fmt::format("  questions asked by the rep: {}\n", g.rep_questions);
  if (g.longest_monologue_turn >= 0)
    o += fmt::format("  longest monologue: {} {} by {} (from turn {})\n", g.longest_monologue,
                     g.by_time ? "s" : "words", g.longest_monologue_speaker, g.longest_monologue_turn + 1);
  if (!r.voicemail) {
    o += "\nClose (" + r.close.ladder + " ladder)\n";
    if (r.close.asks.empty()) o += "  no ask\n";
    for (const auto& a : r.close.asks)
      o += fmt::format("  turn {}: asked {} - {}\n", a.turn + 1, a.rung, a.agreed ? "agreed" : "not agreed");
  }
  const CoachMemory& m = r.memory;
  o += "\nMemory for the next call\n";
  int n = 0;
  for (const auto& th : m.threads)
    o += fmt::format("  {}. thread ({}): {}\n", ++n, to_text(th.kind), th.topic);
  for (const auto& c : m.commitments)
    o += fmt::format("  {}. commitment ({}): {}{}\n", ++n, to_text(c.owner), c.what,
                     c.due_on ? " - due " + format_date(*c.due_on) : "");
  if (m.hot_button) o += fmt::format("  {}. hot button: {}\n", ++n, *m.hot_button);
  for (const auto& ob : m.objections)
    o += fmt::format("  {}. objection {}: {}\n", ++n, ob.code, ob.detail);
  if (n == 0) o += "  nothing found\n";
  if (!m.rung_agreed.empty()) o += "  rung agreed: " + m.rung_agreed + "\n";
  return o;
}

}  // namespace nextcall
